"""Importing a whole codebook (JSON or REFI-QDA ``.qdc``) as one undoable action.

The import merges by UUID (:func:`apply_codebook`); its undo puts the codebook back as it was:
codes and attributes the import added go (they cannot have annotations yet: anything coded with
them since would have been undone first), the earlier fields, places and labels return.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.codebook import CodebookSpec, iter_attributes, iter_codes
from annotator.db.models import AttributeDefinition, Code, Codebook
from annotator.db.services.codebook import apply_codebook, export_codebook
from annotator.db.services.codebook_labels import CHOICE_LABELS, all_labels
from annotator.db.services.packages import refuse_in_package
from annotator.db.services.projects import set_setting
from annotator.db.services.refi_qda_import import QdaImportOutcome, import_qda_codebook
from annotator.domain import CodeKind
from annotator.errors import ProjectError
from annotator.importers.refi_qda_model import QdaCodebook


@dataclass(frozen=True)
class CodebookSnapshot:
    """The whole codebook before an import (``None``: the project had none) and its labels."""

    spec: CodebookSpec | None
    labels: dict[str, Any]


def take_snapshot(session: Session) -> CodebookSnapshot:
    try:
        spec: CodebookSpec | None = export_codebook(session)
    except ProjectError:
        spec = None
    return CodebookSnapshot(spec, all_labels(session))


def import_codebook_spec(session: Session, spec: CodebookSpec) -> tuple[CodebookSnapshot, int]:
    """Apply a codebook read from JSON; returns the snapshot that undoes it and the code count."""
    refuse_in_package(session, "the codebook can be changed")
    before = take_snapshot(session)
    return before, apply_codebook(session, spec)


def import_qdc_codebook(session: Session, book: QdaCodebook, kind: CodeKind
                        ) -> tuple[CodebookSnapshot, QdaImportOutcome]:
    refuse_in_package(session, "the codebook can be changed")
    before = take_snapshot(session)
    return before, import_qda_codebook(session, book, kind)


def restore_snapshot(session: Session, snapshot: CodebookSnapshot) -> None:
    """Undo of an import: the codebook exactly as the snapshot holds it."""
    refuse_in_package(session, "the codebook can be changed")
    spec = snapshot.spec
    keep_codes = {code.uuid for _, code in iter_codes(spec)} if spec else set()
    keep_attributes = {a.uuid for _, a in iter_attributes(spec)} if spec else set()
    stale_codes = [c for c in session.scalars(select(Code)) if c.id not in keep_codes]
    for code in stale_codes:  # free their keys before the old codes take theirs back
        code.shortcut = ""
    stale = [a for a in session.scalars(select(AttributeDefinition.id))
             if a not in keep_attributes]
    session.execute(delete(AttributeDefinition).where(AttributeDefinition.id.in_(stale)))
    session.flush()
    if spec is not None:
        apply_codebook(session, spec)  # kept codes go back under their old parents first
    session.execute(delete(Code).where(Code.id.in_([c.id for c in stale_codes])))
    session.expire_all()
    if spec is None:
        session.execute(delete(Codebook))
    set_setting(session, CHOICE_LABELS, dict(snapshot.labels))
