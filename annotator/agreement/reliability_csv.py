"""Reliability data from a CSV file in the layout of Hayes & Krippendorff's KALPHA macro.

The first row names the coders (one column each), every further row is one unit, and a blank
cell is a missing value (``.``, ``NA`` and ``NaN`` are read as missing too: Krippendorff's and
R's conventions). Comma, semicolon or tab separated, whichever the header uses most; any
encoding :func:`annotator.text.decode_bytes` recognises (UTF-8, UTF-16, Windows-1256 ...).
Values must be numbers at the ordinal, interval and ratio levels (a decimal comma is accepted in
semicolon- or tab-separated files); at the nominal level any text is a category, and numbers
that are equal as numbers (``1`` and ``1.0``) are one category.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import InputError
from annotator.decoding import decode_bytes

MISSING = frozenset({"", ".", "na", "n/a", "nan"})
DELIMITERS = (",", ";", "\t")
Value = float | str | None


@dataclass(frozen=True)
class ReliabilityData:
    """Coders x units, ``None`` for missing; numbers as floats, labels as text."""

    coders: tuple[str, ...]
    values: list[list[Value]]
    n_units: int
    numeric: bool


def read_reliability_csv(path: str | Path, level: str = "nominal",
                         encoding: str | None = None) -> ReliabilityData:
    """Read and check the file; every problem is an :class:`InputError` naming the file, the
    row (the header is row 1, as a spreadsheet shows it) and the column."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror})") from None
    text = decode_bytes(data, path, encoding, canonical=False)
    delimiter = _delimiter(text)
    rows = _rows(text, delimiter, path)
    coders = _coders(rows[0], path)
    units = [_padded(row, len(coders), number, path) for number, row in enumerate(rows[1:], 2)
             if any(cell.strip() for cell in row)]
    if not units:
        raise InputError(path, "no units: the file has a header row but no data rows")
    columns = [list(column) for column in zip(*units)]
    numeric = level != "nominal" or _all_numeric(columns, delimiter)
    values = [[_value(cell, level, numeric, delimiter, path, unit, f"column {index} ({coder})")
               for unit, cell in _numbered(column, rows)]
              for index, (coder, column) in enumerate(zip(coders, columns), 1)]
    return ReliabilityData(tuple(coders), values, len(units), numeric)


def _delimiter(text: str) -> str:
    """The candidate found most often in the header line (``,`` on a tie)."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    return max(DELIMITERS, key=header.count)


def _rows(text: str, delimiter: str, path: Path) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise InputError(path, f"malformed CSV: {error}", row=reader.line_num) from None
    if not rows:
        raise InputError(path, "the file is empty")
    return rows


def _coders(header: list[str], path: Path) -> list[str]:
    names = [unicodedata.normalize("NFC", cell.strip()) for cell in header]
    while names and not names[-1]:
        names.pop()  # trailing separators, as spreadsheets write them
    for column, name in enumerate(names, 1):
        if not name:
            raise InputError(path, f"column {column}: the header needs a coder name", row=1)
        if names.index(name) != column - 1:
            raise InputError(path, f"column {column}: coder {name!r} appears twice", row=1)
    if len(names) < 2:
        raise InputError(path, f"the header names {len(names)} coder(s); alpha needs at least "
                               "two columns, one per coder", row=1)
    return names


def _padded(row: list[str], width: int, number: int, path: Path) -> list[str]:
    """A unit's cells, padded with missing values (tools drop trailing empty cells)."""
    extra = [cell for cell in row[width:] if cell.strip()]
    if extra:
        raise InputError(path, f"{len(row)} cells but the header names {width} coders "
                               f"(extra value {extra[0].strip()!r})", row=number)
    return (row + [""] * width)[:width]


def _numbered(column: list[str], rows: list[list[str]]) -> list[tuple[int, str]]:
    """Cells with the spreadsheet row they came from (blank rows were skipped)."""
    numbers = [n for n, row in enumerate(rows[1:], 2) if any(cell.strip() for cell in row)]
    return list(zip(numbers, column))


def _all_numeric(columns: list[list[str]], delimiter: str) -> bool:
    return all(_number(cell, delimiter) is not None for column in columns for cell in column
               if not _missing(cell))


def _missing(cell: str) -> bool:
    return cell.strip().casefold() in MISSING


def _number(cell: str, delimiter: str) -> float | None:
    text = cell.strip()
    if delimiter != ",":
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _value(cell: str, level: str, numeric: bool, delimiter: str, path: Path, row: int,
           where: str) -> Value:
    if _missing(cell):
        return None
    if not numeric:
        return unicodedata.normalize("NFC", cell.strip())
    value = _number(cell, delimiter)
    if value is None:
        raise InputError(path, f"{where}: {cell.strip()!r} is not a number, which the "
                               f"{level} level needs", row=row)
    if level == "ratio" and value < 0:
        raise InputError(path, f"{where}: {cell.strip()} is negative; ratio values must be "
                               "zero or more", row=row)
    return value
