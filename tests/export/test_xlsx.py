"""The Excel workbook read back with openpyxl: content, not existence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape
from sqlalchemy import func, select

from annotator.agreement.report import project_report
from annotator.cli_export import WRITERS
from annotator.db import open_project
from annotator.db.models import Annotation, Code, Document, Relation
from annotator.db.services.agreement_data import agreement_input
from annotator.export.scope import ExportScope
from annotator.export.xlsx import CELL_LIMIT, split_cell
from tests.export.conftest import FORMULA_LIKE, LONG, ODD_MEMO

SHEETS = ["README", "Codebook", "Documents", "Segments", "Relations", "Doc_Matrix",
          "Reliability", "Pairwise", "Question_Reliability", "Adjudication"]


def _records(sheet) -> list[dict]:  # noqa: ANN001 - an openpyxl worksheet
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row)) for row in rows]


@pytest.fixture(scope="module")
def demo_book(demo_path: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    out = tmp_path_factory.mktemp("xlsx") / "demo.xlsx"
    store = open_project(demo_path)
    with store.reader() as session:
        WRITERS["xlsx"](session, out, ExportScope())
    store.close()
    return load_workbook(out)


def test_every_sheet_is_there_and_no_placeholders(demo_book) -> None:  # noqa: ANN001
    assert demo_book.sheetnames == SHEETS
    questions = {row["variable"]: row for row in _records(demo_book["Question_Reliability"])}
    assert list(questions) == ["tone", "main_actor"] and questions["tone"]["level"] == "ordinal"
    assert questions["main_actor"]["n_documents"] == 3 and questions["main_actor"]["percent_agreement"] == pytest.approx(2 / 3)
    readme = {row["item"]: row["value"] for row in _records(demo_book["README"])}
    assert "Adjudication holds every gold decision" in readme["sheets left out"]
    assert "0-based, end-exclusive" in readme["offsets"]
    assert "32,767" in readme["long cells"]


def test_segment_texts_are_the_canonical_slices_and_counts_match(demo_book, demo_store) -> None:  # noqa: ANN001
    segments = _records(demo_book["Segments"])
    with demo_store.reader() as session:
        texts = dict(session.execute(select(Document.id, Document.text)).all())
        n_coding = session.scalar(select(func.count()).select_from(Annotation)
                                  .where(Annotation.layer == "coding"))
        n_relations = session.scalar(select(func.count()).select_from(Relation))
        n_codes = session.scalar(select(func.count()).select_from(Code))
    assert len(segments) == n_coding == 149
    for row in segments:
        assert row["text"] == texts[row["document_id"]][row["start"]:row["end"]]
    assert len(_records(demo_book["Relations"])) == n_relations == 65
    assert len(_records(demo_book["Codebook"])) == n_codes
    assert len(_records(demo_book["Documents"])) == len(texts) == 3


def test_doc_matrix_counts_add_up_to_the_segments(demo_book) -> None:  # noqa: ANN001
    matrix = _records(demo_book["Doc_Matrix"])
    segments = _records(demo_book["Segments"])
    codebook = _records(demo_book["Codebook"])
    for code in codebook:
        for row in matrix:
            expected = sum(1 for s in segments if s["document_id"] == row["document_id"]
                           and s["coder"] == row["coder"] and s["code_path"] == code["code_path"])
            assert row[code["count_variable"]] == expected
            assert row[code["presence_variable"]] == int(expected > 0)


def test_reliability_matches_the_agreement_report(demo_book, demo_store) -> None:  # noqa: ANN001
    with demo_store.reader() as session:
        report = project_report(agreement_input(session), n_boot=1000, seed=0)
    rows = {(r["code"], r["measure_key"]): r for r in _records(demo_book["Reliability"])}
    overall = report.row("overall", "overall").figures["u_alpha"]
    row = rows["overall", "u_alpha"]
    assert row["value"] == pytest.approx(overall.value, abs=1e-6)
    assert row["ci_low"] == pytest.approx(overall.interval.low, abs=1e-6)
    assert row["q_below_800"] == pytest.approx(overall.interval.q_below_800, abs=1e-6)
    assert (row["n_documents"], row["n_coders"], row["n_units"]) == (3, 2, 149)
    assert "Krippendorff" in row["source"]
    pair = _records(demo_book["Pairwise"])
    assert [(p["coder_a"], p["coder_b"]) for p in pair] == [("Layla", "Omar")]
    exact = report.pair("Layla", "Omar", "exact")
    assert pair[0]["f1_exact"] == pytest.approx(exact.f1, abs=1e-6)
    assert -1 <= pair[0]["kappa"] <= 1
    readme = {row["item"]: row["value"] for row in _records(demo_book["README"])}
    assert f"uα = {overall.value:.3f}" in readme["English"]
    assert f"uα = {overall.value:.3f}" in readme["العربية"]
    assert "الوثائق" in readme["العربية"]


def test_no_formula_anywhere_and_arabic_reads_right_to_left(demo_book) -> None:  # noqa: ANN001
    for sheet in demo_book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
    segments = demo_book["Segments"]
    assert segments.sheet_view.rightToLeft
    text_column = [c.value for c in segments[1]].index("text")
    for row in segments.iter_rows(min_row=2):
        assert row[text_column].alignment.readingOrder == 2


def test_formula_like_and_40000_character_texts_survive(hard_store, tmp_path: Path) -> None:  # noqa: ANN001
    store, spans = hard_store
    out = tmp_path / "hard.xlsx"
    with store.reader() as session:
        WRITERS["xlsx"](session, out, ExportScope(layer="all"))
        text = session.scalar(select(Document.text))
    book = load_workbook(out)
    segments = _records(book["Segments"])
    header = [c.value for c in book["Segments"][1]]
    assert "text (2)" in header and "text (3)" not in header
    found = {}
    for row in segments:
        whole = (row["text"] or "") + (row["text (2)"] or "")
        assert whole == text[row["start"]:row["end"]]
        found[row["start"], row["end"], row["layer"]] = whole
        if row["start"] == spans[1][0]:  # openpyxl leaves Excel's _xHHHH_ escape to the caller
            assert unescape(row["memo"]) == ODD_MEMO
        else:
            assert row["memo"] == ("=1+1" if row["layer"] == "coding" else None)
    assert len(found[spans[-1][0], spans[-1][1], "coding"]) == LONG
    assert {found[span[0], span[1], "coding"] for span in spans[:-1]} == set(FORMULA_LIKE)
    assert found[spans[0][0], spans[0][1], "gold"] == FORMULA_LIKE[0]
    assert _records(book["Documents"])[0]["title"] == '=HYPERLINK("x")'
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
            assert all(len(str(cell.value or "")) <= CELL_LIMIT for cell in row)


@given(st.text(alphabet=st.sampled_from("اب😢 \n="), max_size=400), st.integers(2, 50))
def test_split_cells_join_back_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = split_cell(text, limit)
    assert "".join(pieces) == text
    assert all(len(piece.encode("utf-16-le")) // 2 <= limit for piece in pieces)
