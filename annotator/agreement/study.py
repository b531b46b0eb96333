"""A project's reliability data laid out once for every measure of the report.

Documents are placed end to end on one global axis (as the unitizing measures do), and each
coder's spans are merged per category: the character, presence and token measures need one
value per position, coder and category, so nested spans of one code count once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.agreement.report_input import AgreementInput, DocumentUnits
from annotator.agreement.units import Doc, Unit, checked_unit, merge_overlaps


@dataclass(frozen=True)
class SpanArrays:
    """Merged spans on the global axis: ``category`` indexes the categories asked for."""

    categories: tuple[str, ...]
    coder: np.ndarray
    category: np.ndarray
    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray

    def count(self, docs: np.ndarray) -> np.ndarray:
        """Merged units per category inside the documents selected by the mask ``docs``."""
        keep = docs[self.doc]
        return np.bincount(self.category[keep], minlength=len(self.categories))

    def count_any(self, docs: np.ndarray) -> int:
        """Units inside the selected documents once every category is merged into one (how
        |uα counts: overlapping spans of one coder form a single unit whatever their codes)."""
        keep = docs[self.doc]
        merged = merge_overlaps(self.coder[keep], self.start[keep], self.end[keep])
        return len(merged[0])


@dataclass(frozen=True)
class Study:
    """The coders of the study and the documents at least one of them coded.

    ``coders`` are the selected coders with at least one document (a coder without any
    document has nothing to agree about and would make every document incomplete);
    ``idle_coders`` the selected ones left out for that reason. ``present[d, i]``: coder i
    coded document d (a listed coder who marked nothing there marked all of it as gap).
    """

    coders: tuple[str, ...]
    idle_coders: tuple[str, ...]
    documents: tuple[DocumentUnits, ...]
    begin: np.ndarray
    end: np.ndarray
    present: np.ndarray

    @property
    def total_length(self) -> int:
        return int(self.end[-1]) if len(self.end) else 0

    @property
    def lengths(self) -> np.ndarray:
        return self.end - self.begin

    @property
    def complete(self) -> np.ndarray:
        """Documents coded by every coder of the study (what alpha_u and kappas need)."""
        return self.present.all(axis=1) & (len(self.coders) >= 2)

    @property
    def pairable(self) -> np.ndarray:
        """Documents coded by at least two coders (the others cannot show agreement)."""
        return self.present.sum(axis=1) >= 2

    def coders_in(self, docs: np.ndarray) -> int:
        """How many coders coded at least one of the documents selected by ``docs``."""
        return int(self.present[docs].any(axis=0).sum())

    def spans(self, mapping: Mapping[str, str], categories: Sequence[str]) -> SpanArrays:
        """Spans of the codes in ``mapping`` as its categories (codes mapped to one category,
        e.g. sub-codes to their parent, merge); other codes are left out."""
        coder_index = {c: i for i, c in enumerate(self.coders)}
        cat_index = {c: i for i, c in enumerate(categories)}
        rows = [(coder_index[s.coder], cat_index[mapping[s.code]], s.start + int(self.begin[d]),
                 s.end + int(self.begin[d]), d)
                for d, doc in enumerate(self.documents) for s in doc.spans
                if s.code in mapping and s.coder in coder_index and s.end > s.start]
        array = np.array(rows, dtype=np.int64).reshape(-1, 5)
        n_cat = max(len(categories), 1)
        group = array[:, 0] * n_cat + array[:, 1]
        group, start, end, doc = merge_overlaps(group, array[:, 2], array[:, 3], array[:, 4])
        return SpanArrays(tuple(categories), group // n_cat, group % n_cat, start, end, doc)

    def units(self, mapping: Mapping[str, str]) -> list[list[Unit]]:
        """Each document's spans as engine units, categorised by ``mapping`` (codes it leaves
        out are dropped)."""
        return [[checked_unit(s.coder, s.start, s.end, mapping[s.code]) for s in doc.spans
                 if s.code in mapping] for doc in self.documents]

    def continua(self, docs: np.ndarray, units: Sequence[list[Unit]],
                 with_coders: bool) -> list[Doc]:
        """The selected documents as the unitizing engine takes them: ``(units, 0, length)``,
        plus each document's coders when ``with_coders`` (for measures that allow missing
        coders)."""
        result: list[Doc] = []
        for d in np.flatnonzero(docs):
            length = self.documents[d].length
            if with_coders:
                coders = [c for i, c in enumerate(self.coders) if self.present[d, i]]
                result.append((units[d], 0, length, coders))
            else:
                result.append((units[d], 0, length))
        return result


def build_study(data: AgreementInput) -> Study:
    """Validate the input and fix the coders and documents of the study.

    A coder with spans in a document counts as having coded it even if ``coders`` does not
    list them (as agreement_data does); spans of codes not in ``data.codes`` are left out;
    spans outside the text are an error.
    """
    selected = list(dict.fromkeys(data.coders))
    codes = set(data.codes)
    documents = []
    for doc in data.documents:
        _check_spans(doc)
        who = (set(doc.coders) | {s.coder for s in doc.spans}) & set(selected)
        if who:
            documents.append(DocumentUnits(doc.uuid, doc.title, doc.text,
                                           [s for s in doc.spans
                                            if s.coder in who and s.code in codes], who))
    active = [c for c in selected if any(c in doc.coders for doc in documents)]
    lengths = np.fromiter((doc.length for doc in documents), np.int64, len(documents))
    end = np.cumsum(lengths)
    present = np.array([[c in doc.coders for c in active] for doc in documents],
                       dtype=bool).reshape(len(documents), len(active))
    return Study(tuple(active), tuple(c for c in selected if c not in active),
                 tuple(documents), end - lengths, end, present)


def _check_spans(doc: DocumentUnits) -> None:
    for span in doc.spans:
        if not 0 <= span.start <= span.end <= doc.length:
            raise ValueError(f"document {doc.uuid} ({doc.title!r}): span {span.start}..{span.end} "
                             f"by {span.coder} lies outside its text of {doc.length} characters")

