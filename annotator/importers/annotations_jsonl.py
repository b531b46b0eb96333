"""Reading annotation JSONL (DESIGN.md §6): one annotation or relation object per line.

This module only parses and checks shapes; resolving documents, coders and codes against a project
is done by ``annotator.db.services.interchange``, which reports errors with the same line numbers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from annotator.errors import InputError

MAX_BYTES = 200 * 1024 * 1024
BOM = "\ufeff"
MAX_ID = 36
_NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})


class AnnotationLine(NamedTuple):
    """One annotation line, its shape checked (a tuple: 200,000 of them are made per file)."""

    line: int
    document: str
    coder: str
    code: str
    start: int
    end: int
    text: str | None = None
    attributes: Mapping[str, str] = _NO_ATTRIBUTES
    memo: str = ""
    layer: str = "coding"
    uuid: str | None = None
    external_id: str | None = None  # fallback when ``document`` is a UUID of another project


class RelationLine(NamedTuple):
    line: int
    type: str
    source: str
    target: str
    coder: str | None = None
    uuid: str | None = None


def _require_str(obj: dict, key: str, path: Path, line: int) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, f"{key!r} must be a non-empty string", line=line)
    return value


def _require_int(obj: dict, key: str, path: Path, line: int) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError(path, f"{key!r} must be an integer code-point offset", line=line)
    return value


def _optional_str(obj: dict, key: str, path: Path, line: int) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(path, f"{key!r} must be a string", line=line)
    return value


def _attributes(obj: dict, path: Path, line: int) -> dict[str, str]:
    value = obj.get("attributes") or {}
    if not isinstance(value, dict):
        raise InputError(path, "'attributes' must be an object of name: value", line=line)
    try:
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}
    except RecursionError:
        raise InputError(path, "JSON nested too deeply to be an annotation", line=line) from None


def _optional_id(obj: dict, path: Path, line: int) -> str | None:
    value = _optional_str(obj, "id", path, line)
    if value is not None and len(value) > MAX_ID:
        raise InputError(path, f"'id' must be at most {MAX_ID} characters (a UUID)", line=line)
    return value


def _annotation_checked(obj: dict, path: Path, line: int) -> AnnotationLine:
    """The annotation on one line, every field checked with its own message."""
    start, end = _require_int(obj, "start", path, line), _require_int(obj, "end", path, line)
    if start < 0 or end <= start:
        raise InputError(path, f"span [{start}, {end}) is empty or negative", line=line)
    return AnnotationLine(
        line=line, document=_require_str(obj, "document", path, line),
        coder=_require_str(obj, "coder", path, line), code=_require_str(obj, "code", path, line),
        start=start, end=end, text=_optional_str(obj, "text", path, line),
        attributes=_attributes(obj, path, line), memo=_optional_str(obj, "memo", path, line) or "",
        layer=_optional_str(obj, "layer", path, line) or "coding",
        uuid=_optional_id(obj, path, line),
        external_id=_optional_str(obj, "external_id", path, line),
    )


def _annotation(obj: dict, path: Path, line: int) -> AnnotationLine:
    """Fast path for well-formed lines (most of a 200,000-line file); anything unusual goes
    through ``_annotation_checked``, which names what is wrong."""
    get = obj.get
    start, end, document, coder, code = (get("start"), get("end"), get("document"),
                                         get("coder"), get("code"))
    text, memo, layer, uuid, external_id = (get("text"), get("memo"), get("layer"), get("id"),
                                            get("external_id"))
    attributes = get("attributes")
    if not (type(start) is int and type(end) is int and 0 <= start < end
            and type(document) is str and type(coder) is str and type(code) is str
            and document.strip() and coder.strip() and code.strip()
            and all(v is None or type(v) is str for v in (text, memo, layer, uuid, external_id))
            and (uuid is None or len(uuid) <= MAX_ID)
            and (not attributes or (type(attributes) is dict
                                    and all(type(v) is str for v in attributes.values())))):
        return _annotation_checked(obj, path, line)
    return AnnotationLine(line, document, coder, code, start, end, text,
                          attributes or _NO_ATTRIBUTES, memo or "", layer or "coding", uuid,
                          external_id)


def _relation(obj: dict, path: Path, line: int) -> RelationLine:
    return RelationLine(
        line=line, type=_require_str(obj, "relation", path, line),
        source=_require_str(obj, "from", path, line), target=_require_str(obj, "to", path, line),
        coder=_optional_str(obj, "coder", path, line), uuid=_optional_id(obj, path, line),
    )


def _parse_object(raw: bytes, path: Path, line: int) -> dict | None:
    """One line as a JSON object, or None for a blank line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start + 1} of the line)",
                         line=line) from None
    if line == 1:
        text = text.removeprefix(BOM)
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(path, f"not valid JSON ({error.msg}, column {error.colno})",
                         line=line) from None
    except RecursionError:  # the C scanner's guard against a stack overflow on deep nesting
        raise InputError(path, "JSON nested too deeply to be an annotation", line=line) from None
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object", line=line)
    return obj


STEP_LINES = 200
"""Lines between two progress reports of :func:`read_annotation_lines`."""


def read_annotation_lines(path: Path, step: Callable[[int, int], None] | None = None
                          ) -> tuple[list[AnnotationLine], list[RelationLine]]:
    """Parse the whole file or raise InputError naming the first bad line. ``step`` hears
    (bytes read, file size) every STEP_LINES lines and may raise to stop.

    Lines end at ``\n`` only: JSON strings may hold U+2028 and other characters that
    ``str.splitlines`` would wrongly treat as line ends.
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(path, f"file is larger than {MAX_BYTES // 2**20} MB")
    annotations: list[AnnotationLine] = []
    relations: list[RelationLine] = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if step is not None and number % STEP_LINES == 0:
                step(handle.tell(), size)
            obj = _parse_object(raw, path, number)
            if obj is None:
                continue
            if "relation" in obj:
                relations.append(_relation(obj, path, number))
            else:
                annotations.append(_annotation(obj, path, number))
    if not annotations and not relations:
        raise InputError(path, "the file holds no annotations")
    return annotations, relations
