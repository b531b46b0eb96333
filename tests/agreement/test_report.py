"""The project report against the engine's own functions and literal, character-by-character
recomputations of each measure's definition (docs/agreement.md, "The project report")."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import (
    Unit,
    bootstrap_alpha,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    span_f1_multi,
    u_alpha_family_multi,
    unitized_alpha_multi,
)
from annotator.agreement.report import ProjectReport, ReportCancelled, project_report, verdict
from annotator.agreement.report_input import AgreementInput, DocumentUnits, SpanRow
from annotator.text import word_spans

TEXTS = (
    "قال المتحدث باسم الجيش إن القوات سيطرت على الأحياء الشرقية من المدينة.",
    "وصف الناشطون القصف بأنه الأعنف منذ بداية الحصار، وطالبوا بممر آمن للمدنيين.",
    "لم تعلق الحكومة على التقارير.",
)
CODES = ["Claim/Factual", "Claim/Evaluative", "Actor/State"]
PARENTS = {code: code for code in CODES}


def word(doc: int, index: int) -> tuple[int, int]:
    return word_spans(TEXTS[doc])[index]


def span(coder: str, doc: int, first: int, last: int, code: str) -> tuple[int, SpanRow]:
    return doc, SpanRow(coder, word(doc, first)[0], word(doc, last)[1], code)


def make_input(spans: list[tuple[int, SpanRow]], coders: list[list[str]],
               codes: list[str] = CODES, all_coders: list[str] | None = None) -> AgreementInput:
    docs = [DocumentUnits(f"d{i}", f"doc {i}", text, [s for d, s in spans if d == i],
                          set(coders[i])) for i, text in enumerate(TEXTS)]
    names = all_coders or sorted({c for who in coders for c in who})
    parents = {code: "/".join(code.split("/")[:2]) for code in codes}
    return AgreementInput(docs, names, codes, parents)


TWO_CODERS = [
    span("A", 0, 0, 3, "Claim/Factual"), span("B", 0, 0, 3, "Claim/Factual"),
    span("A", 0, 5, 7, "Actor/State"), span("B", 0, 5, 6, "Actor/State"),
    span("A", 1, 0, 2, "Claim/Evaluative"), span("B", 1, 0, 2, "Claim/Factual"),
    span("A", 1, 8, 10, "Claim/Evaluative"), span("B", 1, 8, 10, "Claim/Evaluative"),
    span("B", 2, 0, 2, "Actor/State"),
]


@pytest.fixture(scope="module")
def two() -> tuple[AgreementInput, ProjectReport]:
    data = make_input(TWO_CODERS, [["A", "B"]] * 3)
    return data, project_report(data, n_boot=500, seed=7)


def units(data: AgreementInput, mapping: dict[str, str] | None = None) -> list[tuple]:
    mapping = mapping or {c: c for c in data.codes}
    return [([Unit(s.coder, s.start, s.end, mapping[s.code]) for s in d.spans], 0, d.length,
             sorted(d.coders)) for d in data.documents]


def kind_family(data: AgreementInput, code: str, coders: list[str]):  # noqa: ANN201
    """The family inside the code's kind: the values of one unitizing variable."""
    kind = code.split("/")[0]
    docs = [([u for u in us if u.category.split("/")[0] == kind], b, n, c)
            for us, b, n, c in units(data)]
    return u_alpha_family_multi(docs, coders=coders)


