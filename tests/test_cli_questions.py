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


def test_a_gold_answer_is_a_leads(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["answers", str(demo), "set", "tone", "0", "--document", "aleppo-2016-12",
                 "--coder", "Omar", "--layer", "gold"]) == 1
    assert "Omar is a coder, not a lead" in capsys.readouterr().err
    for value in ("-1", "0"):  # the second replaces the first: one gold answer
        assert main(["answers", str(demo), "set", "tone", value, "--document", "aleppo-2016-12",
                     "--coder", "Lead", "--layer", "gold"]) == 0
    capsys.readouterr()
    assert main(["answers", str(demo), "export", "-", "--layer", "gold"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["question"], r["value"], r["coder"]) for r in rows
            if r["document"] == "aleppo-2016-12" or r.get("external_id") == "aleppo-2016-12"] == [
        ("tone", 0, "Lead")]


def test_semetko_valkenburg_round_gives_alpha_per_item_and_per_frame_scale(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.resources import resource_path

    path = tmp_path / "sv.fannot"
    assert main(["new", str(path), "--name", "S&V"]) == 0
    assert main(["codebook", str(path), "template", "semetko-valkenburg"]) == 0
    for coder in ("Layla", "Omar"):
        assert main(["coder", str(path), "add", coder]) == 0
    assert main(["import", str(path), str(resource_path("demo"))]) == 0
    documents = ["aleppo-2016-12", "opposition-view-2016-12", "social-post-2016-12"]
    lines = []
    for d, document in enumerate(documents):
        for n in range(1, 21):
            layla = (n + d) % 3 != 0
            omar = layla if (n + 2 * d) % 5 else not layla  # disagree now and then
            for coder, value in (("Layla", layla), ("Omar", omar)):
                lines.append(json.dumps({"document": document, "coder": coder, "question": f"sv_q{n}", "value": value}))
    answers = tmp_path / "answers.jsonl"
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["answers", str(path), "import", str(answers)]) == 0
    capsys.readouterr()
    assert main(["agreement", str(path), "--json", "--bootstrap", "100"]) == 0
    rows = {r["variable"]: r for r in json.loads(capsys.readouterr().out)["questions"]["variables"]}
    scores = ["score_attribution_of_responsibility", "score_human_interest", "score_conflict",
              "score_morality", "score_economic_consequences"]
    assert list(rows) == [f"sv_q{n}" for n in range(1, 21)] + scores
    assert all(rows[s]["level"] == "interval" and rows[s]["n_documents"] == 3 for s in scores)
    assert main(["answers", str(path), "export", str(tmp_path / "out.jsonl")]) == 0
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 120


def test_remove_an_answered_question_needs_with_answers(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["questions", str(demo), "remove", "tone"]) != 0
    error = capsys.readouterr().err
    assert "holds 6 answers by 2 coders and 0 gold answers" in error and "--with-answers" in error
    assert main(["answers", str(demo), "export", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 12  # nothing was removed
    assert main(["questions", str(demo), "remove", "tone", "--with-answers"]) == 0
    assert capsys.readouterr().out.strip() == "removed question tone and its 6 answers by 2 coders and 0 gold answers"
    assert main(["questions", str(demo), "list"]) == 0
    assert "tone" not in capsys.readouterr().out
    assert main(["answers", str(demo), "export", "-"]) == 0
    assert {json.loads(line)["question"] for line in capsys.readouterr().out.splitlines()} == {"main_actor"}
