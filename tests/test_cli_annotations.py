"""`annotator annotations import` end to end: re-imports and hostile files end in one line."""

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
def coded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    project, exported = tmp_path / "coded.fannot", tmp_path / "coded.jsonl"
    assert run(capsys, "demo", project, "--with-coding")[0] == 0
    assert run(capsys, "annotations", project, "export", exported)[0] == 0
    return project, exported


def test_reimporting_annotations_with_links_says_what_is_present(coded, capsys) -> None:  # noqa: ANN001
    project, exported = coded
    code, out, err = run(capsys, "annotations", project, "import", exported)
    assert (code, err) == (0, "")
    assert out == (f"{exported}: 0 annotations and 0 links imported, 36 annotations and 9 links "
                   "already present\n")


def test_a_changed_id_is_refused_in_one_line(coded, capsys) -> None:  # noqa: ANN001
    project, exported = coded
    rows = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    rows[0]["memo"] = "edited elsewhere"
    exported.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    code, _, err = run(capsys, "annotations", project, "import", exported)
    assert code == 1 and err.count("\n") == 1
    assert f"{exported}, line 1: annotation id {rows[0]['id']} already exists" in err
    assert "memo" in err


def test_deeply_nested_json_is_one_line(coded, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    project, _ = coded
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"memo": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "utf-8")
    code, _, err = run(capsys, "annotations", project, "import", deep)
    assert code == 1 and err == f"annotator: {deep}, line 1: JSON nested too deeply to be an annotation\n"
