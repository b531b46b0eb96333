"""The report computed off the UI thread: the task opens its own project store and session
(sessions never cross threads), reports progress, stops when cancelled, and never touches a
widget. Results come back on the UI thread through :class:`annotator.ui.workers.TaskRunner`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.agreement.report import ProjectReport, ReportCancelled, project_report
from annotator.db.engine import open_project
from annotator.db.services.agreement_data import agreement_input
from annotator.db.services.codebook import list_codes
from annotator.db.services.coders import list_coders
from annotator.db.services.documents import list_documents
from annotator.domain import Layer
from annotator.ui.workers import TaskState


@dataclass(frozen=True)
class Filters:
    """What to compute; None means everything (the same as the CLI without options)."""

    coders: tuple[str, ...] | None = None
    codes: tuple[str, ...] | None = None
    documents: tuple[str, ...] | None = None
    layer: Layer = Layer.CODING
    n_boot: int = 1000
    seed: int = 0


@dataclass(frozen=True)
class Choices:
    """What the filters offer: coder names, code paths (codebook order), documents."""

    coders: list[str]
    codes: list[str]
    documents: list[tuple[str, str]]  # (uuid, title)


def load_choices(project_path: Path) -> Choices:
    """Coders, codes and documents of the project (a few small queries)."""
    store = open_project(project_path)
    try:
        with store.reader() as session:
            return Choices([c.name for c in list_coders(session)],
                           [row.path for row in list_codes(session)],
                           [(d.uuid, d.title or d.external_id or d.uuid)
                            for d in list_documents(session)])
    finally:
        store.close()


def compute_report(project_path: Path, filters: Filters, state: TaskState,
                   report: Callable[[Any], None]) -> ProjectReport | None:
    """The task: read the input in a session of its own, then compute; progress values are
    ``(fraction, stage)``. Returns None when cancelled."""
    report((0.0, "reading the project"))
    store = open_project(project_path)
    try:
        with store.reader() as session:
            data = agreement_input(session, coders=filters.coders, codes=filters.codes,
                                   documents=filters.documents, layer=filters.layer)
    finally:
        store.close()

    def progress(fraction: float, stage: str) -> None:
        if state.cancelled:
            raise ReportCancelled
        report((fraction, stage))

    try:
        return project_report(data, n_boot=filters.n_boot, seed=filters.seed, progress=progress)
    except ReportCancelled:
        return None
