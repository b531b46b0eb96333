"""The three-way rule of a package merge, for every combination of base, package and project."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from annotator.db.services.merge import _decide
from annotator.db.services.merge_checks import Baseline, PackageContent
from annotator.db.services.package_state import (
    ADDED,
    CONFLICT,
    DELETED_ACTION,
    UNCHANGED,
    UPDATED,
    Item,
)
from annotator.db.services.packages import PackageSummary

VERSIONS = st.sampled_from(["a", "b", "c"])
STATES = st.one_of(st.none(), VERSIONS)  # None: absent (deleted, or never there)


def _item(digest: str) -> Item:
    return Item("annotation", "key", "doc", {}, digest)


def _package(base: str | None, theirs: str | None) -> PackageContent:
    summary = PackageSummary("package", "project", "coder", "Layla")
    baseline = {"key": Baseline("annotation", "doc", base)} if base else {}
    items = {"key": _item(theirs)} if theirs else {}
    return PackageContent(Path("p.fannot"), summary, items, baseline, set(), {})


@given(base=STATES, theirs=STATES, ours=STATES)
def test_only_the_side_that_changed_wins_and_both_changed_is_a_conflict(
        base: str | None, theirs: str | None, ours: str | None) -> None:
    decision = _decide("key", _package(base, theirs), _item(ours) if ours else None,
                       deleted_here=False)
    if base is None and theirs is None:
        assert decision is None
        return
    assert decision is not None
    their_changed, our_changed = theirs != base, ours != base
    if theirs == ours or not their_changed:
        assert decision.action == UNCHANGED
    elif not our_changed:
        expected = DELETED_ACTION if theirs is None else (ADDED if ours is None else UPDATED)
        assert decision.action == expected
    else:
        assert decision.action == CONFLICT and decision.reason
