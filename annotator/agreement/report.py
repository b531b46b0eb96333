"""The project agreement report: every measure, per code, per collapsed group and overall.

``project_report(data)`` takes plain spans per document (:mod:`annotator.agreement.report_input`)
and returns a :class:`ProjectReport`. Every figure carries the numbers of documents, coders and
units it rests on, is ``nan`` when undefined (never 0), and is judged against Krippendorff's
thresholds: reliable at .800 and above, tentative from .667, not reliable below. See
docs/agreement.md ("The project report") for what each column measures and excludes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.agreement.report_groups import Group, Scope, code_groups, kind_of, row_order
from annotator.agreement.report_input import AgreementInput
from annotator.agreement.study import Study, build_study
from annotator.gc_pause import collector_paused
from annotator.wording import counted

RELIABLE = 0.800
TENTATIVE = 0.667

MEASURES: dict[str, str] = {
    "alpha_u": "α_u",
    "u_alpha": "uα",
    "binary_u_alpha": "|uα",
    "cu_alpha": "cuα",
    "k_u_alpha": "(k)uα",
    "binary_per_code": "|uα of k",
    "char_alpha": "char α",
    "presence_alpha": "presence α",
    "fleiss_kappa": "Fleiss κ",
    "cohen_kappa": "Cohen κ",
    "percent_agreement": "% agreement",
}
"""Figure keys in report order, with their short labels."""

PRIMARY = "binary_per_code"
"""The figure judged in the verdict column of code and group rows (and charted by default)."""

UNJUDGED = frozenset({"percent_agreement"})
MIN_UNITS = 2  # a coefficient over one unit says nothing about reliability
TOO_FEW = "too few units"
"""Figures that are not chance-corrected and get no verdict."""

Progress = Callable[[float, str], None]


class ReportCancelled(Exception):
    """Raised by a progress callback to stop the report (e.g. the user pressed Cancel)."""


def verdict(value: float) -> str:
    """Krippendorff's (2004: 241) reading of an alpha-like coefficient."""
    if value is None or math.isnan(value):
        return "undefined"
    if value >= RELIABLE:
        return "reliable"
    return "tentative" if value >= TENTATIVE else "not reliable"


@dataclass(frozen=True)
class Interval:
    """Bootstrap confidence interval and the risks of missing the two thresholds."""

    low: float
    high: float
    q_below_667: float
    q_below_800: float
    n_boot: int
    level: float = 0.95
    n_undefined: int = 0
    """Replicates in which the figure was undefined (left out of the interval)."""


@dataclass(frozen=True)
class Figure:
    """One coefficient and what it rests on: ``n_units`` counts ``unit`` (spans, characters,
    documents, document x code pairs or tokens). ``coverage`` (cuα, (k)uα) is the share of
    the pairable matter the figure rests on (docs/agreement.md)."""

    measure: str
    value: float
    n_documents: int
    n_coders: int
    n_units: int
    unit: str
    interval: Interval | None = None
    coverage: float | None = None

    @property
    def defined(self) -> bool:
        return not math.isnan(self.value)

    @property
    def verdict(self) -> str | None:
        """Reliable / tentative / not reliable / undefined / too few units; None for percent
        agreement. A coefficient over fewer than MIN_UNITS units judges nothing."""
        if self.measure in UNJUDGED:
            return None
        return TOO_FEW if self.defined and self.n_units < MIN_UNITS else verdict(self.value)


@dataclass(frozen=True)
class ReportRow:
    """One code, one collapsed group (parent or kind) or the overall row."""

    scope: Scope
    name: str
    codes: tuple[str, ...]
    figures: dict[str, Figure]

    @property
    def primary(self) -> Figure | None:
        """The figure the verdict column shows: uα overall, and for a code or group "|uα of k",
        how reliably its units are identified; (k)uα only judges the coding of k where units
        intersect (see its coverage). docs/agreement.md explains the choice."""
        return self.figures.get("u_alpha" if self.scope == "overall" else PRIMARY)

    @property
    def label(self) -> str:
        return {"kind": f"{self.name} (all)", "parent": f"{self.name} (all)"}.get(
            self.scope, self.name)


@dataclass(frozen=True)
class PairScores:
    """Span precision, recall and F1 of ``other`` against ``reference`` (micro over codes)."""

    reference: str
    other: str
    match: str
    precision: float
    recall: float
    f1: float
    per_code_f1: dict[str, float]
    n_documents: int
    n_reference: int
    n_other: int


