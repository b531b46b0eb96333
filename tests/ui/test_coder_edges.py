"""The coder's rough edges of issue 12: memo key, Done with empty required values."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.db.services.completeness import missing_required
from annotator.domain import AssignmentStatus
from annotator.ui.done_check import DoneCheckDialog


def _code_a_claim(window, code_named) -> str:  # noqa: ANN001
    """Code a factual claim (it has required attributes) and return its id."""
    text = window.state.text
    start = text.index("الجيش")
    window.view.select_span(start, start + len("الجيش"))
    assert window.apply_code(code_named(window, "Claim/Factual"))
    return window.coding.current


def test_ctrl_m_raises_the_memos_tab_and_types_into_it(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    qtbot.waitUntil(lambda: not window.default_layout_pending)
    _code_a_claim(window, code_named)
    window.attributes_dock.raise_()  # the Attributes tab in front, as on a first start
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.memo_editor.visibleRegion().isEmpty())
    qtbot.keyClick(window.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    memo = window.memo_editor.annotation_memo
    qtbot.waitUntil(lambda: not memo.visibleRegion().isEmpty())
    assert QApplication.focusWidget() is memo
    qtbot.keyClicks(QApplication.focusWidget(), "note")
    assert memo.toPlainText() == "note"


def _answer(choice: str) -> list[DoneCheckDialog]:
    """Click a button of the Done check once it is up; returns the dialogs seen."""
    seen: list[DoneCheckDialog] = []

    def click(tries: int = 100) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DoneCheckDialog):
            if tries:
                QTimer.singleShot(20, lambda: click(tries - 1))
            return
        seen.append(dialog)
        button = {"anyway": dialog.anyway_button, "show": dialog.show_button}.get(choice)
        (button or dialog.escapeButton()).click()

    QTimer.singleShot(0, click)
    return seen


def test_done_warns_about_empty_required_values(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    annotation = _code_a_claim(window, code_named)
    with window.workspace.store.reader() as session:
        missing = missing_required(session, window.document_id, window.workspace.coder.uuid)
    assert {m.annotation_id for m in missing} == {annotation}
    seen = _answer("show")
    window.view.setFocus()
    window.menu_actions["mark_done"].trigger()
    assert seen and seen[0].anyway_button is None  # a coder cannot mark it done anyway
    assert missing[0].attribute in seen[0].informativeText()
    assert "Claim/Factual" in seen[0].informativeText()
    assert window._status_of(window.document_id) is not AssignmentStatus.DONE
    assert window.coding.current == annotation  # it went to the annotation to fill in
    assert window.attributes_dock.isVisible()


def test_a_lead_may_mark_done_anyway(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window("Lead")
    _code_a_claim(window, code_named)
    seen = _answer("cancel")
    window.menu_actions["mark_done"].trigger()
    assert seen[0].anyway_button is not None
    assert window._status_of(window.document_id) is not AssignmentStatus.DONE
    seen = _answer("anyway")
    window.menu_actions["mark_done"].trigger()
    assert seen
    assert window._status_of(window.document_id) is AssignmentStatus.DONE


def test_default_layout_gives_the_text_the_room(qtbot, open_window) -> None:  # noqa: ANN001
    from PySide6.QtCore import QSize

    from tests.ui.conftest import ARTIFACTS

    window = open_window()
    qtbot.waitUntil(lambda: not window.default_layout_pending)
    qtbot.wait(50)
    assert window.size() == QSize(1440, 900)
    assert window.view.width() >= 0.52 * window.width()  # not a third
    with qtbot.waitSignal(window.search.finished, timeout=15_000):
        window.search_field.setText("في")
    view = window.search_panel.view
    rows = view.model().rowCount()
    assert rows > 12
    shown = sum(view.viewport().rect().contains(view.visualRect(view.model().index(r, 0)))
                for r in range(rows))
    assert shown >= 8  # eight rows of results, not four
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / "default-layout.png"))
