"""Plain-text files: one article each; the first non-empty line is its title."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import InputError
from annotator.importers.records import ArticleRecord
from annotator.text import decode_bytes


def read_txt(path: Path, data: bytes, *, encoding: str | None) -> list[ArticleRecord]:
    text = decode_bytes(data, path, encoding)
    title = next((line.strip() for line in text.split("\n") if line.strip()), None)
    if title is None:
        raise InputError(path, "the file contains no text, only whitespace")
    return [ArticleRecord(text=text, title=title, external_id=path.stem, source=path.name)]