def test_unitizing_figures_are_the_engines(two) -> None:  # noqa: ANN001
    data, report = two
    alpha_u = unitized_alpha_multi([u[:3] for u in units(data)], coders=["A", "B"])
    family = u_alpha_family_multi(units(data), coders=["A", "B"])
    for code in CODES:
        figures = report.row(code).figures
        assert figures["alpha_u"].value == pytest.approx(alpha_u.per_category[code])
        inside = kind_family(data, code, ["A", "B"])
        assert figures["k_u_alpha"].value == pytest.approx(inside.per_code[code], nan_ok=True)
        assert figures["k_u_alpha"].coverage == pytest.approx(inside.coverage[code], nan_ok=True)
        assert figures["binary_per_code"].value == pytest.approx(family.binary_per_code[code])
        assert report.row(code).primary is figures["binary_per_code"]
    overall = report.row("overall").figures
    assert overall["cu_alpha"].coverage == pytest.approx(family.cu_coverage)
    assert overall["alpha_u"].value == pytest.approx(alpha_u.overall)
    for key in ("u_alpha", "binary_u_alpha", "cu_alpha"):
        assert overall[key].value == pytest.approx(getattr(family, key))
    assert overall["alpha_u"].n_units == 9 and overall["alpha_u"].unit == "spans"


def test_a_kind_row_collapses_its_codes(two) -> None:  # noqa: ANN001
    data, report = two
    kinds = {code: code.split("/")[0] for code in CODES}
    row = report.row("Claim", "kind")
    assert row.codes == ("Claim/Factual", "Claim/Evaluative")
    collapsed = u_alpha_family_multi(units(data, kinds), coders=["A", "B"])
    alpha_u = unitized_alpha_multi([u[:3] for u in units(data, kinds)], coders=["A", "B"])
    assert "k_u_alpha" not in row.figures  # a kind is a variable, not a value
    assert row.figures["binary_per_code"].value == pytest.approx(
        collapsed.binary_per_code["Claim"])
    assert row.figures["alpha_u"].value == pytest.approx(alpha_u.per_category["Claim"])
    inside = {"Claim/Factual": "Claim/Factual", "Claim/Evaluative": "Claim/Evaluative"}
    claims = [([u for u in us if u.category in inside], b, n, c) for us, b, n, c in units(data)]
    assert row.figures["cu_alpha"].value == pytest.approx(
        u_alpha_family_multi(claims, coders=["A", "B"]).cu_alpha)
    assert [r.label for r in report.rows] == [
        "Claim (all)", "Claim/Factual", "Claim/Evaluative", "Actor/State", "overall"]


def test_parent_rows_collapse_sub_codes_and_come_before_them() -> None:
    codes = ["Claim/Factual", "Claim/Factual/Statistic", "Claim/Factual/Quote", "Actor/State"]
    spans = [span("A", 0, 0, 3, "Claim/Factual/Statistic"),
             span("B", 0, 0, 3, "Claim/Factual/Quote"),
             span("A", 1, 0, 2, "Actor/State"), span("B", 1, 0, 2, "Actor/State")]
    report = project_report(make_input(spans, [["A", "B"]] * 3, codes), n_boot=0)
    assert [(r.scope, r.name) for r in report.rows] == [
        ("parent", "Claim/Factual"), ("code", "Claim/Factual"), ("code", "Claim/Factual/Statistic"),
        ("code", "Claim/Factual/Quote"), ("code", "Actor/State"), ("overall", "overall")]
    parent = report.row("Claim/Factual", "parent").figures
    assert parent["binary_per_code"].value == pytest.approx(1.0)  # same words, other sub-codes
    # (k)uα of the parent among its kind's top-level codes: it is the only one, so undefined
    assert math.isnan(parent["k_u_alpha"].value) and parent["k_u_alpha"].coverage == 1.0
    assert parent["cu_alpha"].value < 0.5
    assert report.row("Claim/Factual/Statistic").figures["k_u_alpha"].value < 0.5


def characters(data: AgreementInput, code: str | None) -> list[list[object]]:
    """Literal character x coder data: 1/0 for one code, the covering code set for None."""
    rows: dict[str, list[object]] = {c: [] for c in data.coders}
    for doc in data.documents:
        if len(doc.coders) < 2:
            continue
        for pos in range(doc.length):
            for coder in data.coders:
                cover = sorted({s.code for s in doc.spans if s.coder == coder
                                and s.start <= pos < s.end})
                value = "|".join(cover) if code is None else int(code in cover)
                rows[coder].append(value if coder in doc.coders else None)
    return list(rows.values())


