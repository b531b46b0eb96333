"""Reading articles from files: .txt, .docx, .csv/.tsv, .xlsx and .jsonl (DESIGN.md §3, §8).

Pure: no database and no Qt. :func:`read_articles` returns every article of one file or raises
:class:`~annotator.errors.InputError` naming the file, the line or row, and what is wrong; nothing
of a rejected file is returned, so the caller imports it in one transaction or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from annotator.errors import InputError
from annotator.importers.archive import describe_size
from annotator.importers.delimited import read_csv
from annotator.importers.jsonlines import read_jsonl
from annotator.importers.plain import read_txt
from annotator.importers.records import COLUMN_FIELDS, ArticleRecord, ColumnMap, ReadNotes
from annotator.importers.spreadsheet import read_xlsx
from annotator.importers.word import read_docx

__all__ = [
    "COLUMN_FIELDS",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ArticleRecord",
    "ColumnMap",
    "ReadNotes",
    "iter_article_files",
    "read_articles",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_FORMATS = {".txt": "txt", ".docx": "docx", ".csv": "csv", ".tsv": "tsv", ".xlsx": "xlsx",
            ".jsonl": "jsonl", ".ndjson": "jsonl"}  # fmt: skip
SUPPORTED_EXTENSIONS = frozenset(_FORMATS)
_HINTS = {
    ".doc": "old Word .doc files cannot be read; save it as .docx",
    ".xls": "old Excel .xls files cannot be read; save it as .xlsx",
    ".json": "JSON Lines (.jsonl) is read: one JSON object per line",
    ".pdf": "PDF cannot be read; save or export the text as .txt or .docx",
}


def read_articles(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    columns: ColumnMap | None = None,
    sheet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    notes: ReadNotes | None = None,
) -> list[ArticleRecord]:
    """All articles in one file, or :class:`InputError`.

    ``format`` (``txt``, ``docx``, ``csv``, ``tsv``, ``xlsx``, ``jsonl``) overrides the extension;
    ``encoding`` applies to the text formats (detected when None); ``columns`` to csv/xlsx/jsonl;
    ``sheet`` to xlsx (the first worksheet when None). Files over ``max_bytes`` are refused.
    ``notes``, when given, is filled with what the reader saw (encoding, columns, skipped rows).
    """
    path = Path(path)
    kind = _format_of(path, format)
    _check_size(path, max_bytes)
    if kind == "docx":
        return read_docx(path, max_bytes=max_bytes)
    if kind == "xlsx":
        return read_xlsx(path, columns=columns, sheet=sheet, max_bytes=max_bytes, notes=notes)
    return _read_text_format(path, kind, _read_bytes(path, max_bytes), encoding, columns, notes)


def _read_text_format(
    path: Path, kind: str, data: bytes, encoding: str | None, columns: ColumnMap | None,
    notes: ReadNotes | None,
) -> list[ArticleRecord]:
    if kind == "txt":
        return read_txt(path, data, encoding=encoding, notes=notes)
    if kind == "jsonl":
        return read_jsonl(path, data, encoding=encoding, columns=columns, notes=notes)
    delimiter = "\t" if kind == "tsv" else None
    return read_csv(path, data, encoding=encoding, columns=columns, delimiter=delimiter, notes=notes)


def _format_of(path: Path, format: str | None) -> str:
    if format is not None:
        wanted = format.lower().lstrip(".")
        if wanted not in _FORMATS.values():
            raise InputError(path, f"unknown format {format!r}; use one of {_known()}")
        return wanted
    suffix = path.suffix.lower()
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    hint = _HINTS.get(suffix, f"the file types read are {_known()}")
    raise InputError(path, f"unsupported file type {suffix or '(no extension)'!r}: {hint}")


def _known() -> str:
    return ", ".join(sorted(SUPPORTED_EXTENSIONS))


def _check_size(path: Path, max_bytes: int) -> None:
    try:
        if path.is_dir():
            raise InputError(path, "this is a folder, not a file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise InputError(
            path, f"the file is too large ({describe_size(size)}; the limit is {describe_size(max_bytes)})"
        )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may have grown since it was measured
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"the file is too large (the limit is {describe_size(max_bytes)})")
    return data


def iter_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import: files as given, folders searched recursively for supported types in
    sorted order, skipping hidden files and folders and Office lock files (``~$…``)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(_files_in(path))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return list(dict.fromkeys(found))


def _files_in(folder: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):  # does not follow links to folders: no cycles
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(
            Path(root, name)
            for name in names
            if not name.startswith((".", "~$")) and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS
        )
    return sorted(files)
