"""Editing codes one action at a time, each with its inverse (what the codebook editor's undo calls).

Every function takes a session and plain values and never commits; the caller runs one per
transaction. Checks happen before anything is written, so a refused edit leaves nothing behind:
names (both languages, distinct among siblings, no ``/`` in the English name, an Arabic letter in
the Arabic one), colour ``#rrggbb``, and a key that no other code and no command of the app uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from annotator.codebook import PATH_SEPARATOR, CodeSpec, codes_by_uuid, shortcut_identity
from annotator.db.models import (
    Annotation,
    AttributeDefinition,
    AttributeValue,
    Code,
    Tombstone,
    utcnow,
)
from annotator.db.services.codebook import (
    _get_codebook,
    _subtree_ids,
    _write_code,
    add_code,
    delete_code,
    export_codebook,
    update_code,
)
from annotator.db.services.codebook_labels import drop_labels, labels_of, restore_labels
from annotator.db.services.lookup import get_or_fail
from annotator.db.services.packages import refuse_in_package
from annotator.domain import CodeKind
from annotator.errors import ProjectError

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9]")
CHUNK = 500
EDITABLE = ("name_en", "name_ar", "colour", "shortcut", "definition", "include", "exclude",
            "examples")


@dataclass(frozen=True)
class CodeRecord:
    """A code with its sub-codes and attributes as it was, and where it sat (to put it back)."""

    spec: CodeSpec
    parent_id: str | None
    position: int
    labels: dict[str, Any]


@dataclass(frozen=True)
class MergeRecord:
    """What merging one code into another changed: the removed code, recoded annotations
    (annotation id, code before) and the attribute values that went with the removed code."""

    removed: CodeRecord
    recoded: tuple[tuple[str, str], ...]
    values: tuple[tuple[str, str, str], ...]


def code_usage(session: Session, code_id: str) -> int:
    """Annotations (every coder and layer) of a code and its sub-codes."""
    ids = _subtree_ids(session, code_id)
    return session.scalar(select(func.count()).select_from(Annotation)
                          .where(Annotation.code_id.in_(ids))) or 0


def code_path_of(session: Session, code_id: str) -> str:
    names: list[str] = []
    code: Code | None = get_or_fail(session, Code, code_id, "code")
    kind = code.kind if code else ""
    while code is not None:
        names.insert(0, code.name_en)
        code = session.get(Code, code.parent_id) if code.parent_id else None
    return PATH_SEPARATOR.join([CodeKind(kind).label, *names])


# ------------------------------------------------------------------ checks

def check_names(session: Session, code_id: str | None, parent_id: str | None, kind: str,
                name_en: str, name_ar: str) -> None:
    if not name_en.strip() or not name_ar.strip():
        raise ProjectError("a code needs an English and an Arabic name")
    if PATH_SEPARATOR in name_en:
        raise ProjectError(f"the English name must not contain {PATH_SEPARATOR!r} "
                           "(it separates the levels of a code path)")
    if not ARABIC_LETTER.search(name_ar):
        raise ProjectError(f"the Arabic name {name_ar!r} has no Arabic letter")
    for sibling in _siblings(session, parent_id, kind):
        if sibling.id == code_id:
            continue
        for mine, theirs in ((name_en, sibling.name_en), (name_ar, sibling.name_ar)):
            if mine.strip().casefold() == theirs.strip().casefold():
                raise ProjectError(f"a sibling code is already named {theirs!r}")


def check_shortcut(session: Session, code_id: str | None, shortcut: str,
                   reserved: Mapping[str, str] | None = None) -> None:
    """Refuse a key another code or a command of the app (``reserved``: key → command) uses."""
    if not shortcut:
        return
    try:
        identity = shortcut_identity(shortcut)
    except ValueError as error:
        raise ProjectError(str(error)) from None
    for key, command in (reserved or {}).items():
        if _identity(key) == identity:
            raise ProjectError(f"key {shortcut} is the app's key for {command!r}")
    others = session.execute(select(Code.id, Code.shortcut).where(Code.shortcut != ""))
    for other_id, other_key in others:
        if other_id != code_id and _identity(other_key) == identity:
            raise ProjectError(f"key {shortcut} is already used by "
                               f"{code_path_of(session, other_id)}")


def _identity(key: str) -> str:
    try:
        return shortcut_identity(key)
    except ValueError:
        return key


def check_colour(colour: str) -> None:
    if not COLOUR.fullmatch(colour):
        raise ProjectError(f"not a colour: {colour!r} (expected #rrggbb)")


# ------------------------------------------------------------------ add, change, remove

def create_code(session: Session, spec: CodeSpec, parent_id: str | None = None,
                reserved: Mapping[str, str] | None = None) -> str:
    """Add a code at the end of its siblings (a sub-code takes its parent's kind)."""
    refuse_in_package(session, "the codebook can be changed")
    if parent_id is not None:
        spec = replace(spec, kind=_kind_of(get_or_fail(session, Code, parent_id, "code")))
    check_names(session, None, parent_id, spec.kind.value, spec.name_en, spec.name_ar)
    check_colour(spec.colour)
    check_shortcut(session, None, spec.shortcut, reserved)
    return add_code(session, spec, parent_id)


def edit_code(session: Session, code_id: str, changes: Mapping[str, Any],
              reserved: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Change fields of a code after checking them; returns their previous values (for undo)."""
    refuse_in_package(session, "the codebook can be changed")
    code = get_or_fail(session, Code, code_id, "code")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ProjectError(f"cannot change {', '.join(sorted(unknown))} of a code")
    if {"name_en", "name_ar"} & set(changes):
        check_names(session, code_id, code.parent_id, code.kind,
                    changes.get("name_en", code.name_en), changes.get("name_ar", code.name_ar))
    if "colour" in changes:
        check_colour(changes["colour"])
    if "shortcut" in changes:
        check_shortcut(session, code_id, changes["shortcut"], reserved)
    if "examples" in changes:
        changes = {**changes, "examples": [e.strip() for e in changes["examples"] if e.strip()]}
    return update_code(session, code_id, **changes)


def restore_fields(session: Session, code_id: str, previous: Mapping[str, Any]) -> None:
    """Undo of :func:`edit_code`."""
    update_code(session, code_id, **previous)


def snapshot_code(session: Session, code_id: str) -> CodeRecord:
    code = get_or_fail(session, Code, code_id, "code")
    spec = codes_by_uuid(export_codebook(session))[code_id]
    index = [c.id for c in _siblings(session, code.parent_id, code.kind)].index(code_id)
    return CodeRecord(spec, code.parent_id, index, labels_of(session, _attribute_ids(spec)))


def remove_code(session: Session, code_id: str) -> CodeRecord:
    """Delete an unused code and its sub-codes (tombstones for merges); returns what restores it."""
    record = snapshot_code(session, code_id)
    delete_code(session, code_id)
    session.flush()
    drop_labels(session, _attribute_ids(record.spec))
    _renumber(_siblings(session, record.parent_id, record.spec.kind.value))
    return record


def restore_code(session: Session, record: CodeRecord) -> str:
    """Put a removed code back with the same UUIDs, at its old place among its siblings;
    returns its UUID."""
    refuse_in_package(session, "the codebook can be changed")
    ids = [spec.uuid for spec in _walk(record.spec)]
    session.execute(delete(Tombstone).where(Tombstone.id.in_(ids)))
    codebook = _get_codebook(session)
    if codebook is None:
        raise ProjectError("the project has no codebook")
    _write_code(session, codebook.id, record.parent_id, record.spec, 10**6)
    _place(session, record.spec.uuid, record.parent_id, record.position)
    restore_labels(session, record.labels)
    return record.spec.uuid


# ------------------------------------------------------------------ moving and merging

def move_code(session: Session, code_id: str, parent_id: str | None,
              position: int) -> tuple[str | None, int]:
    """Put a code under ``parent_id`` (``None``: top level of its kind) at ``position`` among
    the siblings there; returns where it was (parent, position) for undo."""
    refuse_in_package(session, "the codebook can be changed")
    code = get_or_fail(session, Code, code_id, "code")
    if parent_id is not None:
        parent = get_or_fail(session, Code, parent_id, "code")
        if parent.kind != code.kind:
            raise ProjectError("a code moves only within its own kind")
        if parent_id in _subtree_ids(session, code_id):
            raise ProjectError("a code cannot move under itself or one of its sub-codes")
    if parent_id != code.parent_id:
        check_names(session, code_id, parent_id, code.kind, code.name_en, code.name_ar)
    old_parent = code.parent_id
    old_position = [c.id for c in _siblings(session, old_parent, code.kind)].index(code_id)
    code.parent_id = parent_id
    session.flush()
    _renumber(_siblings(session, old_parent, code.kind))
    _place(session, code_id, parent_id, position)
    return old_parent, old_position


def merge_code(session: Session, source_id: str, target_id: str) -> MergeRecord:
    """Recode every annotation of ``source`` (and its sub-codes) as ``target``, then delete
    ``source``. Values of the removed code's attributes go with it (and come back on undo)."""
    refuse_in_package(session, "the codebook can be changed")
    source = get_or_fail(session, Code, source_id, "code")
    target = get_or_fail(session, Code, target_id, "code")
    ids = _subtree_ids(session, source_id)
    if target_id in ids:
        raise ProjectError("merge into a code outside the one being removed")
    if target.kind != source.kind:
        raise ProjectError("codes merge only within one kind")
    attributes = select(AttributeDefinition.id).where(AttributeDefinition.code_id.in_(ids))
    values = tuple(tuple(row) for row in session.execute(
        select(AttributeValue.annotation_id, AttributeValue.attribute_id, AttributeValue.value)
        .where(AttributeValue.attribute_id.in_(attributes))))
    recoded = tuple(tuple(row) for row in session.execute(
        select(Annotation.id, Annotation.code_id).where(Annotation.code_id.in_(ids))))
    session.execute(delete(AttributeValue).where(AttributeValue.attribute_id.in_(attributes)))
    session.execute(update(Annotation).where(Annotation.code_id.in_(ids))
                    .values(code_id=target_id, updated_at=utcnow())
                    .execution_options(synchronize_session=False))
    session.expire_all()
    return MergeRecord(remove_code(session, source_id), recoded, values)  # type: ignore[arg-type]


def unmerge_code(session: Session, merged: MergeRecord) -> None:
    """Undo of :func:`merge_code`."""
    restore_code(session, merged.removed)
    by_code: dict[str, list[str]] = {}
    for annotation_id, code_id in merged.recoded:
        by_code.setdefault(code_id, []).append(annotation_id)
    for code_id, annotation_ids in by_code.items():
        for chunk in _chunks(annotation_ids):
            session.execute(update(Annotation).where(Annotation.id.in_(chunk))
                            .values(code_id=code_id).execution_options(synchronize_session=False))
    if merged.values:
        session.execute(insert(AttributeValue), [
            {"annotation_id": a, "attribute_id": b, "value": v} for a, b, v in merged.values])
    session.expire_all()


# ------------------------------------------------------------------ helpers

def _kind_of(code: Code) -> CodeKind:
    return CodeKind(code.kind)


def _siblings(session: Session, parent_id: str | None, kind: str) -> list[Code]:
    query = select(Code).where(Code.parent_id == parent_id)
    if parent_id is None:
        query = query.where(Code.kind == kind)
    return list(session.scalars(query.order_by(Code.position, Code.name_en)))


def _place(session: Session, code_id: str, parent_id: str | None, position: int) -> None:
    code = get_or_fail(session, Code, code_id, "code")
    others = [c for c in _siblings(session, parent_id, code.kind) if c.id != code_id]
    position = max(0, min(position, len(others)))
    _renumber([*others[:position], code, *others[position:]])


def _renumber(codes: list[Code]) -> None:
    for index, code in enumerate(codes):
        code.position = index


def _walk(spec: CodeSpec) -> Iterator[CodeSpec]:
    yield spec
    for child in spec.children:
        yield from _walk(child)


def _attribute_ids(spec: CodeSpec) -> list[str]:
    return [a.uuid for code in _walk(spec) for a in code.attributes]


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def usage_by_code(session: Session) -> dict[str, int]:
    """Annotations per code (its own, not its sub-codes'), every coder and layer."""
    return dict(session.execute(select(Annotation.code_id, func.count())  # type: ignore[arg-type]
                                .group_by(Annotation.code_id)).all())
