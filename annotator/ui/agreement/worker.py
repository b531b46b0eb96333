"""The report computed off the UI thread: the task opens its own project store and session
(sessions never cross threads), reports progress, stops when cancelled, and never touches a
widget. Results come back on the UI thread through :class:`annotator.ui.workers.TaskRunner`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.agreement.against_gold import GoldFigures, against_gold, gold_name
from annotator.agreement.report import ProjectReport, ReportCancelled, project_report
from annotator.agreement.report_input import AgreementInput, DocumentUnits
from annotator.db.engine import open_project
from annotator.db.services.agreement_data import add_gold, agreement_input
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
    against_gold: bool = False  # also each coder against the gold layer (coding layer only)

    @property
    def with_gold(self) -> bool:
        return self.against_gold and self.layer is Layer.CODING


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


@dataclass(frozen=True)
class GoldComparison:
    """Each coder against gold: the name gold goes by and one row per coder."""

    gold: str
    rows: list[GoldFigures]


@dataclass(frozen=True)
class Computed:
    report: ProjectReport
    gold: GoldComparison | None = None  # only when the filters ask for it


def compute_report(project_path: Path, filters: Filters, state: TaskState,
                   report: Callable[[Any], None]) -> ProjectReport | None:
    """The report alone (see :func:`compute`)."""
    computed = compute(project_path, filters, state, report)
    return computed.report if computed else None


def compute(project_path: Path, filters: Filters, state: TaskState,
            report: Callable[[Any], None]) -> Computed | None:
    """The task: read the input in a session of its own, then compute; progress values are
    ``(fraction, stage)``. Returns None when cancelled."""
    report((0.0, "reading the project"))  # i18n: not shown (stage_text translates)
    store = open_project(project_path)
    try:
        with store.reader() as session:
            data = agreement_input(session, coders=filters.coders, codes=filters.codes,
                                   documents=filters.documents, layer=filters.layer)
            gold = gold_name(data.coders)
            with_gold = add_gold(session, _copy(data), gold) if filters.with_gold else None
    finally:
        store.close()
    share = 0.8 if with_gold else 1.0

    def progress(fraction: float, stage: str, start: float = 0.0, width: float = share) -> None:
        if state.cancelled:
            raise ReportCancelled
        report((start + width * fraction, stage))

    try:
        result = project_report(data, n_boot=filters.n_boot, seed=filters.seed,
                                progress=progress)
        if with_gold is None:
            return Computed(result)
        rows = against_gold(with_gold, gold, n_boot=filters.n_boot, seed=filters.seed,
                            progress=lambda f, s: progress(f, s, share, 1.0 - share))
    except ReportCancelled:
        return None
    return None if state.cancelled else Computed(result, GoldComparison(gold, rows))


def _copy(data: AgreementInput) -> AgreementInput:
    """A copy whose documents ``add_gold`` may change without touching ``data``'s."""
    return AgreementInput([DocumentUnits(d.uuid, d.title, d.text, list(d.spans), set(d.coders))
                           for d in data.documents], list(data.coders), list(data.codes),
                          dict(data.parents))


STAGES = (
    QT_TRANSLATE_NOOP("AgreementStage", "reading the project"),
    QT_TRANSLATE_NOOP("AgreementStage", "starting"),
    QT_TRANSLATE_NOOP("AgreementStage", "tokenising the documents"),
    QT_TRANSLATE_NOOP("AgreementStage", "uα family (2016) with bootstrap"),
    QT_TRANSLATE_NOOP("AgreementStage", "α_u (2004)"),
    QT_TRANSLATE_NOOP("AgreementStage", "character α"),
    QT_TRANSLATE_NOOP("AgreementStage", "presence α (bootstrap)"),
    QT_TRANSLATE_NOOP("AgreementStage", "token κ"),
    QT_TRANSLATE_NOOP("AgreementStage", "done"),
    QT_TRANSLATE_NOOP("AgreementStage", "each coder against gold"),
)
"""The report's stage names, as the engine (which has no Qt) reports them."""
PATTERNED_STAGES = (
    ("uα family inside ",  # i18n: not shown
     QT_TRANSLATE_NOOP("AgreementStage", "uα family inside {name}")),
    ("span F1 ", QT_TRANSLATE_NOOP("AgreementStage", "span F1 {name}")),
    ("each coder against gold: ",  # i18n: not shown
     QT_TRANSLATE_NOOP("AgreementStage", "each coder against gold: {name}")),
)


def stage_text(stage: str) -> str:
    """A progress stage in the interface language."""
    for prefix, pattern in PATTERNED_STAGES:
        if stage.startswith(prefix):
            return QCoreApplication.translate("AgreementStage", pattern).format(
                name=stage.removeprefix(prefix))
    return QCoreApplication.translate("AgreementStage", stage)


NOTES = (
    (re.compile(r"left out \(no documents\): (?P<names>.*)"),
     QT_TRANSLATE_NOOP("AgreementNote", "left out (no documents): {names}")),
    (re.compile(r"fewer than two coders with documents: agreement is undefined"),
     QT_TRANSLATE_NOOP("AgreementNote",
                       "fewer than two coders with documents: agreement is undefined")),
    (re.compile(r"α_u and the token kappas use the (?P<used>\d+) of (?P<total>\d+) documents "
                r"coded by all (?P<coders>\d+) coders"),
     QT_TRANSLATE_NOOP("AgreementNote", "α_u and the token kappas use the {used} of {total} "
                                        "documents coded by all {coders} coders")),
    (re.compile(r"uα family: no bootstrap interval \((?P<reason>.*)\)"),
     QT_TRANSLATE_NOOP("AgreementNote", "uα family: no bootstrap interval ({reason})")),
)
"""The report's notes (English in the engine, the CLI and JSON) in the interface language."""


def note_text(note: str) -> str:
    for pattern, text in NOTES:
        found = pattern.fullmatch(note)
        if found:
            return QCoreApplication.translate("AgreementNote", text).format(**found.groupdict())
    return note
