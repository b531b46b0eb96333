"""Reading a coder package for a merge, and the checks that refuse it before anything is stored.

Refused, each with one line naming the file: a file that is not a package (not a project, or a
plain project); a package of another project; a coder the project does not have; data of any
other coder inside; a document the project lacks or whose text (SHA-256) differs; a code or an
attribute the project does not have.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from annotator.db.engine import open_project
from annotator.db.models import (
    Annotation,
    Assignment,
    AttributeDefinition,
    Code,
    Coder,
    Document,
    DocumentAnswer,
    DocumentMemo,
    DocumentQuestion,
    PackageBaseline,
    Project,
    Relation,
)
from annotator.db.services.package_state import ANNOTATION, ANSWER, Item, coder_items, tombstoned
from annotator.db.services.packages import PackageSummary, package_summary
from annotator.errors import InputError, ProjectError


@dataclass(frozen=True)
class Baseline:
    entity: str
    document_id: str
    digest: str


@dataclass(frozen=True)
class PackageContent:
    """Everything a merge needs from one package file, read and then closed."""

    path: Path
    summary: PackageSummary
    items: dict[str, Item]
    baseline: dict[str, Baseline]
    tombstones: set[str]
    documents: dict[str, tuple[str, str]]  # id -> (title, SHA-256 of the text as stored)


def read_package(path: Path) -> PackageContent:
    """Read a package file; refuses anything that is not a coder package."""
    try:
        store = open_project(path)
    except ProjectError as error:
        reason = str(error).removeprefix(f"{path}: ")
        raise InputError(path, f"not a coder package ({reason})") from None
    try:
        with store.reader() as session:
            summary = package_summary(session)
            if summary is None:
                raise InputError(path, "not a coder package (a plain project file; export "
                                       "packages with 'annotator package export')")
            connection = session.connection()
            _refuse_other_coders(connection, path, summary)
            documents = _documents(connection, path)
            baseline = {row.item_id: Baseline(row.entity, row.document_id, row.digest)
                        for row in connection.execute(select(PackageBaseline.__table__))}
            return PackageContent(path, summary, coder_items(connection, summary.coder_id),
                                  baseline, tombstoned(connection), documents)
    finally:
        store.close()


def _refuse_other_coders(connection: Connection, path: Path, summary: PackageSummary) -> None:
    for model, what in ((Annotation, "annotations"), (Relation, "links"),
                        (DocumentMemo, "memos"), (Assignment, "statuses"),
                        (DocumentAnswer, "answers")):
        others = connection.scalar(select(func.count()).select_from(model).where(
            model.coder_id != summary.coder_id))
        if others:
            raise InputError(path, f"holds {others} {what} of a coder other than "
                                   f"{summary.coder_name!r}; not a package as exported")
    if connection.scalar(select(func.count()).select_from(Coder).where(
            Coder.id != summary.coder_id)):
        raise InputError(path, "names a coder other than its own; not a package as exported")


def _documents(connection: Connection, path: Path) -> dict[str, tuple[str, str]]:
    documents = {}
    for row in connection.execute(select(Document.id, Document.title, Document.text,
                                         Document.sha256)):
        if hashlib.sha256(row.text.encode("utf-8")).hexdigest() != row.sha256:
            raise InputError(path, f"document {row.title!r} ({row.id}): its text was changed "
                                   "after export (SHA-256 differs)")
        documents[row.id] = (row.title, row.sha256)
    return documents


def check_against_project(session: Session, package: PackageContent) -> None:
    """Refuse a package that does not belong to this project or uses what it does not have."""
    path, summary = package.path, package.summary
    project_id = session.scalar(select(Project.id))
    if summary.project_id != project_id:
        raise InputError(path, f"a package of another project ({summary.project_id}), not of "
                               f"this one ({project_id})")
    if session.get(Coder, summary.coder_id) is None:
        raise InputError(path, f"coder {summary.coder_name!r} ({summary.coder_id}) is not in "
                               "this project")
    _check_documents(session, package)
    _check_codes(session, package)
    _check_questions(session, package)


def _check_questions(session: Session, package: PackageContent) -> None:
    questions = set(session.scalars(select(DocumentQuestion.id)))
    for item in package.items.values():
        if item.entity == ANSWER and item.version["question_id"] not in questions:
            raise InputError(package.path, f"an answer uses question {item.version['question_id']}, "
                                           "which this project does not have")


def _check_documents(session: Session, package: PackageContent) -> None:
    ours = dict(session.execute(select(Document.id, Document.sha256).where(
        Document.id.in_(list(package.documents)))).all())
    for document_id, (title, digest) in package.documents.items():
        if document_id not in ours:
            raise InputError(package.path, f"document {title!r} ({document_id}) is not in "
                                           "this project")
        if ours[document_id] != digest:
            raise InputError(package.path, f"document {title!r} ({document_id}): its text "
                                           "differs from the project's (SHA-256)")


def _check_codes(session: Session, package: PackageContent) -> None:
    codes = set(session.scalars(select(Code.id)))
    attributes = dict(session.execute(select(AttributeDefinition.id,
                                             AttributeDefinition.code_id)).all())
    for item in package.items.values():
        if item.entity != ANNOTATION:
            continue
        code_id = item.version["code_id"]
        if code_id not in codes:
            raise InputError(package.path, f"annotation {item.key} uses code {code_id}, which "
                                           "this project does not have")
        for attribute_id in item.version["attributes"]:
            if attributes.get(attribute_id) != code_id:
                raise InputError(package.path, f"annotation {item.key} has a value of "
                                               f"attribute {attribute_id}, which this "
                                               "project's code does not have")
