"""Which rows the project report has, and in which order.

Besides one row per code, the report collapses codes into groups, so that a lead can see
whether coders agree on *where* a kind of thing is even when they disagree on its sub-type:

- a **parent** row for each top-level code with sub-codes (``Claim/Factual`` and everything
  under it, sub-codes collapsed into the parent);
- a **kind** row for each kind with two or more codes (``Claim``: every claim code collapsed).

A group whose codes are exactly those of another group is shown once (as the parent).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Scope = Literal["code", "parent", "kind", "overall"]


@dataclass(frozen=True)
class Group:
    """A collapsed row: ``name`` is the parent path or the kind label."""

    scope: Literal["parent", "kind"]
    name: str
    codes: tuple[str, ...]


def kind_of(path: str) -> str:
    return path.split("/", 1)[0]


def code_groups(codes: Sequence[str], parents: Mapping[str, str]) -> list[Group]:
    """Parent groups (a top-level code with its selected sub-codes) and kind groups (two or
    more selected codes of one kind), without duplicates, in codebook order."""
    by_parent: dict[str, list[str]] = {}
    by_kind: dict[str, list[str]] = {}
    for code in codes:
        by_parent.setdefault(parents.get(code, code), []).append(code)
        by_kind.setdefault(kind_of(code), []).append(code)
    groups = [Group("parent", name, tuple(members)) for name, members in by_parent.items()
              if any(m != name for m in members) and len(members) >= 2]
    seen = {g.codes for g in groups}
    groups += [Group("kind", name, tuple(members)) for name, members in by_kind.items()
               if len(members) >= 2 and tuple(members) not in seen]
    return groups


def row_order(codes: Sequence[str], groups: Sequence[Group]) -> list[tuple[Scope, str]]:
    """Rows in codebook order: a kind row before its kind's codes, a parent row before its
    first code, each code, and the overall row last."""
    first_of: dict[str, list[Group]] = {}
    for group in sorted(groups, key=lambda g: g.scope != "kind"):  # kinds before parents
        first_of.setdefault(group.codes[0], []).append(group)
    order: list[tuple[Scope, str]] = []
    for code in codes:
        order += [(group.scope, group.name) for group in first_of.get(code, [])]
        order.append(("code", code))
    order.append(("overall", "overall"))
    return order
