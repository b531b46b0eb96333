"""Codebook JSON: strict reading with errors that name the JSON path, and exact writing.

``codebook_to_json`` writes the canonical form (every key, in a fixed order; ``kind`` on top-level
codes only, since sub-codes take their parent's kind; ``questions`` only when there are document
questions, so codebooks without them keep their earlier form). ``codebook_from_json`` accepts that form and
returns a spec that writes back to the identical dict. On input it also accepts a kind's label
(``"Framing device"``) for its value, any UUID spelling Python reads, upper-case colours, and omitted
optional keys; those come back in canonical form.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.codebook.jsonpath import (
    Invalid,
    as_str,
    at,
    brief,
    check_label,
    json_object,
    label_field,
    list_items,
    required,
    text_field,
)
from annotator.codebook.model import PATH_SEPARATOR, AttributeSpec, CodebookSpec, CodeSpec
from annotator.codebook.question_codec import question_to_json, questions_from_json
from annotator.codebook.shortcuts import shortcut_identity
from annotator.domain import AttributeType, CodeKind
from annotator.errors import InputError

FORMAT_VERSION = 1
MAX_DEPTH = 12
CODEBOOK_KEYS = ("format_version", "uuid", "name", "description", "version", "codes", "questions")
CODE_KEYS = (
    "uuid", "kind", "name_en", "name_ar", "colour", "shortcut", "definition", "include", "exclude",
    "examples", "attributes", "children",
)  # fmt: skip
ATTRIBUTE_KEYS = ("uuid", "name", "type", "choices", "required", "description", "labels")
LABEL_KEYS = ("en", "ar")

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9]")


@dataclass
class _Seen:
    """What the codebook has used so far, to report duplicates with the first place of use."""

    uuids: dict[str, str] = field(default_factory=dict)
    shortcuts: dict[str, tuple[str, str]] = field(default_factory=dict)


# ---------------------------------------------------------------- writing


def codebook_to_json(spec: CodebookSpec) -> dict[str, Any]:
    """The canonical JSON object of a codebook (what the template files contain)."""
    return {
        "format_version": FORMAT_VERSION,
        "uuid": spec.uuid,
        "name": spec.name,
        "description": spec.description,
        "version": spec.version,
        "codes": [_code_to_json(code, top=True) for code in spec.codes],
    } | ({"questions": [question_to_json(q) for q in spec.questions]} if spec.questions else {})


def _code_to_json(code: CodeSpec, *, top: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"uuid": code.uuid}
    if top:
        data["kind"] = CodeKind(code.kind).value
    data |= {
        "name_en": code.name_en,
        "name_ar": code.name_ar,
        "colour": code.colour,
        "shortcut": code.shortcut,
        "definition": code.definition,
        "include": code.include,
        "exclude": code.exclude,
        "examples": list(code.examples),
        "attributes": [_attribute_to_json(a) for a in code.attributes],
        "children": [_code_to_json(child, top=False) for child in code.children],
    }
    return data


def _attribute_to_json(attribute: AttributeSpec) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uuid": attribute.uuid,
        "name": attribute.name,
        "type": AttributeType(attribute.type).value,
        "choices": list(attribute.choices),
        "required": attribute.required,
        "description": attribute.description,
    }
    if attribute.labels:  # optional: written only when there are labels
        data["labels"] = {value: {"en": en, "ar": ar}
                          for value, (en, ar) in attribute.labels.items()}
    return data


# ---------------------------------------------------------------- reading


def codebook_from_json(data: object, path: str | Path) -> CodebookSpec:
    """Validate parsed JSON and build the codebook; an ``InputError`` names ``path`` and the JSON path."""
    try:
        return _codebook(data, _Seen())
    except Invalid as problem:
        raise InputError(path, str(problem)) from None


def validate_codebook(spec: CodebookSpec, path: str | Path = "codebook") -> CodebookSpec:
    """Apply the file rules to a spec built in code; return it in canonical form or raise ``InputError``."""
    for i, code in enumerate(spec.codes):
        _check_kind_of_children(code, f"codes[{i}]", path)
    return codebook_from_json(codebook_to_json(spec), path)


def _check_kind_of_children(code: CodeSpec, where: str, path: str | Path) -> None:
    for i, child in enumerate(code.children):
        child_where = f"{where}.children[{i}]"
        if child.kind != code.kind:
            message = f"a sub-code must have its parent's kind ({code.kind.label})"
            raise InputError(path, f"{child_where}.kind: {message}")
        _check_kind_of_children(child, child_where, path)


def _codebook(data: object, seen: _Seen) -> CodebookSpec:
    obj = json_object(data, "", CODEBOOK_KEYS, what="a codebook")
    _format_version(obj)
    uuid = _uuid(obj, "", seen)
    name = label_field(obj, "name", "")
    description = text_field(obj, "description", "")
    version = text_field(obj, "version", "", default="1")
    if not version.strip():
        raise Invalid("version", "must not be empty (e.g. \"1.0\")")
    items = list_items(obj, "codes", "")
    codes = [_code(v, w, None, (), 1, seen) for w, v in items]
    _check_siblings([(w, code) for (w, _), code in zip(items, codes, strict=True)])
    questions = questions_from_json(obj, lambda o, w: _uuid(o, w, seen))
    return CodebookSpec(uuid=uuid, name=name, description=description, version=version, codes=codes,
                        questions=questions)


def _format_version(obj: dict[str, Any]) -> None:
    version = obj.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Invalid("format_version", f"must be a whole number from 1, got {brief(version)}")
    if version > FORMAT_VERSION:
        message = f"{version} is from a newer Framing Annotator; this version reads {FORMAT_VERSION}"
        raise Invalid("format_version", message)


def _code(
    value: object, where: str, kind: CodeKind | None, parent: tuple[str, ...], depth: int, seen: _Seen
) -> CodeSpec:
    if depth > MAX_DEPTH:
        raise Invalid(where, f"codes are nested more than {MAX_DEPTH} levels deep")
    keys = CODE_KEYS if kind is None else tuple(k for k in CODE_KEYS if k != "kind")
    obj = json_object(value, where, keys, what="a code", hint=_kind_hint(value, kind))
    uuid = _uuid(obj, where, seen)
    kind = kind if kind is not None else _kind(obj, where)
    name_en = _english_name(obj, where)
    path = (*(parent or (kind.label,)), name_en)
    children = list_items(obj, "children", where)
    code = CodeSpec(
        uuid=uuid,
        kind=kind,
        name_en=name_en,
        name_ar=_arabic_name(obj, where),
        colour=_colour(obj, where),
        shortcut=_shortcut(obj, where, PATH_SEPARATOR.join(path), seen),
        definition=text_field(obj, "definition", where),
        include=text_field(obj, "include", where),
        exclude=text_field(obj, "exclude", where),
        examples=_examples(obj, where),
        attributes=_attributes(obj, where, seen),
        children=[_code(v, w, kind, path, depth + 1, seen) for w, v in children],
    )
    _check_siblings([(w, child) for (w, _), child in zip(children, code.children, strict=True)])
    return code


def _kind_hint(value: object, kind: CodeKind | None) -> str:
    if kind is not None and isinstance(value, dict) and "kind" in value:
        return "sub-codes take their parent's kind; remove 'kind'"
    return ""


def _kind(obj: dict[str, Any], where: str) -> CodeKind:
    raw = required(obj, "kind", where)
    text = as_str(raw, at(where, "kind"))
    try:
        return CodeKind.from_label(text)
    except ValueError:
        expected = ", ".join(kind.label for kind in CodeKind)
        message = f"unknown code kind {brief(text)} (expected one of: {expected})"
        raise Invalid(at(where, "kind"), message) from None


def _uuid(obj: dict[str, Any], where: str, seen: _Seen) -> str:
    here = at(where, "uuid")
    raw = as_str(required(obj, "uuid", where), here)
    try:
        value = str(uuidlib.UUID(raw))
    except ValueError:
        raise Invalid(here, f"not a UUID: {brief(raw)}") from None
    if value in seen.uuids:
        raise Invalid(here, f"duplicate UUID {value} (also at {seen.uuids[value]})")
    seen.uuids[value] = here
    return value


def _english_name(obj: dict[str, Any], where: str) -> str:
    name = label_field(obj, "name_en", where)
    if PATH_SEPARATOR in name:
        message = f"must not contain {PATH_SEPARATOR!r}: it separates the levels of a code path"
        raise Invalid(at(where, "name_en"), message)
    return name


def _arabic_name(obj: dict[str, Any], where: str) -> str:
    name = label_field(obj, "name_ar", where)
    if not _ARABIC_LETTER.search(name):
        raise Invalid(at(where, "name_ar"), f"{brief(name)} has no Arabic letter")
    return name


def _colour(obj: dict[str, Any], where: str) -> str:
    colour = as_str(required(obj, "colour", where), at(where, "colour"))
    if not _COLOUR.fullmatch(colour):
        raise Invalid(at(where, "colour"), f"not a colour: {brief(colour)} (expected #rrggbb)")
    return colour.lower()


def _shortcut(obj: dict[str, Any], where: str, code_path: str, seen: _Seen) -> str:
    here = at(where, "shortcut")
    shortcut = text_field(obj, "shortcut", where)
    try:
        identity = shortcut_identity(shortcut)
    except ValueError as error:
        raise Invalid(here, str(error)) from None
    if identity in seen.shortcuts:
        first_where, first_path = seen.shortcuts[identity]
        raise Invalid(here, f"duplicate shortcut {brief(shortcut)}, already used by {first_where} ({first_path})")
    if identity:
        seen.shortcuts[identity] = (where, code_path)
    return shortcut


def _examples(obj: dict[str, Any], where: str) -> list[str]:
    examples = [as_str(v, w) for w, v in list_items(obj, "examples", where)]
    for i, example in enumerate(examples):
        if not example.strip():
            raise Invalid(f"{at(where, 'examples')}[{i}]", "empty example")
    return examples


def _attributes(obj: dict[str, Any], where: str, seen: _Seen) -> list[AttributeSpec]:
    items = list_items(obj, "attributes", where)
    attributes = [_attribute(v, w, seen) for w, v in items]
    names = [(f"{w}.name", a.name) for (w, _), a in zip(items, attributes, strict=True)]
    _check_unique(names, "attribute name")
    return attributes


def _attribute(value: object, where: str, seen: _Seen) -> AttributeSpec:
    obj = json_object(value, where, ATTRIBUTE_KEYS, what="an attribute")
    uuid = _uuid(obj, where, seen)
    name = label_field(obj, "name", where)
    kind = _attribute_type(obj, where)
    is_required = obj.get("required", False)
    if not isinstance(is_required, bool):
        raise Invalid(at(where, "required"), f"expected true or false, got {brief(is_required)}")
    choices = _choices(obj, where, kind)
    return AttributeSpec(
        uuid=uuid,
        name=name,
        type=kind,
        choices=choices,
        required=is_required,
        description=text_field(obj, "description", where),
        labels=_labels(obj, where, choices),
    )


def _labels(obj: dict[str, Any], where: str, choices: list[str]) -> dict[str, tuple[str, str]]:
    """``{"value": {"en": "…", "ar": "…"}}`` for values among the choices; both labels optional."""
    here = at(where, "labels")
    raw = json_object(obj.get("labels", {}), here, tuple(choices),
                      what="labels by choice value", hint="not one of the attribute's choices")
    labels = {}
    for value, pair in raw.items():
        inner = json_object(pair, f"{here}[{brief(value)}]", LABEL_KEYS, what="a pair of labels")
        labels[value] = (text_field(inner, "en", f"{here}[{brief(value)}]"),
                         text_field(inner, "ar", f"{here}[{brief(value)}]"))
    return labels


def _attribute_type(obj: dict[str, Any], where: str) -> AttributeType:
    raw = as_str(required(obj, "type", where), at(where, "type"))
    try:
        return AttributeType(raw)
    except ValueError:
        expected = ", ".join(t.value for t in AttributeType)
        message = f"unknown attribute type {brief(raw)} (expected one of: {expected})"
        raise Invalid(at(where, "type"), message) from None


def _choices(obj: dict[str, Any], where: str, kind: AttributeType) -> list[str]:
    items = list_items(obj, "choices", where)
    choices = [as_str(v, w) for w, v in items]
    if kind is not AttributeType.CHOICE:
        if choices:
            message = f"only a 'choice' attribute has choices; this one is {kind.value!r}"
            raise Invalid(at(where, "choices"), message)
        return choices
    if len(choices) < 2:
        raise Invalid(at(where, "choices"), "a 'choice' attribute needs at least two choices")
    for w, choice in zip((w for w, _ in items), choices, strict=True):
        check_label(choice, w)
    _check_unique([(w, c) for (w, _), c in zip(items, choices, strict=True)], "choice")
    return choices


# ---------------------------------------------------------------- cross-checks


def _check_siblings(siblings: list[tuple[str, CodeSpec]]) -> None:
    """Codes under one parent (or top-level codes of one kind) need distinct names in each language."""
    for kind in CodeKind:
        group = [(w, c) for w, c in siblings if c.kind is kind]
        _check_unique([(f"{w}.name_en", c.name_en) for w, c in group], "name among sibling codes")
        _check_unique([(f"{w}.name_ar", c.name_ar) for w, c in group], "name among sibling codes")


def _check_unique(labelled: list[tuple[str, str]], what: str) -> None:
    first: dict[str, str] = {}
    for where, label in labelled:
        key = label.casefold()
        if key in first:
            raise Invalid(where, f"duplicate {what} {brief(label)} (also at {first[key]})")
        first[key] = where
