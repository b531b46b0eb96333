"""Gold answers in the review window's Document questions tab (a lead on the coded demo): the
rows and their disagreements, a coder's answer taken with 1–9 and with a button, any value from
the question card, Delete and the Clear button, Undo/Redo with Ctrl+Z / Ctrl+Shift+Z, the
automatic run, read-only without a lead, and a live refresh. Saves
tests/artifacts/review_answers.png and review_answers-ar.png for a human look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from annotator.adjudication import Strategy
from annotator.db import open_project
from annotator.db.models import DocumentAnswer
from annotator.ui import i18n
from annotator.ui.review import open_review_window
from annotator.ui.review.answers_panel import AnswersPanel
from annotator.ui.review.window import ReviewWindow
from tests.ui.review.test_adjudication_window import coder
from tests.ui.review.test_review_arabic import install_arabic

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
FSI, PDI = "\u2068", "\u2069"


@pytest.fixture
def coded(coded_demo: Path) -> Path:
    """The coded demo, a fresh copy per test (tests/conftest.py)."""
    return coded_demo


def opened(qtbot, path: Path, name: str | None = "Lead",  # noqa: ANN001
           document: str = "social-post-2016-12") -> ReviewWindow:
    store = open_project(path)
    try:
        with store.reader() as session:
            from annotator.db.services.lookup import find_document

            document_id = find_document(session, document).id
    finally:
        store.close()
    window = open_review_window(path, lead=coder(path, name) if name else None,
                                document_id=document_id)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.answers)
    return window


@pytest.fixture
def window(qtbot, coded: Path) -> Iterator[ReviewWindow]:  # noqa: ANN001
    shown = opened(qtbot, coded)
    yield shown
    shown.close()


def gold(path: Path) -> dict[str, object]:
    store = open_project(path)
    try:
        with store.reader() as session:
            from annotator.db.models import DocumentQuestion

            keys = dict(session.execute(select(DocumentQuestion.id, DocumentQuestion.key)).all())
            rows = session.scalars(select(DocumentAnswer).where(DocumentAnswer.layer == "gold"))
            return {f"{r.document_id[:4]}:{keys[r.question_id]}": r.value for r in rows}
    finally:
        store.close()


def cells(panel: AnswersPanel) -> list[list[str]]:
    table = panel.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def key(qtbot, widget, name: str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(widget, getattr(Qt.Key, f"Key_{name}"), modifiers)


def test_rows_show_each_coder_agreement_and_gold(window: ReviewWindow) -> None:
    panel = window.answers
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    assert headers == ["Question", "1 · Layla", "2 · Omar", "Coders", "Gold", "Set by"]
    rows = cells(panel)
    assert [row[:5] for row in rows] == [
        ["What is the overall tone of the story toward the event or issue it covers?",
         "Very negative", "Very negative", "agree", ""],
        ["Who is the main actor of the story?", "Civilian", "International", "differ", ""]]
    assert panel.table.item(1, 0).background().color().name() == "#fde2e1"
    assert panel.table.item(0, 0).background().style() == Qt.BrushStyle.NoBrush
    panel.only_disagreements.setChecked(True)
    assert [row[3] for row in cells(panel)] == ["differ"]
    assert "2 questions, 1 with different answers, 1 of them without a gold answer" in panel.status.text()


def test_keys_take_clear_and_undo_redo(qtbot, window: ReviewWindow, coded: Path) -> None:  # noqa: ANN001
    panel = window.answers
    qtbot.waitUntil(lambda: panel.table.hasFocus())  # the tab chosen: keys go to the rows
    assert panel.current_question().key == "main_actor"  # the first disagreement is selected
    key(qtbot, panel.table, "2")  # Omar's answer, not a span decision (the table claims 1–9)
    assert list(gold(coded).values()) == ["international"]
    row = next(r for r in cells(panel) if r[3] == "differ")
    assert row[4] == "International" and row[5].startswith("Lead, 20")
    assert window.adjudication.adjudicator.undo_stack.count() == 1
    key(qtbot, panel.table, "1")
    assert list(gold(coded).values()) == ["civilian"]
    key(qtbot, panel.table, "Delete")
    assert gold(coded) == {}
    key(qtbot, window, "Z", Qt.KeyboardModifier.ControlModifier)
    assert list(gold(coded).values()) == ["civilian"]
    key(qtbot, window, "Z", Qt.KeyboardModifier.ControlModifier)
    assert list(gold(coded).values()) == ["international"]
    key(qtbot, window, "Z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert list(gold(coded).values()) == ["civilian"]
    assert panel.current_question().key == "main_actor"  # the selection survives the reload


def test_buttons_and_the_question_card(qtbot, window: ReviewWindow, coded: Path) -> None:  # noqa: ANN001
    panel = window.answers
    assert panel.select_question("main_actor")
    take = panel.findChild(QPushButton, "reviewAnswersTake2")
    assert take.text() == "2: take Omar's"
    qtbot.mouseClick(take, Qt.MouseButton.LeftButton)
    assert list(gold(coded).values()) == ["international"]
    panel.card.choose(0)  # the card's first option: any value, not only a coder's
    assert list(gold(coded).values()) == [panel.card.question.options[0].value]
    assert panel.card.value == panel.card.question.options[0].value
    clear = panel.findChild(QPushButton, "reviewAnswersClear")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert gold(coded) == {}
    assert window.adjudication.adjudicator.undo_stack.count() == 3


def test_a_coder_without_an_answer_and_nothing_to_clear(qtbot, window: ReviewWindow,  # noqa: ANN001
                                                       coded: Path) -> None:
    panel = window.answers
    assert panel.select_question("tone")
    assert not panel.clear() and not panel.take(5)
    assert gold(coded) == {} and window.adjudication.adjudicator.undo_stack.count() == 0


def test_automatic_run_fills_the_gold_column_and_is_one_undo(qtbot, window: ReviewWindow,  # noqa: ANN001
                                                            coded: Path) -> None:
    window.adjudication.run(Strategy.UNANIMOUS)
    qtbot.waitUntil(lambda: window.adjudication.adjudicator.task is None, timeout=30000)
    assert len(gold(coded)) == 4
    tone = next(r for r in cells(window.answers) if r[3] == "agree")
    assert tone[4] == "Very negative"
    assert "answers: 4 decided" in window.status.text()
    window.adjudication.adjudicator.undo_stack.undo()
    assert gold(coded) == {} and all(not r[4] for r in cells(window.answers))


def test_read_only_without_a_lead(qtbot, coded: Path) -> None:  # noqa: ANN001
    window = opened(qtbot, coded, name=None)
    try:
        panel = window.answers
        assert panel.select_question("main_actor") and panel.card is None
        panel.table.setFocus()
        key(qtbot, panel.table, "1")
        assert gold(coded) == {} and panel.findChild(QPushButton, "reviewAnswersClear") is None
    finally:
        window.close()


def test_a_change_elsewhere_shows_on_reload(qtbot, window: ReviewWindow, coded: Path) -> None:  # noqa: ANN001
    """What LiveUpdates calls when another lead commits on a server."""
    from annotator.db.services.adjudication_answers import set_gold_answer

    store = open_project(coded)
    try:
        with store.transaction() as session:
            set_gold_answer(session, lead="Lead", document="social-post-2016-12",
                            question="main_actor", value="civilian")
    finally:
        store.close()
    window._on_live_change({"document_answer"})
    assert any(r[4] for r in cells(window.answers))


def _screenshot(qtbot, window: ReviewWindow, name: str) -> Path:  # noqa: ANN001
    window.answers.select_question("main_actor")
    window.answers.take(1)
    window.answers.select_question("main_actor")
    qtbot.wait(300)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    assert window.grab().save(str(path))
    assert path.stat().st_size > 20_000
    return path


def test_screenshot(qtbot, window: ReviewWindow) -> None:  # noqa: ANN001
    _screenshot(qtbot, window, "review_answers.png")


def test_arabic_screenshot(qtbot, coded: Path, tmp_path: Path,  # noqa: ANN001
                           monkeypatch: pytest.MonkeyPatch) -> None:
    install_arabic(monkeypatch, tmp_path)
    try:
        window = opened(qtbot, coded)
        try:
            panel = window.answers
            assert window.tabs.tabText(1).replace("&", "") == "أسئلة الوثيقة"
            assert panel.table.horizontalHeaderItem(0).text() == "السؤال"
            assert panel.table.item(0, 0).text() == next(
                r.question.wording_ar for r in panel.rows if r.question.key == "tone")
            _screenshot(qtbot, window, "review_answers-ar.png")
            assert panel.findChild(QPushButton, "reviewAnswersTake2").text() == f"2: اعتماد إجابة {FSI}Omar{PDI}"
        finally:
            window.close()
    finally:
        i18n.install_language("en")
