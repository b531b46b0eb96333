"""Importing annotations from one file or folder, whatever its format, in one transaction.

What ``annotator annotations PATH import`` (JSONL, brat) and ``annotator import PATH FILE.qdpx``
(REFI-QDA) do, behind one call for the lead's Import annotations dialog: the format's importer
runs inside one transaction with a ``step(done, total)`` callback; a step that raises
:class:`ImportStopped` (the user pressed Cancel) or a bad line (:class:`~annotator.errors.InputError`,
naming the file and the line) rolls everything back, so nothing is half-imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from annotator.db.engine import ProjectStore
from annotator.db.services.import_rows import EMPTY, ImportRecord, seal
from annotator.domain import CodeKind
from annotator.errors import AnnotatorError

Step = Callable[[int, int], None]
FORMATS = ("jsonl", "brat", "qdpx")


class ImportStopped(Exception):
    """Raised by a step to stop the import; the transaction stores nothing."""


@dataclass(frozen=True)
class AnnotationRequest:
    """What to import: ``coder`` is whose a brat collection is; ``kind`` the kind of a REFI-QDA
    project's top-level codes not named after one of the four kinds (as the CLI's ``--kind``)."""

    path: Path
    format: str
    coder: str | None = None
    kind: CodeKind = CodeKind.FRAMING_DEVICE


@dataclass(frozen=True)
class AnnotationImport:
    """What was stored, and the English lines the CLI prints about it (skips, losses)."""

    path: Path
    format: str
    annotations: int
    relations: int
    documents: int
    coders: int
    details: tuple[str, ...]
    record: ImportRecord = field(default=EMPTY, compare=False)  # every row added: what undo removes


def guess_format(path: Path) -> str:
    """As the CLI decides: .qdpx is REFI-QDA, a folder or a .zip a brat collection, else JSONL."""
    if path.suffix.lower() == ".qdpx":
        return "qdpx"
    return "brat" if path.is_dir() or path.suffix.lower() == ".zip" else "jsonl"


def import_annotation_file(store: ProjectStore, request: AnnotationRequest,
                           step: Step | None = None) -> AnnotationImport:
    """Read, check and store ``request.path`` in one transaction (see the module's notes)."""
    if request.format not in FORMATS:
        raise AnnotatorError(f"unknown annotation format {request.format!r}")
    if request.format == "brat" and not request.coder:
        raise AnnotatorError("a brat import needs a coder (whose annotations these are)")
    if request.format != "brat" and not request.path.is_file():
        raise AnnotatorError(f"{request.path}: no such file")
    if request.format == "qdpx":
        from annotator.importers.refi_qda import read_qdpx

        project = read_qdpx(request.path)  # parsed before the transaction opens
        with store.transaction() as session:
            return _qdpx(session, request, project, step)
    with store.transaction() as session:
        return (_brat if request.format == "brat" else _jsonl)(session, request, step)


def _jsonl(session: Session, request: AnnotationRequest, step: Step | None) -> AnnotationImport:
    from annotator.db.services.interchange import import_annotations

    outcome = import_annotations(session, request.path, step)
    details = (f"{outcome.skipped} annotations and {outcome.skipped_relations} links already "
               "present, skipped",) if outcome.skipped or outcome.skipped_relations else ()
    return AnnotationImport(request.path, "jsonl", outcome.annotations, outcome.relations,
                            outcome.documents, outcome.coders, details,
                            seal(session, outcome.created))


def _brat(session: Session, request: AnnotationRequest, step: Step | None) -> AnnotationImport:
    from annotator.db.services.brat_import import import_brat

    assert request.coder is not None
    outcome = import_brat(session, request.path, request.coder, step)
    return AnnotationImport(request.path, "brat", outcome.annotations, outcome.relations,
                            outcome.files, 1, (), seal(session, outcome.created))


def _qdpx(session: Session, request: AnnotationRequest, project: object,
          step: Step | None) -> AnnotationImport:
    from annotator.db.services.refi_qda_import import import_qda_project

    outcome = import_qda_project(session, project, request.kind, step)  # type: ignore[arg-type]
    counts = outcome.counts
    return AnnotationImport(request.path, "qdpx", counts["annotations added"], 0,
                            counts["documents added"] + counts["documents matched"],
                            counts["coders added"] + counts["coders matched"],
                            tuple(outcome.report()), seal(session, outcome.rows))
