"""Each coder against the gold layer: the overall uα of the pair (coder, gold) and the coder's
span precision, recall and F1 with gold as the reference.

Gold enters the report as one more coder (:data:`GOLD`); a document counts for gold once the
lead decided at least one of its clusters. Each coder's figure is the report of that coder and
gold alone, on the documents both coded, so other coders do not weigh on it. Gold marks
"nothing" in a document's clusters still undecided: compare against gold once adjudication of
the chosen documents is complete (docs/review.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.agreement.report import Figure, PairScores, Progress, project_report
from annotator.agreement.report_input import AgreementInput, DocumentUnits

GOLD = "gold"
STAGE = "each coder against gold"
"""The progress stage; a coder's own stages read ``f"{STAGE}: {coder}"``."""


@dataclass(frozen=True)
class GoldFigures:
    coder: str
    n_documents: int
    alpha: Figure | None  # uα of the coder and gold (None: no document in common)
    exact: PairScores | None  # gold is the reference
    overlap: PairScores | None


def gold_name(coders: list[str]) -> str:
    """The name gold goes by in a report: ``gold``, unless a coder is called that."""
    return GOLD if GOLD not in coders else f"{GOLD} (adjudicated)"


def pair_input(data: AgreementInput, coder: str, gold: str) -> AgreementInput:
    """``data`` narrowed to one coder and gold, on the documents both coded."""
    wanted = {coder, gold}
    documents = [DocumentUnits(d.uuid, d.title, d.text,
                               [s for s in d.spans if s.coder in wanted], d.coders & wanted)
                 for d in data.documents if wanted <= d.coders]
    return AgreementInput(documents, sorted(wanted), list(data.codes), dict(data.parents))


def against_gold(data: AgreementInput, gold: str, *, n_boot: int = 1000, seed: int = 0,
                 progress: Progress | None = None) -> list[GoldFigures]:
    """One row per coder of ``data`` who coded a document (gold excluded).

    ``progress(fraction, stage)`` is called before each coder and between the stages of that
    coder's report (the bootstrap included), so it may raise
    :class:`~annotator.agreement.report.ReportCancelled` to stop within one stage."""
    active = set().union(*(document.coders for document in data.documents))
    coders = [c for c in data.coders if c != gold and c in active]
    rows = []
    for index, coder in enumerate(coders):
        scaled = _scaled(progress, index, len(coders), f"{STAGE}: {coder}")
        scaled(0.0, "")
        pair = pair_input(data, coder, gold)
        if not pair.documents:
            rows.append(GoldFigures(coder, 0, None, None, None))
            continue
        report = project_report(pair, n_boot=n_boot, seed=seed, progress=scaled)
        rows.append(GoldFigures(coder, len(pair.documents), report.row("overall").primary,
                                report.pair(gold, coder, "exact"),
                                report.pair(gold, coder, "overlap")))
    if progress is not None:
        progress(1.0, STAGE)
    return rows


def _scaled(progress: Progress | None, index: int, total: int, stage: str) -> Progress:
    """Coder ``index`` of ``total``'s share of the progress, under one stage name."""
    def report(fraction: float, _stage: str) -> None:
        if progress is not None:
            progress((index + fraction) / total, stage)
    return report


def _number(value: float | None) -> str:
    return "—" if value is None or value != value else f"{value:.3f}"


def against_gold_lines(rows: list[GoldFigures], gold: str) -> list[str]:
    """A small table: coder, documents, uα with its interval, F1 exact and overlap."""
    lines = [f"Each coder against {gold} (gold is the reference of precision and recall)",
             f"{'coder':<20} {'docs':>5} {'uα':>7} {'95% CI':>17} {'F1 exact':>9} "
             f"{'F1 overlap':>10} {'P overlap':>9} {'R overlap':>9}"]
    for row in rows:
        alpha = row.alpha.value if row.alpha else None
        interval = row.alpha.interval if row.alpha else None
        ci = f"[{interval.low:.3f}, {interval.high:.3f}]" if interval else "—"
        exact, overlap = row.exact, row.overlap
        lines.append(f"{row.coder[:20]:<20} {row.n_documents:>5} {_number(alpha):>7} {ci:>17} "
                     f"{_number(exact.f1 if exact else None):>9} "
                     f"{_number(overlap.f1 if overlap else None):>10} "
                     f"{_number(overlap.precision if overlap else None):>9} "
                     f"{_number(overlap.recall if overlap else None):>9}")
    return lines


def against_gold_json(rows: list[GoldFigures]) -> list[dict[str, Any]]:
    def pair(scores: PairScores | None) -> dict[str, Any] | None:
        if scores is None:
            return None
        return {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1,
                "n_gold": scores.n_reference, "n_coder": scores.n_other}

    def figure(value: Figure | None) -> dict[str, Any] | None:
        if value is None:
            return None
        interval = value.interval
        return {"measure": value.measure, "value": value.value, "n_units": value.n_units,
                "unit": value.unit, "ci": [interval.low, interval.high] if interval else None}

    return [{"coder": row.coder, "n_documents": row.n_documents, "u_alpha": figure(row.alpha),
             "exact": pair(row.exact), "overlap": pair(row.overlap)} for row in rows]
