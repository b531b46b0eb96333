"""Excel .xlsx files: a header row, then one article per row, from the first or a named sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import InputError
from annotator.importers.archive import check_archive, describe_error, require_defused_openpyxl
from annotator.importers.columns import records_from_rows
from annotator.importers.records import ArticleRecord, ColumnMap

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet


def read_xlsx(
    path: Path, *, columns: ColumnMap | None, sheet: str | None, max_bytes: int
) -> list[ArticleRecord]:
    """Cached values of formulas are read (not formulas); dates become ISO dates. Row numbers are
    Excel's own."""
    check_archive(path, ".xlsx", max_bytes)
    require_defused_openpyxl(path)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl/lxml raise many types on a damaged package
        raise InputError(path, f"not a readable Excel .xlsx workbook ({describe_error(exc)})") from exc
    try:
        worksheet = _worksheet(workbook, sheet, path)
        worksheet.reset_dimensions()  # trust the cells, not the stored dimension (often wrong)
        rows = enumerate(worksheet.iter_rows(values_only=True), start=1)
        prefix = f"{path.name}, sheet {worksheet.title}"
        return records_from_rows(rows, path=path, columns=columns, source_prefix=prefix)
    except InputError:
        raise
    except Exception as exc:  # the sheet XML is parsed lazily, while rows are read
        raise InputError(path, f"not a readable Excel .xlsx workbook ({describe_error(exc)})") from exc
    finally:
        workbook.close()


def _worksheet(workbook: Workbook, sheet: str | None, path: Path) -> ReadOnlyWorksheet:
    worksheets = {ws.title: ws for ws in workbook.worksheets}  # chart sheets have no cells
    if not worksheets:
        raise InputError(path, "the workbook has no worksheets")
    if sheet is None:
        return next(iter(worksheets.values()))
    if sheet not in worksheets:
        listing = ", ".join(map(repr, worksheets))
        raise InputError(path, f"no worksheet named {sheet!r}; the worksheets are: {listing}")
    return worksheets[sheet]
