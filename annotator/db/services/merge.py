"""Merging coder packages back into the lead's project: by UUID, three-way, one file at a time.

For every item (annotation with its attribute values, link, document memo, status) the merge
compares three digests: the package's *baseline* (as exported), the package's current version
and the project's current version. The package's version is taken when only the package changed
it since export (added, updated, or deleted: deletions travel as tombstones); nothing happens
when only the project changed it or both agree. When both changed it, that is a **conflict**:
the project keeps its version and the package's version is stored in the ``merge_conflict``
table (listed by ``annotator package conflicts``), never silently overwritten. Merging the same
file again therefore changes nothing: every item is then unchanged or an already recorded
conflict. Each file is merged in one transaction; a refused file stores nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.engine import ProjectStore
from annotator.db.models import Document, MergeConflict
from annotator.db.services.merge_apply import apply_decisions
from annotator.db.services.merge_checks import PackageContent, check_against_project, read_package
from annotator.db.services.package_state import (
    ACTIONS,
    ADDED,
    ANNOTATION,
    CONFLICT,
    DELETED_ACTION,
    UNCHANGED,
    UPDATED,
    Decision,
    DELETED,
    MEMO,
    RELATION,
    STATUS,
    Item,
    coder_items,
    tombstoned,
)
from annotator.db.services.packages import refuse_in_package

@dataclass(frozen=True)
class ConflictNote:
    entity: str
    item_id: str
    document_id: str
    reason: str
    recorded_before: bool


@dataclass
class MergeReport:
    """Counts per document and the conflicts of merging one package file."""

    path: str
    package_id: str
    coder: str
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    conflicts: list[ConflictNote] = field(default_factory=list)

    def total(self, action: str) -> int:
        return sum(row[action] for row in self.documents.values())

    @property
    def changed(self) -> int:
        return sum(self.total(a) for a in (ADDED, UPDATED, DELETED_ACTION)) + sum(
            not c.recorded_before for c in self.conflicts)

    def as_json(self) -> dict[str, Any]:
        return {"file": self.path, "package": self.package_id, "coder": self.coder,
                "totals": {action: self.total(action) for action in ACTIONS},
                "documents": [{"document": key, **row} for key, row in self.documents.items()],
                "conflicts": [vars(c) for c in self.conflicts]}


def merge_package(store: ProjectStore, path: Path) -> MergeReport:
    """Merge one package file into the project in one transaction (refused: nothing stored)."""
    package = read_package(Path(path))
    with store.transaction() as session:
        refuse_in_package(session, "coder files can be merged")
        check_against_project(session, package)
        decisions = plan_merge(session, package)
        recorded = apply_decisions(session, package, decisions)
        return _report(session, package, decisions, recorded)


def plan_merge(session: Session, package: PackageContent) -> list[Decision]:
    """The three-way decision for every item the package holds, held or deleted."""
    connection = session.connection()
    coder_id = package.summary.coder_id
    ours = coder_items(connection, coder_id, list(package.documents))
    keys = set(package.items) | set(package.baseline)
    ours_deleted = tombstoned(connection, [k for k in keys if k not in ours])
    decisions = []
    for key in sorted(keys):
        decision = _decide(key, package, ours.get(key), key in ours_deleted)
        if decision is not None:
            decisions.append(decision)
    return _check_link_ends(decisions, ours)


def _decide(key: str, package: PackageContent, mine: Item | None,
            deleted_here: bool) -> Decision | None:
    theirs, base = package.items.get(key), package.baseline.get(key)
    if theirs is None and base is None:
        return None
    entity = theirs.entity if theirs else base.entity  # type: ignore[union-attr]
    document_id = theirs.document_id if theirs else base.document_id  # type: ignore[union-attr]
    if theirs is None and entity in (MEMO, STATUS):
        return Decision(UNCHANGED, entity, key, document_id, None)
    their_digest = theirs.digest if theirs else DELETED
    base_digest = base.digest if base else None
    our_digest = mine.digest if mine else (DELETED if deleted_here or base else None)
    if their_digest in (our_digest, base_digest):
        return Decision(UNCHANGED, entity, key, document_id, theirs)
    if our_digest == base_digest:
        action = DELETED_ACTION if theirs is None else (ADDED if mine is None else UPDATED)
        return Decision(action, entity, key, document_id, theirs)
    return Decision(CONFLICT, entity, key, document_id, theirs,
                    _conflict_reason(their_digest, our_digest))


def _conflict_reason(their_digest: str, our_digest: str | None) -> str:
    if their_digest == DELETED:
        return "deleted in the package, changed in the project since export"
    if our_digest == DELETED:
        return "changed in the package, deleted in the project since export"
    return "changed in both the package and the project since export"


def _check_link_ends(decisions: list[Decision], ours: dict[str, Item]) -> list[Decision]:
    """A new link whose ends will not both be in the project becomes a conflict, not an error."""
    present = {k for k, item in ours.items() if item.entity == ANNOTATION}
    for d in decisions:
        if d.entity == ANNOTATION and d.action == ADDED:
            present.add(d.key)
        elif d.entity == ANNOTATION and d.action == DELETED_ACTION:
            present.discard(d.key)
    checked = []
    for d in decisions:
        if d.entity == RELATION and d.action in (ADDED, UPDATED) and d.theirs is not None and not (
                {d.theirs.version["source_id"], d.theirs.version["target_id"]} <= present):
            d = Decision(CONFLICT, d.entity, d.key, d.document_id, d.theirs,
                         "links an annotation that is not in the project")
        checked.append(d)
    return checked


def _report(session: Session, package: PackageContent, decisions: list[Decision],
            recorded_before: set[str]) -> MergeReport:
    report = MergeReport(str(package.path), package.summary.package_id,
                         package.summary.coder_name)
    titles = dict(session.execute(select(Document.id, Document.title).where(
        Document.id.in_(list(package.documents)))).all())
    counts: dict[str, Counter[str]] = {d: Counter() for d in package.documents}
    for d in decisions:
        counts.setdefault(d.document_id, Counter())[d.action] += 1
        if d.action == CONFLICT:
            report.conflicts.append(ConflictNote(d.entity, d.key, d.document_id, d.reason,
                                                 d.key in recorded_before))
    for document_id, counter in counts.items():
        report.documents[document_id] = {"title": titles.get(document_id, ""),
                                         **{action: counter[action] for action in ACTIONS}}
    return report


def list_conflicts(session: Session) -> list[MergeConflict]:
    """Every conflict merges have kept, oldest first."""
    return list(session.scalars(select(MergeConflict).order_by(MergeConflict.created_at)))
