"""`annotator export`: formats, scope filters, one-line errors, atomic replacement."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.cli import main
from annotator.cli_export import WRITERS


def test_every_format_is_registered() -> None:
    assert {"xlsx", "csv", "sav", "dta", "jsonl"} <= set(WRITERS)


def test_export_with_filters(demo_path: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.fannot"
    shutil.copy(demo_path, project)
    out = tmp_path / "omar.xlsx"
    code = main(["export", str(project), "--format", "xlsx", str(out), "--coders", "Omar",
                 "--codes", "Claim", "--documents", "aleppo-2016-12"])
    assert code == 0
    assert "Segments" in capsys.readouterr().out
    book = load_workbook(out, read_only=True)
    rows = list(book["Segments"].iter_rows(min_row=2, values_only=True))
    header = [c.value for c in next(book["Segments"].iter_rows(max_row=1))]
    coder, path, external = (header.index(n) for n in ("coder", "code_path", "external_id"))
    assert rows and all(r[coder] == "Omar" and r[path].startswith("Claim/")
                        and r[external] == "aleppo-2016-12" for r in rows)
    readme = {r[1]: r[2] for r in book["README"].iter_rows(values_only=True)}
    assert "coders = Omar" in readme["filters"]


def test_unknown_names_fail_with_one_line_and_leave_no_file(
        demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"old")
    code = main(["export", str(demo_path), "--format", "xlsx", str(out), "--coders", "Nobody"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "unknown coders: Nobody" in err
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.xlsx"]


def test_failed_write_keeps_the_old_file(demo_path: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.export.xlsx as xlsx

    out = tmp_path / "x.xlsx"
    out.write_bytes(b"old")

    def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(xlsx, "_write_sheet", broken)
    with pytest.raises(RuntimeError):
        main(["export", str(demo_path), "--format", "xlsx", str(out)])
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]


def test_no_reliability_leaves_the_sheets_out_and_says_so(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "quick.xlsx"
    assert main(["export", str(demo_path), "--format", "xlsx", str(out),
                 "--no-reliability"]) == 0
    book = load_workbook(out, read_only=True)
    assert "Reliability" not in book.sheetnames and "Pairwise" not in book.sheetnames
    readme = {r[1]: r[2] for r in book["README"].iter_rows(values_only=True)}
    assert "--no-reliability" in readme["English"]


def test_a_new_export_gets_the_usual_file_mode(demo_path: Path, tmp_path: Path) -> None:
    import os

    out = tmp_path / "shared.sav"
    assert main(["export", str(demo_path), "--format", "sav", str(out)]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
