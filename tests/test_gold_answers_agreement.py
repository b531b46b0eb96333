"""`annotator agreement --against-gold`: gold answers to document questions are one more coder
in the question figures (as gold spans are in the span figures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.db import open_project
from annotator.db.services.adjudication_answers import take_answer
from annotator.db.services.demo import build_demo_project


def questions(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> dict[str, dict]:
    assert main(["agreement", str(path), "--json", "--bootstrap", "0", *extra]) == 0
    report = json.loads(capsys.readouterr().out)
    return {row["variable"]: row for row in report["questions"]["variables"]}


def test_gold_answers_count_as_one_more_coder(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.fannot"
    build_demo_project(path, with_coding=True)
    before = questions(capsys, path, "--against-gold")
    assert before["tone"]["n_coders"] == 2  # no gold answer yet
    store = open_project(path)
    try:
        with store.transaction() as session:  # gold = Layla's tone everywhere
            for document in ("aleppo-2016-12", "opposition-view-2016-12", "social-post-2016-12"):
                take_answer(session, lead="Lead", document=document, question="tone", coder="Layla")
    finally:
        store.close()
    plain, against = questions(capsys, path), questions(capsys, path, "--against-gold")
    assert plain["tone"] == before["tone"]  # without the flag gold stays out
    assert (against["tone"]["n_coders"], against["tone"]["n_values"]) == (3, 9)
    # pairwise: two documents agree in all 3 pairs, the opposition view in 1 of 3 (Layla-gold)
    assert against["tone"]["percent_agreement"] == pytest.approx((1 + 1 / 3 + 1) / 3)
    assert against["tone"]["alpha"] > plain["tone"]["alpha"]
    assert against["main_actor"]["n_coders"] == 2  # no gold answer to main_actor