def presence(data: AgreementInput, code: str) -> list[list[float | None]]:
    return [[float(any(s.coder == c and s.code == code for s in d.spans))
             if c in d.coders else None for d in data.documents] for c in data.coders]


def token_labels(data: AgreementInput, code: str | None) -> list[list[object]]:
    """Per coder, each token's value in the documents every coder (with documents) coded."""
    active = [c for c in data.coders if any(c in d.coders for d in data.documents)]
    rows: dict[str, list[object]] = {c: [] for c in active}
    for doc in data.documents:
        if set(active) - doc.coders:
            continue
        for start, end in word_spans(doc.text):
            for coder in active:
                covered = {(s.code, pos) for s in doc.spans if s.coder == coder
                           for pos in range(max(start, s.start), min(end, s.end))}
                cover = Counter(c for c, _ in covered)  # characters, not spans
                held = [c for c in data.codes if 2 * cover[c] > end - start]
                if code is not None:
                    rows[coder].append(int(code in held))
                else:
                    rows[coder].append(max(held, key=lambda c: cover[c]) if held else "none")
    return list(rows.values())


def fleiss(labels: list[list[object]]) -> float:
    values = sorted({v for row in labels for v in row}, key=str)
    table = [[column.count(v) for v in values] for column in map(list, zip(*labels))]
    return fleiss_kappa(table)


def test_character_presence_and_token_figures_follow_their_definitions(two) -> None:  # noqa: ANN001
    data, report = two
    for code in CODES:
        figures = report.row(code).figures
        assert figures["char_alpha"].value == pytest.approx(
            krippendorff_alpha(characters(data, code)))
        boot = bootstrap_alpha(presence(data, code), "nominal", 500, 7)
        assert figures["presence_alpha"].value == pytest.approx(boot.alpha, nan_ok=True)
        labels = token_labels(data, code)
        assert figures["cohen_kappa"].value == pytest.approx(cohen_kappa(*labels))
        assert figures["fleiss_kappa"].value == pytest.approx(fleiss(labels))
    overall = report.row("overall").figures
    assert overall["char_alpha"].value == pytest.approx(krippendorff_alpha(characters(data, None)))
    labels = token_labels(data, None)
    assert overall["cohen_kappa"].value == pytest.approx(cohen_kappa(*labels))
    agree = sum(a == b for a, b in zip(*labels)) / len(labels[0])
    assert overall["percent_agreement"].value == pytest.approx(agree)
    assert overall["cohen_kappa"].n_units == sum(len(word_spans(t)) for t in TEXTS)


def test_presence_alpha_has_the_bootstrap_interval(two) -> None:  # noqa: ANN001
    data, report = two
    pooled = [sum((row for row in zip(*[presence(data, code)[i] for code in CODES])), ())
              for i in range(2)]
    figure = report.row("overall").figures["presence_alpha"]
    boot = bootstrap_alpha([list(p) for p in pooled], "nominal", 500, 7)
    assert figure.value == pytest.approx(boot.alpha)
    assert (figure.interval.low, figure.interval.high) == pytest.approx((boot.ci_low, boot.ci_high))
    assert figure.interval.q_below_800 == pytest.approx(boot.q_below_800)
    assert figure.n_units == 9 and figure.unit == "document × code pairs"


def test_span_f1_matrix_covers_every_ordered_pair(two) -> None:  # noqa: ANN001
    data, report = two
    docs = [([Unit(s.coder, s.start, s.end, s.code) for s in d.spans if s.coder == "A"],
             [Unit(s.coder, s.start, s.end, s.code) for s in d.spans if s.coder == "B"])
            for d in data.documents]
    for match in ("exact", "overlap"):
        expected = span_f1_multi(docs, match=match)
        ab, ba = report.pair("A", "B", match), report.pair("B", "A", match)
        assert ab.f1 == pytest.approx(expected.micro.f1) == pytest.approx(ba.f1)
        assert (ab.precision, ab.recall) == pytest.approx((ba.recall, ba.precision))
        assert (ab.n_reference, ab.n_other, ab.n_documents) == (4, 5, 3)
    assert report.pair("A", "B", "exact").f1 == pytest.approx(2 * 2 / 9)


