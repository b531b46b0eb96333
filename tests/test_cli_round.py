"""`annotator assign` and `annotator progress` end to end on the demo project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.fannot"
    assert run(capsys, "demo", path)[0] == 0
    return path


def test_assign_a_sample_prints_the_verdict_and_progress_marks_it(demo: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = run(capsys, "assign", demo, "--coders", "Layla,Omar",
                         "--reliability-count", "1", "--seed", "11", "--alpha-min", "0.8")
    assert code == 0, err
    assert "reliability sample: 1 of 3 documents" in out and "seed 11" in out
    assert "needs 52 units (103 values)" in out and "too few: 51 more needed" in out
    assert "Bloch & Kraemer 1989" in out
    code, out, _ = run(capsys, "progress", demo, "--json")
    data = json.loads(out)
    assert data["reliability_sample"]["seed"] == 11
    sample = [d for d in data["documents"] if d["in_sample"]]
    assert len(sample) == 1 and all(c["status"] == "todo" for c in sample[0]["cells"].values())
    code, out, _ = run(capsys, "progress", demo)
    assert code == 0 and "* reliability sample: 1 documents, seed 11" in out
    assert sum(line[31:32] == "*" for line in out.splitlines()) == 1  # the sample column


def test_assign_refuses_to_unassign_coded_work_without_force(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "coded.fannot"
    run(capsys, "demo", path, "--with-coding")
    before = run(capsys, "progress", path, "--json")[1]
    code, out, err = run(capsys, "assign", path, "--coders", "Layla,Omar",
                         "--reliability-count", "1", "--seed", "3")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "annotations on document" in err
    assert run(capsys, "progress", path, "--json")[1] == before
    code, out, err = run(capsys, "assign", path, "--coders", "Layla,Omar",
                         "--reliability-count", "1", "--seed", "3", "--force")
    assert code == 0 and "2 removed" in out
    data = json.loads(run(capsys, "progress", path, "--json")[1])
    assert sum(t["annotations"] for t in data["totals"].values()) == sum(
        t["annotations"] for t in json.loads(before)["totals"].values())


def test_share_and_count_are_mutually_exclusive(demo: Path, capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit):
        main([str(demo), "assign", "--coders", "Layla", "--reliability-share", "0.2",
              "--reliability-count", "2"])


def test_assign_by_hand_names_documents(demo: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = run(capsys, "assign", demo, "--coders", "Lead",
                         "--documents", "aleppo-2016-12")
    assert code == 0, err
    assert "1 assignments added" in out
    data = json.loads(run(capsys, "progress", demo, "--json")[1])
    assert data["totals"]["Lead"]["assigned"] == 1
