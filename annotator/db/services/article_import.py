"""Importing a batch of article files: one transaction per file, bad files reported, never half-stored.

Used by the CLI, the GUI's import worker and ``bench/bench_import.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from annotator.db.engine import ProjectStore
from annotator.db.services.documents import ImportOutcome, add_articles
from annotator.db.services.import_rows import EMPTY, CreatedRows, ImportRecord, seal
from annotator.errors import AnnotatorError, InputError
from annotator.importers import ArticleRecord, ColumnMap, read_articles

Progress = Callable[[int, int, Path], bool]  # (done, total, current file) -> keep going?


@dataclass
class FileResult:
    path: Path
    added: int = 0
    skipped: list[str] = field(default_factory=list)
    error: str | None = None
    empty: list[str] = field(default_factory=list)  # rows skipped because their text is empty
    record: ImportRecord = EMPTY  # the documents this file added (what undo removes)


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

    @property
    def record(self) -> ImportRecord:
        """Every file's documents as one import (one undo removes them all)."""
        record = EMPTY
        for file in self.files:
            record = record.merged(file.record)
        return record


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
            outcome, result.record = _store_articles(store, path, records)
        except AnnotatorError as error:
            result.error = str(error)
        else:
            result.added, result.skipped = len(outcome.added), outcome.skipped
        report.files.append(result)
    return report


def _store_articles(store: ProjectStore, path: Path,
                    records: list[ArticleRecord]) -> tuple[ImportOutcome, ImportRecord]:
    """Store one file's articles in one transaction.

    Another writer can store the same text between the duplicate check and the insert where the
    check does not hold the write lock (a database server); the file then runs once more, and
    the text is reported as a duplicate like any other. The database's message names the
    constraint only: the statement and its values (the article text) are never shown.
    """
    try:
        return _add_in_transaction(store, records)
    except IntegrityError as error:
        if not _is_duplicate_text(error):
            raise _storage_error(path, error) from None
    try:
        return _add_in_transaction(store, records)
    except IntegrityError as error:
        raise _storage_error(path, error) from None


def _add_in_transaction(store: ProjectStore,
                        records: list[ArticleRecord]) -> tuple[ImportOutcome, ImportRecord]:
    with store.transaction() as session:
        outcome = add_articles(session, records)
        return outcome, seal(session, CreatedRows({"document": list(outcome.added)}))


def _storage_error(path: Path, error: IntegrityError) -> InputError:
    first_line = str(error.orig).strip().splitlines()[0]
    return InputError(path, f"could not be stored ({first_line})")


def _is_duplicate_text(error: IntegrityError) -> bool:
    message = str(error.orig)
    return "document.sha256" in message or "uq_document_sha256" in message
