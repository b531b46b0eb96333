"""REFI-QDA content as plain data, after parsing and checking (no database, no XML).

Positions in :class:`QdaSelection` are already code points of the *canonical* text of their
source (see :mod:`annotator.importers.refi_qda_text`), half-open ``[start, end)``.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"
CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
# GUIDs we derive from our own UUIDs (codings, memo notes, kind nodes) are stable: uuid5 in this space.
GUID_SPACE = uuid.UUID("5b0e3c1e-7f4a-4c55-9a57-3f2c1f0d6a11")
_GUID = re.compile(r"\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?")


def derived_guid(role: str, own_id: str) -> str:
    """A GUID for an element we have no entity of our own for, the same on every export."""
    return str(uuid.uuid5(GUID_SPACE, f"{role}:{own_id}"))


def normal_guid(value: str) -> str | None:
    """A GUID as we store it (lower case, no braces), or None if ``value`` is not one."""
    match = _GUID.fullmatch(value.strip())
    return match.group(1).lower() if match else None


@dataclass(frozen=True)
class QdaCode:
    guid: str
    name: str
    codable: bool
    colour: str | None = None
    description: str = ""
    children: tuple[QdaCode, ...] = ()


@dataclass(frozen=True)
class QdaUser:
    guid: str
    name: str


@dataclass(frozen=True)
class QdaCoding:
    guid: str
    code: str
    user: str | None


@dataclass(frozen=True)
class QdaSelection:
    guid: str
    start: int
    end: int
    user: str | None
    codings: tuple[QdaCoding, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class QdaSource:
    guid: str
    name: str
    text: str
    user: str | None
    selections: tuple[QdaSelection, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class QdaNote:
    guid: str
    text: str
    user: str | None


@dataclass(frozen=True)
class QdaCodebook:
    """A ``.qdc`` file, or the codebook part of a project."""

    codes: tuple[QdaCode, ...]
    losses: tuple[str, ...] = ()


@dataclass(frozen=True)
class QdaProject:
    """A ``.qdpx`` project: what we can store, and what we had to leave behind (``losses``)."""

    name: str
    users: tuple[QdaUser, ...]
    codes: tuple[QdaCode, ...]
    sources: tuple[QdaSource, ...]
    notes: dict[str, QdaNote] = field(default_factory=dict)
    losses: tuple[str, ...] = ()
