"""Importing a batch of article files: one transaction per file, bad files reported, never half-stored.

Used by the CLI, the GUI's import worker and ``bench/bench_import.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.db.engine import ProjectStore
from annotator.db.services.documents import add_articles
from annotator.errors import AnnotatorError
from annotator.importers import ColumnMap, read_articles

Progress = Callable[[int, int, Path], bool]  # (done, total, current file) -> keep going?


@dataclass
class FileResult:
    path: Path
    added: int = 0
    skipped: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class BatchReport:
    files: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.error is not None]

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)


def import_article_files(
    store: ProjectStore, files: Sequence[Path], *, format: str | None = None,
    encoding: str | None = None, columns: ColumnMap | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Import each file in its own transaction; a failing file is reported and stores nothing."""
    report = BatchReport()
    for index, path in enumerate(files):
        if progress is not None and not progress(index, len(files), path):
            report.cancelled = True
            break
        result = FileResult(path)
        try:
            records = read_articles(path, format=format, encoding=encoding, columns=columns)
            with store.transaction() as session:
                outcome = add_articles(session, records)
        except AnnotatorError as error:
            result.error = str(error)
        else:
            result.added, result.skipped = len(outcome.added), outcome.skipped
        report.files.append(result)
    return report
