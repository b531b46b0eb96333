"""JSON Lines files: one JSON object per line, one article per object."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.columns import IdRegister, build_record, resolve_columns, skipped_as_empty, unique_names
from annotator.importers.mixed_encodings import refuse_mixed_encodings
from annotator.importers.records import ArticleRecord, ColumnMap, ReadNotes
from annotator.decoding import decode_bytes_named


def read_jsonl(
    path: Path, data: bytes, *, encoding: str | None, columns: ColumnMap | None,
    notes: ReadNotes | None = None,
) -> list[ArticleRecord]:
    """Keys are matched like column names (text, title, id, outlet, date, url, author …); other
    keys, and the entries of a ``"metadata"`` object, become metadata. Blank lines are skipped."""
    text, codec = decode_bytes_named(data, path, encoding, canonical=False)
    notes = notes or ReadNotes()
    notes.encoding = codec
    refuse_mixed_encodings(data, text, path)
    records: list[ArticleRecord] = []
    ids = IdRegister(path, "line")
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            record = _record(_parse_object(line, path, number), columns, path, number, notes)
            if record is None:
                continue
            ids.add(record.external_id, number)
            records.append(record)
    if not records:
        raise InputError(path, "the file contains no JSON objects" if not notes.skipped else
                         "no articles: every JSON object has an empty text")
    return records


def _parse_object(line: str, path: Path, number: int) -> dict[str, object]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON: {exc.msg} (column {exc.colno})", line=number) from None
    except RecursionError:
        raise InputError(path, "invalid JSON: nested too deeply", line=number) from None
    if not isinstance(value, dict):
        raise InputError(path, f"expected a JSON object {{…}}, found {_json_type(value)}", line=number)
    nested = value.pop("metadata", None)
    if isinstance(nested, dict):
        value = {**{str(k): v for k, v in nested.items()}, **value}
    elif nested is not None:
        value["metadata"] = nested
    return value


def _record(
    obj: dict[str, object], columns: ColumnMap | None, path: Path, number: int, notes: ReadNotes
) -> ArticleRecord | None:
    """One record, or None for an object with no text that ``notes`` says to skip."""
    names = unique_names(list(obj))
    fields = resolve_columns(names, columns, path, line=number)
    values = list(obj.values())
    if skipped_as_empty(names, values, fields["text"], notes, f"line {number}"):
        return None
    if values[fields["text"]] is not None and not isinstance(values[fields["text"]], str):
        found = _json_type(values[fields["text"]])
        raise InputError(
            path, f"the text ({names[fields['text']]!r}) must be a string, not {found}", line=number
        )
    return build_record(
        names, values, fields, path=path, source=f"{path.name}, line {number}", where={"line": number}
    )


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
