"""Gold answers to document questions in the xlsx workbook, read back with openpyxl: rows of
kind ``answer`` in the Adjudication sheet (question, value, who agreed, who set it, when) and
the gold row of Doc_Matrix."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from annotator.cli_export import WRITERS
from annotator.db import open_project
from annotator.db.services.adjudication_answers import set_gold_answer, take_answer
from annotator.db.services.demo import build_demo_project
from annotator.export.scope import ExportScope


def _records(sheet) -> list[dict]:  # noqa: ANN001 - an openpyxl worksheet
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row)) for row in rows]


def test_gold_answers_in_the_adjudication_sheet_and_doc_matrix(tmp_path: Path) -> None:
    path, out = tmp_path / "demo.fannot", tmp_path / "demo.xlsx"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    try:
        with store.transaction() as session:
            take_answer(session, lead="Lead", document="social-post-2016-12",
                        question="main_actor", coder="Omar")
            set_gold_answer(session, lead="Lead", document="social-post-2016-12",
                            question="tone", value=-1)
        with store.reader() as session:
            WRITERS["xlsx"](session, out, ExportScope(layer="all"))
    finally:
        store.close()
    book = load_workbook(out)
    answers = [r for r in _records(book["Adjudication"]) if r["kind"] == "answer"]
    assert [(r["external_id"], r["question"], r["answer"], r["source_coder"], r["decided_by"])
            for r in answers] == [
        ("social-post-2016-12", "tone", -1, None, "Lead"),  # nobody answered -1: the lead's own
        ("social-post-2016-12", "main_actor", "international", "Omar", "Lead")]
    assert all(r["decided_at"].startswith("20") and r["code_path"] is None for r in answers)
    gold = [r for r in _records(book["Doc_Matrix"]) if r["layer"] == "gold"]
    assert [(r["external_id"], r["tone"], r["main_actor"]) for r in gold] == [
        ("social-post-2016-12", -1, 4)]  # a choice is its option's number (value labels)
