"""End to end through the `annotator` command on the real Arabic corpus."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.db import head_revision
REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SOURCE = SHARED_CORPUS if SHARED_CORPUS.is_dir() else REPO / "resources" / "demo"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "study.fannot"
    assert run(capsys, "new", path, "--name", "Aleppo 2016")[0] == 0
    return path


def test_import_the_corpus_and_list_documents(project: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = run(capsys, "import", project, SOURCE)
    assert code == 0, err
    code, out, _ = run(capsys, "documents", project, "--json")
    documents = {d["external_id"]: d for d in json.loads(out)}
    assert set(documents) == {"aleppo-2016-12", "opposition-view-2016-12", "social-post-2016-12"}
    text = unicodedata.normalize("NFC", (SOURCE / "social-post-2016-12.txt").read_text("utf-8"))
    social = documents["social-post-2016-12"]
    assert social["characters"] == len(text)
    assert social["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16"])
def test_legacy_encodings_give_the_same_canonical_text(project: Path, tmp_path: Path, capsys,
                                                       encoding: str) -> None:  # noqa: ANN001
    original = (SOURCE / "opposition-view-2016-12.txt").read_text("utf-8")
    legacy = tmp_path / f"opposition-{encoding}.txt"
    legacy.write_bytes(original.replace("\n", "\r\n").encode(encoding))
    assert run(capsys, "import", project, SOURCE / "opposition-view-2016-12.txt")[0] == 0
    code, out, _ = run(capsys, "import", project, legacy)
    assert code == 0 and "0 imported, 1 skipped" in out and "same text" in out


def test_csv_rows_without_titles_are_named_by_their_first_line(project: Path, tmp_path: Path,
                                                                capsys) -> None:  # noqa: ANN001
    sheet = tmp_path / "rows.csv"
    sheet.write_text("id,body\nr1,الجيش يتقدم في حلب\nr2,المعارضة تنسحب من الأحياء الشرقية\n",
                     encoding="cp1256")
    code, out, err = run(capsys, "import", project, sheet, "--text-column", "body")
    assert code == 0, err
    titles = {d["external_id"]: d["title"] for d in
              json.loads(run(capsys, "documents", project, "--json")[1])}
    assert titles == {"r1": "الجيش يتقدم في حلب", "r2": "المعارضة تنسحب من الأحياء الشرقية"}


def test_bad_files_fail_alone_and_store_nothing(project: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (batch / "good.txt").write_text("عنوان\n\nنص المقال.", encoding="utf-8")
    (batch / "broken.csv").write_text('title,text\n"unclosed,نص\n', encoding="utf-8")
    code, out, err = run(capsys, "import", project, batch)
    assert code == 1
    assert "good.txt: 1 imported" in out
    for name in ("empty.txt", "binary.txt", "broken.csv"):
        assert name in err
    assert "3 of 4 file(s) failed" in err
    info = json.loads(run(capsys, "info", project, "--json")[1])
    assert info["documents"] == 1


def test_codebook_coders_and_annotations_round_trip(project: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    run(capsys, "import", project, SOURCE)
    assert run(capsys, "codebook", project, "template", "framing-core")[0] == 0
    assert "Factual" in run(capsys, "codebook", project, "show")[1]
    assert run(capsys, "coder", project, "add", "Layla")[0] == 0
    assert run(capsys, "coder", project, "add", "Karim", "--lead")[0] == 0
    code, _, err = run(capsys, "coder", project, "add", "Layla")
    assert code == 1 and "already exists" in err

    text = (SOURCE / "aleppo-2016-12.txt").read_text("utf-8")
    start = text.index("الإرهابيين")
    lines = [
        {"document": "aleppo-2016-12", "coder": "Layla", "code": "Framing device/Label",
         "start": start, "end": start + 10, "text": "الإرهابيين", "memo": "label"},
        {"document": "aleppo-2016-12", "coder": "Layla", "code": "Claim/Factual",
         "start": 0, "end": 20},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    code, out, err = run(capsys, "annotations", project, "import", source)
    assert code == 0, err
    exported = tmp_path / "out.jsonl"
    assert run(capsys, "annotations", project, "export", exported)[0] == 0
    rows = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    assert {(r["start"], r["end"], r["code"]) for r in rows} == {
        (start, start + 10, "Framing device/Label"), (0, 20, "Claim/Factual")}

    # the export imports into another copy of the project (documents found by external id)
    other = tmp_path / "other.fannot"
    run(capsys, "new", other, "--name", "copy")
    run(capsys, "import", other, SOURCE)
    codebook = tmp_path / "codebook.json"
    assert run(capsys, "codebook", project, "export", codebook)[0] == 0
    assert run(capsys, "codebook", other, "import", codebook)[0] == 0
    run(capsys, "coder", other, "add", "Layla")
    code, out, err = run(capsys, "annotations", other, "import", exported)
    assert code == 0, err
    assert json.loads(run(capsys, "info", other, "--json")[1])["annotations"] == 2


@pytest.mark.parametrize("line, message", [
    ({"code": "Claim/Nope"}, "unknown code 'Claim/Nope'"),
    ({"coder": "Nobody"}, "unknown coder 'Nobody'; coders: Layla"),
    ({"document": "missing"}, "unknown document 'missing'"),
    ({"text": "wrong"}, "differs from the document"),
    ({"end": 10**6}, "ends after"),
    ({"start": 5, "end": 5}, "empty"),
])
def test_bad_annotation_files_import_nothing(project: Path, tmp_path: Path, capsys,
                                             line: dict, message: str) -> None:  # noqa: ANN001
    run(capsys, "import", project, SOURCE)
    run(capsys, "codebook", project, "template", "framing-core")
    run(capsys, "coder", project, "add", "Layla")
    good = {"document": "aleppo-2016-12", "coder": "Layla", "code": "Claim/Factual",
            "start": 0, "end": 5}
    source = tmp_path / "bad.jsonl"
    source.write_text(json.dumps(good) + "\n" + json.dumps({**good, **line}) + "\n", "utf-8")
    code, _, err = run(capsys, "annotations", project, "import", source)
    assert code == 1
    assert "bad.jsonl, line 2: " in err and message in err
    assert json.loads(run(capsys, "info", project, "--json")[1])["annotations"] == 0


def test_demo_project_and_info(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "demo.fannot"
    assert run(capsys, "demo", path)[0] == 0
    info = json.loads(run(capsys, "info", path, "--json")[1])
    assert info["documents"] == 3 and info["coders"] == 3 and info["codes"] >= 17
    assert info["schema_revision"] == head_revision()


def test_errors_are_one_line_and_nonzero(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    code, out, err = run(capsys, "info", tmp_path / "missing.fannot")
    assert code == 1 and err.count("\n") == 1 and "no such project file" in err


def test_module_entry_point_and_help() -> None:
    result = subprocess.run([sys.executable, "-m", "annotator", "import", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--text-column" in result.stdout


def test_demo_with_sample_coding_gives_a_defined_agreement(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "coded.fannot"
    assert run(capsys, "demo", path, "--with-coding")[0] == 0
    info = json.loads(run(capsys, "info", path, "--json")[1])
    assert (info["annotations"], info["relations"]) == (149, 65)  # three articles, two coders
    exported = tmp_path / "coded.jsonl"
    run(capsys, "annotations", path, "export", exported)
    rows = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    labels = {row["text"] for row in rows if row.get("code") == "Framing device/Label"}
    assert {"المسلحين", "المتمردين", "المجموعات الإرهابية"} <= labels
    code, out, err = run(capsys, "agreement", path, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["coders"] == ["Layla", "Omar"]
    overall = next(row for row in report["rows"] if row["scope"] == "overall")["figures"]
    assert 0.5 < overall["alpha_u"]["value"] < 1 and overall["alpha_u"]["n_units"] == 149
    for figure in ("u_alpha", "binary_u_alpha", "cu_alpha"):  # three documents: bootstrap intervals
        interval = overall[figure]["ci"]
        assert interval["low"] < interval["high"] and interval["replicates"] == 1000
