"""The import preview's dry run against a project, and the batch import that Cancel leaves unstored.

:func:`mark_duplicates` reads the project only; :func:`import_previewed` reads every file first
(nothing stored, Cancel at any point) and then stores all of them in one transaction, so a Cancel
or a failure while storing leaves the project as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from annotator.db.engine import ProjectStore
from annotator.db.services.article_import import BatchReport, FileResult, Progress
from annotator.db.services.documents import add_articles, titles_by_digest
from annotator.db.services.import_rows import CreatedRows, seal
from annotator.errors import ProjectError
from annotator.importers.preview import FileOptions, FilePreview, preview_file
from annotator.text import text_sha256


class _Cancelled(Exception):
    """Raised inside the transaction to roll it back when the user cancels."""


def preview_files(
    store: ProjectStore, files: Sequence[tuple[Path, FileOptions]], progress: Progress | None = None
) -> list[FilePreview] | None:
    """Each file read as the import would, its duplicates marked; None when ``progress`` cancels."""
    previews: list[FilePreview] = []
    for index, (path, options) in enumerate(files):
        if progress is not None and not progress(index, len(files), path):
            return None
        previews.append(preview_file(path, options))
    mark_duplicates(store, previews)
    return previews


def mark_duplicates(store: ProjectStore, previews: Sequence[FilePreview]) -> None:
    """Note, per file, each article whose text is in the project already or earlier in the batch
    (the import skips those, as :func:`~annotator.db.services.documents.add_articles` does)."""
    digests = [[text_sha256(r.text) for r in p.records] if not p.refused else [] for p in previews]
    with store.reader() as session:
        seen = titles_by_digest(session, {d for file in digests for d in file})
    for preview, file_digests in zip(previews, digests, strict=True):
        preview.duplicates = []
        for record, digest in zip(preview.records, file_digests, strict=True):
            if digest in seen:
                preview.duplicates.append(f"{record.source}: same text as {seen[digest]!r}")
            else:
                seen[digest] = record.title or record.source


def import_previewed(
    store: ProjectStore, files: Sequence[tuple[Path, FileOptions]], progress: Progress | None = None
) -> BatchReport:
    """Read every file, then store the articles of the readable ones in one transaction.

    ``progress`` is called before each file is read and before it is stored (``2 × files`` steps);
    returning False cancels, and nothing is stored. Refused files are reported, as in the preview.
    """
    report, total = BatchReport(), 2 * len(files)
    read: list[tuple[FileResult, FilePreview]] = []
    for index, (path, options) in enumerate(files):
        if progress is not None and not progress(index, total, path):
            report.cancelled = True
            return report
        preview = preview_file(path, options)
        result = FileResult(path, error=preview.error, empty=list(preview.notes.skipped))
        report.files.append(result)
        if not preview.refused:
            read.append((result, preview))
    try:
        _store_all(store, read, progress, len(files), total)
    except _Cancelled:
        report.cancelled = True
        for result, _ in read:
            result.added, result.skipped = 0, []
    return report


def _store_all(store: ProjectStore, read: list[tuple[FileResult, FilePreview]],
               progress: Progress | None, done: int, total: int) -> None:
    try:
        with store.transaction() as session:
            for step, (result, preview) in enumerate(read):
                if progress is not None and not progress(done + step, total, result.path):
                    raise _Cancelled
                outcome = add_articles(session, preview.records)
                result.added, result.skipped = len(outcome.added), outcome.skipped
                result.record = seal(session, CreatedRows({"document": list(outcome.added)}))
    except IntegrityError as error:
        first_line = str(error.orig).strip().splitlines()[0]
        raise ProjectError(f"the articles could not be stored, nothing was imported ({first_line})") from None


def report_lines(report: BatchReport) -> list[str]:
    """The details of a batch import, for its summary: per file what was stored, skipped or refused."""
    lines: list[str] = []
    for result in report.files:
        if result.error:
            lines.append(f"refused: {result.error}")
            continue
        lines.append(f"{result.path.name}: {result.added} imported")
        lines.extend(f"  duplicate: {note}" for note in result.skipped)
        lines.extend(f"  empty text: {result.path.name}, {note}, skipped" for note in result.empty)
    return lines
