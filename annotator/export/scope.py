from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportScope:
    """What an export covers; an empty tuple means everything."""

    coders: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    layer: str = "coding"