THREE_CODERS = TWO_CODERS + [
    span("C", 0, 0, 3, "Claim/Factual"), span("C", 0, 5, 7, "Actor/State"),
    span("C", 1, 0, 1, "Claim/Evaluative"),
]


def test_missing_coders_count_where_each_measure_allows_it() -> None:
    # C coded documents 0 and 1 only; "Lead" coded nothing and is left out.
    data = make_input(THREE_CODERS, [["A", "B", "C"], ["A", "B", "C"], ["A", "B"]],
                      all_coders=["A", "B", "C", "Lead"])
    report = project_report(data, n_boot=0)
    assert report.coders == ("A", "B", "C") and report.idle_coders == ("Lead",)
    assert (report.n_documents, report.n_pairable, report.n_complete) == (3, 3, 2)
    complete = [u[:3] for u, d in zip(units(data), data.documents) if len(d.coders) == 3]
    expected = unitized_alpha_multi(complete, coders=["A", "B", "C"])
    figures = report.row("Actor/State").figures
    assert figures["alpha_u"].value == pytest.approx(expected.per_category["Actor/State"])
    assert figures["alpha_u"].n_documents == 2 and figures["k_u_alpha"].n_documents == 3
    family = u_alpha_family_multi(units(data), coders=["A", "B", "C"])
    inside = kind_family(data, "Actor/State", ["A", "B", "C"])
    assert figures["k_u_alpha"].value == pytest.approx(inside.per_code["Actor/State"],
                                                       nan_ok=True)
    assert figures["binary_per_code"].value == pytest.approx(family.binary_per_code["Actor/State"])
    assert figures["char_alpha"].value == pytest.approx(
        krippendorff_alpha(characters(data, "Actor/State")))
    assert figures["fleiss_kappa"].value == pytest.approx(fleiss(token_labels(data, "Actor/State")))
    assert "cohen_kappa" not in figures  # three coders: Fleiss only
    pairs = [(a, b) for a, b in combinations("ABC", 2)]
    labels = dict(zip("ABC", token_labels(data, None)))
    mean_pairwise = sum(sum(x == y for x, y in zip(labels[a], labels[b])) / len(labels[a])
                        for a, b in pairs) / 3
    assert report.row("overall").figures["percent_agreement"].value == pytest.approx(mean_pairwise)
    assert report.pair("A", "C", "exact").n_documents == 2
    assert any("2 of 3 documents" in note for note in report.notes)


def test_undefined_figures_are_nan_and_judged_undefined() -> None:
    spans = [span("A", 0, 0, 3, "Claim/Factual"), span("B", 0, 0, 3, "Claim/Factual")]
    report = project_report(make_input(spans, [["A", "B"]] * 3), n_boot=0)
    unused = report.row("Actor/State").figures
    for key in ("alpha_u", "k_u_alpha", "char_alpha", "presence_alpha", "cohen_kappa",
                "fleiss_kappa"):
        assert math.isnan(unused[key].value), key
        assert unused[key].verdict == "undefined"
    factual = report.row("Claim/Factual").figures
    assert factual["binary_per_code"].value == pytest.approx(1.0)
    # (k)uα: the only value where units meet; nothing to tell it from, so undefined, not 1
    assert math.isnan(factual["k_u_alpha"].value) and factual["k_u_alpha"].coverage == 1.0
    assert factual["presence_alpha"].value == pytest.approx(1.0)  # both used it in doc 0 only
    assert factual["presence_alpha"].interval is None  # n_boot=0: no interval
    assert factual["percent_agreement"].verdict is None


