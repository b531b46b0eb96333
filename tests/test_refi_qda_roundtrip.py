"""REFI-QDA export and import through the CLI: schema-valid files and a lossless round trip of what
the format carries (documents, codes, coders, annotation offsets, memos)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xmlschema
from sqlalchemy import select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Annotation, Code, Coder, Document, DocumentMemo

SCHEMAS = Path(__file__).resolve().parent / "data" / "refi-qda"


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The coded demo project, with an annotation memo on the social post and a document memo."""
    path = tmp_path_factory.mktemp("refi") / "demo.fannot"
    assert main(["demo", str(path), "--with-coding"]) == 0
    store = open_project(path)
    with store.transaction() as session:
        post = session.scalar(select(Document).where(Document.external_id == "social-post-2016-12"))
        annotation = session.scalars(select(Annotation).where(Annotation.document_id == post.id)
                                     .order_by(Annotation.start.desc())).first()
        annotation.memo = "آخر وسم 😢 في المنشور"
        coder = session.scalar(select(Coder).where(Coder.name == "Layla"))
        session.add(DocumentMemo(document_id=post.id, coder_id=coder.id, text="منشور عاطفي 💔"))
    store.close()
    return path


def _snapshot(path: Path) -> dict[str, object]:
    store = open_project(path)
    with store.reader() as session:
        documents = {d.sha256: (d.title, d.text) for d in session.scalars(select(Document))}
        sha = {d.id: d.sha256 for d in session.scalars(select(Document))}
        codes = {c.id: (c.name_en, c.kind, c.parent_id, c.colour, c.definition) for c in session.scalars(select(Code))}
        coders = {c.id: c.name for c in session.scalars(select(Coder))}
        annotations = {a.id: (sha[a.document_id], a.coder_id, a.code_id, a.start, a.end, a.memo)
                       for a in session.scalars(select(Annotation))}
        memos = {(sha[m.document_id], m.coder_id, m.text) for m in session.scalars(select(DocumentMemo))}
    store.close()
    return {"documents": documents, "codes": codes, "coders": coders, "annotations": annotations,
            "memos": memos}


def test_project_round_trips_through_qdpx(coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, fresh = tmp_path / "demo.qdpx", tmp_path / "fresh.fannot"
    assert main(["export", str(coded), "--format", "qdpx", str(out)]) == 0
    exported = capsys.readouterr().out
    assert "149 coded selections" in exported and "65 link(s)" in exported and "attribute value" in exported
    assert main(["new", str(fresh), "--name", "fresh"]) == 0
    assert main(["import", str(fresh), str(out)]) == 0
    imported = capsys.readouterr().out
    assert "149 annotations added" in imported and "2 memos" in imported
    before, after = _snapshot(coded), _snapshot(fresh)
    for part in ("documents", "codes", "annotations", "memos"):
        assert after[part] == before[part], part
    assert set(after["coders"].items()) <= set(before["coders"].items())  # the lead coded nothing...
    assert set(after["coders"]) == set(before["coders"])  # ...but is a User all the same


def test_emoji_offsets_are_code_points(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "demo.qdpx"
    assert main(["export", str(coded), "--format", "qdpx", str(out)]) == 0
    snapshot = _snapshot(coded)
    post_text = next(text for _, text in snapshot["documents"].values() if "😢" in text)
    with zipfile.ZipFile(out) as archive:
        texts = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("sources/")]
    assert post_text in texts  # written as is: canonical, UTF-8, LF
    after_emoji = [a for a in snapshot["annotations"].values()
                   if a[0] in snapshot["documents"] and snapshot["documents"][a[0]][1] == post_text and a[3] > 12]
    assert after_emoji  # spans past the emoji: a UTF-16 count would be off by one per emoji


def test_second_import_adds_nothing(coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.qdpx"
    assert main(["export", str(coded), "--format", "qdpx", str(out)]) == 0
    assert main(["import", str(coded), str(out)]) == 0
    text = capsys.readouterr().out
    assert "0 documents added, 3 matched" in text and "0 annotations added, 149 already present" in text
    assert "17 codes added" not in text and "0 codes added" in text


def test_written_files_validate_against_the_official_schemas(coded: Path, tmp_path: Path) -> None:
    qdpx, qdc = tmp_path / "demo.qdpx", tmp_path / "demo.qdc"
    assert main(["export", str(coded), "--format", "qdpx", str(qdpx)]) == 0
    assert main(["export", str(coded), "--format", "qdc", str(qdc)]) == 0
    with zipfile.ZipFile(qdpx) as archive:
        names = archive.namelist()
        project = archive.read("project.qde").decode("utf-8")
    assert all(n == "project.qde" or (n.startswith("sources/") and n.endswith(".txt")) for n in names)
    xmlschema.XMLSchema(SCHEMAS / "Project.xsd").validate(project)
    xmlschema.XMLSchema(SCHEMAS / "Codebook.xsd").validate(str(qdc))


def test_codebook_round_trips_through_qdc(coded: Path, tmp_path: Path) -> None:
    qdc, fresh = tmp_path / "demo.qdc", tmp_path / "fresh.fannot"
    assert main(["export", str(coded), "--format", "qdc", str(qdc)]) == 0
    assert main(["new", str(fresh), "--name", "fresh"]) == 0
    assert main(["codebook", str(fresh), "import", str(qdc)]) == 0
    assert _snapshot(fresh)["codes"] == _snapshot(coded)["codes"]


def test_scope_limits_the_export(coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "layla.qdpx"
    assert main(["export", str(coded), "--format", "qdpx", str(out), "--coders", "Layla",
                 "--documents", "social-post-2016-12", "--codes", "Claim"]) == 0
    with zipfile.ZipFile(out) as archive:
        project = archive.read("project.qde").decode("utf-8")
    assert project.count("<TextSource ") == 1 and "Omar" not in project and "Framing device" not in project
    assert main(["export", str(coded), "--format", "qdpx", str(out), "--coders", "Nobody"]) == 1
    assert "unknown coder 'Nobody'" in capsys.readouterr().err


def test_a_failed_export_leaves_no_file(coded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.export.refi_qda as writer

    def broken(xml: object, export: object, step: object = None) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "write_project_xml", broken)
    with pytest.raises(RuntimeError):
        main(["export", str(coded), "--format", "qdpx", str(tmp_path / "x.qdpx")])
    assert list(tmp_path.iterdir()) == []


def test_control_characters_are_removed_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, out = tmp_path / "demo.fannot", tmp_path / "demo.qdpx"
    assert main(["demo", str(path), "--with-coding"]) == 0
    store = open_project(path)
    with store.transaction() as session:
        session.scalars(select(Annotation)).first().memo = "page\x0cbreak"
    store.close()
    assert main(["export", str(path), "--format", "qdpx", str(out)]) == 0
    report = capsys.readouterr().out
    assert "1 control character(s) that XML cannot hold" in report and "the role of 1 lead(s)" in report
    with zipfile.ZipFile(out) as archive:
        project = archive.read("project.qde").decode("utf-8")
    xmlschema.XMLSchema(SCHEMAS / "Project.xsd").validate(project)
    assert "pagebreak" in project
