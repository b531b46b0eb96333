"""CSV files: a header row, then one article per row; ``,`` ``;`` or tab, found from the header."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import InputError
from annotator.importers.columns import records_from_rows
from annotator.importers.mixed_encodings import refuse_mixed_encodings
from annotator.importers.records import ArticleRecord, ColumnMap, ReadNotes
from annotator.decoding import decode_bytes_named

if TYPE_CHECKING:
    import _csv

_DELIMITERS = (",", ";", "\t")


def read_csv(
    path: Path, data: bytes, *, encoding: str | None, columns: ColumnMap | None, delimiter: str | None = None,
    notes: ReadNotes | None = None,
) -> list[ArticleRecord]:
    """Rows numbered as a spreadsheet shows them (the header is row 1; a quoted value spanning lines
    is one row). Values are canonicalised one by one, after parsing."""
    text, codec = decode_bytes_named(data, path, encoding, canonical=False)
    if notes is not None:
        notes.encoding = codec
    delimiter = delimiter or sniff_delimiter(text)
    # A value is at most the whole file; the module-wide default (128 KiB) is below a long article.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    refuse_mixed_encodings(data, text, path, lambda line: _row_of_line(text, delimiter, line))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    return records_from_rows(
        _numbered(reader, path), path=path, columns=columns, source_prefix=path.name, notes=notes
    )


def sniff_delimiter(text: str) -> str:
    """The candidate found most often outside quotes in the header line; ``,`` if none or a tie."""
    header = text.lstrip().split("\n", 1)[0]
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return max(_DELIMITERS, key=lambda d: counts[d])


def _row_of_line(text: str, delimiter: str, line: int) -> int | None:
    """The row (numbered as :func:`_numbered` does) that holds ``line``; None if unparsable."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row, _ in enumerate(reader, start=1):
            if reader.line_num >= line:
                return row
    except csv.Error:
        return None
    return None


def _numbered(reader: _csv.Reader, path: Path) -> Iterator[tuple[int, list[str]]]:
    row = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            hint = "; is a quote never closed?" if "end of data" in str(exc) else ""
            raise InputError(path, f"malformed CSV: {exc}{hint}", line=reader.line_num, row=row + 1) from None
        row += 1
        yield row, values
