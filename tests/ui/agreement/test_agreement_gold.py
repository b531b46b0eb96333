"""Each coder against gold in the Agreement window: the lead accepts Layla's version of every
cluster of the coded demo, the window computes with "Each coder against gold" ticked, and the
Against gold tab shows what the engine (as ``annotator agreement --against-gold``) computes.
Saves tests/artifacts/agreement_gold.png for a human look."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.adjudication import key_of
from annotator.agreement.against_gold import against_gold, gold_name
from annotator.agreement.report_format import fmt
from annotator.db import open_project
from annotator.db.services.adjudication import accept
from annotator.db.services.agreement_data import add_gold, agreement_input
from annotator.db.services.demo import build_demo_project
from annotator.db.services.review import review_input
from annotator.domain import Layer
from annotator.review import review_document
from annotator.ui.agreement import open_agreement_window
from annotator.ui.agreement.worker import Filters, compute
from annotator.ui.workers import TaskState

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
REPLICATES = 200


@pytest.fixture(scope="module")
def adjudicated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The coded demo with Layla's version of every cluster she marked accepted into gold."""
    path = tmp_path_factory.mktemp("agreement_gold") / "coded.fannot"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    try:
        with store.transaction() as session:
            for document in review_input(session):
                for cluster in review_document(document):
                    spans = sorted(cluster.by_coder("Layla"), key=lambda s: (s.start, -s.end))
                    if spans:
                        accept(session, lead="Lead", document=cluster.document,
                               cluster=key_of(cluster), source=spans[0].key)
    finally:
        store.close()
    return path


def engine_rows(path: Path) -> list:  # noqa: ANN401 - GoldFigures rows
    store = open_project(path)
    try:
        with store.reader() as session:
            data = agreement_input(session)
            name = gold_name(data.coders)
            data = add_gold(session, data, name)
    finally:
        store.close()
    return against_gold(data, name, n_boot=REPLICATES, seed=0)


def test_the_worker_leaves_the_main_report_alone(adjudicated: Path) -> None:
    plain = compute(adjudicated, Filters(n_boot=0), TaskState(), lambda _v: None)
    both = compute(adjudicated, Filters(n_boot=0, against_gold=True), TaskState(),
                   lambda _v: None)
    assert plain is not None and plain.gold is None
    assert both is not None and both.gold is not None and both.gold.gold == "gold"
    assert both.report.coders == plain.report.coders  # gold is not one more coder there
    assert [r.coder for r in both.gold.rows] == ["Layla", "Omar"]
    gold_layer = compute(adjudicated, Filters(n_boot=0, against_gold=True, layer=Layer.GOLD),
                         TaskState(), lambda _v: None)
    assert gold_layer is not None and gold_layer.gold is None  # coding layer only


def test_the_worker_stops_inside_the_gold_stage(adjudicated: Path) -> None:
    state, stages = TaskState(), []

    def report(value: tuple[float, str]) -> None:
        stages.append(value[1])
        if value[1].startswith("each coder against gold: "):
            state.cancel()  # the user pressed Cancel as the first coder started

    assert compute(adjudicated, Filters(n_boot=REPLICATES, against_gold=True), state,
                   report) is None
    assert stages[-1] == "each coder against gold: Layla"  # Omar's report never started
    assert stages.count("each coder against gold: Layla") == 1


def test_cancel_during_the_gold_stage(qtbot, adjudicated: Path) -> None:  # noqa: ANN001
    window = open_agreement_window(adjudicated)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.report is not None and not window.busy, timeout=60_000)
    before = window.report
    seen: list[str] = []
    original = window._progress

    def progress(value: tuple[float, str]) -> None:
        original(value)
        seen.append(value[1])
        if value[1].startswith("each coder against gold") and window.busy:
            window.cancel_button.click()

    window._progress = progress  # type: ignore[method-assign]
    window.filters.replicates.setValue(REPLICATES)
    window.filters.against_gold.setChecked(True)
    qtbot.mouseClick(window.filters.compute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    qtbot.wait(50)
    assert any(stage.startswith("each coder against gold") for stage in seen)
    assert not window.busy and window.stage.text() == "cancelled"
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    assert window.report is before  # no stale result replaced the last one
    assert window.gold.table.rowCount() == 0
    assert window.filters.compute.isEnabled()
    window.close()


def test_against_gold_tab(qtbot, adjudicated: Path) -> None:  # noqa: ANN001
    window = open_agreement_window(adjudicated)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.report is not None and not window.busy, timeout=60_000)
    assert window.gold.table.rowCount() == 0 and "Tick" in window.gold.note.text()
    window.filters.replicates.setValue(REPLICATES)
    window.filters.against_gold.setChecked(True)
    qtbot.mouseClick(window.filters.compute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy and window.gold.table.rowCount() == 2,
                    timeout=60_000)
    assert window.tabs.currentWidget() is window.gold
    expected = engine_rows(adjudicated)
    table = window.gold.table
    for row, figures in enumerate(expected):
        assert table.item(row, 0).text() == figures.coder
        assert table.item(row, 1).text() == str(figures.n_documents)
        assert table.item(row, 2).text() == fmt(figures.alpha.value)
        assert table.item(row, 4).text() == fmt(figures.exact.f1)
        assert table.item(row, 5).text() == fmt(figures.overlap.f1)
    layla, omar = expected
    assert layla.exact.f1 == pytest.approx(1.0) and omar.exact.f1 < 1.0  # gold is Layla's
    window.filters.layer.setCurrentIndex(window.filters.layer.findData(Layer.GOLD.value))
    assert not window.filters.against_gold.isEnabled()
    window.resize(1440, 900)
    qtbot.wait(100)
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "agreement_gold.png"))
    window.close()
