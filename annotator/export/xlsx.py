"""The Excel workbook: every export table as a sheet, streamed (openpyxl write-only mode).

Text is stored exactly: a string that openpyxl would take for a formula (leading ``=``) is
forced to a text cell, and a text over Excel's cell limit continues in the next columns.
Sheets with Arabic columns read right to left; cells with Arabic text get right-to-left reading
order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from annotator.export.atomic import atomic_path
from annotator.export.bundle import ExportBundle
from annotator.export.tables import Cell, Table

CELL_LIMIT = 32_767
"""Excel's most characters (UTF-16 units) in one cell."""
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
RIGHT_TO_LEFT = Alignment(readingOrder=2, wrap_text=False)
HEADER_FONT = Font(bold=True)

Progress = Callable[[int], None]
"""Called with the number of rows written so far; may raise to cancel."""


def split_cell(text: str, limit: int = CELL_LIMIT) -> list[str]:
    """``text`` in pieces of at most ``limit`` UTF-16 units, never splitting a character."""
    if len(text) <= limit // 2 or len(text.encode("utf-16-le")) // 2 <= limit:
        return [text]
    pieces, start, units = [], 0, 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if units + width > limit:
            pieces.append(text[start:index])
            start, units = index, 0
        units += width
    pieces.append(text[start:])
    return pieces


def header_names(table: Table) -> list[str]:
    names = []
    for column in table.columns:
        names.append(column.name)
        names += [f"{column.name} ({part})" for part in range(2, column.parts + 1)]
    return names


class _SheetWriter:
    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet

    def cell(self, value: Cell, arabic_column: bool = False) -> object:
        """A text cell stays text; text of an Arabic column, or with Arabic letters, reads
        right to left."""
        if not isinstance(value, str):
            return value
        right_to_left = arabic_column or ARABIC.search(value) is not None
        if not right_to_left and not value.startswith("="):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.data_type = "s"  # never a formula, characters unchanged
        if right_to_left:
            cell.alignment = RIGHT_TO_LEFT
        return cell

    def row(self, table: Table, values: Sequence[Cell]) -> list[object]:
        cells: list[object] = []
        for column, value in zip(table.columns, values, strict=True):
            if column.parts == 1:
                cells.append(self.cell(value, column.arabic))
                continue
            pieces = split_cell(value) if isinstance(value, str) else [value]
            if len(pieces) > column.parts:
                raise ValueError(f"{table.name}.{column.name}: needs {len(pieces)} cells")
            pieces += [None] * (column.parts - len(pieces))
            cells += [self.cell(piece, column.arabic) for piece in pieces]
        return cells


def _layout(sheet: WriteOnlyWorksheet, table: Table) -> None:
    """Widths, frozen header, filter and direction: set before the rows stream out."""
    index = 1
    for column in table.columns:
        for _ in range(column.parts):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
            index += 1
    sheet.freeze_panes = "A2"
    sheet.sheet_view.rightToLeft = table.arabic


def _write_table(book: Workbook, table: Table, progress: Progress | None,
                 written: list[int]) -> None:
    sheet = book.create_sheet(table.name)
    names = header_names(table)
    _layout(sheet, table)
    writer = _SheetWriter(sheet)
    header = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = HEADER_FONT
        header.append(cell)
    sheet.append(header)
    count = 0
    for values in table.rows:
        sheet.append(writer.row(table, values))
        count += 1
        written[0] += 1
        if progress is not None and written[0] % 1000 == 0:
            progress(written[0])
    last = get_column_letter(len(names))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"


def write_workbook(bundle: ExportBundle, path: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write every table of ``bundle`` to ``path`` atomically; returns rows per sheet."""
    counts: dict[str, int] = {}
    with atomic_path(path) as temporary:
        book = Workbook(write_only=True)
        written = [0]
        for table in [bundle.readme, *bundle.tables]:
            before = written[0]
            _write_table(book, table, progress, written)
            counts[table.name] = written[0] - before
        book.save(temporary)
    return counts

