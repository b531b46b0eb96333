"""Coder packages end to end through the CLI and the services: export, code, merge, merge again."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.db import open_project
from annotator.db.services.annotations import get_annotation, list_annotations
from annotator.db.services.documents import get_document_memo, list_documents, set_status
from annotator.db.services.package_state import coder_items
from annotator.domain import AssignmentStatus
from tests.package_helpers import code_in_package, coder_ids, dump, run


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo project with coding; Layla keeps two of the three documents."""
    path = tmp_path / "demo.fannot"
    assert run(capsys, "demo", path, "--with-coding")[0] == 0
    store = open_project(path)
    with store.transaction() as session:
        layla = coder_ids_in_store(session)["Layla"]
        last = list_documents(session)[-1].uuid
        set_status(session, last, layla, None)  # unassign: not in Layla's package
    store.close()
    return path


def coder_ids_in_store(session: object) -> dict[str, str]:
    from tests.package_helpers import coder_ids_in

    return coder_ids_in(session)


def export(capsys: pytest.CaptureFixture[str], project: Path, coder: str, out: Path) -> Path:
    code, stdout, err = run(capsys, "package", "export", project, "--coder", coder, out)
    assert code == 0, err
    assert f"package for {coder}" in stdout
    return out


def test_a_package_holds_one_coder_only_in_every_table(demo: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    package = export(capsys, demo, "Layla", tmp_path / "layla.fannot")
    ids = coder_ids(demo)
    forbidden = ["Omar", "Lead", ids["Omar"], ids["Lead"]]
    for table, rows in dump(package).items():
        text = repr(rows)
        assert not [word for word in forbidden if word in text], table
    with sqlite3.connect(package) as connection:
        info = connection.execute(
            "SELECT project_id, coder_id, coder_name FROM package_info").fetchall()
        documents = connection.execute("SELECT count(*) FROM document").fetchone()[0]
        baseline = connection.execute("SELECT count(*) FROM package_baseline").fetchone()[0]
        codes = connection.execute("SELECT count(*) FROM code").fetchone()[0]
    store = open_project(demo)
    with store.reader() as session:
        project_id = session.connection().exec_driver_sql("SELECT id FROM project").scalar()
        layla_items = coder_items(session.connection(), ids["Layla"],
                                  [d.uuid for d in list_documents(session, ids["Layla"])
                                   if d.status is not None])
        project_codes = session.connection().exec_driver_sql("SELECT count(*) FROM code").scalar()
    store.close()
    assert info == [(project_id, ids["Layla"], "Layla")]
    assert documents == 2 and codes == project_codes
    assert baseline == len(layla_items) > 0


def test_a_coder_without_assignments_is_refused_in_one_line(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "package", "export", demo, "--coder", "Lead", tmp_path / "l.fannot")
    assert code == 1
    assert err.strip() == ("annotator: coder 'Lead' has no assigned documents; assign documents "
                           "first (annotator assign)")
    assert not (tmp_path / "l.fannot").exists()


def test_round_two_packages_coded_merged_then_merged_again(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layla = export(capsys, demo, "Layla", tmp_path / "layla.fannot")
    omar = export(capsys, demo, "Omar", tmp_path / "omar.fannot")
    touched = {"Layla": code_in_package(layla, "Layla", "edited by Layla"),
               "Omar": code_in_package(omar, "Omar", "edited by Omar")}
    code, out, err = run(capsys, "package", "merge", demo, layla, omar, "--json")
    assert code == 0, err
    reports = {r["coder"]: r for r in json.loads(out)}
    for name in ("Layla", "Omar"):
        totals = reports[name]["totals"]
        # added: annotation, link, memo; updated: two annotations (span and memo, attribute
        # value) and the status; deleted: an annotation and its links
        assert totals["added"] == 3 and totals["updated"] == 3 and totals["conflicting"] == 0
        assert totals["deleted"] >= 1
        per_document = {d["document"]: d for d in reports[name]["documents"]}
        assert per_document[touched[name]["document"]]["added"] == 3
    ids = coder_ids(demo)
    store = open_project(demo)
    with store.reader() as session:
        for name, touched_ids in touched.items():
            assert get_annotation(session, touched_ids["edited"]).memo == f"edited by {name}"
            assert get_annotation(session, touched_ids["added"]).memo == "new"
            valued = get_annotation(session, touched_ids["valued"])
            assert valued.attributes[touched_ids["attribute"]] == touched_ids["value"]
            own = {a.uuid for a in list_annotations(session, coder_id=ids[name])}
            assert touched_ids["deleted"] not in own
            assert get_document_memo(session, touched_ids["document"], ids[name]) == \
                f"{name} was here"
            statuses = {d.uuid: d.status for d in list_documents(session, ids[name])}
            assert statuses[touched_ids["document"]] is AssignmentStatus(touched_ids["status"])
        tombstones = session.connection().exec_driver_sql("SELECT id FROM tombstone").scalars().all()
    store.close()
    assert touched["Layla"]["deleted"] in tombstones
    _assert_project_matches_package(demo, layla, ids["Layla"])

    before = dump(demo)
    code, out, _ = run(capsys, "package", "merge", demo, layla, omar, "--json")
    assert code == 0
    for report in json.loads(out):
        assert {k: v for k, v in report["totals"].items() if k != "unchanged"} == {
            "added": 0, "updated": 0, "deleted": 0, "conflicting": 0}
    assert dump(demo) == before


def _assert_project_matches_package(project: Path, package: Path, coder_id: str) -> None:
    def items(path: Path) -> dict[str, str]:
        store = open_project(path)
        with store.reader() as session:
            found = coder_items(session.connection(), coder_id)
        store.close()
        return {key: item.digest for key, item in found.items()}

    in_package = items(package)
    in_project = items(project)
    assert {k: in_project.get(k) for k in in_package} == in_package
