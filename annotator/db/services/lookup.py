"""Finding entities by UUID or by a human name, with errors that list what exists."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Base, Coder, Document
from annotator.errors import ProjectError

T = TypeVar("T", bound=Base)


def get_or_fail(session: Session, model: type[T], entity_id: str, what: str) -> T:
    entity = session.get(model, entity_id)
    if entity is None:
        raise ProjectError(f"no {what} with id {entity_id}")
    return entity


def _listing(names: list[str], limit: int = 12) -> str:
    if not names:
        return "none"
    shown = ", ".join(names[:limit])
    return shown + (f" … ({len(names)} in all)" if len(names) > limit else "")


def find_coder(session: Session, name_or_id: str) -> Coder:
    coder = session.get(Coder, name_or_id) or session.scalar(
        select(Coder).where(Coder.name == name_or_id)
    )
    if coder is None:
        names = list(session.scalars(select(Coder.name).order_by(Coder.name)))
        raise ProjectError(f"unknown coder {name_or_id!r}; coders: {_listing(names)}")
    return coder


def find_document(session: Session, uuid_or_external_id: str) -> Document:
    document = session.get(Document, uuid_or_external_id)
    if document is not None:
        return document
    matches = list(
        session.scalars(select(Document).where(Document.external_id == uuid_or_external_id))
    )
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ProjectError(
            f"external id {uuid_or_external_id!r} names {len(matches)} documents; use the UUID"
        )
    ids = list(session.scalars(select(Document.external_id).order_by(Document.position)))
    raise ProjectError(
        f"unknown document {uuid_or_external_id!r}; documents: {_listing([i or '?' for i in ids])}"
    )
