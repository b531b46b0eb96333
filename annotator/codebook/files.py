"""Codebook files: reading and writing JSON, and the templates shipped in ``resources/codebooks``."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

from annotator.codebook.codec import codebook_from_json, codebook_to_json
from annotator.codebook.model import CodebookSpec
from annotator.errors import InputError
from annotator.resources import resource_path

MAX_FILE_BYTES = 5_000_000
TEMPLATE_FOLDER = "codebooks"


class _BadJson(ValueError):
    """JSON that ``json`` accepts but a codebook file must not contain."""


def template_names() -> list[str]:
    """Names of the shipped templates (file stems), sorted: ``["entman", "framing-core", …]``."""
    return sorted(path.stem for path in resource_path(TEMPLATE_FOLDER).glob("*.json"))


def template_path(name: str) -> Path:
    """The file of a shipped template; ``InputError`` for a name that is not one."""
    stem = name.removesuffix(".json")
    path = resource_path(TEMPLATE_FOLDER, f"{stem}.json")
    if stem not in template_names():
        available = ", ".join(template_names()) or "none"
        raise InputError(path, f"no codebook template named {name!r} (available: {available})")
    return path


def load_template(name: str) -> CodebookSpec:
    """A shipped template by name; the same name always gives the same UUIDs."""
    return read_codebook(template_path(name))


def read_codebook(path: str | Path) -> CodebookSpec:
    """Read and validate a codebook JSON file (UTF-8, with or without BOM)."""
    return codebook_from_json(_read_json(Path(path)), path)


def codebook_to_text(spec: CodebookSpec) -> str:
    """The canonical file text: indented JSON, Arabic kept readable, one newline at the end."""
    return json.dumps(codebook_to_json(spec), ensure_ascii=False, indent=2) + "\n"


def write_codebook(spec: CodebookSpec, path: str | Path) -> None:
    """Write the canonical text atomically: the file is either the old one or the whole new one."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(codebook_to_text(spec))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _read_json(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1_000_000
            raise InputError(path, f"larger than {limit} MB, too large for a codebook")
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (bad byte at offset {error.start})") from None
    return _parse(text, path)


def _parse(text: str, path: Path) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (column {error.colno})"
        raise InputError(path, message, line=error.lineno) from None
    except _BadJson as error:
        raise InputError(path, str(error)) from None
    except RecursionError:
        raise InputError(path, "JSON nested too deeply") from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _BadJson(f"key {key!r} appears twice in one JSON object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _BadJson(f"{name} is not a JSON value")
