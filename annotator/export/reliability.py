"""Reliability (long format) and Pairwise tables from the project agreement report.

The figures are those of ``annotator agreement`` (annotator.agreement.report) on the same
coders, codes, documents and layer; each row names the definition it implements
(annotator.agreement.report_audit).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy.orm import Session

from annotator.agreement.pairwise import cohen_kappa
from annotator.agreement.report import MEASURES, ProjectReport, project_report
from annotator.agreement.report_audit import DEFINITIONS
from annotator.agreement.report_input import AgreementInput
from annotator.db.services.agreement_data import agreement_input
from annotator.domain import Layer
from annotator.export.scope import ExportScope
from annotator.export.tables import Cell, Column, Table

PAIR_KAPPA = ("Cohen (1960) κ of two coders on document × code presence (1 if the coder "
              "marked the code anywhere in the document), documents both coded")


@dataclass(frozen=True)
class Reliability:
    """The report and the data it was computed from (for the pairwise κ)."""

    report: ProjectReport
    data: AgreementInput
    layer: str


def compute_reliability(session: Session, scope: ExportScope, n_boot: int,
                        seed: int) -> Reliability:
    """The agreement report on the export's scope; with ``layer all`` on the coding layer."""
    layer = Layer.GOLD if scope.layer == "gold" else Layer.CODING
    data = agreement_input(session, coders=scope.coders or None, codes=scope.codes or None,
                           documents=scope.documents or None, layer=layer)
    return Reliability(project_report(data, n_boot=n_boot, seed=seed), data, layer.value)


def number(value: float | None) -> float | None:
    """A cell value: nan (undefined) becomes an empty cell, never 0."""
    return None if value is None or math.isnan(value) else round(float(value), 6)


RELIABILITY_COLUMNS = [
    Column("code", "code path, group ('(all)': sub-codes or a whole kind collapsed) or overall", 30),
    Column("scope", "code, parent, kind or overall", 9),
    Column("measure", "coefficient (see source)", 12),
    Column("measure_key", "key of the coefficient in annotator agreement --json", 16),
    Column("value", "the coefficient; empty when undefined", 9),
    Column("ci_low", "95% bootstrap interval, low", 9),
    Column("ci_high", "95% bootstrap interval, high", 9),
    Column("q_below_667", "share of bootstrap replicates below .667", 10),
    Column("q_below_800", "share of bootstrap replicates below .800", 10),
    Column("n_documents", "documents the figure rests on", 10),
    Column("n_coders", "coders", 8), Column("n_units", "units (see unit)", 9),
    Column("unit", "what a unit is", 14),
    Column("coverage", "share of the pairable matter ((k)uα, cuα)", 9),
    Column("verdict", "reliable ≥ .800, tentative ≥ .667, not reliable below", 12),
    Column("source", "paper and equation the figure implements", 60),
]


def reliability_table(reliability: Reliability) -> Table:
    def rows() -> Iterator[list[Cell]]:
        for row in reliability.report.rows:
            for key, label in MEASURES.items():
                figure = row.figures.get(key)
                if figure is None:
                    continue
                ci = figure.interval
                yield [row.label, row.scope, label, key, number(figure.value),
                       number(ci.low) if ci else None, number(ci.high) if ci else None,
                       number(ci.q_below_667) if ci else None,
                       number(ci.q_below_800) if ci else None,
                       figure.n_documents, figure.n_coders, figure.n_units, figure.unit,
                       number(figure.coverage), figure.verdict, DEFINITIONS[key]]

    return Table("Reliability", f"agreement on the {reliability.layer} layer, one row per code "
                 "and coefficient (long format)", RELIABILITY_COLUMNS, rows(),
                 list(reliability.report.notes))


PAIRWISE_COLUMNS = [
    Column("coder_a", "reference coder", 12), Column("coder_b", "other coder", 12),
    Column("n_documents", "documents both coded", 10),
    Column("f1_exact", "span F1, same code and same boundaries", 9),
    Column("precision_exact", "precision of coder_b against coder_a (exact)", 9),
    Column("recall_exact", "recall of coder_b against coder_a (exact)", 9),
    Column("f1_overlap", "span F1, same code and overlapping", 9),
    Column("kappa", PAIR_KAPPA, 9),
    Column("kappa_units", "document × code units of the κ", 9),
]


def pairwise_kappa(data: AgreementInput, a: str, b: str) -> tuple[float, int]:
    """Cohen's κ of coders ``a`` and ``b`` on code presence per document, and the unit count."""
    first: list[int] = []
    second: list[int] = []
    for doc in data.documents:
        if a not in doc.coders or b not in doc.coders:
            continue
        marked = {(span.coder, span.code) for span in doc.spans}
        for code in data.codes:
            first.append(int((a, code) in marked))
            second.append(int((b, code) in marked))
    return (cohen_kappa(first, second) if first else math.nan), len(first)


def pairwise_table(reliability: Reliability) -> Table:
    report = reliability.report

    def rows() -> Iterator[list[Cell]]:
        for a, b in combinations(report.coders, 2):
            exact, overlap = report.pair(a, b, "exact"), report.pair(a, b, "overlap")
            kappa, units = pairwise_kappa(reliability.data, a, b)
            yield [a, b, exact.n_documents, number(exact.f1), number(exact.precision),
                   number(exact.recall), number(overlap.f1), number(kappa), units]

    return Table("Pairwise", "coder × coder: span F1 (micro over codes) and Cohen's κ",
                 PAIRWISE_COLUMNS, rows())
