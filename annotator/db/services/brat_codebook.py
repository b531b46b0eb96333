"""The codebook as brat names it: code paths, attributes and choices as brat-safe names.

Shared by the brat export (which writes the names and the ``annotation.conf``) and the brat import
(which falls back to these names when a collection carries no ``#@map`` lines).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.brat_format import AttributeKey, BratNames, build_names
from annotator.db.models import AttributeDefinition
from annotator.db.services.codebook import list_codes
from annotator.domain import CodeKind


@dataclass(frozen=True)
class ConfCode:
    """What the brat configuration needs of one code."""

    path: str
    kind: CodeKind
    name_en: str
    name_ar: str
    colour: str


@dataclass
class Codebook:
    """The codebook as the brat files need it."""

    codes: list[ConfCode]
    paths: dict[str, str]  # code id -> path
    attributes: dict[str, AttributeKey]  # attribute id -> key
    owners: dict[AttributeKey, list[str]]  # key -> code paths having it
    names: BratNames


def read_codebook(session: Session) -> Codebook:
    rows = list_codes(session)
    paths = {row.uuid: row.path for row in rows}
    order = {row.uuid: index for index, row in enumerate(rows)}
    definitions = sorted(session.execute(select(
        AttributeDefinition.id, AttributeDefinition.code_id, AttributeDefinition.name,
        AttributeDefinition.type, AttributeDefinition.choices, AttributeDefinition.position)),
        key=lambda d: (order.get(d.code_id, len(order)), d.position))
    attributes: dict[str, AttributeKey] = {}
    owners: dict[AttributeKey, list[str]] = {}
    for row in definitions:
        key = AttributeKey(row.name, row.type, tuple(row.choices or ()))
        attributes[row.id] = key
        owners.setdefault(key, []).append(paths[row.code_id])
    codes = [ConfCode(r.path, CodeKind(r.kind), r.name_en, r.name_ar, r.colour) for r in rows]
    names = build_names([c.path for c in codes], attributes.values())
    return Codebook(codes, paths, attributes, {k: v for k, v in owners.items()
                                               if k in names.attributes}, names)
