"""`annotator adjudicate` on the coded demo: counts per document, a re-run that adds nothing,
--documents, the lead check and bad thresholds in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main


@pytest.fixture
def coded(coded_demo: Path) -> Path:
    """The coded demo, a fresh copy per test (tests/conftest.py)."""
    return coded_demo


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> dict:
    assert main(["adjudicate", *map(str, argv), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_counts_and_a_rerun_that_adds_nothing(coded: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, coded, "--strategy", "unanimous")
    totals = first["totals"]
    assert totals["clusters"] == 44 and totals["decided"] > 0 and totals["already"] == 0
    assert totals["decided"] + totals["left"] == totals["clusters"]
    assert [d["clusters"] for d in first["documents"]] == [16, 17, 11]
    again = run(capsys, coded, "--strategy", "majority")
    assert again["totals"]["already"] == totals["decided"]
    assert again["totals"]["decided"] + again["totals"]["already"] + again["totals"]["left"] == 44
    third = run(capsys, coded, "--strategy", "threshold", "--threshold", "1")
    assert third["strategy"] == "threshold:1" and third["totals"]["decided"] == 0


def test_text_table_and_documents(coded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adjudicate", str(coded), "--strategy", "majority", "--documents",
                 "aleppo-2016-12", "--lead", "Lead"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Adjudication of {coded} by majority"
    assert "already decided" in out[2] and "left for review" in out[2]
    assert next(line for line in out if line.startswith("total")).split()[:2] == ["total", "16"]
    assert out[-1] == ("Answers to document questions: 2 compared, 2 decided, 0 already had a "
                       "gold answer, 0 left for review")


@pytest.mark.parametrize(("extra", "message"), [
    (["--strategy", "majority", "--lead", "Omar"], "Omar is a coder, not a lead"),
    (["--strategy", "majority", "--lead", "Nobody"], "no coder named 'Nobody'"),
    (["--strategy", "threshold", "--threshold", "1.5"], "--threshold is a share"),
    (["--strategy", "majority", "--threshold", "0.5"], "--threshold goes with"),
    (["--strategy", "majority", "--documents", "nope"], "unknown documents: nope"),
])
def test_refusals_in_one_line(coded: Path, capsys: pytest.CaptureFixture[str],
                              extra: list[str], message: str) -> None:
    assert main(["adjudicate", str(coded), *extra]) != 0
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert run(capsys, coded, "--strategy", "unanimous")["totals"]["already"] == 0


def test_agreement_against_gold(coded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, coded, "--strategy", "unanimous")
    assert main(["agreement", str(coded), "--against-gold", "--bootstrap", "0", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["gold"] == "gold" and "gold" in report["coders"]
    rows = {row["coder"]: row for row in report["against_gold"]}
    assert set(rows) == {"Layla", "Omar"}  # the lead coded nothing: no row
    for row in rows.values():  # gold holds only unanimous spans: each coder found all of them
        assert row["exact"]["recall"] == 1.0 and 0 < row["exact"]["precision"] < 1
        assert row["n_documents"] == 2  # the second article has no unanimous cluster
    assert main(["agreement", str(coded), "--against-gold", "--bootstrap", "0"]) == 0
    assert "Each coder against gold" in capsys.readouterr().out
    assert main(["agreement", str(coded), "--against-gold", "--layer", "gold"]) != 0
    assert "--against-gold compares the coding layer" in capsys.readouterr().err


def test_answers_are_settled_once_and_can_be_left_alone(coded: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    spans = run(capsys, coded, "--strategy", "unanimous", "--only", "spans")
    assert spans["answers"]["compared"] == 0 and spans["totals"]["decided"] > 0
    answers = run(capsys, coded, "--strategy", "majority", "--only", "answers")
    assert answers["documents"] == [] and answers["answers"] == {
        "compared": 6, "decided": 4, "already": 0, "left": 2}
    again = run(capsys, coded, "--strategy", "unanimous")
    assert again["answers"] == {"compared": 6, "decided": 0, "already": 4, "left": 2}
    assert again["totals"]["decided"] == 0  # the spans were settled by the first run
    assert main(["answers", str(coded), "review", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["external_id"], r["question"], r["gold"]) for r in rows) == [
        ("aleppo-2016-12", "main_actor", "state"), ("aleppo-2016-12", "tone", -1),
        ("opposition-view-2016-12", "main_actor", "non_state_armed"),
        ("opposition-view-2016-12", "tone", None),
        ("social-post-2016-12", "main_actor", None), ("social-post-2016-12", "tone", -2)]
