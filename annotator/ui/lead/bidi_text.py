"""Bidi isolates for values set into translated sentences (file names, reasons, names).

In a right-to-left interface a Latin file name or an English reason inside an Arabic sentence
would take the punctuation and numbers around it into its own run ("row 7 ,مقالات.csv").
Isolating the value keeps each run in its place; in a left-to-right interface the text is left
as it is, so that copied summaries carry no invisible characters.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

LRI, FSI, PDI, LRM = "\u2066", "\u2068", "\u2069", "\u200e"


def isolated(text: str) -> str:
    """``text`` as one run whose direction its first strong character decides (names, files)."""
    return f"{FSI}{text}{PDI}" if text and QGuiApplication.isRightToLeft() else text


def english(text: str) -> str:
    """An English line (a reason from the importers or the services) kept left to right."""
    return f"{LRI}{text}{PDI}" if text and QGuiApplication.isRightToLeft() else text


def english_line(text: str) -> str:
    """A line of English details that may start with an Arabic file name: it still reads left to
    right when each paragraph takes its own direction (:func:`paragraph_direction`)."""
    return f"{LRM}{text}" if text and QGuiApplication.isRightToLeft() else text


def paragraph_direction() -> Qt.LayoutDirection:
    """For a text of English lines under a translated headline: left to right in an English
    interface; otherwise each paragraph from its first strong character."""
    return (Qt.LayoutDirection.LayoutDirectionAuto if QGuiApplication.isRightToLeft()
            else Qt.LayoutDirection.LeftToRight)


def left_to_right(text: str) -> str:
    """A file name or an English line shown on its own (a cell, a progress bar): it reads left to
    right whatever the base direction ("مقالات.csv, row 2", not "row 2 ,csv.مقالات")."""
    if not text:
        return text
    return f"{LRI}{text}{PDI}" if QGuiApplication.isRightToLeft() else f"{LRM}{text}"
