"""The Agreement window on the demo project coded by two coders: the worker's report reaches
the table unchanged, colour flags and the chart follow the thresholds, filters, Cancel, export.
Saves tests/artifacts/agreement.png for a human look."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt

from annotator.agreement.report import ProjectReport, project_report
from annotator.agreement.report import PRIMARY
from annotator.agreement.report_format import coverage_text, fmt, presence_text
from annotator.db import open_project
from annotator.db.services.agreement_data import agreement_input
from annotator.ui.agreement import open_agreement_window
from annotator.ui.agreement.filters import PATH_ROLE
from annotator.ui.agreement.style import STYLES
from annotator.ui.agreement.table_model import VERDICT_ROLE, AgreementTableModel
from annotator.ui.agreement.window import AgreementWindow
from annotator.ui.models import SORT_ROLE

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

# (coder, document, first word, last word, code), word-aligned like the annotator's snapping
SPANS = [
    ("Layla", "aleppo-2016-12", 0, 6, "Claim/Factual"),
    ("Omar", "aleppo-2016-12", 0, 6, "Claim/Factual"),
    ("Layla", "aleppo-2016-12", 30, 40, "Claim/Factual"),
    ("Omar", "aleppo-2016-12", 31, 40, "Claim/Factual"),
    ("Layla", "aleppo-2016-12", 60, 70, "Claim/Evaluative"),
    ("Omar", "aleppo-2016-12", 60, 66, "Claim/Evaluative"),
    ("Omar", "aleppo-2016-12", 90, 95, "Claim/Evaluative"),
    ("Layla", "aleppo-2016-12", 10, 12, "Actor/State"),
    ("Omar", "aleppo-2016-12", 10, 12, "Actor/State"),
    ("Layla", "aleppo-2016-12", 120, 122, "Actor/Non-state armed"),
    ("Omar", "aleppo-2016-12", 120, 122, "Actor/Civilian"),
    ("Layla", "opposition-view-2016-12", 0, 8, "Claim/Factual"),
    ("Omar", "opposition-view-2016-12", 0, 8, "Claim/Factual"),
    ("Layla", "opposition-view-2016-12", 20, 30, "Framing device/Metaphor"),
    ("Omar", "opposition-view-2016-12", 22, 30, "Framing device/Metaphor"),
    ("Layla", "social-post-2016-12", 2, 6, "Framing device/Label"),
    ("Omar", "social-post-2016-12", 2, 6, "Framing device/Label"),
    ("Omar", "social-post-2016-12", 10, 14, "Framing device/Label"),
    ("Layla", "social-post-2016-12", 16, 20, "Actor/Civilian"),
    ("Omar", "social-post-2016-12", 16, 20, "Actor/Civilian"),
]


@pytest.fixture
def coded(demo_path: Path, annotate_words) -> Path:  # noqa: ANN001
    """The demo project (tests/ui/conftest.py) with SPANS by its two coders."""
    annotate_words(demo_path, SPANS)
    return demo_path


def expected_report(path: Path, **filters: object) -> ProjectReport:
    store = open_project(path)
    with store.reader() as session:
        data = agreement_input(session, **filters)
    store.close()
    return project_report(data, n_boot=1000, seed=0)


@pytest.fixture
def window(qtbot, coded: Path) -> Iterator[AgreementWindow]:  # noqa: ANN001
    opened = open_agreement_window(coded)
    qtbot.addWidget(opened)
    qtbot.waitUntil(lambda: opened.report is not None and not opened.busy, timeout=60_000)
    yield opened
    opened.close()


def cell(window: AgreementWindow, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
         ) -> object:
    proxy = window.table.model()
    return proxy.data(proxy.index(row, column), role)


def column_of(window: AgreementWindow, key: str) -> int:
    return next(c for c in range(window.model.columnCount()) if window.model.column_key(c) == key)


def test_the_table_shows_the_report_the_engine_computes(window: AgreementWindow,
                                                         coded: Path) -> None:
    expected = expected_report(coded)
    assert window.objectName() == "agreementWindow" and window.isWindow()
    assert window.report.coders == expected.coders == ("Layla", "Omar")
    assert window.table.objectName() == "agreementTable"
    assert window.table.model().rowCount() == len(expected.rows)
    for row, report_row in enumerate(expected.rows):
        assert cell(window, row, 0).strip() == report_row.label
        for key in ("alpha_u", "u_alpha", "k_u_alpha", "binary_per_code", "char_alpha",
                    "cohen_kappa"):
            figure = report_row.figures.get(key)
            assert cell(window, row, column_of(window, key)) == (presence_text(figure)
                                                                 if figure else "")
        k_figure = report_row.figures.get("k_u_alpha")
        assert cell(window, row, column_of(window, "k_coverage")) == (
            coverage_text(k_figure.coverage) if k_figure else "")
        shown = cell(window, row, column_of(window, "presence_alpha"))
        assert shown == presence_text(report_row.figures["presence_alpha"])
        units = cell(window, row, column_of(window, "n_units"))
        assert units == str(report_row.primary.n_units)


def test_colour_flags_follow_the_thresholds(window: AgreementWindow) -> None:
    column = column_of(window, PRIMARY)
    seen = set()
    for row in range(window.table.model().rowCount()):
        verdict = cell(window, row, column, VERDICT_ROLE)
        if verdict is None:
            continue
        seen.add(verdict)
        figure = window.model.row_at(row).figures[PRIMARY]
        value = figure.value
        expected = ("undefined" if value != value else "too few units" if figure.n_units < 2
                    else "reliable" if value >= 0.8
                    else "tentative" if value >= 0.667 else "not reliable")
        assert verdict == expected
        assert cell(window, row, column, Qt.ItemDataRole.BackgroundRole) == \
            STYLES[verdict].background
        assert cell(window, row, column, Qt.ItemDataRole.ForegroundRole) == \
            STYLES[verdict].foreground
        verdict_cell = cell(window, row, column_of(window, "verdict"))
        assert verdict_cell.endswith(verdict) and verdict_cell[0] == STYLES[verdict].mark
    assert {"reliable", "undefined"} <= seen and len(seen) >= 3


def test_the_chart_has_a_bar_per_defined_code_and_both_thresholds(window: AgreementWindow) -> None:
    chart = window.chart
    assert chart.objectName() == "agreementChart"
    codes = [r for r in window.report.rows if r.scope == "code"]
    defined = [r for r in codes if r.figures[PRIMARY].defined]
    assert chart.values == pytest.approx([r.figures[PRIMARY].value for r in defined])
    assert [label.split("  ")[0] for label in chart.labels] == [r.name for r in defined]
    lines = [s for s in chart.chart().series() if isinstance(s, QLineSeries)]
    assert sorted(line.at(0).x() for line in lines) == pytest.approx([0.667, 0.8])
    assert f"{len(codes) - len(defined)} codes undefined" in chart.chart().title()


def test_the_family_shows_intervals_coverage_and_definitions(window: AgreementWindow) -> None:
    """Three documents coded by both coders: the uα family is resampled by document."""
    report = window.report
    assert report.family_resampled == 3
    overall = len(report.rows) - 1
    assert report.rows[overall].scope == "overall"
    u_alpha = report.rows[overall].figures["u_alpha"]
    assert u_alpha.interval is not None and u_alpha.interval.n_boot == 1000
    shown = cell(window, overall, column_of(window, "u_alpha"))
    assert shown.startswith(fmt(u_alpha.value)) and "[" in shown
    factual = next(r for r, row in enumerate(report.rows) if row.name == "Claim/Factual")
    tip = cell(window, factual, column_of(window, "k_u_alpha"), Qt.ItemDataRole.ToolTipRole)
    assert "coverage" in tip and "eq. 13b" in tip and "CI [" in tip
    assert "resampling 3 documents" in window.summary.text()


def test_the_screenshot_is_saved(window: AgreementWindow, qtbot) -> None:  # noqa: ANN001
    ARTIFACTS.mkdir(exist_ok=True)
    window.resize(1440, 900)
    qtbot.wait(50)
    target = ARTIFACTS / "agreement.png"
    assert window.grab().save(str(target))
    assert target.stat().st_size > 20_000


def test_sorting_puts_undefined_last_and_code_restores_codebook_order(
        window: AgreementWindow) -> None:
    column = column_of(window, "k_u_alpha")
    window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    values = [cell(window, r, column, SORT_ROLE) for r in range(window.table.model().rowCount())]
    assert values == sorted(values, reverse=True) and values[-1] == float("-inf")
    assert values[0] == max(r.figures["k_u_alpha"].value for r in window.report.rows
                            if "k_u_alpha" in r.figures and r.figures["k_u_alpha"].defined)
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [cell(window, r, 0).strip() for r in range(window.table.model().rowCount())] == \
        [row.label for row in window.report.rows]


def test_filters_recompute_in_the_worker(  # noqa: ANN001
        window: AgreementWindow, qtbot, coded: Path) -> None:
    claims = {"Claim/Factual", "Claim/Evaluative"}
    document = window.filters.documents.item(0).data(PATH_ROLE)
    window.filters.set_checked(window.filters.codes, claims)
    window.filters.set_checked(window.filters.documents, {document})
    window.filters.compute.click()
    assert window.busy
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    expected = expected_report(coded, codes=sorted(claims), documents=[document])
    assert window.report.codes == expected.codes == ("Claim/Factual", "Claim/Evaluative")
    assert window.report.n_documents == 1
    column = column_of(window, "k_u_alpha")
    assert [cell(window, r, column) for r in range(window.table.model().rowCount())] == \
        [presence_text(row.figures["k_u_alpha"]) if "k_u_alpha" in row.figures else ""
         for row in expected.rows]


def test_nothing_checked_is_refused_without_a_worker(window: AgreementWindow) -> None:
    window.filters.set_checked(window.filters.coders, set())
    window.compute()
    assert not window.busy and "choose at least one coder" in window.summary.text()


def test_cancel_stops_and_keeps_the_last_report(  # noqa: ANN001
        window: AgreementWindow, qtbot) -> None:
    before = window.report
    window.compute()
    assert window.busy and not window.filters.compute.isEnabled()
    window.cancel_button.click()
    assert not window.busy and window.stage.text() == "cancelled"
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    assert window.report is before


def test_progress_is_reported_while_computing(qtbot, coded: Path) -> None:  # noqa: ANN001
    window = AgreementWindow(coded)
    qtbot.addWidget(window)
    seen: list[float] = []
    original = window._progress
    window._progress = (  # type: ignore[method-assign]
        lambda value: (seen.append(value[0]), original(value)))
    window.compute()
    qtbot.waitUntil(lambda: window.report is not None, timeout=60_000)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 5
    assert not window.progress.isVisible()


def test_a_failure_is_shown_not_raised(qtbot, coded: Path) -> None:  # noqa: ANN001
    window = AgreementWindow(coded)
    qtbot.addWidget(window)
    coded.rename(coded.with_name("moved.fannot"))
    window.compute()
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert "Cannot compute" in window.summary.text() and "no such project file" in \
        window.summary.text()


def test_export_writes_every_figure(window: AgreementWindow, tmp_path: Path) -> None:
    window.export_csv(tmp_path / "agreement.csv")
    window.export_json(tmp_path / "agreement.json")
    with (tmp_path / "agreement.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == [r.name for r in window.report.rows]
    overall = window.report.row("overall").figures["u_alpha"]
    assert float(rows[-1]["u_alpha"]) == pytest.approx(overall.value, abs=1e-6)
    document = json.loads((tmp_path / "agreement.json").read_text(encoding="utf-8"))
    assert document["layer"] == "coding" and document["coders"] == ["Layla", "Omar"]
    assert len(document["rows"]) == len(window.report.rows)
    audit = document["audit"]  # the export names every definition, the seed and the filters
    assert audit["bootstrap"]["seed"] == 0 and audit["bootstrap"]["replicates"] == 1000
    assert audit["layer"] == "coding" and "codes" in audit["filters"]
    assert "eq. 13b" in audit["definitions"]["k_u_alpha"]


def test_the_table_model_passes_the_model_tester(  # noqa: ANN001
        qtmodeltester, coded: Path) -> None:
    model = AgreementTableModel()
    qtmodeltester.check(model)
    model.set_report(expected_report(coded))
    qtmodeltester.check(model)


def test_the_chart_can_show_the_other_figures(window: AgreementWindow) -> None:
    window.measure.setCurrentIndex(window.measure.findData("kappa"))
    defined = [r.figures["cohen_kappa"].value for r in window.report.rows
               if r.scope == "code" and r.figures["cohen_kappa"].defined]
    assert window.chart.values == pytest.approx(defined)
    assert window.chart.chart().title().startswith("Cohen κ per code")
    window.measure.setCurrentIndex(window.measure.findData("presence_alpha"))
    assert window.chart.chart().title().startswith("presence α per code")


def test_the_window_in_arabic_is_mirrored_and_translated(qtbot, coded: Path) -> None:  # noqa: ANN001
    """Saves tests/artifacts/agreement-ar.png: every label, header and verdict in Arabic."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui import i18n

    assert i18n.install_language("ar")
    try:
        window = open_agreement_window(coded)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.report is not None, timeout=60_000)
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        headers = [window.model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(window.model.columnCount())]
        assert headers[0] == "الرمز" and "الحكم" in headers
        assert window.filters.compute.text() == "احسب"
        assert "مرمِّز" in window.summary.text() and "فترات ثقة" in window.summary.text()
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(300)  # the chart lays out its labels after the first paint
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(ARTIFACTS / "agreement-ar.png"))
        window.close()
    finally:
        i18n.install_language("en", QApplication.instance())
