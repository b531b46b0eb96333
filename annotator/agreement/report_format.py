"""The project report as JSON, as flat rows for CSV, and as an aligned text table.

Undefined figures are ``null`` in JSON, empty in CSV and "undef" in the table: never 0.
"""

from __future__ import annotations

import math
from typing import Any

from annotator.agreement.report import (
    MEASURES,
    RELIABLE,
    TENTATIVE,
    Figure,
    PairScores,
    ProjectReport,
    ReportRow,
)
from annotator.agreement.report_audit import DEFINITIONS, audit, audit_lines
from annotator.wording import counted

UNDEFINED = "undef"
TABLE_MEASURES = ("alpha_u", "u_alpha", "binary_u_alpha", "cu_alpha", "k_u_alpha", "coverage",
                  "binary_per_code", "char_alpha")
FAMILY = ("u_alpha", "binary_u_alpha", "cu_alpha", "k_u_alpha", "binary_per_code")
"""The uα family figures, which carry document-bootstrap intervals."""
INTERVALS = (*FAMILY, "presence_alpha")
COVERED = ("cu_alpha", "k_u_alpha")


def number(value: float | None) -> float | None:
    """A JSON-safe number: nan becomes None."""
    return None if value is None or math.isnan(value) else float(value)


def figure_json(figure: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {
        "value": number(figure.value), "verdict": figure.verdict,
        "n_documents": figure.n_documents, "n_coders": figure.n_coders,
        "n_units": figure.n_units, "unit": figure.unit,
        "definition": DEFINITIONS[figure.measure],
    }
    if figure.coverage is not None:
        out["coverage"] = number(figure.coverage)
    if figure.interval is not None:
        ci = figure.interval
        out["ci"] = {"level": ci.level, "low": number(ci.low), "high": number(ci.high),
                     "q_below_667": number(ci.q_below_667),
                     "q_below_800": number(ci.q_below_800), "replicates": ci.n_boot,
                     "undefined_replicates": ci.n_undefined}
    return out


def row_json(row: ReportRow) -> dict[str, Any]:
    primary = row.primary
    return {"scope": row.scope, "name": row.name, "codes": list(row.codes),
            "verdict": primary.verdict if primary else None,
            "figures": {key: figure_json(row.figures[key]) for key in MEASURES
                        if key in row.figures}}


def pair_json(pair: PairScores) -> dict[str, Any]:
    return {"precision": number(pair.precision), "recall": number(pair.recall),
            "f1": number(pair.f1), "n_documents": pair.n_documents,
            "n_spans_reference": pair.n_reference, "n_spans_other": pair.n_other,
            "per_code_f1": {code: number(f1) for code, f1 in pair.per_code_f1.items()}}


def report_json(report: ProjectReport, **context: Any) -> dict[str, Any]:
    """Every figure of the report; ``context`` (project path, layer, filters) goes first and
    the audit trail (definitions, version, filters, seed, replicates) last."""
    matrices: dict[str, dict[str, dict[str, Any]]] = {"exact": {}, "overlap": {}}
    for pair in report.pairs:
        matrices[pair.match].setdefault(pair.reference, {})[pair.other] = pair_json(pair)
    return {
        **context,
        "coders": list(report.coders), "idle_coders": list(report.idle_coders),
        "codes": list(report.codes),
        "documents": {"coded": report.n_documents, "coded_by_two_or_more": report.n_pairable,
                      "coded_by_all": report.n_complete},
        "bootstrap": {"replicates": report.n_boot, "seed": report.seed,
                      "family_documents_resampled": report.family_resampled},
        "thresholds": {"reliable": RELIABLE, "tentative": TENTATIVE},
        "rows": [row_json(row) for row in report.rows],
        "span_f1": matrices,
        "notes": list(report.notes),
        "audit": audit(report.n_boot, report.seed, report.family_resampled,
                       context.get("filters"), context.get("layer")),
    }


def flat_header() -> list[str]:
    """Columns of :func:`flat_rows`: every figure with its counts (for CSV and spreadsheets)."""
    header = ["scope", "name", "verdict"]
    for key in MEASURES:
        header += [key, f"{key}_verdict", f"{key}_n_documents", f"{key}_n_coders",
                   f"{key}_n_units", f"{key}_unit"]
    header += [f"{key}_coverage" for key in COVERED]
    return header + [f"{key}_{part}" for key in INTERVALS
                     for part in ("ci_low", "ci_high", "q_below_667", "q_below_800")]


def flat_rows(report: ProjectReport) -> list[list[object]]:
    """One list per report row, aligned with :func:`flat_header`; undefined values are ''."""
    rows = []
    for row in report.rows:
        primary = row.primary
        cells: list[object] = [row.scope, row.name, primary.verdict if primary else ""]
        for key in MEASURES:
            figure = row.figures.get(key)
            cells += ([_cell(figure.value), figure.verdict or "", figure.n_documents,
                       figure.n_coders, figure.n_units, figure.unit] if figure else [""] * 6)
        for key in COVERED:
            coverage = row.figures[key].coverage if key in row.figures else None
            cells.append("" if coverage is None else _cell(coverage))
        for key in INTERVALS:
            ci = row.figures[key].interval if key in row.figures else None
            cells += ([_cell(ci.low), _cell(ci.high), _cell(ci.q_below_667),
                       _cell(ci.q_below_800)] if ci else [""] * 4)
        rows.append(cells)
    return rows


def _cell(value: float) -> object:
    return "" if math.isnan(value) else round(float(value), 6)


def fmt(value: float | None, digits: int = 3) -> str:
    """A coefficient for people: three decimals, "undef" when undefined."""
    if value is None or math.isnan(value):
        return UNDEFINED
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text  # no "-0.00"


def presence_text(figure: Figure) -> str:
    """``0.812 [0.64, 0.93]``: alpha and its bootstrap interval."""
    if figure.interval is None:
        return fmt(figure.value)
    ci = figure.interval
    return f"{fmt(figure.value)} [{fmt(ci.low, 2)}, {fmt(ci.high, 2)}]"


def coverage_text(coverage: float | None) -> str:
    """``95.5%``; blank where the figure has no coverage, "undef" where it is undefined."""
    if coverage is None:
        return ""
    return UNDEFINED if math.isnan(coverage) else f"{100 * coverage:.1f}%"


def kappa_key(report: ProjectReport) -> str:
    """Cohen's kappa for two coders, Fleiss' kappa for more."""
    return "cohen_kappa" if len(report.coders) == 2 else "fleiss_kappa"


def table_header(report: ProjectReport) -> list[str]:
    return (["code", "docs", "coders", "units"]
            + [MEASURES.get(k, "(k) cov") for k in TABLE_MEASURES]
            + ["presence α [95% CI]", f"{MEASURES[kappa_key(report)]} tokens", "% agr",
               "verdict"])


def table_cells(report: ProjectReport, row: ReportRow) -> list[str]:
    """The text cells of one table row (blank where a figure does not apply to the row)."""
    primary = row.primary
    base = [primary.n_documents, primary.n_coders, primary.n_units] if primary else ["", "", ""]
    indent = "  " if row.scope == "code" and row.name in grouped_codes(report) else ""
    cells = [indent + row.label] + [str(v) for v in base]
    cells += [_table_cell(row, k) for k in TABLE_MEASURES]
    percent = row.figures["percent_agreement"].value
    cells += [presence_text(row.figures["presence_alpha"]),
              fmt(row.figures[kappa_key(report)].value),
              UNDEFINED if math.isnan(percent) else f"{100 * percent:.1f}",
              primary.verdict or "" if primary else ""]
    return cells


def _table_cell(row: ReportRow, key: str) -> str:
    if key == "coverage":
        figure = row.figures.get("k_u_alpha")
        return coverage_text(figure.coverage) if figure else ""
    return fmt(row.figures[key].value) if key in row.figures else ""


def grouped_codes(report: ProjectReport) -> set[str]:
    """Codes shown under a group row (indented in tables)."""
    return {code for r in report.rows if r.scope in ("kind", "parent") for code in r.codes}


def align(rows: list[list[str]], left: frozenset[int] = frozenset({0})) -> list[str]:
    """Columns padded to their widest cell, two spaces apart; the columns in ``left`` are
    left-aligned, the others (numbers) right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) if i in left else c.rjust(w)
                      for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
            for cells in rows]


def report_table(report: ProjectReport, title: str = "", *,
                 filters: dict[str, Any] | None = None, layer: str | None = None) -> str:
    """The whole report as text: header lines, the table, the uα family with its intervals,
    the span F1 matrices, a legend and the audit trail."""
    lines = [title] if title else []
    lines += [f"coders: {', '.join(report.coders) or 'none'}",
              f"documents: {report.n_documents} coded, {report.n_pairable} by two or more "
              f"coders, {report.n_complete} by all coders"]
    lines += [f"note: {note}" for note in report.notes]
    lines.append("")
    rows = [table_header(report)] + [table_cells(report, row) for row in report.rows]
    lines += align(rows, frozenset({0, len(rows[0]) - 1}))
    lines += ["", *family_table(report)]
    for match in ("exact", "overlap") if len(report.coders) >= 2 else ():
        lines += ["", f"span F1 ({match} match), row = reference, column = other coder"]
        lines += align(f1_matrix(report, match))
    lines += ["", *LEGEND, ""]
    trail = audit(report.n_boot, report.seed, report.family_resampled, filters, layer)
    lines += audit_lines(trail, {**MEASURES})
    return "\n".join(lines)


def family_table(report: ProjectReport) -> list[str]:
    """The uα family of every row, one figure per line, with interval, q and coverage."""
    if report.family_resampled:
        title = (f"uα family with 95% bootstrap intervals ({report.n_boot} replicates over "
                 f"{counted(report.family_resampled, 'document')}, seed {report.seed})")
    else:
        title = "uα family (no bootstrap interval: " + (
            "no replicates asked for)" if not report.n_boot
            else "fewer than two documents coded by two or more coders)")
    rows = [["code", "figure", "value", "95% CI", "q(<.667)", "q(<.800)", "coverage",
             "undefined replicates"]]
    for row in report.rows:
        label = row.label
        for key in FAMILY:
            figure = row.figures.get(key)
            if figure is None:
                continue
            undefined = figure.interval.n_undefined if figure.interval else 0
            rows.append([label, MEASURES[key], fmt(figure.value), *_interval_cells(figure),
                         coverage_text(figure.coverage), str(undefined) if undefined else ""])
            label = ""
    if not any(r[-1] for r in rows[1:]):  # the column only when some replicate was undefined
        rows = [r[:-1] for r in rows]
    return [title, *align(rows, frozenset({0, 1}))]


def _interval_cells(figure: Figure) -> list[str]:
    ci = figure.interval
    if ci is None:
        return ["–", "", ""]
    return [f"[{fmt(ci.low)}, {fmt(ci.high)}]", fmt(ci.q_below_667), fmt(ci.q_below_800)]


def f1_matrix(report: ProjectReport, match: str) -> list[list[str]]:
    """A coder x coder table of micro F1 (symmetric; P and R are in the JSON)."""
    coders = list(report.coders)
    rows = [[""] + coders]
    for a in coders:
        cells = [a]
        for b in coders:
            cells.append("—" if a == b else fmt(report.pair(a, b, match).f1))
        rows.append(cells)
    return rows


LEGEND = (
    "docs, coders, units: what the uα family rests on (documents coded by two or more "
    "coders, their spans); α_u, κ and % agr use the documents coded by all coders "
    "(see --json for every figure's own counts).",
    "(k)uα: the published coefficient (2016 eq. 13), how reliably k is told from the other "
    "codes where the coders' units intersect; (k) cov: the share of k's length lying in such "
    "intersections. |uα of k: k's units against everything else (identifying k).",
    f"verdict on |uα of k (uα overall): reliable ≥ {RELIABLE:.3f}, tentative ≥ "
    f"{TENTATIVE:.3f}, not reliable below; {UNDEFINED} = undefined (nothing to pair, or no "
    "variation), never 0.",
)
