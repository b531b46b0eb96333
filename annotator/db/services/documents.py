"""Documents: storing imported articles, listing them, assignments and document memos."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from annotator.db.models import (
    Annotation,
    Assignment,
    Document,
    DocumentMemo,
    new_uuid,
    utcnow,
)
from annotator.domain import AssignmentStatus, Layer
from annotator.importers.records import ArticleRecord
from annotator.text import text_sha256


@dataclass
class ImportOutcome:
    """What one file's import did: new document ids and the duplicates it skipped."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "source: same text as <title>"


@dataclass(frozen=True)
class DocumentSummary:
    uuid: str
    external_id: str | None
    title: str
    outlet: str | None
    date: str | None
    characters: int
    sha256: str
    status: AssignmentStatus | None = None
    annotations: int = 0


DIGESTS_PER_QUERY = 500  # stays under every database's limit on bound parameters
DOCUMENT_ORDER = (Document.position, Document.created_at, Document.id)  # ties only after a merge


def add_articles(session: Session, records: Iterable[ArticleRecord]) -> ImportOutcome:
    """Store articles whose text is not in the project yet, in the order given, after every
    document already there; identical texts (in the project or earlier in ``records``) are skipped.

    One look-up of existing texts per 500 records, one of the last position and one bulk INSERT
    per call: the cost of an article does not grow with the project.
    """
    records = list(records)
    digests = [text_sha256(record.text) for record in records]
    titles = titles_by_digest(session, set(digests))
    position = next_position(session)
    outcome, rows = ImportOutcome(), []
    for record, digest in zip(records, digests, strict=True):
        if digest in titles:
            outcome.skipped.append(f"{record.source}: same text as {titles[digest]!r}, skipped")
            continue
        rows.append(_document_row(record, digest, position + len(rows)))
        titles[digest] = rows[-1]["title"]
        outcome.added.append(rows[-1]["id"])
    if rows:  # Core, not the ORM's bulk path: nothing here needs the objects
        session.connection().execute(insert(Document.__table__), rows)
    return outcome


def _document_row(record: ArticleRecord, digest: str, position: int) -> dict[str, Any]:
    return {
        "id": new_uuid(), "external_id": record.external_id, "title": _title(record),
        "outlet": record.outlet, "date": record.date, "url": record.url, "author": record.author,
        "text": record.text, "length": len(record.text), "sha256": digest,
        "meta": dict(record.metadata), "position": position, "created_at": utcnow(),
    }


def next_position(session: Session) -> int:
    """The position after the last document (0 in an empty project); an index lookup."""
    last = session.connection().scalar(select(func.max(Document.position)))
    return 0 if last is None else last + 1


def titles_by_digest(session: Session, digests: set[str]) -> dict[str, str]:
    """Titles of the documents whose text has one of these SHA-256 digests."""
    found: dict[str, str] = {}
    ordered = sorted(digests)
    for start in range(0, len(ordered), DIGESTS_PER_QUERY):
        chunk = ordered[start:start + DIGESTS_PER_QUERY]
        rows = session.connection().execute(
            select(Document.sha256, Document.title).where(Document.sha256.in_(chunk)))
        found.update((digest, title) for digest, title in rows)
    return found


def _title(record: ArticleRecord) -> str:
    """The record's title, else its first line (shortened), so every document has a readable name."""
    if record.title:
        return record.title
    first_line = record.text.strip().split("\n", 1)[0]
    return first_line[:117] + "…" if len(first_line) > 120 else first_line


def list_documents(session: Session, coder_id: str | None = None) -> list[DocumentSummary]:
    """All documents in project order; with a coder, their status and own annotation count."""
    columns = (Document.id, Document.external_id, Document.title, Document.outlet,
               Document.date, Document.length, Document.sha256)
    rows = session.execute(select(*columns).order_by(*DOCUMENT_ORDER)).all()
    if coder_id is None:
        return [DocumentSummary(*row) for row in rows]
    statuses = dict(session.execute(
        select(Assignment.document_id, Assignment.status).where(Assignment.coder_id == coder_id)
    ).all())
    counts = dict(session.execute(
        select(Annotation.document_id, func.count())
        .where(Annotation.coder_id == coder_id, Annotation.layer == Layer.CODING.value)
        .group_by(Annotation.document_id)
    ).all())
    return [
        DocumentSummary(*row, status=AssignmentStatus(statuses[row[0]]) if row[0] in statuses
                        else None, annotations=counts.get(row[0], 0))
        for row in rows
    ]


def document_text(session: Session, document_id: str) -> str:
    text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise KeyError(document_id)
    return text


def assign(session: Session, document_ids: Iterable[str], coder_id: str) -> int:
    """Give documents to a coder (status todo); existing assignments are kept. Returns new ones."""
    existing = set(session.scalars(
        select(Assignment.document_id).where(Assignment.coder_id == coder_id)
    ))
    added = 0
    for document_id in document_ids:
        if document_id not in existing:
            session.add(Assignment(document_id=document_id, coder_id=coder_id,
                                   status=AssignmentStatus.TODO.value))
            added += 1
    return added


def set_status(session: Session, document_id: str, coder_id: str,
               status: AssignmentStatus | None) -> AssignmentStatus | None:
    """Set a coder's status for a document (None: no assignment at all); returns the previous one,
    None when there was no assignment, so that undo can pass it straight back."""
    assignment = session.scalar(select(Assignment).where(
        Assignment.document_id == document_id, Assignment.coder_id == coder_id))
    previous = AssignmentStatus(assignment.status) if assignment is not None else None
    if status is None:
        if assignment is not None:
            session.delete(assignment)
    elif assignment is None:
        session.add(Assignment(document_id=document_id, coder_id=coder_id,
                               status=AssignmentStatus(status).value))
    else:
        assignment.status = AssignmentStatus(status).value
        assignment.updated_at = utcnow()
    session.flush()
    return previous


def get_document_memo(session: Session, document_id: str, coder_id: str) -> str:
    memo = session.scalar(select(DocumentMemo.text).where(
        DocumentMemo.document_id == document_id, DocumentMemo.coder_id == coder_id))
    return memo or ""


def set_document_memo(session: Session, document_id: str, coder_id: str, text: str) -> str:
    """Replace a coder's memo on a document; returns the previous text (for undo)."""
    memo = session.scalar(select(DocumentMemo).where(
        DocumentMemo.document_id == document_id, DocumentMemo.coder_id == coder_id))
    if memo is None:
        session.add(DocumentMemo(document_id=document_id, coder_id=coder_id, text=text))
        return ""
    previous = memo.text
    memo.text, memo.updated_at = text, utcnow()
    return previous
