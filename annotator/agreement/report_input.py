"""What the project report reads: plain spans per document, no database objects.

``annotator.db.services.agreement_data.agreement_input`` fills these from a project; tests and
other tools can build them directly. Offsets are code-point indices into ``text``, half-open.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SpanRow:
    """One annotation: who marked ``[start, end)`` with which code (a path, ``Kind/Code``)."""

    coder: str
    start: int
    end: int
    code: str


@dataclass
class DocumentUnits:
    """One document's text and spans, and the coders it counts for.

    ``coders`` are the coders who coded the document (assigned to it, or with annotations in
    it); a coder not listed is *missing* there, which is not the same as marking nothing.
    """

    uuid: str
    title: str
    text: str
    spans: list[SpanRow] = field(default_factory=list)
    coders: set[str] = field(default_factory=set)

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass
class AgreementInput:
    """The documents, the selected coders and codes (paths, codebook order), and each code's
    top-level code (``parents``: ``Kind/Code/Sub`` -> ``Kind/Code``; a top-level code maps to
    itself)."""

    documents: list[DocumentUnits]
    coders: list[str]
    codes: list[str]
    parents: dict[str, str]
