"""The codebook as indented text (``annotator codebook show``): codes under their kind headings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from annotator.codebook.model import KIND_NAMES_AR
from annotator.domain import CodeKind


class OutlineRow(Protocol):
    """What a line needs of a code (``annotator.db.services.codebook.CodeRow`` has it)."""

    kind: CodeKind
    path: str
    name_ar: str
    shortcut: str


def outline(rows: Sequence[OutlineRow]) -> list[str]:
    """One heading per kind (also when it has no codes), then its codes indented by depth."""
    lines: list[str] = []
    for kind in CodeKind:
        lines.append(f"{kind.label}  {KIND_NAMES_AR[kind]}")
        of_kind = [row for row in rows if row.kind is kind]
        for row in of_kind:
            key = f"[{row.shortcut}]" if row.shortcut else ""
            name = row.path.split("/")[-1]
            lines.append(f"{'  ' * row.path.count('/')}{name}  {row.name_ar}  {key}".rstrip())
        if not of_kind:
            lines.append("  (no codes)")
    return lines
