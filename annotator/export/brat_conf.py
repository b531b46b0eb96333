"""The configuration files of a brat collection: ``annotation.conf``, ``visual.conf``, README.

``annotation.conf`` follows the codebook: one abstract type (``!Claim``) per kind with the codes
nested under it by tab indentation, the relations with the code types each end may have (claims
*attributed to* sources, *about* actors, *using* framing devices), and the choice and yes/no
attributes with their values. The name mapping is kept in it as ``#@map`` comments.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from annotator import __version__
from annotator.brat_format import AttributeKey, BratNames, mapping_lines, safe_token
from annotator.db.services.brat_codebook import ConfCode
from annotator.domain import CodeKind, RelationType

RELATION_ENDS = {
    RelationType.ATTRIBUTED_TO: (CodeKind.CLAIM, CodeKind.SOURCE),
    RelationType.ABOUT: (CodeKind.CLAIM, CodeKind.ACTOR),
    RelationType.USES_DEVICE: (CodeKind.CLAIM, CodeKind.FRAMING_DEVICE),
}


def _entities(codes: Sequence[ConfCode], names: BratNames) -> list[str]:
    lines = ["[entities]"]
    for kind in CodeKind:
        members = [code for code in codes if code.kind is kind]
        if not members:
            continue
        lines.append(f"!{safe_token(kind.label, kind.value)}")
        for code in members:
            lines.append("\t" * code.path.count("/") + names.types[code.path])
    return lines


def _types_of(codes: Sequence[ConfCode], names: BratNames, kind: CodeKind) -> str:
    return "|".join(names.types[c.path] for c in codes if c.kind is kind) or "<ENTITY>"


def _relations(codes: Sequence[ConfCode], names: BratNames) -> list[str]:
    lines = ["[relations]"]
    for relation, (source, target) in RELATION_ENDS.items():
        lines.append(f"{relation.value} Arg1:{_types_of(codes, names, source)}, "
                     f"Arg2:{_types_of(codes, names, target)}")
    lines.append("<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    return lines


def _attributes(names: BratNames, owners: dict[AttributeKey, list[str]]) -> list[str]:
    lines = ["[attributes]"]
    for key, brat in names.attributes.items():
        values = "|".join(value for (attribute, _), value in names.values.items()
                          if attribute == brat)
        lines.append(f"{brat} Arg:{'|'.join(owners[key])}, Value:{values}")
    return lines


def annotation_conf(codes: Sequence[ConfCode], names: BratNames,
                    attribute_owners: dict[AttributeKey, list[str]], project: str) -> str:
    """``attribute_owners`` maps each attribute to the code paths that have it."""
    owners = defaultdict(list, {key: [names.types[path] for path in paths]
                                for key, paths in attribute_owners.items()})
    header = [f"# brat configuration written by Framing Annotator {__version__} "
              f"for the project {project!r}.",
              "# Offsets in the .ann files are code points of the UTF-8 .txt files (see README.md).",
              "# The lines starting '#@map' map these brat names back to the codebook's names.",
              *mapping_lines(names), ""]
    sections = [_entities(codes, names), _relations(codes, names), ["[events]"],
                _attributes(names, owners)]
    return "\n".join(header + [line for section in sections for line in [*section, ""]])


def _colour(value: str) -> str:
    return value[:7] if value.startswith("#") and len(value) >= 7 else value or "#ffe08a"


def visual_conf(codes: Sequence[ConfCode], names: BratNames) -> str:
    """Arabic labels (English as the short form) and the codebook's colours."""
    labels = ["[labels]"] + [
        f"{names.types[c.path]} | {c.name_ar or c.name_en} | {c.name_en}" for c in codes]
    labels += [f"{relation.value} | {relation.value.replace('_', ' ')}" for relation in RelationType]
    drawing = ["[drawing]", "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
               "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
               "ATTRIBUTE_DEFAULT\tglyph:*"]
    drawing += [f"{names.types[c.path]}\tbgColor:{_colour(c.colour)}" for c in codes]
    return "\n".join(labels + [""] + drawing) + "\n"


README = """\
brat standoff collection written by Framing Annotator {version}
Project: {project}

Layout
  annotation.conf, visual.conf  brat configuration (brat reads them for every folder below)
  coding/<coder>/<document>.txt the document's canonical text (UTF-8, no BOM, lines end in LF)
  coding/<coder>/<document>.ann that coder's annotations of it
  gold/<document>.txt, .ann     the adjudicated gold layer (when exported)
  <document> is the document's external id (or its UUID when it has none), with characters
  other than letters, digits, '.', '-' and '_' made '_' and a suffix _2, _3 ... if two collide.

Offsets
  T lines give 0-based, end-exclusive offsets counted in Unicode code points of the .txt text
  (the NFC canonical text of the project). brat counts Python string indices, which are code
  points, so brat and this app agree; tools counting UTF-16 units or bytes differ after emoji.
  The text at the end of a T line is the span with each line break shown as a space.

Mapping
  Code paths become brat types (segments joined by '-', other characters '_'); choice and
  yes/no attributes become brat attributes with one value per choice (yes/no: values yes, no).
  The exact mapping is in annotation.conf as '#@map' lines.
  Memos are AnnotatorNotes (#) with backslash, newline, CR and tab written as \\\\ \\n \\r \\t.
  Links are R lines (Arg1 = from, Arg2 = to).

Not carried
  text and number attributes (brat attributes hold one of a fixed list of values), annotation
  and link UUIDs and timestamps, document memos, links whose ends are in different files.
  The export's summary lists what was left out.

Import into a project holding the same documents:
  annotator annotations PROJECT import THIS.zip --format brat --coder NAME
  (reads coding/NAME/; a folder of .txt/.ann pairs is read whole)
"""


def readme(project: str) -> str:
    return README.format(version=__version__, project=project)
