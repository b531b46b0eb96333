"""Assigning documents to coders: by hand (documents × coders) or as a reliability sample.

One call of :func:`assign_documents` is one user action (the caller's transaction). It never
silently destroys work: a pair that stays assigned keeps its status; annotations are never
deleted here; taking a document away from a coder who has annotated it is refused unless
``force`` (the assignment goes, the annotations stay in the project). It returns the state it
replaced so that :func:`restore_assignments` can undo it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, tuple_
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, Assignment, Coder, Document, new_uuid, utcnow
from annotator.db.services.documents import DOCUMENT_ORDER
from annotator.db.services.lookup import find_coder, find_document
from annotator.db.services.packages import refuse_in_package
from annotator.db.services.projects import get_project, get_setting
from annotator.domain import AssignmentStatus, Layer
from annotator.errors import ProjectError
from annotator.sampling import (
    AssignmentPlan,
    SampleSize,
    new_seed,
    plan_assignment,
    required_sample_size,
    sample_count,
)

RELIABILITY_SAMPLE = "reliability_sample"  # Project.settings key (issue 8 contract)
Pair = tuple[str, str]  # (document id, coder id)


@dataclass(frozen=True)
class AssignmentRequest:
    """What the lead asked for; ``share``/``count`` None means by hand (every document to every
    coder, nothing taken away)."""

    coders: list[str]  # names or UUIDs
    documents: list[str] | None = None  # UUIDs or external ids; None: every document
    share: float | None = None
    count: int | None = None
    seed: int | None = None
    alpha_min: float = 0.667
    p: float = 0.05
    p_c: float = 0.5
    force: bool = False

    @property
    def is_sample(self) -> bool:
        return self.share is not None or self.count is not None


@dataclass(frozen=True)
class PairState:
    document_id: str
    coder_id: str
    status: str | None  # None: the pair was not assigned
    updated_at: datetime | None


@dataclass(frozen=True)
class AssignmentSnapshot:
    """The assignments and the stored sample as they were before one call (for undo)."""

    pairs: tuple[PairState, ...]
    sample_setting: dict[str, Any] | None


@dataclass(frozen=True)
class AssignmentOutcome:
    added: int
    kept: int
    removed: int
    documents: int
    coders: tuple[str, ...]  # names, in the order given
    loads: dict[str, int]  # coder name -> documents assigned within the chosen documents
    sample: tuple[str, ...] = ()
    seed: int | None = None
    sample_size: SampleSize | None = None
    previous: AssignmentSnapshot = field(default=AssignmentSnapshot((), None))


def assign_documents(session: Session, request: AssignmentRequest) -> AssignmentOutcome:
    """Assign the chosen documents to the chosen coders (one user action, see module doc)."""
    refuse_in_package(session, "assignments can be changed")
    coders = _resolve_coders(session, request.coders)
    documents = _resolve_documents(session, request.documents)
    seed = plan = None
    if request.is_sample:
        seed = request.seed if request.seed is not None else new_seed()
        plan = _plan(documents, coders, request, seed)
        wanted = plan.pairs()
    else:
        wanted = {(d, c.id) for d in documents for c in coders}
    existing = _assigned_pairs(session, documents, [c.id for c in coders])
    removed = existing - wanted if request.is_sample else set()
    if removed and not request.force:
        _refuse_removal(session, removed, coders)
    previous = AssignmentSnapshot(_pair_states(session, wanted | removed),
                                  get_setting(session, RELIABILITY_SAMPLE))
    _apply(session, wanted - existing, removed)
    size = None
    if plan is not None and seed is not None:
        size = required_sample_size(request.alpha_min, request.p, request.p_c, max(len(coders), 2))
        _store_sample(session, _sample_setting(plan, seed, request, documents, coders))
    names = tuple(c.name for c in coders)
    loads = {c.name: sum(1 for _, coder in wanted if coder == c.id) for c in coders}
    return AssignmentOutcome(
        added=len(wanted - existing), kept=len(wanted & existing), removed=len(removed),
        documents=len(documents), coders=names, loads=loads,
        sample=plan.sample if plan else (), seed=seed, sample_size=size, previous=previous)


def restore_assignments(session: Session, snapshot: AssignmentSnapshot) -> None:
    """Put the assignments and the stored sample back as ``snapshot`` recorded them (undo)."""
    for state in snapshot.pairs:
        row = session.scalar(select(Assignment).where(
            Assignment.document_id == state.document_id, Assignment.coder_id == state.coder_id))
        if state.status is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Assignment(document_id=state.document_id, coder_id=state.coder_id,
                                   status=state.status, updated_at=state.updated_at or utcnow()))
        else:
            row.status, row.updated_at = state.status, state.updated_at or utcnow()
    _store_sample(session, snapshot.sample_setting)
    session.flush()


def sample_documents(session: Session) -> set[str]:
    """Ids of the documents in the stored reliability sample (empty when there is none)."""
    stored = get_setting(session, RELIABILITY_SAMPLE) or {}
    return set(stored.get("documents", []))


# --------------------------------------------------------------------------- helpers

def _resolve_coders(session: Session, names: list[str]) -> list[Coder]:
    coders: list[Coder] = []
    for name in names:
        coder = find_coder(session, name.strip())
        if coder not in coders:
            coders.append(coder)
    if not coders:
        raise ProjectError("choose at least one coder")
    return coders


def _resolve_documents(session: Session, wanted: list[str] | None) -> list[str]:
    """Document ids in project order: every document, or the ones named (each once)."""
    ordered = list(session.scalars(select(Document.id).order_by(*DOCUMENT_ORDER)))
    if wanted is None:
        if not ordered:
            raise ProjectError("the project has no documents to assign")
        return ordered
    chosen = {find_document(session, name.strip()).id for name in wanted}
    if not chosen:
        raise ProjectError("choose at least one document")
    return [d for d in ordered if d in chosen]


def _plan(documents: list[str], coders: list[Coder], request: AssignmentRequest,
          seed: int) -> AssignmentPlan:
    try:
        size = sample_count(len(documents), request.share, request.count)
        if size and len(coders) < 2:
            raise ValueError("a reliability sample needs at least two coders")
        required_sample_size(request.alpha_min, request.p, request.p_c, max(len(coders), 2))
        return plan_assignment(documents, [c.id for c in coders], size, seed)
    except ValueError as error:
        raise ProjectError(str(error)) from None


def _assigned_pairs(session: Session, documents: list[str], coder_ids: list[str]) -> set[Pair]:
    wanted = set(documents)
    rows = session.execute(select(Assignment.document_id, Assignment.coder_id)
                           .where(Assignment.coder_id.in_(coder_ids))).all()
    return {(d, c) for d, c in rows if d in wanted}


def _annotation_counts(session: Session, pairs: set[Pair]) -> dict[Pair, int]:
    coder_ids = {c for _, c in pairs}
    rows = session.execute(
        select(Annotation.document_id, Annotation.coder_id, func.count())
        .where(Annotation.coder_id.in_(coder_ids), Annotation.layer == Layer.CODING.value)
        .group_by(Annotation.document_id, Annotation.coder_id)).all()
    return {(d, c): n for d, c, n in rows if (d, c) in pairs}


def _refuse_removal(session: Session, removed: set[Pair], coders: list[Coder]) -> None:
    """One line naming the first coded pair that would lose its assignment, and the totals."""
    counts = _annotation_counts(session, removed)
    if not counts:
        return
    names = {c.id: c.name for c in coders}
    (document_id, coder_id), first = min(counts.items())
    document = session.get(Document, document_id)
    label = (document.external_id or document.title) if document else document_id
    others = len(counts) - 1
    more = f" (and {others} more coded pair{'s' * (others != 1)}, " \
           f"{sum(counts.values())} annotations in all)" if others else ""
    raise ProjectError(
        f"refused: {names[coder_id]} has {first} annotation{'s' * (first != 1)} on document "
        f"{label!r}, which this assignment would take away{more}; nothing was changed "
        "(--force unassigns anyway and keeps the annotations)")


def _pair_states(session: Session, pairs: set[Pair]) -> tuple[PairState, ...]:
    found: dict[Pair, tuple[str, datetime]] = {}
    ordered = sorted(pairs)
    for start in range(0, len(ordered), 400):
        chunk = ordered[start:start + 400]
        rows = session.execute(
            select(Assignment.document_id, Assignment.coder_id, Assignment.status,
                   Assignment.updated_at)
            .where(tuple_(Assignment.document_id, Assignment.coder_id).in_(chunk))).all()
        found.update({(d, c): (s, u) for d, c, s, u in rows})
    return tuple(PairState(d, c, *found.get((d, c), (None, None))) for d, c in ordered)


def _apply(session: Session, added: set[Pair], removed: set[Pair]) -> None:
    now = utcnow()
    rows = [{"id": new_uuid(), "document_id": d, "coder_id": c,
             "status": AssignmentStatus.TODO.value, "updated_at": now} for d, c in sorted(added)]
    if rows:  # Core, not the ORM: nothing here needs the objects
        session.execute(insert(Assignment.__table__), rows)
    for document_id, coder_id in sorted(removed):
        session.execute(delete(Assignment).where(Assignment.document_id == document_id,
                                                 Assignment.coder_id == coder_id))
    session.flush()


def _store_sample(session: Session, value: dict[str, Any] | None) -> None:
    """Write the stored sample, or remove the key when there was none before."""
    project = get_project(session)
    settings = {k: v for k, v in (project.settings or {}).items() if k != RELIABILITY_SAMPLE}
    project.settings = settings if value is None else {**settings, RELIABILITY_SAMPLE: value}


def _sample_setting(plan: AssignmentPlan, seed: int, request: AssignmentRequest,
                    documents: list[str], coders: list[Coder]) -> dict[str, Any]:
    """What Project.settings["reliability_sample"] holds: enough to see and redraw the sample."""
    return {
        "documents": list(plan.sample), "seed": seed, "share": request.share,
        "count": request.count, "coders": [c.id for c in coders],
        "coder_names": [c.name for c in coders],
        "pool": "all" if request.documents is None else documents,
        "alpha_min": request.alpha_min, "p": request.p, "p_c": request.p_c,
        "created_at": utcnow().isoformat(timespec="seconds"),
    }
