"""Vocabulary shared by every layer: kinds of code, layers, statuses, attribute types."""

from __future__ import annotations

from enum import StrEnum


class CodeKind(StrEnum):
    """The four top-level kinds every code belongs to."""

    CLAIM = "claim"
    SOURCE = "source"
    ACTOR = "actor"
    FRAMING_DEVICE = "framing_device"

    @property
    def label(self) -> str:
        """English label used as the first segment of a code path (``Claim/Factual``)."""
        return _KIND_LABELS[self]

    @classmethod
    def from_label(cls, label: str) -> "CodeKind":
        """Accept the value (``framing_device``) or the label (``Framing device``), any case."""
        wanted = label.strip().casefold().replace("_", " ")
        for kind in cls:
            if wanted in (kind.value.replace("_", " "), kind.label.casefold()):
                return kind
        raise ValueError(f"unknown code kind {label!r}; expected one of: {', '.join(k.label for k in cls)}")


_KIND_LABELS = {
    CodeKind.CLAIM: "Claim",
    CodeKind.SOURCE: "Source",
    CodeKind.ACTOR: "Actor",
    CodeKind.FRAMING_DEVICE: "Framing device",
}


class Layer(StrEnum):
    """Coders write the ``coding`` layer; adjudication writes ``gold``."""

    CODING = "coding"
    GOLD = "gold"


class Role(StrEnum):
    CODER = "coder"
    LEAD = "lead"


class AssignmentStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class AttributeType(StrEnum):
    CHOICE = "choice"
    TEXT = "text"
    NUMBER = "number"
    YES_NO = "yes_no"


class RelationType(StrEnum):
    """Typed links between two annotations (DESIGN.md §3)."""

    ATTRIBUTED_TO = "attributed_to"
    ABOUT = "about"
    USES_DEVICE = "uses_device"
