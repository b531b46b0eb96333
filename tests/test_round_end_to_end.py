"""A whole round (issue 8) through the CLI and the services the GUI calls: demo project → assign
with a reliability sample → two coder packages → each coded in its package → merge both → merge
again (nothing changes) → the clusters expected → adjudicate (automatic, then by hand, with undo)
→ gold in the progress matrix, the JSONL and xlsx exports and the agreement report."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from annotator.adjudication import key_of
from annotator.db import open_project
from annotator.db.services.adjudication import (
    accept,
    document_clusters,
    reject,
    revert_change,
    set_rationale,
)
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import list_codes
from annotator.db.services.documents import list_documents, set_status
from annotator.db.services.packages import package_summary
from annotator.domain import AssignmentStatus
from tests.package_helpers import dump, run

# Each coder's coding of every document they get, as (start, end, code) per coder. At 0-9 both
# agree; at 20-30 they differ in code; at 40-50 only Layla marks something; at 60-70 only Omar.
PLAN = {
    "Layla": [(0, 9, "Claim/Factual"), (20, 30, "Actor/State"), (40, 50, "Framing device/Label")],
    "Omar": [(0, 9, "Claim/Factual"), (20, 30, "Actor/Civilian"), (60, 70, "Claim/Evaluative")],
}


def code_package(path: Path) -> str:
    """Code every document of the package as PLAN says, as the coding window would, and mark
    it done; returns the coder's name."""
    store = open_project(path)
    try:
        with store.reader() as session:
            summary = package_summary(session)
            assert summary is not None
            codes = {row.path: row.uuid for row in list_codes(session)}
            documents = [d.uuid for d in list_documents(session, summary.coder_id)]
        for document in documents:  # one user action, one transaction, each
            for start, end, code in PLAN[summary.coder_name]:
                with store.transaction() as session:
                    create_annotation(session, document_id=document,
                                      coder_id=summary.coder_id, code_id=codes[code],
                                      start=start, end=end)
            with store.transaction() as session:
                set_status(session, document, summary.coder_id, AssignmentStatus.DONE)
        return summary.coder_name
    finally:
        store.close()


