"""Excel .xlsx files: a header row, then one article per row, from the first or a named sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import InputError
from annotator.importers.archive import check_archive, describe_error, require_defused_openpyxl
from annotator.importers.columns import records_from_rows
from annotator.importers.package import GuardedPackage, ReadLimits, open_package
from annotator.importers.records import ArticleRecord, ColumnMap, ReadNotes, TextBudget

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet


def read_xlsx(
    path: Path, *, columns: ColumnMap | None, sheet: str | None, max_bytes: int,
    notes: ReadNotes | None = None,
) -> list[ArticleRecord]:
    """Cached values of formulas are read (not formulas); dates become ISO dates. Row numbers are
    Excel's own."""
    check_archive(path, ".xlsx", max_bytes)
    require_defused_openpyxl(path)
    limits = ReadLimits.for_file_limit(max_bytes)
    with open_package(path, ".xlsx", limits) as package:
        workbook = _load_workbook(package)
        try:
            worksheet = _worksheet(workbook, sheet, path)
            worksheet.reset_dimensions()  # trust the cells, not the stored dimension (often wrong)
            rows = enumerate(worksheet.iter_rows(values_only=True), start=1)
            prefix = f"{path.name}, sheet {worksheet.title}"
            budget = TextBudget(path, limits.article, limits.all_articles)
            return records_from_rows(
                rows, path=path, columns=columns, source_prefix=prefix, budget=budget, notes=notes
            )
        except InputError:
            raise
        except Exception as exc:  # the sheet XML is parsed lazily, while rows are read
            package.raise_breach()
            raise _unreadable(path, exc) from exc
        finally:
            workbook.close()


def _load_workbook(package: GuardedPackage) -> Workbook:
    """openpyxl's ``load_workbook(read_only=True, data_only=True)``, reading through ``package``
    so that every part it unpacks counts against the caps."""
    from openpyxl.reader.excel import ExcelReader

    try:
        reader = ExcelReader(package.path, read_only=True, data_only=True)
        reader.archive.close()
        reader.archive = package
        reader.read()
    except InputError:
        raise
    except Exception as exc:  # openpyxl/lxml raise many types on a damaged package
        package.raise_breach()
        raise _unreadable(package.path, exc) from exc
    package.raise_breach()
    return reader.wb


def _unreadable(path: Path, exc: BaseException) -> InputError:
    return InputError(path, f"not a readable Excel .xlsx workbook ({describe_error(exc)})")


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
