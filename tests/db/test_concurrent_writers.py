"""Two copies of the app on one project file: writers wait for each other with a notice, every
article is stored once, a concurrent duplicate is reported as a duplicate, and the file stays sound.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

import annotator
from annotator.db import open_project
from annotator.db.models import Annotation, Document
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import code_ids_by_path
from annotator.db.services.coders import add_coder, list_coders
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import list_documents
from annotator.errors import ProjectError

TREE = Path(annotator.__file__).resolve().parent.parent
ARTICLES = 40
ANNOTATIONS = 20
WAITING = "waiting for another copy of Framing Annotator to finish writing"
REPORT_LINE = re.compile(r"^(?P<file>.+): (?P<added>\d+) imported, (?P<skipped>\d+) skipped$")


def _write_articles(folder: Path) -> None:
    folder.mkdir()
    for index in range(ARTICLES):
        body = f"تقرير رقم {index}\n\nقصفت الطائرات حي الكلاسة في حلب صباح اليوم، رقم {index}.\n"
        (folder / f"article-{index:03d}.txt").write_text(body, encoding="utf-8")


def _start_import(project: Path, folder: Path, log: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(TREE)}
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(project), str(folder)],
        stdout=subprocess.PIPE, stderr=log.open("w"), text=True, env=env)


def _wait_for_notice(logs: list[Path], timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not all(WAITING in log.read_text(encoding="utf-8") for log in logs):
        if time.monotonic() > deadline:
            pytest.fail("the writers did not say they were waiting: "
                        + " | ".join(log.read_text(encoding="utf-8") for log in logs))
        time.sleep(0.05)


def _annotate(project: Path) -> None:
    """Meanwhile, a coder in a third process codes one demo document, one commit per span."""
    store = open_project(project)
    with store.reader() as session:
        coder = next(c.uuid for c in list_coders(session) if c.name == "Layla")
        document = list_documents(session)[0].uuid
        code = next(iter(code_ids_by_path(session).values()))
    for index in range(ANNOTATIONS):
        with store.transaction() as session:
            create_annotation(session, document_id=document, coder_id=coder, code_id=code,
                              start=index * 10, end=index * 10 + 5)
    store.close()


def test_two_imports_of_one_folder_and_a_coder_at_once(tmp_path: Path) -> None:
    project, folder = tmp_path / "shared.fannot", tmp_path / "articles"
    build_demo_project(project)
    _write_articles(folder)
    logs = [tmp_path / "first.err", tmp_path / "second.err"]
    holder = sqlite3.connect(project, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a long write in a third copy: both imports must queue
    try:
        imports = [_start_import(project, folder, log) for log in logs]
        _wait_for_notice(logs)
    finally:
        holder.execute("COMMIT")
        holder.close()
    _annotate(project)
    outputs = [process.communicate(timeout=120)[0] for process in imports]

    added: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for process, output, log in zip(imports, outputs, logs, strict=True):
        errors = log.read_text(encoding="utf-8")
        assert process.returncode == 0, errors
        assert all(WAITING in line for line in errors.splitlines()), errors  # nothing else
        for line in output.splitlines():
            if match := REPORT_LINE.match(line):
                added[match["file"]] += int(match["added"])
                skipped[match["file"]] += int(match["skipped"])
            else:
                assert "same text as" in line, line
    assert len(added) == ARTICLES
    assert set(added.values()) == {1} and set(skipped.values()) == {1}

    store = open_project(project)
    with store.reader() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == ARTICLES + 3
        positions = list(session.scalars(select(Document.position)))
        assert sorted(positions) == list(range(ARTICLES + 3))
        assert session.scalar(select(func.count()).select_from(Annotation)) == ANNOTATIONS
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    store.close()


def test_a_writer_that_waits_too_long_gets_one_line_and_changes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "p.fannot"
    build_demo_project(project)
    notices: list[str] = []
    store = open_project(project, on_wait=notices.append)
    assert store.gate is not None
    store.gate.patience_s = 0.5
    holder = sqlite3.connect(project, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(ProjectError, match="kept the project locked.*nothing was changed"):
            with store.transaction() as session:
                add_coder(session, "Nadia")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert notices == [f"{WAITING} {project}…"]
    with store.transaction() as session:  # the lock is free again: the same store writes
        add_coder(session, "Nadia")
    with store.reader() as session:
        assert "Nadia" in {c.name for c in list_coders(session)}
    store.close()


def test_a_duplicate_stored_between_check_and_insert_is_reported_as_a_duplicate(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a database server the duplicate check does not hold a lock on the table: another writer
    may store the same text before this insert. The file is then run again and says so."""
    from annotator.db.services import documents
    from annotator.db.services.article_import import import_article_files

    project, article = tmp_path / "p.fannot", tmp_path / "again.txt"
    build_demo_project(project)
    article.write_bytes((TREE / "resources/demo/social-post-2016-12.txt").read_bytes())
    real_lookup, calls = documents.titles_by_digest, []

    def lookup_that_misses_once(session, digests):  # noqa: ANN001, ANN202 - mirrors the service
        calls.append(digests)
        return {} if len(calls) == 1 else real_lookup(session, digests)

    monkeypatch.setattr(documents, "titles_by_digest", lookup_that_misses_once)
    store = open_project(project)
    report = import_article_files(store, [article])
    store.close()
    assert report.failed == []
    assert report.added == 0
    assert len(report.files[0].skipped) == 1 and "same text as" in report.files[0].skipped[0]
    assert len(calls) == 2
