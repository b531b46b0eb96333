"""Editing the typed attributes of a code, each action with its inverse (for undo).

A change that would strand coded values is refused with what is in the way: changing the type of
an attribute that has values, or dropping a choice some annotation uses (rename its label instead).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from annotator.codebook import AttributeSpec
from annotator.db.models import AttributeDefinition, AttributeValue, Code
from annotator.db.services.codebook import _attribute_spec, _write_attribute
from annotator.db.services.codebook_labels import (
    choice_labels,
    drop_labels,
    restore_labels,
    set_choice_labels,
)
from annotator.db.services.lookup import get_or_fail
from annotator.db.services.packages import refuse_in_package
from annotator.domain import AttributeType
from annotator.errors import ProjectError

FIELDS = ("name", "type", "choices", "required", "description", "labels")


@dataclass(frozen=True)
class AttributeRecord:
    """A removed attribute with its place, the values coders gave it, and its choice labels."""

    code_id: str
    spec: AttributeSpec
    position: int
    values: tuple[tuple[str, str], ...]  # (annotation id, value)
    labels: dict[str, Any]


def attribute_state(session: Session, attribute_id: str) -> dict[str, Any]:
    """Every editable field of an attribute, labels included (what undo puts back)."""
    spec = _attribute_spec(get_or_fail(session, AttributeDefinition, attribute_id, "attribute"))
    return {"name": spec.name, "type": spec.type, "choices": list(spec.choices),
            "required": spec.required, "description": spec.description,
            "labels": choice_labels(session, attribute_id)}


def create_attribute(session: Session, code_id: str, spec: AttributeSpec,
                     labels: Mapping[str, tuple[str, str]] | None = None) -> str:
    """Add an attribute at the end of a code's attributes."""
    refuse_in_package(session, "the codebook can be changed")
    get_or_fail(session, Code, code_id, "code")
    _check(session, code_id, None, spec.name, AttributeType(spec.type), list(spec.choices))
    position = session.scalar(select(func.count()).select_from(AttributeDefinition)
                              .where(AttributeDefinition.code_id == code_id)) or 0
    _write_attribute(session, code_id, spec, position)
    session.flush()
    set_choice_labels(session, spec.uuid, labels or spec.labels)
    return spec.uuid


def edit_attribute(session: Session, attribute_id: str, changes: Mapping[str, Any]
                   ) -> dict[str, Any]:
    """Change fields (and choice labels); returns the previous values of those fields."""
    refuse_in_package(session, "the codebook can be changed")
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ProjectError(f"cannot change {', '.join(sorted(unknown))} of an attribute")
    before = attribute_state(session, attribute_id)
    after = {**before, **changes}
    kind = AttributeType(after["type"])
    choices = list(after["choices"]) if kind is AttributeType.CHOICE else []
    attribute = get_or_fail(session, AttributeDefinition, attribute_id, "attribute")
    _check(session, attribute.code_id, attribute_id, after["name"], kind, choices)
    _check_values(session, attribute_id, before, kind, choices)
    attribute.name, attribute.type, attribute.choices = after["name"].strip(), kind.value, choices
    attribute.required, attribute.description = bool(after["required"]), after["description"]
    session.flush()
    set_choice_labels(session, attribute_id,
                      {v: pair for v, pair in after["labels"].items() if v in choices})
    return {name: before[name] for name in changes}


def remove_attribute(session: Session, attribute_id: str) -> AttributeRecord:
    """Delete an attribute and the values coders gave it; returns what restores both."""
    refuse_in_package(session, "the codebook can be changed")
    attribute = get_or_fail(session, AttributeDefinition, attribute_id, "attribute")
    siblings = list(session.scalars(select(AttributeDefinition.id)
                                    .where(AttributeDefinition.code_id == attribute.code_id)
                                    .order_by(AttributeDefinition.position)))
    values = tuple(tuple(row) for row in session.execute(
        select(AttributeValue.annotation_id, AttributeValue.value)
        .where(AttributeValue.attribute_id == attribute_id)))
    labels = {attribute_id: dict(choice_labels(session, attribute_id))}
    record = AttributeRecord(attribute.code_id, _attribute_spec(attribute, labels[attribute_id]),
                             siblings.index(attribute_id), values,  # type: ignore[arg-type]
                             labels)
    session.execute(delete(AttributeValue).where(AttributeValue.attribute_id == attribute_id))
    session.delete(attribute)
    session.flush()
    drop_labels(session, [attribute_id])
    _renumber(session, attribute.code_id, [a for a in siblings if a != attribute_id])
    return record


def restore_attribute(session: Session, record: AttributeRecord) -> str:
    """Undo of :func:`remove_attribute`: same UUID, same place, the values coders had given;
    returns the UUID."""
    refuse_in_package(session, "the codebook can be changed")
    _write_attribute(session, record.code_id, record.spec, record.position)
    session.flush()
    order = list(session.scalars(select(AttributeDefinition.id)
                                 .where(AttributeDefinition.code_id == record.code_id,
                                        AttributeDefinition.id != record.spec.uuid)
                                 .order_by(AttributeDefinition.position)))
    order.insert(min(record.position, len(order)), record.spec.uuid)
    _renumber(session, record.code_id, order)
    if record.values:
        session.execute(insert(AttributeValue), [
            {"annotation_id": a, "attribute_id": record.spec.uuid, "value": v}
            for a, v in record.values])
    restore_labels(session, {k: {v: list(p) for v, p in labels.items()}
                             for k, labels in record.labels.items() if labels})
    return record.spec.uuid


def _renumber(session: Session, code_id: str, order: list[str]) -> None:
    for index, attribute_id in enumerate(order):
        session.get(AttributeDefinition, attribute_id).position = index  # type: ignore[union-attr]


def _check(session: Session, code_id: str, attribute_id: str | None, name: str,
           kind: AttributeType, choices: list[str]) -> None:
    if not name.strip():
        raise ProjectError("an attribute needs a name")
    others = session.scalars(select(AttributeDefinition.name).where(
        AttributeDefinition.code_id == code_id, AttributeDefinition.id != (attribute_id or "")))
    if name.strip().casefold() in {other.casefold() for other in others}:
        raise ProjectError(f"the code already has an attribute named {name.strip()!r}")
    if kind is not AttributeType.CHOICE:
        return
    cleaned = [c.strip() for c in choices]
    if len(cleaned) < 2 or not all(cleaned):
        raise ProjectError("a choice attribute needs at least two non-empty choices")
    if len({c.casefold() for c in cleaned}) != len(cleaned):
        raise ProjectError("the choices of an attribute must differ")
    if cleaned != choices:
        raise ProjectError("a choice must not start or end with a space")


def _check_values(session: Session, attribute_id: str, before: Mapping[str, Any],
                  kind: AttributeType, choices: list[str]) -> None:
    used = dict(session.execute(
        select(AttributeValue.value, func.count()).where(AttributeValue.attribute_id == attribute_id)
        .group_by(AttributeValue.value)).all())
    if not used:
        return
    if kind is not AttributeType(before["type"]):
        raise ProjectError(f"{sum(used.values())} annotation(s) have a value for this attribute; "
                           "its type cannot change")
    if kind is AttributeType.CHOICE:
        for value, count in sorted(used.items()):
            if value not in choices:
                raise ProjectError(f"choice {value!r} is used by {count} annotation(s); keep it "
                                   "(change its label instead)")
