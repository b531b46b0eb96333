"""brat standoff names and escapes shared by the brat writer and reader (no database, no files).

brat type, attribute and value names may hold only ASCII letters, digits, ``_`` and ``-``; code
paths (``Framing device/Label``), attribute names and choices are mapped to such names. The mapping
is deterministic (codebook order), so a project with the same codebook computes the same names,
and it is also written into ``annotation.conf`` as comment lines (``#@map {...}``) that the reader
prefers: renaming a code later does not break the import of an older collection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

MAP_PREFIX = "#@map "
YES_NO_VALUES = ("yes", "no")
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
_NOTE_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NOTE_ESCAPED = re.compile(r"\\(.)")
_NOTE_UNESCAPES = {"\\": "\\", "n": "\n", "r": "\r", "t": "\t"}


class AttributeKey(NamedTuple):
    """An attribute as brat sees it: codes sharing name, type and choices share one brat name."""

    name: str
    type: str
    choices: tuple[str, ...]


def safe_token(text: str, fallback: str) -> str:
    """``text`` with every run of characters brat does not allow made ``_``; ``fallback`` if empty."""
    return _UNSAFE.sub("_", text).strip("_") or fallback


def _unique(wanted: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Key -> name, names made unique regardless of case by a ``_2``, ``_3`` … suffix."""
    taken: set[str] = set()
    result: dict[str, str] = {}
    for key, name in wanted:
        candidate, number = name, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{name}_{number}"
        taken.add(candidate.casefold())
        result[key] = candidate
    return result


def type_name(path: str) -> str:
    """The brat-safe form of one code path, before uniqueness: segments joined by ``-``."""
    return "-".join(safe_token(segment, "Code") for segment in path.split("/"))


@dataclass
class BratNames:
    """Our names -> brat names for codes, attributes and choice values."""

    types: dict[str, str] = field(default_factory=dict)  # code path -> brat type
    attributes: dict[AttributeKey, str] = field(default_factory=dict)
    values: dict[tuple[str, str], str] = field(default_factory=dict)  # (brat attribute, ours)

    def value(self, attribute: str, ours: str) -> str:
        return self.values.get((attribute, ours), ours)


def build_names(code_paths: Iterable[str], attributes: Iterable[AttributeKey]) -> BratNames:
    """Brat names for the codebook; attributes of type text and number get none (not carried)."""
    names = BratNames(types=_unique((path, type_name(path)) for path in code_paths))
    carried = [key for key in dict.fromkeys(attributes) if key.type in ("choice", "yes_no")]
    by_key = _unique((repr(key), safe_token(key.name, "Attribute")) for key in carried)
    for key in carried:
        brat = names.attributes[key] = by_key[repr(key)]
        choices = key.choices if key.type == "choice" else YES_NO_VALUES
        for ours, value in _unique((c, safe_token(c, "Value")) for c in choices).items():
            names.values[(brat, ours)] = value
    return names


def mapping_lines(names: BratNames) -> list[str]:
    """The ``#@map`` comment lines that let a reader turn brat names back into ours."""
    lines = [{"type": brat, "code": path} for path, brat in names.types.items()]
    lines += [{"attribute": brat, "name": key.name} for key, brat in names.attributes.items()]
    lines += [{"attribute": brat, "value": value, "choice": ours}
              for (brat, ours), value in names.values.items()]
    return [MAP_PREFIX + json.dumps(line, ensure_ascii=False) for line in lines]


@dataclass
class ReverseNames:
    """brat names -> ours, read from ``#@map`` lines or computed from the project's codebook."""

    codes: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    values: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, names: BratNames) -> ReverseNames:
        return cls({brat: path for path, brat in names.types.items()},
                   {brat: key.name for key, brat in names.attributes.items()},
                   {(brat, value): ours for (brat, ours), value in names.values.items()})

    def is_empty(self) -> bool:
        return not self.codes


def parse_mapping(lines: Iterable[str]) -> ReverseNames:
    """The ``#@map`` lines of an annotation.conf (other lines and malformed maps are ignored:
    a conf edited by hand falls back to the codebook's names for what it no longer maps)."""
    reverse = ReverseNames()
    for line in lines:
        if not line.startswith(MAP_PREFIX):
            continue
        try:
            entry = json.loads(line[len(MAP_PREFIX):])
        except ValueError:
            continue
        if isinstance(entry, Mapping):
            _add_entry(reverse, entry)
    return reverse


def _add_entry(reverse: ReverseNames, entry: Mapping[str, object]) -> None:
    text = {key: value for key, value in entry.items() if isinstance(value, str)}
    if {"type", "code"} <= text.keys():
        reverse.codes[text["type"]] = text["code"]
    elif {"attribute", "value", "choice"} <= text.keys():
        reverse.values[(text["attribute"], text["value"])] = text["choice"]
    elif {"attribute", "name"} <= text.keys():
        reverse.attributes[text["attribute"]] = text["name"]


def escape_note(text: str) -> str:
    """A memo on one ``.ann`` line: backslash, newline, CR and tab written as ``\\\\ \\n \\r \\t``."""
    return "".join(_NOTE_ESCAPES.get(ch, ch) for ch in text)


def unescape_note(text: str) -> str:
    return _NOTE_ESCAPED.sub(lambda m: _NOTE_UNESCAPES.get(m.group(1), m.group(0)), text)


def span_text(text: str) -> str:
    """The text brat shows on a ``T`` line: the span with each line break made a space."""
    return text.translate(_LINE_BREAKS_TO_SPACES)


_LINE_BREAKS_TO_SPACES = {0x0A: " ", 0x0D: " "}


def safe_file_name(name: str, fallback: str) -> str:
    """A file or folder name safe on every system: letters (any script), digits, ``._-``."""
    cleaned = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("._")[:80]
    return cleaned or fallback


def unique_file_names(wanted: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Key -> file name, unique regardless of case (``name_2`` …)."""
    return _unique(wanted)
