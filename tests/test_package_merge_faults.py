"""Every refusal of a package merge (one line, nothing stored) and the conflict cases."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from annotator.db import open_project
from annotator.db.services.annotations import (
    delete_annotation,
    get_annotation,
    list_annotations,
    update_annotation,
)
from tests.package_helpers import coder_ids, dump, run


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A demo project, Layla's package of it, and a second demo project (another UUID)."""
    from annotator.cli import main

    folder = tmp_path_factory.mktemp("originals")
    paths = {"project": folder / "demo.fannot", "package": folder / "layla.fannot",
             "other": folder / "other.fannot", "other_package": folder / "other-layla.fannot"}
    assert main(["demo", str(paths["project"]), "--with-coding"]) == 0
    assert main(["package", "export", str(paths["project"]), "--coder", "Layla",
                 str(paths["package"])]) == 0
    assert main(["demo", str(paths["other"]), "--with-coding"]) == 0
    assert main(["package", "export", str(paths["other"]), "--coder", "Layla",
                 str(paths["other_package"])]) == 0
    return paths


@pytest.fixture
def files(originals: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    copies = {}
    for name, path in originals.items():
        copies[name] = tmp_path / path.name
        shutil.copy(path, copies[name])
    return copies


def merge_refused(capsys: pytest.CaptureFixture[str], project: Path, file: Path,
                  expected: str) -> str:
    before = dump(project)
    code, out, err = run(capsys, "package", "merge", project, file)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"annotator: {file}") and expected in err, err
    assert err.rstrip().endswith("nothing was merged from it")
    assert dump(project) == before
    return err


def edit_package(path: Path, *statements: tuple[str, tuple]) -> None:
    with sqlite3.connect(path) as connection:
        for sql, parameters in statements:
            connection.execute(sql, parameters)
    connection.close()


