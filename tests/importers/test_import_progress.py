"""brat, REFI-QDA and JSONL imports report progress per document (JSONL: per block of lines)
and a step that raises (Cancel) leaves the project as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from annotator.db import open_project
from annotator.db.models import Annotation
from annotator.db.services.brat_import import import_brat
from annotator.db.services.demo import build_demo_project
from annotator.db.services.interchange import import_annotations
from annotator.db.services.projects import create_project
from annotator.db.services.refi_qda_import import import_qda_project
from annotator.export.scope import ExportScope
from annotator.export.writers import export_file
from annotator.importers import annotations_jsonl
from annotator.importers.refi_qda import read_qdpx


class Stop(Exception):
    pass


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.fannot"
    build_demo_project(path, with_coding=True)
    return path


def _export(project: Path, fmt: str, out: Path, scope: ExportScope = ExportScope()) -> Path:
    store = open_project(project)
    with store.reader() as session:
        export_file(session, fmt, out, scope)
    store.close()
    return out


def _count(project: Path) -> int:
    store = open_project(project)
    with store.reader() as session:
        count = session.scalar(select(func.count()).select_from(Annotation)) or 0
    store.close()
    return count


def _run(project: Path, work, stop_at: int | None) -> list[tuple[int, int]]:  # noqa: ANN001
    steps: list[tuple[int, int]] = []

    def step(done: int, total: int) -> None:
        steps.append((done, total))
        if stop_at is not None and len(steps) == stop_at:
            raise Stop

    store = open_project(project)
    try:
        with store.transaction() as session:
            work(session, step)
    finally:
        store.close()
    return steps


def test_brat_import_steps_per_document_and_stops(demo: Path, tmp_path: Path) -> None:
    zipped = _export(demo, "brat", tmp_path / "c.zip", ExportScope(coders=("Layla",)))
    uncoded = tmp_path / "uncoded.fannot"
    build_demo_project(uncoded, with_coding=False)

    def work(session, step):  # noqa: ANN001, ANN202
        return import_brat(session, zipped, "Layla", step)

    with pytest.raises(Stop):
        _run(uncoded, work, stop_at=2)
    assert _count(uncoded) == 0
    steps = _run(uncoded, work, stop_at=None)
    assert [done for done, _ in steps] == [0, 1, 2] and steps[0][1] == 3
    assert _count(uncoded) > 0


def test_qdpx_import_steps_per_source_and_stops(demo: Path, tmp_path: Path) -> None:
    qdpx = _export(demo, "qdpx", tmp_path / "p.qdpx")
    fresh = tmp_path / "fresh.fannot"
    store = open_project(fresh, create=True)
    with store.transaction() as session:
        create_project(session, "fresh")
    store.close()
    project = read_qdpx(qdpx)
    with pytest.raises(Stop):
        _run(fresh, lambda session, step: import_qda_project(session, project, step=step), 2)
    assert _count(fresh) == 0
    steps = _run(fresh, lambda session, step: import_qda_project(session, project, step=step),
                 None)
    assert len(steps) == len(project.sources) == 3
    assert _count(fresh) == sum(len(s.selections) for s in project.sources)


def test_jsonl_import_steps_and_stops(demo: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _export(demo, "jsonl", tmp_path / "a.jsonl")
    monkeypatch.setattr(annotations_jsonl, "STEP_LINES", 20)
    with pytest.raises(Stop):
        _run(demo, lambda session, step: import_annotations(session, lines, step), 3)
    steps = _run(demo, lambda session, step: import_annotations(session, lines, step), None)
    assert len(steps) >= 149 // 20
    assert steps == sorted(steps) and all(0 < done <= total for done, total in steps)
