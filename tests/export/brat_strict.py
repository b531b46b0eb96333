"""An independent, strict reader of brat collections for the tests (it shares no code with the app).

Every ``T`` line's text must equal the slice of its ``.txt`` (line breaks shown as spaces, as brat
writes them), every id is unique, every reference names a T line, and every type, attribute,
value and relation is declared in ``annotation.conf``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

T_LINE = re.compile(r"(T\d+)\t([A-Za-z0-9_-]+) (\d+) (\d+)\t([^\n]*)")
A_LINE = re.compile(r"(A\d+)\t([A-Za-z0-9_-]+) (T\d+) ([A-Za-z0-9_-]+)")
R_LINE = re.compile(r"(R\d+)\t([A-Za-z0-9_-]+) Arg1:(T\d+) Arg2:(T\d+)")
NOTE_LINE = re.compile(r"(#\d+)\tAnnotatorNotes (T\d+)\t([^\n]*)")


@dataclass
class Conf:
    entities: set[str] = field(default_factory=set)
    relations: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    attributes: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)


@dataclass
class StrictFile:
    text: str
    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: list[tuple[str, str, str]] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)


def parse_conf(text: str) -> Conf:
    conf, section = Conf(), ""
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("["):
            section = raw.strip("[]")
            continue
        line = raw.strip()
        if section == "entities" and not line.startswith("!"):
            conf.entities.add(line)
        elif section == "relations" and not line.startswith("<"):
            name, args = line.split(" ", 1)
            ends = dict(part.strip().split(":", 1) for part in args.split(","))
            conf.relations[name] = (set(ends["Arg1"].split("|")), set(ends["Arg2"].split("|")))
        elif section == "attributes":
            name, args = line.split(" ", 1)
            parts = dict(part.strip().split(":", 1) for part in args.split(", "))
            conf.attributes[name] = (set(parts["Arg"].split("|")), set(parts["Value"].split("|")))
    return conf


def parse_file(text: str, ann: str, conf: Conf) -> StrictFile:
    parsed, ids = StrictFile(text), set()
    for number, line in enumerate(ann.split("\n"), 1):
        if not line:
            continue
        match = (T_LINE.fullmatch(line) or A_LINE.fullmatch(line) or R_LINE.fullmatch(line)
                 or NOTE_LINE.fullmatch(line))
        assert match, f"line {number} is not strict brat: {line!r}"
        key = match.group(1)
        assert key not in ids, f"line {number}: duplicate id {key}"
        ids.add(key)
        if key[0] == "T":
            _, kind, start, end, shown = match.groups()
            start, end = int(start), int(end)
            assert kind in conf.entities, kind
            assert 0 <= start < end <= len(text), (start, end)
            assert shown == text[start:end].replace("\n", " "), (line, text[start:end])
            parsed.spans[key] = (kind, start, end)
        elif key[0] == "A":
            _, name, target, value = match.groups()
            assert target in parsed.spans and name in conf.attributes
            types, values = conf.attributes[name]
            assert parsed.spans[target][0] in types and value in values, line
            parsed.attributes.setdefault(target, {})[name] = value
        elif key[0] == "R":
            _, kind, source, target = match.groups()
            assert source in parsed.spans and target in parsed.spans, line
            assert kind in conf.relations, kind
            parsed.relations.append((kind, source, target))
        else:
            _, target, note = match.groups()
            assert target in parsed.spans and target not in parsed.notes, line
            parsed.notes[target] = note
    return parsed


def read_zip(path: Path) -> tuple[Conf, dict[str, StrictFile], dict[str, str]]:
    """The conf, every file by its stem, and the other members' texts."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    conf = parse_conf(members["annotation.conf"])
    stems = sorted(name.removesuffix(".ann") for name in members if name.endswith(".ann"))
    assert {s + ".txt" for s in stems} == {n for n in members if n.endswith(".txt")}
    files = {stem: parse_file(members[stem + ".txt"], members[stem + ".ann"], conf)
             for stem in stems}
    return conf, files, members
