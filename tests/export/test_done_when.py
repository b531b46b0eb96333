"""Issue 9, "Done when", on the coded demo made by the command line: `annotator demo X
--with-coding`, then `annotator export X --format xlsx|sav|dta OUT`, read back with openpyxl and
pyreadstat (independent readers). The Adjudication sheet comes with the adjudication round and
is not asserted here."""

from __future__ import annotations

from pathlib import Path

import pyreadstat
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Document
from annotator.export.xlsx import ARABIC

SHEETS = {"README", "Codebook", "Documents", "Segments", "Relations", "Doc_Matrix",
          "Reliability", "Pairwise", "Disagreements"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("done") / "demo.fannot"
    assert main(["demo", str(path), "--with-coding"]) == 0
    return path


@pytest.fixture(scope="module")
def workbook(demo: Path):  # noqa: ANN201
    out = demo.with_suffix(".xlsx")
    assert main(["export", str(demo), "--format", "xlsx", str(out)]) == 0
    return load_workbook(out)


def _records(sheet) -> list[dict]:  # noqa: ANN001
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row)) for row in rows]


def test_every_sheet_is_there_with_rows(workbook) -> None:  # noqa: ANN001
    assert SHEETS <= set(workbook.sheetnames)
    for name in SHEETS:
        assert workbook[name].max_row > 1, name


def test_arabic_is_intact_right_to_left_and_nothing_is_a_formula(workbook, demo: Path) -> None:  # noqa: ANN001
    store = open_project(demo)
    with store.reader() as session:
        texts = dict(session.execute(select(Document.id, Document.text)).all())
    store.close()
    for name in ("Segments", "Disagreements"):
        rows = _records(workbook[name])
        assert any(ARABIC.search(row["text"] or "") for row in rows)
        for row in rows:
            assert row["text"] == texts[row["document_id"]][row["start"]:row["end"]]
    for sheet in workbook.worksheets:
        header = [cell.value for cell in sheet[1]]
        arabic_cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row
                        if isinstance(cell.value, str) and ARABIC.search(cell.value)]
        if arabic_cells and sheet.title != "README":  # README: English legend, Arabic methods
            assert sheet.sheet_view.rightToLeft, sheet.title
        if arabic_cells:
            assert all(cell.alignment.readingOrder == 2 for cell in arabic_cells), sheet.title
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row), (sheet.title, header)
    assert "ادعاء" in {row["name_ar"][:5] for row in _records(workbook["Codebook"])}


@pytest.mark.parametrize("fmt, reader", [("sav", pyreadstat.read_sav),
                                         ("dta", pyreadstat.read_dta)])
def test_spss_and_stata_files_carry_labels(demo: Path, fmt: str, reader) -> None:  # noqa: ANN001
    out = demo.with_suffix(f".{fmt}")
    assert main(["export", str(demo), "--format", fmt, str(out)]) == 0
    frame, meta = reader(str(out))
    assert len(frame) > 0
    labels = meta.column_names_to_labels
    assert all(labels[name] for name in frame.columns)
    assert any(ARABIC.search(label) for label in labels.values())
    presence = [name for name in frame.columns if name.endswith("_any")]
    assert presence and all(meta.variable_value_labels[name] == {0: "absent / غير موجود",
                                                                  1: "present / موجود"}
                            for name in presence)
