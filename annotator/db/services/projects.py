"""The project row, its settings and its summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alembic.runtime.migration import MigrationContext
from annotator.db.models import Annotation, Code, Coder, Document, Project, Relation
from annotator.errors import ProjectError

LEAD_MAY_VIEW_OTHERS = "lead_may_view_others"


@dataclass(frozen=True)
class ProjectInfo:
    uuid: str
    name: str
    schema_revision: str | None
    documents: int
    coders: int
    codes: int
    annotations: int
    relations: int


def create_project(session: Session, name: str) -> str:
    if session.scalar(select(func.count()).select_from(Project)):
        raise ProjectError("this file already holds a project")
    project = Project(name=name.strip() or "Untitled project", settings={LEAD_MAY_VIEW_OTHERS: True})
    session.add(project)
    session.flush()
    return project.id


def get_project(session: Session) -> Project:
    project = session.scalar(select(Project))
    if project is None:
        raise ProjectError("the file holds no project")
    return project


def set_setting(session: Session, key: str, value: Any) -> None:
    project = get_project(session)
    project.settings = {**(project.settings or {}), key: value}


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    return (get_project(session).settings or {}).get(key, default)


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def project_info(session: Session) -> ProjectInfo:
    project = get_project(session)
    revision = MigrationContext.configure(session.connection()).get_current_revision()
    return ProjectInfo(
        uuid=project.id,
        name=project.name,
        schema_revision=revision,
        documents=_count(session, Document),
        coders=_count(session, Coder),
        codes=_count(session, Code),
        annotations=_count(session, Annotation),
        relations=_count(session, Relation),
    )