@dataclass(frozen=True)
class ProjectReport:
    """Everything the CLI and the Agreement window show."""

    coders: tuple[str, ...]
    idle_coders: tuple[str, ...]
    codes: tuple[str, ...]
    rows: list[ReportRow]
    pairs: list[PairScores]
    n_documents: int
    n_complete: int
    n_pairable: int
    n_boot: int
    seed: int
    notes: list[str] = field(default_factory=list)
    family_resampled: int = 0
    """Documents the uα family's bootstrap resamples (0: no interval, see ``notes``)."""

    def row(self, name: str, scope: Scope | None = None) -> ReportRow:
        """The row of a code path, group name or "overall"."""
        for row in self.rows:
            if row.name == name and (scope is None or row.scope == scope):
                return row
        raise KeyError(name)

    def pair(self, reference: str, other: str, match: str) -> PairScores:
        for pair in self.pairs:
            if (pair.reference, pair.other, pair.match) == (reference, other, match):
                return pair
        raise KeyError((reference, other, match))


def project_report(data: AgreementInput, *, n_boot: int = 1000, seed: int = 0,
                   progress: Progress | None = None) -> ProjectReport:
    """The full report; ``progress(fraction, stage)`` is called between stages and may raise
    :class:`ReportCancelled` to stop."""
    with collector_paused():
        return _project_report(data, n_boot, seed, progress)



def _project_report(data: AgreementInput, n_boot: int, seed: int,
                    progress: Progress | None) -> ProjectReport:
    from annotator.agreement.report_measures import Measures  # numpy-heavy, loaded on use

    if n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no interval) or more, got {n_boot}")
    study = build_study(data)
    codes = tuple(dict.fromkeys(data.codes))
    groups = code_groups(codes, data.parents)
    measures = Measures(study, codes, n_boot, seed, _Steps(progress, _n_steps(study, groups)))
    figures: dict[tuple[Scope, str], dict[str, Figure]] = {}
    figures.update(measures.leaf_rows())
    for scope in ("kind", "parent"):
        members = [g for g in groups if g.scope == scope]
        if members:
            mapping = _collapse(codes, data.parents, scope)
            figures.update(measures.group_rows(scope, mapping, members))
    rows = [ReportRow(scope, name, _codes_of(scope, name, codes, groups), figures[scope, name])
            for scope, name in row_order(codes, groups)]
    pairs = measures.span_pairs()
    measures.steps.done()
    notes = _notes(study)
    if measures.family_reason and n_boot:
        notes.append(f"uα family: no bootstrap interval ({measures.family_reason})")
    return ProjectReport(study.coders, study.idle_coders, codes, rows, pairs,
                         len(study.documents), int(study.complete.sum()),
                         int(study.pairable.sum()), n_boot, seed, notes,
                         measures.family_resampled)


def _collapse(codes: tuple[str, ...], parents: dict[str, str], scope: str) -> dict[str, str]:
    if scope == "kind":
        return {code: kind_of(code) for code in codes}
    return {code: parents.get(code, code) for code in codes}


def _codes_of(scope: Scope, name: str, codes: tuple[str, ...],
              groups: list[Group]) -> tuple[str, ...]:
    if scope == "code":
        return (name,)
    if scope == "overall":
        return codes
    return next(g.codes for g in groups if (g.scope, g.name) == (scope, name))


def _n_steps(study: Study, groups: list[Group]) -> int:
    """Stages: codes (α_u, char α, presence α, tokenising, token κ, uα family), each collapsed
    granularity (the first four but tokenising), the family inside each group, each pair."""
    n_pairs = len(study.coders) * (len(study.coders) - 1) // 2
    return 6 + 4 * len({g.scope for g in groups}) + len(groups) + n_pairs


def _notes(study: Study) -> list[str]:
    notes = []
    if study.idle_coders:
        notes.append(f"left out (no documents): {', '.join(study.idle_coders)}")
    if len(study.coders) < 2:
        notes.append("fewer than two coders with documents: agreement is undefined")
    elif not study.complete.all():
        notes.append(f"α_u and the token kappas use the {int(study.complete.sum())} of "
                     f"{counted(len(study.documents), 'document')} coded by all "
                     f"{len(study.coders)} coders")
    return notes


class _Steps:
    """Counts stages and reports the fraction done."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback, self.total, self.count = callback, max(total, 1), 0

    def __call__(self, stage: str) -> None:
        if self.callback is not None:
            self.callback(min(self.count / self.total, 1.0), stage)
        self.count += 1

    def done(self) -> None:
        if self.callback is not None:
            self.callback(1.0, "done")
