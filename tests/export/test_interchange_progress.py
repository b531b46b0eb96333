"""brat, REFI-QDA and JSONL exports report progress at least once per document, and a
progress callback that raises (Cancel) stops the export with no file left behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from annotator.db.models import Document
from annotator.export.scope import ExportScope
from annotator.export.writers import ExportCancelled, export_file


@pytest.mark.parametrize("fmt", ["brat", "qdpx", "jsonl"])
def test_progress_comes_per_document(demo_store, tmp_path: Path, fmt: str) -> None:  # noqa: ANN001
    calls: list[tuple[str, int, int]] = []
    with demo_store.reader() as session:
        n_documents = session.scalar(select(func.count()).select_from(Document))
        export_file(session, fmt, tmp_path / f"out.{fmt}", ExportScope(),
                    progress=lambda *call: calls.append(call))
    writing = [(done, total) for stage, done, total in calls if stage == "writing"]
    if fmt == "jsonl":  # per 500 lines: the demo's 149 annotations give start and end
        assert writing[-1][0] == writing[-1][1] == 149
    else:
        assert len({done for done, _ in writing}) > n_documents
        assert writing == sorted(writing) and writing[-1][0] == writing[-1][1]


@pytest.mark.parametrize("fmt", ["brat", "qdpx", "qdc", "jsonl"])
def test_a_raising_callback_leaves_no_file(demo_store, tmp_path: Path, fmt: str) -> None:  # noqa: ANN001
    calls = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "writing":
            calls.append(done)
        if len(calls) == 2:  # the second step: something is written, not all
            raise ExportCancelled

    out = tmp_path / "out"
    out.mkdir()
    with demo_store.reader() as session, pytest.raises(ExportCancelled):
        export_file(session, fmt, out / f"x.{fmt}", ExportScope(), progress=progress)
    assert list(out.iterdir()) == []
