from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportScope:
    """What an export covers; an empty tuple means everything."""

    coders: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    layer: str = "coding"


LAYERS = ("coding", "gold", "all")
"""Values of ``ExportScope.layer``: one layer, or both."""


def scope_description(scope: ExportScope) -> str:
    """The filters in one line, for README sheets and summaries."""
    parts = [f"layer = {scope.layer}"]
    for name in ("coders", "documents", "codes"):
        chosen = getattr(scope, name)
        parts.append(f"{name} = {', '.join(chosen)}" if chosen else f"{name} = all")
    return "; ".join(parts)


def layers_of(scope: ExportScope) -> tuple[str, ...]:
    """The layers an export reads: ``all`` means coding and gold."""
    if scope.layer not in LAYERS:
        raise ValueError(f"unknown layer {scope.layer!r}; expected one of: {', '.join(LAYERS)}")
    return ("coding", "gold") if scope.layer == "all" else (scope.layer,)
