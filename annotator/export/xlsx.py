"""The Excel workbook: every export table as a sheet, streamed row by row into the .xlsx zip.

Why not openpyxl's write-only mode: it keeps memory flat but spends 4–6 µs per cell building and
serialising cell objects: 100,000 Segments-like rows took 11.6 s there against 2.2 s here (median
of 3, docs/export.md), before any query ran, with a 15 s budget for the whole export
(DESIGN.md §7). The sheets here are plain
SpreadsheetML written with string joins (inline strings, three cell styles; the fixed package parts
are in :mod:`annotator.export.xlsx_package`); openpyxl reads them back in the tests.

Text is stored exactly: every string is an inline text cell, never a formula, whatever its first
character; a carriage return is written as a character reference so XML readers keep it. A text
over Excel's cell limit continues in the next columns. Sheets with Arabic columns read right to
left, and cells of Arabic columns or with Arabic letters get right-to-left reading order.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from openpyxl.utils import get_column_letter

from annotator.export.atomic import atomic_path
from annotator.export.bundle import ExportBundle
from annotator.export.tables import Cell, Table
from annotator.export.xlsx_package import (
    APP_PROPERTIES,
    HEAD,
    MAIN,
    RELS,
    ROOT_RELS,
    STYLE_HEADER,
    STYLE_RIGHT_TO_LEFT,
    STYLES,
    content_types,
    core_properties,
    workbook,
    workbook_rels,
)

CELL_LIMIT = 32_767
"""Excel's most characters (UTF-16 units) in one cell."""
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
NEEDS_ESCAPE = re.compile("[&<>\r]")
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
"""Characters XML 1.0 cannot hold, and a literal ``_xHHHH_``: both get Excel's ``_xHHHH_``
escape (ECMA-376 §22.9.2.19), which Excel turns back into the character."""
FLUSH_ROWS = 500

Progress = Callable[[int], None]
"""Called with the number of rows written so far; may raise to cancel (the file is removed)."""


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


def xml_text(text: str) -> str:
    if text.isascii() and text.isalnum():
        return text
    if ILLEGAL.search(text):
        text = ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    if NEEDS_ESCAPE.search(text):
        text = NEEDS_ESCAPE.sub(lambda m: ESCAPES[m.group()], text)
    return text


def _text_cell(ref: str, text: str, right_to_left: bool) -> str:
    arabic = right_to_left or (not text.isascii() and ARABIC.search(text) is not None)
    style = f' s="{STYLE_RIGHT_TO_LEFT}"' if arabic else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{xml_text(text)}</t></is></c>'


def _cell(ref: str, value: Cell, right_to_left: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _text_cell(ref, value, right_to_left) if value else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    return f'<c r="{ref}"><v>{value!r}</v></c>'


class _Sheet:
    """One table as worksheet XML: the column layout decided up front, rows streamed."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.names = header_names(table)
        self.letters = [get_column_letter(i) for i in range(1, len(self.names) + 1)]
        self.rtl = [column.arabic for column in table.columns for _ in range(column.parts)]

    def opening(self) -> str:
        direction = ' rightToLeft="1"' if self.table.arabic else ""
        widths = [column.width for column in self.table.columns for _ in range(column.parts)]
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                       for i, w in enumerate(widths, start=1))
        header = "".join(f'<c r="{letter}1" s="{STYLE_HEADER}" t="inlineStr"><is><t>'
                         f"{xml_text(name)}</t></is></c>"
                         for letter, name in zip(self.letters, self.names, strict=True))
        return HEAD + (
            f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}"><sheetViews>'
            f'<sheetView{direction} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
            'activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
            f'<row r="1">{header}</row>')

    def row(self, number: int, values: Sequence[Cell]) -> str:
        flat: list[Cell] = []
        for column, value in zip(self.table.columns, values, strict=True):
            if column.parts == 1:
                flat.append(value)
                continue
            pieces: list[Cell] = list(split_cell(value)) if isinstance(value, str) else [value]
            if len(pieces) > column.parts:
                raise ValueError(f"{self.table.name}.{column.name}: needs {len(pieces)} cells")
            flat += pieces + [None] * (column.parts - len(pieces))
        cells = "".join(_cell(f"{letter}{number}", value, rtl)
                        for letter, value, rtl in zip(self.letters, flat, self.rtl))
        return f'<row r="{number}">{cells}</row>'

    def closing(self, last_row: int) -> tuple[str, str]:
        ref = f"A1:{self.letters[-1]}{last_row}"
        return f'</sheetData><autoFilter ref="{ref}"/></worksheet>', ref


def _write_sheet(handle: IO[bytes], table: Table, progress: Progress | None,
                 written: list[int]) -> tuple[int, str]:
    sheet = _Sheet(table)
    handle.write(sheet.opening().encode("utf-8"))
    buffer: list[str] = []
    number = 1
    for values in table.rows:
        number += 1
        buffer.append(sheet.row(number, values))
        written[0] += 1
        if len(buffer) >= FLUSH_ROWS:
            handle.write("".join(buffer).encode("utf-8"))
            buffer.clear()
            if progress is not None:
                progress(written[0])
    closing, ref = sheet.closing(number)
    handle.write(("".join(buffer) + closing).encode("utf-8"))
    if progress is not None:
        progress(written[0])
    return number - 1, ref


def write_workbook(bundle: ExportBundle, path: Path,
                   progress: Progress | None = None) -> dict[str, int]:
    """Write every table of ``bundle`` to ``path`` atomically; returns rows per sheet."""
    tables = [bundle.readme, *bundle.tables]
    counts: dict[str, int] = {}
    refs: list[str] = []
    with atomic_path(path) as temporary:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            written = [0]
            for index, table in enumerate(tables, start=1):
                with archive.open(f"xl/worksheets/sheet{index}.xml", "w",
                                  force_zip64=True) as handle:
                    counts[table.name], ref = _write_sheet(handle, table, progress, written)
                refs.append(ref)
            names = [table.name for table in tables]
            parts = {
                "[Content_Types].xml": content_types(len(tables)), "_rels/.rels": ROOT_RELS,
                "xl/workbook.xml": workbook(names, refs),
                "xl/_rels/workbook.xml.rels": workbook_rels(len(tables)),
                "xl/styles.xml": STYLES, "docProps/app.xml": APP_PROPERTIES,
                "docProps/core.xml": core_properties(str(bundle.readme.rows[0][2])),  # type: ignore[index]
            }
            for name, text in parts.items():
                archive.writestr(name, text.encode("utf-8"))
    return counts
