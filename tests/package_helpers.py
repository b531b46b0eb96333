"""Helpers of the coder-package tests: a demo round, table dumps, and coding inside a package."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import AttributeDefinition, Coder
from annotator.db.services.annotations import (
    create_annotation,
    delete_annotation,
    list_annotations,
    set_attribute_value,
    update_annotation,
)
from annotator.db.services.documents import list_documents, set_document_memo, set_status
from annotator.db.services.relations import create_relation
from annotator.domain import AssignmentStatus, RelationType


def run(capsys: Any, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def coder_ids(path: Path) -> dict[str, str]:
    store = open_project(path)
    try:
        with store.reader() as session:
            return {c.name: c.id for c in session.scalars(select(Coder))}
    finally:
        store.close()


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal dumps mean nothing was stored."""
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}
    finally:
        connection.close()


def code_in_package(path: Path, coder_name: str, memo: str) -> dict[str, str]:
    """Add, edit and delete through the services in a package; returns the touched ids."""
    store = open_project(path)
    try:
        with store.transaction() as session:
            coder_id = coder_ids_in(session)[coder_name]
            document = list_documents(session, coder_id)[0]
            own = list_annotations(session, document.uuid, coder_id=coder_id)
            edited, deleted, kept = own[0], own[1], own[2]
            valued = next(a for a in own[3:] if _choice_attribute(session, a.code_id))
            attribute = _choice_attribute(session, valued.code_id)
            other_value = next(c for c in attribute.choices
                               if c != valued.attributes.get(attribute.id))
            set_attribute_value(session, valued.uuid, attribute.id, other_value)
            update_annotation(session, edited.uuid, memo=memo, end=edited.end - 1)
            delete_annotation(session, deleted.uuid)
            added = create_annotation(session, document_id=document.uuid, coder_id=coder_id,
                                      code_id=kept.code_id, start=0, end=3, memo="new")
            link = create_relation(session, type=RelationType.ABOUT, source_id=added.uuid,
                                   target_id=kept.uuid, coder_id=coder_id)
            set_document_memo(session, document.uuid, coder_id, f"{coder_name} was here")
            status = (AssignmentStatus.TODO if document.status is AssignmentStatus.DONE
                      else AssignmentStatus.DONE)
            set_status(session, document.uuid, coder_id, status)
        return {"valued": valued.uuid, "attribute": attribute.id, "value": other_value,
                "status": status.value, "document": document.uuid, "edited": edited.uuid, "deleted": deleted.uuid,
                "added": added.uuid, "link": link.uuid, "kept": kept.uuid}
    finally:
        store.close()


def _choice_attribute(session: Any, code_id: str) -> AttributeDefinition | None:
    return session.scalar(select(AttributeDefinition).where(
        AttributeDefinition.code_id == code_id, AttributeDefinition.type == "choice"))


def coder_ids_in(session: Any) -> dict[str, str]:
    return {c.name: c.id for c in session.scalars(select(Coder))}


def set_value(path: Path, annotation_id: str, attribute_id: str, value: str) -> None:
    store = open_project(path)
    try:
        with store.transaction() as session:
            set_attribute_value(session, annotation_id, attribute_id, value)
    finally:
        store.close()
