"""The report as JSON, flat CSV rows and the aligned table: undefined is null / '' / 'undef'."""

from __future__ import annotations

import json
import math

import pytest
from test_report import TWO_CODERS, make_input

from annotator.agreement.report import MEASURES, project_report
from annotator.agreement.report_format import (
    align,
    flat_header,
    flat_rows,
    report_json,
    report_table,
)


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    return project_report(make_input(TWO_CODERS, [["A", "B"]] * 3), n_boot=200, seed=3)


def test_json_has_every_figure_and_no_nan(report) -> None:  # noqa: ANN001
    document = report_json(report, project="p.fannot", layer="coding")
    text = json.dumps(document, allow_nan=False)  # NaN would raise here
    parsed = json.loads(text)
    assert parsed["project"] == "p.fannot" and parsed["coders"] == ["A", "B"]
    rows = {(r["scope"], r["name"]): r for r in parsed["rows"]}
    factual = rows["code", "Claim/Factual"]["figures"]
    assert set(factual) == set(MEASURES) - {"u_alpha", "binary_u_alpha", "cu_alpha"}
    assert set(rows["overall", "overall"]["figures"]) == set(MEASURES) - {"k_u_alpha",
                                                                           "binary_per_code"}
    value = report.row("Claim/Factual").figures["k_u_alpha"].value
    assert factual["k_u_alpha"]["value"] == pytest.approx(value)
    assert factual["k_u_alpha"]["n_units"] == 3 and factual["k_u_alpha"]["n_documents"] == 3
    presence = rows["overall", "overall"]["figures"]["presence_alpha"]
    assert presence["ci"]["replicates"] == 200 and presence["ci"]["low"] <= presence["value"]
    assert parsed["span_f1"]["exact"]["A"]["B"]["f1"] == pytest.approx(
        report.pair("A", "B", "exact").f1)
    sparse = report_json(project_report(make_input(TWO_CODERS[:2], [["A", "B"]] * 3), n_boot=0))
    undefined = [f for r in json.loads(json.dumps(sparse, allow_nan=False))["rows"]
                 for f in r["figures"].values() if f["value"] is None]
    assert len(undefined) > 10 and all(f["verdict"] == "undefined" for f in undefined)


def test_flat_rows_line_up_with_the_header(report) -> None:  # noqa: ANN001
    header, rows = flat_header(), flat_rows(report)
    assert len(rows) == len(report.rows) and all(len(r) == len(header) for r in rows)
    overall = dict(zip(header, rows[-1]))
    figure = report.row("overall").figures["alpha_u"]
    assert overall["alpha_u"] == pytest.approx(figure.value, abs=1e-6)
    assert overall["alpha_u_n_units"] == figure.n_units
    assert overall["k_u_alpha"] == ""  # does not apply to the overall row
    assert not [c for r in rows for c in r if isinstance(c, float) and math.isnan(c)]
    sparse = project_report(make_input(TWO_CODERS[:2], [["A", "B"]] * 3), n_boot=0)
    state = dict(zip(header, flat_rows(sparse)[[r.name for r in sparse.rows].index("Actor/State")]))
    assert state["k_u_alpha"] == "" and state["k_u_alpha_verdict"] == "undefined"
    assert state["k_u_alpha_n_documents"] == 3


def test_table_is_aligned_and_says_undef_never_nan() -> None:
    data = make_input(TWO_CODERS[:2], [["A", "B"]] * 3)
    text = report_table(project_report(data, n_boot=0), "Agreement in p.fannot")
    assert "nan" not in text.lower().replace("undefined", "")
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("code "))
    table = lines[header:lines.index("", header)]
    assert len({len(line.rstrip()) for line in table[1:]} | {0}) >= 2  # rows exist
    state = next(line for line in table if line.startswith("Actor/State"))
    assert "undef" in state and "undefined" in state
    assert table[0].index("α_u") > 0 and "Cohen κ tokens" in table[0]
    assert "span F1 (exact match)" in text and "never 0" in text


def test_align_pads_columns() -> None:
    lines = align([["a", "1", "x"], ["long", "22", "yy"]], frozenset({0, 2}))
    assert lines == ["a      1  x", "long  22  yy"]


def test_a_tiny_negative_is_not_shown_as_minus_zero() -> None:
    from annotator.agreement.report_format import fmt

    assert fmt(-0.0004, 2) == "0.00" and fmt(-0.004, 2) == "0.00"
    assert fmt(-0.3, 2) == "-0.30" and fmt(-0.001) == "-0.001"


def test_the_family_table_lists_intervals_and_undefined_replicates(report) -> None:  # noqa: ANN001
    text = report_table(report)
    lines = text.splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("uα family with 95%"))
    assert "(200 replicates over 3 documents, seed 3)" in lines[title]
    assert "undefined replicates" in lines[title + 1]  # 3 documents: some draws lack a value
    cu = report.row("overall").figures["cu_alpha"]
    assert cu.interval is not None and cu.interval.n_undefined >= 0
    overall = lines[lines.index(next(line for line in lines[title:] if line.startswith("overall")))]
    assert overall.split()[1:3] == ["uα", f"{report.row('overall').figures['u_alpha'].value:.3f}"]
