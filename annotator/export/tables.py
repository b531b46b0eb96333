"""The export as plain tables (Codebook, Documents, Segments, Relations), one source for the
Excel, CSV and SPSS/Stata writers.

A :class:`Table` is a name, columns with their legend, and rows produced lazily, so a writer can
stream a table of any size. Doc_Matrix is in :mod:`annotator.export.matrix`, Reliability and
Pairwise in :mod:`annotator.export.reliability`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from annotator.db.services.export_rows import (
    annotation_places,
    attribute_definitions,
    code_rules,
    document_keys,
    iter_documents,
    iter_relations,
    iter_segments,
)
from annotator.export.selection import Selection

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class Column:
    name: str
    legend: str
    width: int = 14
    arabic: bool = False
    """Holds Arabic text: read right to left."""
    parts: int = 1
    """Cells split into this many columns where a program limits cell length."""


@dataclass
class Table:
    name: str
    legend: str
    columns: list[Column]
    rows: Iterable[Sequence[Cell]]
    notes: list[str] = field(default_factory=list)

    @property
    def arabic(self) -> bool:
        return any(column.arabic for column in self.columns)


def codebook_table(selection: Selection, session: Session,
                   variables: dict[str, tuple[str, str]]) -> Table:
    """One row per chosen code, with the Doc_Matrix variable names it maps to."""
    attributes: dict[str, list[str]] = {}
    for attribute in attribute_definitions(session):
        choices = f": {' | '.join(attribute.choices)}" if attribute.choices else ""
        attributes.setdefault(attribute.code_id, []).append(
            f"{attribute.name} ({attribute.type}{choices})")
    columns = [
        Column("code_path", "Kind/Code/Sub-code (English names)", 34),
        Column("kind", "claim, source, actor or framing_device", 14),
        Column("name_ar", "Arabic name", 24, arabic=True),
        Column("name_en", "English name", 22),
        Column("definition", "definition", 50, arabic=True),
        Column("include", "include when", 40, arabic=True),
        Column("exclude", "exclude when", 40, arabic=True),
        Column("value_code", "numeric code (1-based, codebook order; Segments.value_code)", 10),
        Column("colour", "highlight colour", 10),
        Column("attributes", "attributes: name (type: choices), separated by ;", 40),
        Column("count_variable", "Doc_Matrix/SPSS/Stata variable: number of annotations", 22),
        Column("presence_variable", "Doc_Matrix/SPSS/Stata variable: 0 absent, 1 present", 22),
    ]
    details = code_rules(session)

    def rows() -> Iterator[list[Cell]]:
        for code in selection.codes.values():
            include, exclude = details.get(code.uuid, ("", ""))
            count, presence = variables[code.uuid]
            yield [code.path, code.kind.value, code.name_ar, code.name_en, code.definition,
                   include, exclude, selection.value_codes[code.uuid], code.colour,
                   "; ".join(attributes.get(code.uuid, [])), count, presence]

    return Table("Codebook", "the chosen codes in codebook order", columns, rows())


WORD = re.compile("(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+")
"""A letter or digit, or an Arabic diacritic (a combining mark, which \\w leaves out)."""


def count_words(text: str) -> int:
    """Runs of letters (with their diacritics) and digits; punctuation and emoji are not words."""
    return sum(1 for _ in WORD.finditer(text))


def documents_table(selection: Selection, session: Session) -> Table:
    coders = list(selection.coders.values())
    columns = [
        Column("document_id", "document UUID", 38), Column("external_id", "external id", 24),
        Column("title", "title", 40, arabic=True), Column("outlet", "outlet", 18, arabic=True),
        Column("date", "publication date", 12), Column("url", "address", 30),
        Column("characters", "length in code points of the canonical (NFC) text", 11),
        Column("words", "words (tokens with a letter or digit)", 9),
        Column("assigned_coders", "coders assigned, separated by ;", 20),
        *[Column(f"status_{name}", f"status of {name}: todo, in_progress, done, or empty "
                 "(not assigned)", 14) for name in coders],
    ]

    def rows() -> Iterator[list[Cell]]:
        for doc in iter_documents(session, selection.documents):
            yield [doc.uuid, doc.external_id, doc.title, doc.outlet, doc.date, doc.url,
                   len(doc.text), count_words(doc.text),
                   "; ".join(name for name in doc.statuses if name in coders),
                   *[doc.statuses.get(name) for name in coders]]

    return Table("Documents", "the chosen documents in project order", columns, rows())


def attribute_names(selection: Selection, session: Session) -> list[str]:
    """Attribute names of the chosen codes, codebook order, each once."""
    order = {code_id: index for index, code_id in enumerate(selection.codes)}
    chosen = [a for a in attribute_definitions(session) if a.code_id in order]
    chosen.sort(key=lambda a: order[a.code_id])  # stable: keeps each code's attribute order
    return list(dict.fromkeys(a.name for a in chosen))


def segments_table(selection: Selection, session: Session, text_parts: int = 1,
                   memo_parts: int = 1) -> Table:
    attributes = attribute_names(selection, session)
    external = dict(document_keys(session))
    columns = [
        Column("annotation_id", "annotation UUID", 38), Column("document_id", "document UUID", 38),
        Column("external_id", "document external id", 22),
        Column("coder", "who coded it", 12), Column("layer", "coding or gold", 8),
        Column("code_path", "Kind/Code/Sub-code", 30),
        Column("value_code", "numeric code (Codebook.value_code)", 10),
        Column("start", "first code point (0-based, NFC text)", 8),
        Column("end", "code point after the last (end-exclusive)", 8),
        Column("text", "the exact text: the canonical text sliced [start, end)", 60,
               arabic=True, parts=text_parts),
        *[Column(f"attr_{name}", f"attribute {name}", 16, arabic=True) for name in attributes],
        Column("memo", "the coder's memo", 30, arabic=True, parts=memo_parts),
        Column("linked_ids", "UUIDs of linked annotations (Relations), separated by ;", 38),
        Column("created", "created (UTC, ISO 8601)", 20),
        Column("modified", "last modified (UTC, ISO 8601)", 20),
    ]

    def rows() -> Iterator[list[Cell]]:
        for seg in iter_segments(session, selection.documents, selection.coders,
                                 selection.codes, selection.layers):
            yield [seg.uuid, seg.document, external.get(seg.document), seg.coder, seg.layer,
                   selection.codes[seg.code_id].path, selection.value_codes[seg.code_id],
                   seg.start, seg.end, seg.text, *[seg.attributes.get(n) for n in attributes],
                   seg.memo, "; ".join(seg.linked), seg.created, seg.modified]

    return Table("Segments", "one row per annotation", columns, rows())


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def relations_table(selection: Selection, session: Session) -> Table:
    """Links whose two ends are both exported."""
    columns = [
        Column("relation_id", "link UUID", 38), Column("type", "attributed_to, about, uses_device", 14),
        Column("coder", "who linked", 12), Column("document_id", "document UUID", 38),
        Column("from_id", "source annotation UUID", 38), Column("from_code", "its code", 28),
        Column("to_id", "target annotation UUID", 38), Column("to_code", "its code", 28),
        Column("created", "created (UTC, ISO 8601)", 20),
    ]
    relations = list(iter_relations(session, selection.layers))
    places = annotation_places(session, {end for r in relations for end in (r.source, r.target)})
    documents = set(selection.documents)

    def kept(annotation_id: str) -> bool:
        place = places.get(annotation_id)
        return (place is not None and place[0] in documents and place[1] in selection.coders
                and place[2] in selection.codes)

    def rows() -> Iterator[list[Cell]]:
        for rel in relations:
            if kept(rel.source) and kept(rel.target):
                yield [rel.uuid, rel.type, rel.coder, places[rel.source][0], rel.source,
                       selection.codes[places[rel.source][2]].path, rel.target,
                       selection.codes[places[rel.target][2]].path, _iso(rel.created)]

    return Table("Relations", "typed links between two exported annotations", columns, rows())
