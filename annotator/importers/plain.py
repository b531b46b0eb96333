"""Plain-text files: one article each; the first visible line is its title, else the file name."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import InputError
from annotator.importers.mixed_encodings import refuse_mixed_encodings
from annotator.importers.records import ArticleRecord, ReadNotes
from annotator.importers.titles import first_visible_line
from annotator.decoding import decode_bytes_named
from annotator.text import canonicalize


def read_txt(
    path: Path, data: bytes, *, encoding: str | None, notes: ReadNotes | None = None
) -> list[ArticleRecord]:
    decoded, codec = decode_bytes_named(data, path, encoding, canonical=False)
    if notes is not None:
        notes.encoding = codec
    refuse_mixed_encodings(data, decoded, path)
    text = canonicalize(decoded)
    if not text.strip():
        raise InputError(path, "the file contains no text, only whitespace")
    title = first_visible_line(text) or path.name
    return [ArticleRecord(text=text, title=title, external_id=path.stem, source=path.name)]