def cli_json(capsys: pytest.CaptureFixture[str], *argv: object) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_whole_round(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "round.fannot"
    assert run(capsys, "demo", project)[0] == 0
    code, out, err = run(capsys, "assign", project, "--coders", "Layla,Omar",
                         "--reliability-count", "2", "--seed", "11")
    assert code == 0, err
    packages = [tmp_path / f"{name}.fannot" for name in ("Layla", "Omar")]
    for package in packages:
        assert run(capsys, "package", "export", project, "--coder", package.stem, package)[0] == 0
    assert sorted(code_package(package) for package in packages) == ["Layla", "Omar"]

    first = cli_json(capsys, "package", "merge", project, *packages)
    assert [r["coder"] for r in first] == ["Layla", "Omar"]
    assert all(r["totals"]["added"] >= 6 and r["totals"]["conflicting"] == 0 for r in first)
    before = dump(project)
    again = cli_json(capsys, "package", "merge", project, *packages)
    assert dump(project) == before  # merging the same files twice changes nothing
    for report in again:
        totals = report["totals"]
        assert totals["unchanged"] > 0 and totals["added"] == totals["updated"] == 0
        assert totals["deleted"] == totals["conflicting"] == 0

    progress = cli_json(capsys, "progress", project)
    sample = set(progress["reliability_sample"]["documents"])
    assert len(sample) == 2
    review = cli_json(capsys, "review", project)["clusters"]
    in_sample = [c for c in review if c["document"] in sample]
    by_start = {}
    for cluster in in_sample:
        by_start.setdefault(cluster["start"], set()).add(tuple(cluster["classes"]))
    assert by_start == {0: {("unanimous",)}, 20: {("code",)}, 40: {("missing",)},
                        60: {("missing",)}}
    single = [c for c in review if c["document"] not in sample]
    assert single and all(c["classes"] == ["unanimous"] for c in single)

    decided = cli_json(capsys, "adjudicate", project, "--strategy", "majority")
    totals = decided["totals"]
    # sample documents: only the agreed span is a majority of two; the single-coder document:
    # all three of its clusters
    assert totals["decided"] == 2 + 3 and totals["left"] == 2 * 3
    assert cli_json(capsys, "adjudicate", project, "--strategy", "majority")["totals"][
        "already"] == 5

    store = open_project(project)
    try:
        manual_round(store, sample)
    finally:
        store.close()

    progress = cli_json(capsys, "progress", project)
    gold = {row["uuid"]: row["gold"] for row in progress["documents"]}
    assert all(g["decided"] == g["clusters"] for g in gold.values())
    assert sum(g["gold"] for g in gold.values()) == 3 + 2 * 3

    exported = tmp_path / "gold.jsonl"
    assert run(capsys, "export", project, "--format", "jsonl", exported, "--layer", "gold")[0] == 0
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    spans = [line for line in lines if "code" in line]
    assert len(spans) == 9 and {s["layer"] for s in spans} == {"gold"}
    assert {(s["start"], s["code"]) for s in spans if s["document"] in sample} == {
        (0, "Claim/Factual"), (20, "Actor/Civilian"), (40, "Framing device/Label")}

    book = tmp_path / "round.xlsx"
    assert run(capsys, "export", project, "--format", "xlsx", book, "--no-reliability")[0] == 0
    sheet = openpyxl.load_workbook(book, read_only=True)["Adjudication"]
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    table = [dict(zip(header, row)) for row in rows]
    assert len(table) == 5 + 2 * 3 - 2 + 2  # 9 gold rows and the two rejections
    kinds = sorted((r["kind"], r["strategy"], r["start"]) for r in table
                   if r["document_id"] in sample)
    assert kinds == [("accept", "majority", 0)] * 2 + [("accept", "manual", 20)] * 2 + [
        ("accept", "manual", 40)] * 2 + [("reject", "manual", 60)] * 2
    rationale = {r["rationale"] for r in table if r["kind"] == "reject"}
    assert rationale == {"Omar alone, and not an evaluation"}
    assert {r["decided_by"] for r in table} == {"Lead"}

    report = cli_json(capsys, "agreement", project, "--against-gold", "--bootstrap", "0")
    against = {row["coder"]: row for row in report["against_gold"]}
    assert set(against) == {"Layla", "Omar"}
    # in each sample document gold matches 2 of each coder's 3 spans exactly (Layla: 0 and
    # 40, Omar: 0 and 20); the document only one coder coded went to gold whole (3 of 3)
    alone = {c["coders"] and next(n for n, s in c["coders"].items() if s) for c in single}
    assert len(alone) == 1
    for coder, row in against.items():
        matched, spans = (2 * 2 + 3, 3 * 3) if coder in alone else (2 * 2, 2 * 3)
        assert row["exact"]["f1"] == pytest.approx(2 * matched / (2 * spans))
        assert row["n_documents"] == (3 if coder in alone else 2)
        assert row["u_alpha"]["value"] < 1


def manual_round(store, sample: set[str]) -> None:  # noqa: ANN001 - a ProjectStore
    """By hand, as the review window calls the services: Omar's code at 20, Layla's span at
    40, reject Omar's lone span at 60 (with a reason), one decision undone and made again."""
    for document in sorted(sample):
        with store.reader() as session:
            _uuid, clusters = document_clusters(session, document)
        at = {cluster.start: cluster for cluster in clusters}
        with store.transaction() as session:
            accept(session, lead="Lead", document=document, cluster=key_of(at[20]),
                   source=at[20].by_coder("Omar")[0].key)
        with store.transaction() as session:
            change = accept(session, lead="Lead", document=document, cluster=key_of(at[40]),
                            source=at[40].by_coder("Layla")[0].key)
        with store.transaction() as session:
            revert_change(session, change)  # undo
        with store.transaction() as session:
            accept(session, lead="Lead", document=document, cluster=key_of(at[40]),
                   source=at[40].by_coder("Layla")[0].key)
        with store.transaction() as session:
            made = reject(session, lead="Lead", document=document, cluster=key_of(at[60]))
        with store.transaction() as session:
            set_rationale(session, lead="Lead", decision_id=made.decision_ids[0],
                          text="Omar alone, and not an evaluation")