def test_one_coder_gives_undefined_everything_not_an_error() -> None:
    spans = [span("A", 0, 0, 3, "Claim/Factual")]
    report = project_report(make_input(spans, [["A"]] * 3), n_boot=100)
    assert report.coders == ("A",) and report.pairs == []
    assert all(math.isnan(f.value) for row in report.rows for f in row.figures.values()
               if f.measure != "percent_agreement")
    assert any("fewer than two coders" in note for note in report.notes)


@pytest.mark.parametrize(("value", "expected"), [
    (0.8, "reliable"), (0.79999, "tentative"), (0.667, "tentative"), (0.66699, "not reliable"),
    (-0.2, "not reliable"), (1.0, "reliable"), (math.nan, "undefined")])
def test_verdict_thresholds(value: float, expected: str) -> None:
    assert verdict(value) == expected


def test_progress_runs_to_one_and_can_cancel(two) -> None:  # noqa: ANN001
    data, _ = two
    seen: list[float] = []
    project_report(data, n_boot=10, progress=lambda f, stage: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 5
    assert seen[-2] > 0.9  # the stages are counted right: no jump at the end

    def stop(fraction: float, stage: str) -> None:
        if stage.startswith("presence"):
            raise ReportCancelled

    with pytest.raises(ReportCancelled):
        project_report(data, progress=stop)


def test_spans_outside_the_text_are_refused() -> None:
    data = make_input([(2, SpanRow("A", 0, 999, "Claim/Factual"))], [["A", "B"]] * 3)
    with pytest.raises(ValueError, match="outside its text"):
        project_report(data)


spans_strategy = st.lists(
    st.tuples(st.sampled_from("ABC"), st.integers(0, 2), st.integers(0, 8), st.integers(1, 4),
              st.sampled_from(CODES)), max_size=14)


@settings(max_examples=40, deadline=None)
@given(spans_strategy, st.sampled_from([["A", "B", "C"], ["A", "B"], ["B", "C"]]))
def test_random_studies_match_the_literal_definitions(raw, third) -> None:  # noqa: ANN001
    spans = []
    for coder, doc, first, size, code in raw:
        n_words = len(word_spans(TEXTS[doc]))
        if coder in third or doc < 2:
            spans.append(span(coder, doc, min(first, n_words - 1),
                              min(first + size, n_words - 1), code))
    data = make_input(spans, [["A", "B", "C"], ["A", "B", "C"], third])
    report = project_report(data, n_boot=0)
    for code in CODES:
        figures = report.row(code).figures
        assert figures["char_alpha"].value == pytest.approx(
            krippendorff_alpha(characters(data, code)), nan_ok=True)
        assert figures["presence_alpha"].value == pytest.approx(
            krippendorff_alpha(presence(data, code)), nan_ok=True)
        assert figures["fleiss_kappa"].value == pytest.approx(
            fleiss(token_labels(data, code)), nan_ok=True)
    overall = report.row("overall").figures
    assert overall["char_alpha"].value == pytest.approx(
        krippendorff_alpha(characters(data, None)), nan_ok=True)
    assert overall["fleiss_kappa"].value == pytest.approx(
        fleiss(token_labels(data, None)), nan_ok=True)


def test_a_figure_over_one_unit_has_too_few_units() -> None:
    from annotator.agreement.report import Figure

    one = Figure("alpha_u", -0.5, 1, 2, 1, "spans")
    assert one.verdict == "too few units"
    assert Figure("alpha_u", -0.5, 1, 2, 2, "spans").verdict == "not reliable"
    assert Figure("alpha_u", math.nan, 1, 2, 1, "spans").verdict == "undefined"
    assert Figure("percent_agreement", 0.5, 1, 2, 1, "tokens").verdict is None


def test_counted_nouns_agree_with_their_number() -> None:
    from annotator.wording import counted

    assert counted(1, "document") == "1 document"
    assert counted(2, "document") == "2 documents"
    assert counted(0, "coder") == "0 coders"
    assert counted(12000, "character", grouped=True) == "12,000 characters"
