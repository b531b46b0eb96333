"""Coders and their roles."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Coder
from annotator.domain import Role
from annotator.errors import ProjectError


@dataclass(frozen=True)
class CoderInfo:
    uuid: str
    name: str
    role: Role


def add_coder(session: Session, name: str, role: Role = Role.CODER, uuid: str | None = None) -> str:
    name = name.strip()
    if not name:
        raise ProjectError("a coder needs a name")
    if session.scalar(select(Coder).where(Coder.name == name)) is not None:
        raise ProjectError(f"a coder named {name!r} already exists")
    coder = Coder(name=name, role=Role(role).value)
    if uuid:
        coder.id = uuid
    session.add(coder)
    session.flush()
    return coder.id


def list_coders(session: Session) -> list[CoderInfo]:
    coders = session.scalars(select(Coder).order_by(Coder.name))
    return [CoderInfo(c.id, c.name, Role(c.role)) for c in coders]
