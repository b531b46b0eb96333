"""Coder packages: a project file for one coder, made for offline coding and merged back later.

A package holds the codebook (with its document questions), the coder's assigned documents and
that coder's own annotations, links, memos, statuses and answers, nothing of any other coder
(blind). ``package_info`` names the
project, the package and the coder; ``package_baseline`` keeps one content digest per item as
the package was made, which is what lets a merge tell who changed what (see ``merge``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, select, text
from sqlalchemy.orm import Session

from annotator.db.engine import ProjectStore, open_project
from annotator.db.models import (
    Annotation,
    Assignment,
    AttributeValue,
    Base,
    Coder,
    Document,
    DocumentAnswer,
    DocumentMemo,
    PackageBaseline,
    PackageInfo,
    Project,
    Relation,
    new_uuid,
    utcnow,
)
from annotator.db.services.package_state import coder_items
from annotator.db.services.projects import LEAD_MAY_VIEW_OTHERS, get_project
from annotator.domain import Layer
from annotator.errors import ProjectError

PACKAGE_SUFFIX = ".fannot"
CODEBOOK_TABLES = ("codebook", "code", "attribute_definition", "document_question")


@dataclass(frozen=True)
class PackageSummary:
    """What a package is: shown in the title bar, status bar and merge report."""

    package_id: str
    project_id: str
    coder_id: str
    coder_name: str


@dataclass(frozen=True)
class ExportedPackage:
    path: Path
    package_id: str
    coder_name: str
    documents: int
    annotations: int


def package_summary(session: Session) -> PackageSummary | None:
    """The package this file is, or None for a plain project."""
    rows = session.scalars(select(PackageInfo)).all()
    if len(rows) != 1:
        return None
    info = rows[0]
    return PackageSummary(info.id, info.project_id, info.coder_id, info.coder_name)


def refuse_in_package(session: Session, action: str) -> None:
    """Codebook, assignments and merges belong to the lead's project, not to a coder package."""
    if package_summary(session) is not None:
        raise ProjectError(f"this file is a coder package: {action} only in the lead's project")


def _coder(session: Session, name: str) -> Coder:
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        names = ", ".join(session.scalars(select(Coder.name).order_by(Coder.name))) or "none"
        raise ProjectError(f"unknown coder {name!r}; coders in this project: {names}")
    return coder


def assigned_documents(session: Session, coder_id: str) -> list[str]:
    return list(session.scalars(select(Assignment.document_id).where(
        Assignment.coder_id == coder_id)))


def export_package(store: ProjectStore, coder_name: str, out: Path) -> ExportedPackage:
    """Write ``out`` as ``coder_name``'s package; refuses a coder without assigned documents."""
    out = Path(out)
    if out.exists():
        raise ProjectError(f"{out}: already exists; choose another file name")
    with store.reader() as session:
        if package_summary(session) is not None:
            raise ProjectError(f"{store.path}: is itself a coder package; export packages from "
                               "the lead's project")
        coder = _coder(session, coder_name)
        documents = assigned_documents(session, coder.id)
        if not documents:
            raise ProjectError(f"coder {coder.name!r} has no assigned documents; assign "
                               "documents first (annotator assign)")
        project_id = get_project(session).id
        partial = out.with_name(out.name + ".part")
        partial.unlink(missing_ok=True)
        try:
            package_id, annotations = _write_package(session.connection(), partial, project_id,
                                                     coder, documents)
            os.replace(partial, out)
        finally:
            for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                leftover.unlink(missing_ok=True)
    return ExportedPackage(out, package_id, coder.name, len(documents), annotations)


def _write_package(source: Connection, path: Path, project_id: str, coder: Coder,
                   documents: list[str]) -> tuple[str, int]:
    package = open_project(path, create=True)
    try:
        with package.transaction() as session:
            target = session.connection()
            target.execute(text("PRAGMA defer_foreign_keys = ON"))
            _copy_rows(source, target, documents, coder.id)
            package_id = new_uuid()
            target.execute(insert(PackageInfo.__table__), [{
                "id": package_id, "project_id": project_id, "coder_id": coder.id,
                "coder_name": coder.name, "created_at": utcnow()}])
            items = coder_items(target, coder.id)
            if items:
                target.execute(insert(PackageBaseline.__table__), [
                    {"item_id": item.key, "entity": item.entity,
                     "document_id": item.document_id, "digest": item.digest}
                    for item in items.values()])
            annotations = sum(1 for item in items.values() if item.entity == "annotation")
    finally:
        package.close()
    return package_id, annotations


def _copy_rows(source: Connection, target: Connection, documents: list[str],
               coder_id: str) -> None:
    """Copy the codebook and the coder's own rows of ``documents`` (nothing of other coders)."""
    project = source.execute(select(Project.__table__)).mappings().one()
    _insert(target, Project.__table__, [{**project, "settings": {LEAD_MAY_VIEW_OTHERS: False}}])
    for name in CODEBOOK_TABLES:
        table = Base.metadata.tables[name]
        _insert(target, table, source.execute(select(table)).mappings().all())
    own_annotations = select(Annotation.id).where(
        Annotation.coder_id == coder_id, Annotation.layer == Layer.CODING.value,
        Annotation.document_id.in_(documents))
    queries: list[tuple[Table, Any]] = [
        (Coder.__table__, Coder.id == coder_id),
        (Document.__table__, Document.id.in_(documents)),
        (Assignment.__table__, (Assignment.coder_id == coder_id)
         & Assignment.document_id.in_(documents)),
        (Annotation.__table__, Annotation.id.in_(own_annotations)),
        (AttributeValue.__table__, AttributeValue.annotation_id.in_(own_annotations)),
        (Relation.__table__, (Relation.coder_id == coder_id)
         & Relation.source_id.in_(own_annotations) & Relation.target_id.in_(own_annotations)),
        (DocumentMemo.__table__, (DocumentMemo.coder_id == coder_id)
         & DocumentMemo.document_id.in_(documents)),
        (DocumentAnswer.__table__, (DocumentAnswer.coder_id == coder_id)
         & (DocumentAnswer.layer == Layer.CODING.value) & DocumentAnswer.document_id.in_(documents)),
    ]
    for table, condition in queries:
        _insert(target, table, source.execute(select(table).where(condition)).mappings().all())


def _insert(target: Connection, table: Table, rows: Any) -> None:
    rows = [dict(row) for row in rows]
    if rows:
        target.execute(insert(table), rows)
