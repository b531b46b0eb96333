"""Counted nouns in the interface language ("1 document", "2 documents"; Arabic has six forms).

Qt spells plurals from a numerus message, and ``pyside6-lupdate`` recognises one only in a
``self.tr(text, "", count)`` call, so every counted noun of the interface is a method here. Use them
inside sentences with a placeholder: ``translate("Ctx", "{documents} left").format(documents=
plurals().documents(count))``.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject


class Plurals(QObject):
    """One method per counted noun; the count is part of the returned text."""

    def documents(self, count: int) -> str:
        return self.tr("%n document(s)", "", count)

    def articles(self, count: int) -> str:
        return self.tr("%n article(s)", "", count)

    def coders(self, count: int) -> str:
        return self.tr("%n coder(s)", "", count)

    def codes(self, count: int) -> str:
        return self.tr("%n code(s)", "", count)

    def annotations(self, count: int) -> str:
        return self.tr("%n annotation(s)", "", count)

    def spans(self, count: int) -> str:
        return self.tr("%n span(s)", "", count)

    def links(self, count: int) -> str:
        return self.tr("%n link(s)", "", count)

    def replicates(self, count: int) -> str:
        return self.tr("%n replicate(s)", "", count)

    def matches(self, count: int) -> str:
        return self.tr("%n match(es)", "", count)

    def files(self, count: int) -> str:
        return self.tr("%n file(s)", "", count)

    def rows(self, count: int) -> str:
        return self.tr("%n row(s)", "", count)

    def units(self, count: int) -> str:
        return self.tr("%n unit(s)", "", count)

    def clusters(self, count: int) -> str:
        return self.tr("%n cluster(s)", "", count)

    def characters(self, count: int) -> str:
        return self.tr("%n character(s)", "", count)

    def words(self, count: int) -> str:
        return self.tr("%n word(s)", "", count)

    def items(self, count: int) -> str:
        return self.tr("%n item(s)", "", count)

    def questions(self, count: int) -> str:
        return self.tr("%n question(s)", "", count)

    def answers(self, count: int) -> str:
        return self.tr("%n answer(s)", "", count)

    def required_values(self, count: int) -> str:
        return self.tr("%n required attribute value(s)", "", count)

    def more(self, count: int) -> str:
        return self.tr("… and %n more", "", count)

    def minutes(self, count: int) -> str:
        return self.tr("%n minute(s)", "", count)

    def hours(self, count: int) -> str:
        return self.tr("%n hour(s)", "", count)

    def days(self, count: int) -> str:
        return self.tr("%n day(s)", "", count)

    def sessions(self, count: int) -> str:
        return self.tr("%n session(s)", "", count)


@cache
def plurals() -> Plurals:
    """The one instance (it holds no state; the installed translators decide the wording)."""
    return Plurals()
