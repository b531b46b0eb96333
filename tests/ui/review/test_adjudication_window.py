"""Adjudication in the review window (a lead on the coded demo): accept a coder's version with the
lane keys, reject with R, a rationale, the Edit gold dialog, an automatic strategy in a worker,
Undo/Redo, a coder refused. Saves tests/artifacts/review_adjudication.png and
review_edit_gold.png for a human look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from annotator.adjudication import Strategy
from annotator.db import open_project
from annotator.db.models import AdjudicationDecision, Annotation
from annotator.db.services.coders import CoderInfo, list_coders
from annotator.review import ReviewClass
from annotator.ui.review import open_review_window
from annotator.ui.review.edit_gold import EditGoldDialog
from annotator.ui.review.model import GOLD_COLUMN
from annotator.ui.review.window import GOLD_COLOUR, ReviewWindow

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def coded(coded_demo: Path) -> Path:
    """The coded demo, a fresh copy per test (tests/conftest.py)."""
    return coded_demo


def coder(path: Path, name: str) -> CoderInfo:
    store = open_project(path)
    try:
        with store.reader() as session:
            return next(c for c in list_coders(session) if c.name == name)
    finally:
        store.close()


@pytest.fixture
def window(qtbot, coded: Path) -> Iterator[ReviewWindow]:  # noqa: ANN001
    opened = open_review_window(coded, lead=coder(coded, "Lead"))
    qtbot.addWidget(opened)
    qtbot.waitExposed(opened)
    yield opened
    opened.close()


def stored(window: ReviewWindow) -> tuple[int, int]:
    """(decisions, gold annotations) in the project file."""
    with window.store.reader() as session:
        return (session.scalar(select(func.count()).select_from(AdjudicationDecision)) or 0,
                session.scalar(select(func.count()).select_from(Annotation)
                               .where(Annotation.layer == "gold")) or 0)


def gold_cell(window: ReviewWindow, row: int) -> str:
    return window.model.index(row, GOLD_COLUMN).data()


def test_keys_accept_reject_and_undo(qtbot, window: ReviewWindow) -> None:  # noqa: ANN001
    assert window.findChild(QLabel, "reviewAdjudicationNote") is not None
    assert window.findChild(QLabel, "reviewReadOnly") is None
    assert "adjudication" in window.windowTitle()
    first = window.model.clusters[0]
    assert first.primary is ReviewClass.BOUNDARY
    window.select_row(0)
    qtbot.keyClick(window.table, Qt.Key.Key_2)  # lane 2: Omar
    assert stored(window) == (1, 1)
    assert gold_cell(window, 0) == "accepted Omar"
    assert window.current_cluster() == first  # the selection stays
    assert window.data is not None and len(window.data.gold_ids) == 1
    gold_row = next(r for r in window.data.loaded.rows.values() if r.uuid in window.data.gold_ids)
    assert (gold_row.start, gold_row.end) == (72, 98)  # Omar's boundaries
    assert window.style_of(gold_row)[0] == GOLD_COLOUR
    assert "accepted Omar" in window.adjudication.panel.decision.text()
    qtbot.keyClick(window.table, Qt.Key.Key_R)
    assert stored(window) == (1, 0) and gold_cell(window, 0) == "rejected"
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == (1, 1) and gold_cell(window, 0) == "accepted Omar"
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == (0, 0) and gold_cell(window, 0) == ""
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == (1, 1)


def test_rationale_and_edit_gold(qtbot, window: ReviewWindow,  # noqa: ANN001
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window.select_row(0)
    window.adjudication.accept_lane(0)  # Layla: [83, 98)
    panel = window.adjudication.panel
    panel.rationale.setText("Omar's start takes in the preposition")
    qtbot.keyClick(panel.rationale, Qt.Key.Key_Return)
    with window.store.reader() as session:
        assert session.scalar(select(AdjudicationDecision.rationale)) == (
            "Omar's start takes in the preposition")

    def choose(dialog: EditGoldDialog) -> int:
        assert (dialog.start.value(), dialog.end.value()) == (83, 98)
        dialog.start.setValue(80)
        dialog.code.setCurrentText("Framing device/Label")
        ARTIFACTS.mkdir(exist_ok=True)
        dialog.grab().save(str(ARTIFACTS / "review_edit_gold.png"))
        return 1

    monkeypatch.setattr(EditGoldDialog, "exec", choose)
    assert window.adjudication.edit()
    with window.store.reader() as session:
        gold = session.execute(select(Annotation.start, Annotation.end).where(
            Annotation.layer == "gold")).one()
        kind = session.scalar(select(AdjudicationDecision.kind))
    assert tuple(gold) == (80, 98) and kind == "edit"
    assert gold_cell(window, 0) == "edited"
    window.adjudication.adjudicator.undo_stack.undo()
    assert gold_cell(window, 0) == "accepted Layla"


def test_an_automatic_strategy_runs_in_a_worker_and_is_one_undo(
        qtbot, window: ReviewWindow) -> None:  # noqa: ANN001
    panel = window.adjudication.panel
    panel.strategy_actions[Strategy.MAJORITY].trigger()
    qtbot.waitUntil(lambda: window.adjudication.adjudicator.task is None, timeout=30000)
    decisions, gold = stored(window)
    assert decisions == 6 and gold >= decisions  # as `annotator adjudicate --strategy majority`
    assert "6 decided" in window.status.text()
    assert any(gold_cell(window, row).endswith("(majority)")
               for row in range(window.model.rowCount()))
    assert not panel.progress.isVisible()
    window.adjudication.adjudicator.undo_stack.undo()
    assert stored(window) == (0, 0)


def test_a_coder_is_refused(qtbot, coded: Path) -> None:  # noqa: ANN001
    opened = open_review_window(coded, lead=coder(coded, "Layla"))
    qtbot.addWidget(opened)
    try:
        opened.select_row(0)
        assert not opened.adjudication.reject()
        assert "Layla is a coder, not a lead" in opened.status.text()
        assert stored(opened) == (0, 0)
    finally:
        opened.close()


def test_screenshot(qtbot, window: ReviewWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.figures.table.rowCount() > 0, timeout=30000)
    window.select_row(0)
    window.adjudication.accept_lane(1)
    window.go_to_disagreement(1)
    window.adjudication.reject()
    window.adjudication.panel.rationale.setText("a label, not a claim")
    window.adjudication.set_rationale("a label, not a claim")
    window.select_row(0)
    qtbot.wait(1000)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "review_adjudication.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 20_000
