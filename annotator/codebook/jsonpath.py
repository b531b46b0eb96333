"""Typed access to parsed JSON that reports problems by JSON path (``codes[2].children[0].colour``)."""

from __future__ import annotations

import re
from typing import Any

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class Invalid(Exception):
    """A problem at a JSON path; the reader turns it into an ``InputError`` naming the file."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where or 'top level'}: {message}")


def at(where: str, key: str) -> str:
    """The path of ``key`` inside the object at ``where`` (``""`` is the top level)."""
    return f"{where}.{key}" if where else key


def at_key(where: str, key: object) -> str:
    """Path of an arbitrary key: ``codes[0].color``, or ``codes[0]['bad key']`` when it is not a name."""
    if isinstance(key, str) and _IDENTIFIER.fullmatch(key):
        return at(where, key)
    return f"{where}[{brief(key)}]"


def json_object(value: object, where: str, keys: tuple[str, ...], *, what: str, hint: str = "") -> dict[str, Any]:
    """``value`` as an object with no key outside ``keys``; ``hint`` replaces the unknown-key message."""
    if not isinstance(value, dict):
        raise Invalid(where, f"expected {what} (a JSON object), got {json_type(value)}")
    for key in value:
        if key not in keys:
            raise Invalid(at_key(where, key), hint or f"unknown key (expected: {', '.join(keys)})")
    return value


def required(obj: dict[str, Any], key: str, where: str) -> object:
    """The value of a key that must be present."""
    if key not in obj:
        raise Invalid(at(where, key), "missing")
    return obj[key]


def as_str(value: object, where: str) -> str:
    """``value`` if it is a string."""
    if not isinstance(value, str):
        raise Invalid(where, f"expected a string, got {json_type(value)}")
    return value


def text_field(obj: dict[str, Any], key: str, where: str, default: str = "") -> str:
    """An optional free-text field."""
    return as_str(obj.get(key, default), at(where, key))


def label_field(obj: dict[str, Any], key: str, where: str) -> str:
    """A required one-line label (see :func:`check_label`)."""
    label = as_str(required(obj, key, where), at(where, key))
    check_label(label, at(where, key))
    return label


def check_label(label: str, where: str) -> None:
    """A label is non-empty, has no surrounding spaces and stays on one line."""
    if not label.strip():
        raise Invalid(where, "missing (empty)")
    if label != label.strip():
        raise Invalid(where, f"{brief(label)} has spaces at the start or end")
    if _CONTROL.search(label):
        raise Invalid(where, f"{brief(label)} contains a line break or control character")


def list_items(obj: dict[str, Any], key: str, where: str) -> list[tuple[str, object]]:
    """The items of an optional list field, each with its path (``codes[3]``)."""
    value = obj.get(key, [])
    here = at(where, key)
    if not isinstance(value, list):
        raise Invalid(here, f"expected a list, got {json_type(value)}")
    return [(f"{here}[{i}]", item) for i, item in enumerate(value)]


def json_type(value: object) -> str:
    """What a value is, in JSON words, for messages."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    names |= {int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def brief(value: object, limit: int = 40) -> str:
    """``repr`` of a value from the file, shortened so that a message stays one readable line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
