"""Parsing one brat ``.ann`` file strictly: every line is a ``T``, ``A``/``M``, ``R`` or ``#``
(AnnotatorNotes) line of the exact standoff shape, every id is unique and every reference names a
``T`` line of the file. Anything else is refused with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from annotator.brat_format import unescape_note
from annotator.errors import InputError

_ENTITY = re.compile(r"(T\d+)\t(\S+) (\d+) (\d+)\t(.*)")
_DISCONTINUOUS = re.compile(r"T\d+\t\S+ \d+ \d+(;\d+ \d+)+\t.*")
_ATTRIBUTE = re.compile(r"([AM]\d+)\t(\S+) (T\d+)(?: (\S+))?")
_RELATION = re.compile(r"(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)")
_NOTE = re.compile(r"(#\d*)\tAnnotatorNotes (T\d+)\t(.*)")
_UNSUPPORTED = {"E": "events", "*": "equivalences", "N": "normalisations"}


class Entity(NamedTuple):
    line: int
    id: str
    type: str
    start: int
    end: int
    text: str


class Attribute(NamedTuple):
    line: int
    id: str
    name: str
    target: str
    value: str | None  # None: a binary brat attribute (present = yes)


class Link(NamedTuple):
    line: int
    id: str
    type: str
    source: str
    target: str


@dataclass
class AnnFile:
    """The parsed lines of one ``.ann`` file; ``notes`` maps a T id to its memo."""

    entities: list[Entity] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    note_lines: dict[str, int] = field(default_factory=dict)


def _malformed(where: str, number: int, line: str) -> InputError:
    if _DISCONTINUOUS.fullmatch(line):
        return InputError(where, "discontinuous spans (several offset pairs joined by ';') "
                          "cannot be imported", line=number)
    unsupported = _UNSUPPORTED.get(line[:1])
    if unsupported:
        return InputError(where, f"brat {unsupported} cannot be imported", line=number)
    shown = line if len(line) <= 60 else line[:59] + "…"
    return InputError(where, f"not a brat standoff line (T, A, R or # AnnotatorNotes): "
                      f"{shown!r}", line=number)


def _parse_line(parsed: AnnFile, where: str, number: int, line: str) -> str:
    """Adds the line to ``parsed``; returns its id."""
    if match := _ENTITY.fullmatch(line):
        tid, kind, start, end, text = match.groups()
        parsed.entities.append(Entity(number, tid, kind, int(start), int(end), text))
        return tid
    if match := _ATTRIBUTE.fullmatch(line):
        parsed.attributes.append(Attribute(number, *match.groups()))
        return match.group(1)
    if match := _RELATION.fullmatch(line):
        parsed.links.append(Link(number, *match.groups()))
        return match.group(1)
    if match := _NOTE.fullmatch(line):
        nid, target, text = match.groups()
        memo = unescape_note(text)
        parsed.notes[target] = f"{parsed.notes[target]}\n{memo}" if target in parsed.notes else memo
        parsed.note_lines.setdefault(target, number)
        return nid if len(nid) > 1 else f"#@{number}"
    raise _malformed(where, number, line)


def _check_references(parsed: AnnFile, where: str) -> None:
    spans = {entity.id for entity in parsed.entities}
    named = [(a.line, a.target) for a in parsed.attributes]
    named += [(link.line, end) for link in parsed.links for end in (link.source, link.target)]
    named += [(number, target) for target, number in parsed.note_lines.items()]
    for number, target in sorted(named):
        if target not in spans:
            raise InputError(where, f"{target} is not a T line of this file", line=number)
    seen: dict[tuple[str, str], int] = {}
    for attribute in parsed.attributes:
        key = (attribute.target, attribute.name)
        if key in seen:
            raise InputError(where, f"attribute {attribute.name} of {attribute.target} is also "
                             f"on line {seen[key]}", line=attribute.line)
        seen[key] = attribute.line


def parse_ann(content: str, where: str) -> AnnFile:
    """Parse the text of one ``.ann`` file (lines may end in LF or CRLF)."""
    parsed = AnnFile()
    ids: dict[str, int] = {}
    for number, raw in enumerate(content.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        found = _parse_line(parsed, where, number, line)
        if found in ids:
            raise InputError(where, f"id {found} is also used on line {ids[found]}", line=number)
        ids[found] = number
    _check_references(parsed, where)
    return parsed
