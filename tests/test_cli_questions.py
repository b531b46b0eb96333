"""Document questions end to end on the demo project: answers, agreement per question, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.agreement.alpha import krippendorff_alpha
from annotator.cli import main


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.fannot"
    assert main(["demo", str(path), "--with-coding"]) == 0
    return path


def test_agreement_reports_each_question_at_its_level(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["agreement", str(demo), "--json", "--bootstrap", "200"]) == 0
    rows = {r["variable"]: r for r in json.loads(capsys.readouterr().out)["questions"]["variables"]}
    tone, actor = rows["tone"], rows["main_actor"]
    # the sample: tone Layla -1, -2, -2 and Omar -1, -1, -2; main actor differs on the third article
    assert tone["level"] == "ordinal" and tone["alpha"] == pytest.approx(krippendorff_alpha([[-1, -2, -2], [-1, -1, -2]], "ordinal"))
    assert actor["level"] == "nominal" and actor["percent_agreement"] == pytest.approx(2 / 3)
    assert tone["n_documents"] == 3 and tone["n_coders"] == 2
    assert main(["agreement", str(demo), "--bootstrap", "0"]) == 0
    assert "Document questions" in capsys.readouterr().out


def test_answers_export_lists_both_coders(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["answers", str(demo), "export", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 12 and {r["coder"] for r in rows} == {"Layla", "Omar"}


def test_review_lists_disagreements_and_the_gold_answer(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["answers", str(demo), "review"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "2 disagreement(s)"
    assert any("opposition-view-2016-12  tone  Layla: Very negative; Omar: Negative" in line for line in out)
    assert main(["answers", str(demo), "set", "main_actor", "civilian", "--document", "social-post-2016-12",
                 "--coder", "Lead", "--layer", "gold"]) == 0
    capsys.readouterr()
    assert main(["answers", str(demo), "review", "--json"]) == 0
    rows = {(r["external_id"], r["question"]): r for r in json.loads(capsys.readouterr().out)}
    assert rows[("social-post-2016-12", "main_actor")]["gold"] == "civilian"
    assert rows[("social-post-2016-12", "main_actor")]["answers"] == {"Layla": "civilian", "Omar": "international"}
    assert main(["answers", str(demo), "review", "--all"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "6 comparison(s)"
