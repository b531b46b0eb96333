"""The export tables as CSV files (UTF-8 with BOM, so spreadsheet programs read Arabic), zipped.

Formula-injection guard: a spreadsheet program that opens a CSV file evaluates a cell beginning
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula. CSV cannot mark a cell
as text, so such a text cell is written with one leading apostrophe (OWASP's advice), which
spreadsheets hide and do not evaluate; README.txt in the zip says so and how to undo it. Numbers
are never changed. The xlsx and JSONL exports carry every text unchanged.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from annotator.export.atomic import atomic_path
from annotator.export.bundle import ExportBundle
from annotator.export.tables import Cell, Table

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
GUARD_NOTE = (
    "Formula-injection guard: a text cell that begins with =, +, -, @, a tab or a carriage "
    "return is written with one extra leading apostrophe ('), so that a spreadsheet program "
    "shows it as text instead of running it as a formula. Remove that first apostrophe to get "
    "the exact text (R: sub(\"^'(?=[-=+@\\t\\r])\", \"\", x, perl = TRUE); pandas: "
    "s.str.replace(r\"^'(?=[-=+@\\t\\r])\", \"\", regex=True)). Numbers are never changed. "
    "The xlsx and JSONL exports carry every text unchanged.")

Progress = Callable[[int], None]


def guard(value: Cell) -> Cell:
    """The CSV cell for ``value``: text that a spreadsheet would evaluate gets a leading '."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def _csv_name(table: Table) -> str:
    return f"{table.name.lower()}.csv"


def _write_table(archive: zipfile.ZipFile, table: Table, progress: Progress | None,
                 written: list[int]) -> int:
    count = 0
    with archive.open(_csv_name(table), "w") as raw:
        with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([column.name for column in table.columns])
            for values in table.rows:
                writer.writerow([guard(value) for value in values])
                count += 1
                written[0] += 1
                if progress is not None and written[0] % 1000 == 0:
                    progress(written[0])
    if progress is not None:
        progress(written[0])
    return count


def _readme_text(bundle: ExportBundle) -> str:
    lines = ["Framing Annotator export: one CSV file per table, UTF-8 with BOM, comma-separated, "
             "RFC 4180 quoting.", "", GUARD_NOTE, ""]
    for section, item, value in bundle.readme.rows:  # type: ignore[misc]
        lines.append(f"{section}\t{item}\t{value}")
    return "\n".join(lines) + "\n"


def write_csv_zip(bundle: ExportBundle, path: Path,
                  progress: Progress | None = None) -> dict[str, int]:
    """Write ``README.txt`` and one CSV per table into a zip at ``path`` (atomically)."""
    counts: dict[str, int] = {}
    with atomic_path(path) as temporary:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("README.txt", _readme_text(bundle).encode("utf-8-sig"))
            written = [0]
            for table in bundle.tables:
                counts[table.name] = _write_table(archive, table, progress, written)
    return counts