def test_a_package_of_another_project_is_refused(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    merge_refused(capsys, files["project"], files["other_package"], "a package of another project")


def test_a_plain_project_is_not_a_package(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    merge_refused(capsys, files["project"], files["other"], "not a coder package (a plain project")


@pytest.mark.parametrize("content", [b"", b"title,text\na,b\n", b"SQLite format 3\x00" + b"\0" * 90])
def test_a_file_that_is_not_a_project_is_not_a_package(files: dict[str, Path], tmp_path: Path,
                                                       capsys, content: bytes) -> None:  # noqa: ANN001
    stray = tmp_path / "stray.fannot"
    stray.write_bytes(content)
    merge_refused(capsys, files["project"], stray, "not a coder package")


def test_a_document_whose_text_differs_is_refused(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    with sqlite3.connect(files["package"]) as connection:
        document_id, text = connection.execute("SELECT id, text FROM document LIMIT 1").fetchone()
    changed = text + " (edited)"
    digest = hashlib.sha256(changed.encode("utf-8")).hexdigest()
    edit_package(files["package"], ("UPDATE document SET text = ?, sha256 = ? WHERE id = ?",
                                    (changed, digest, document_id)))
    merge_refused(capsys, files["project"], files["package"],
                  f"({document_id}): its text differs from the project's (SHA-256)")


def test_a_document_text_changed_without_its_digest_is_refused(files: dict[str, Path],
                                                               capsys) -> None:  # noqa: ANN001
    edit_package(files["package"], ("UPDATE document SET text = text || 'x'", ()))
    merge_refused(capsys, files["project"], files["package"], "its text was changed after export")


def test_a_code_the_project_lacks_is_refused(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    code_id = str(uuid.uuid4())
    edit_package(
        files["package"],
        ("INSERT INTO code (id, codebook_id, parent_id, kind, name_en, name_ar, colour, shortcut,"
         " definition, include, exclude, examples, position) SELECT ?, codebook_id, NULL, kind,"
         " 'Smuggled', '', colour, '', '', '', '', '[]', 99 FROM code LIMIT 1", (code_id,)),
        ("DELETE FROM attribute_value", ()),
        ("UPDATE annotation SET code_id = ? WHERE id = (SELECT min(id) FROM annotation)",
         (code_id,)))
    merge_refused(capsys, files["project"], files["package"],
                  f"uses code {code_id}, which this project does not have")


def test_an_attribute_the_project_lacks_is_refused(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    attribute_id = str(uuid.uuid4())
    with sqlite3.connect(files["package"]) as connection:
        annotation_id, code_id = connection.execute(
            "SELECT id, code_id FROM annotation LIMIT 1").fetchone()
    edit_package(
        files["package"],
        ("INSERT INTO attribute_definition (id, code_id, name, type, choices, required,"
         " description, position) VALUES (?, ?, 'smuggled', 'text', '[]', 0, '', 9)",
         (attribute_id, code_id)),
        ("INSERT INTO attribute_value (id, annotation_id, attribute_id, value)"
         " VALUES (?, ?, ?, 'x')", (str(uuid.uuid4()), annotation_id, attribute_id)))
    merge_refused(capsys, files["project"], files["package"],
                  f"attribute {attribute_id}, which this project's code does not have")


def test_another_coders_data_inside_a_package_is_refused(files: dict[str, Path],
                                                          capsys) -> None:  # noqa: ANN001
    omar = coder_ids(files["project"])["Omar"]
    edit_package(files["package"],
                 ("INSERT INTO coder (id, name, role, created_at) VALUES (?, 'Omar', 'coder',"
                  " '2026-01-01 00:00:00')", (omar,)),
                 ("UPDATE annotation SET coder_id = ? WHERE id = (SELECT min(id) FROM annotation)",
                  (omar,)))
    merge_refused(capsys, files["project"], files["package"], "of a coder other than 'Layla'")


def _change(path: Path, annotation_id: str, *, memo: str | None = None,
            delete: bool = False) -> None:
    store = open_project(path)
    with store.transaction() as session:
        if delete:
            delete_annotation(session, annotation_id)
        else:
            update_annotation(session, annotation_id, memo=memo)
    store.close()


def _layla_annotations(path: Path) -> list[str]:
    layla = coder_ids(path)["Layla"]
    store = open_project(path)
    with store.reader() as session:
        ids = [a.uuid for a in list_annotations(session, coder_id=layla)]
    store.close()
    return ids


def test_an_item_changed_on_both_sides_is_kept_on_both_and_listed(
        files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    edited, deleted_there = _layla_annotations(files["package"])[:2]
    _change(files["package"], edited, memo="the package's memo")
    _change(files["project"], edited, memo="the project's memo")
    _change(files["package"], deleted_there, delete=True)
    _change(files["project"], deleted_there, memo="changed here")
    code, out, err = run(capsys, "package", "merge", files["project"], files["package"], "--json")
    assert code == 0, err
    report = json.loads(out)[0]
    assert report["totals"]["conflicting"] == 2
    reasons = {c["item_id"]: c["reason"] for c in report["conflicts"]}
    assert reasons == {edited: "changed in both the package and the project since export",
                       deleted_there: "deleted in the package, changed in the project since "
                                      "export"}
    store = open_project(files["project"])
    with store.reader() as session:
        assert get_annotation(session, edited).memo == "the project's memo"
        assert get_annotation(session, deleted_there).memo == "changed here"
    store.close()
    code, out, _ = run(capsys, "package", "conflicts", files["project"], "--json")
    kept = {c["item"]: c["package_version"] for c in json.loads(out)}
    assert kept[edited]["memo"] == "the package's memo" and kept[deleted_there] is None

    before = dump(files["project"])
    code, out, _ = run(capsys, "package", "merge", files["project"], files["package"], "--json")
    again = json.loads(out)[0]
    assert code == 0 and dump(files["project"]) == before
    assert all(c["recorded_before"] for c in again["conflicts"]) and len(again["conflicts"]) == 2


def test_the_codebook_of_a_package_is_read_only(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    before = dump(files["package"])
    code, _, err = run(capsys, "codebook", files["package"], "template", "framing-core")
    assert code == 1
    assert "this file is a coder package: the codebook can be changed only in the lead's" in err
    assert dump(files["package"]) == before


def test_a_package_cannot_merge_another(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    before = dump(files["package"])
    code, _, err = run(capsys, "package", "merge", files["package"], files["package"])
    assert code == 1
    assert "this file is a coder package: coder files can be merged only in the lead's" in err
    assert dump(files["package"]) == before


def test_assignments_cannot_be_changed_in_a_package(files: dict[str, Path], capsys) -> None:  # noqa: ANN001
    before = dump(files["package"])
    code, out, err = run(capsys, "assign", files["package"], "--coders", "Layla")
    assert code == 1 and out == ""
    assert "coder package: assignments can be changed only in the lead's project" in err
    assert dump(files["package"]) == before
