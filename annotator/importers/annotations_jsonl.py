"""Reading annotation JSONL (DESIGN.md §6): one annotation or relation object per line.

This module only parses and checks shapes; resolving documents, coders and codes against a project
is done by ``annotator.db.services.interchange``, which reports errors with the same line numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class AnnotationLine:
    line: int
    document: str
    coder: str
    code: str
    start: int
    end: int
    text: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    memo: str = ""
    layer: str = "coding"
    uuid: str | None = None
    external_id: str | None = None  # fallback when ``document`` is a UUID of another project


@dataclass(frozen=True)
class RelationLine:
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
    return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}


def _annotation(obj: dict, path: Path, line: int) -> AnnotationLine:
    start, end = _require_int(obj, "start", path, line), _require_int(obj, "end", path, line)
    if start < 0 or end <= start:
        raise InputError(path, f"span [{start}, {end}) is empty or negative", line=line)
    return AnnotationLine(
        line=line, document=_require_str(obj, "document", path, line),
        coder=_require_str(obj, "coder", path, line), code=_require_str(obj, "code", path, line),
        start=start, end=end, text=_optional_str(obj, "text", path, line),
        attributes=_attributes(obj, path, line), memo=_optional_str(obj, "memo", path, line) or "",
        layer=_optional_str(obj, "layer", path, line) or "coding",
        uuid=_optional_str(obj, "id", path, line),
        external_id=_optional_str(obj, "external_id", path, line),
    )


def _relation(obj: dict, path: Path, line: int) -> RelationLine:
    return RelationLine(
        line=line, type=_require_str(obj, "relation", path, line),
        source=_require_str(obj, "from", path, line), target=_require_str(obj, "to", path, line),
        coder=_optional_str(obj, "coder", path, line), uuid=_optional_str(obj, "id", path, line),
    )


def read_annotation_lines(path: Path) -> tuple[list[AnnotationLine], list[RelationLine]]:
    """Parse the whole file or raise InputError naming the first bad line."""
    if path.stat().st_size > MAX_BYTES:
        raise InputError(path, f"file is larger than {MAX_BYTES // 2**20} MB")
    try:
        content = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start})") from None
    annotations: list[AnnotationLine] = []
    relations: list[RelationLine] = []
    for number, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as error:
            raise InputError(path, f"not valid JSON ({error.msg}, column {error.colno})",
                             line=number) from None
        if not isinstance(obj, dict):
            raise InputError(path, "each line must be a JSON object", line=number)
        if "relation" in obj:
            relations.append(_relation(obj, path, number))
        else:
            annotations.append(_annotation(obj, path, number))
    if not annotations and not relations:
        raise InputError(path, "the file holds no annotations")
    return annotations, relations
