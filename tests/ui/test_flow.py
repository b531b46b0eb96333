"""Working through the corpus: statuses, next unfinished, progress, the shortcuts sheet, coders."""

from __future__ import annotations

import pytest

from annotator.db.services.coders import list_coders
from annotator.domain import AssignmentStatus
from annotator.errors import ProjectError
from annotator.ui.app import NoCoderChosen, open_main_window
from annotator.ui.shortcuts_sheet import ShortcutsDialog, shortcut_rows


def test_done_and_next_walks_the_unfinished_documents(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    order = window.documents.visible_order()
    assert window.document_id == order[0]
    assert window.progress_label.text().strip() == "Done 0/3 · in progress 0"
    window.menu_actions["done_and_next"].trigger()
    qtbot.waitUntil(lambda: window.document_id == order[1])
    assert window._status_of(order[0]) is AssignmentStatus.DONE
    assert "Done 1/3" in window.progress_label.text()
    window.menu_actions["next_unfinished"].trigger()
    qtbot.waitUntil(lambda: window.document_id == order[2])
    window.menu_actions["next_unfinished"].trigger()  # wraps around, skipping the done one
    qtbot.waitUntil(lambda: window.document_id == order[1])
    window.menu_actions["previous_unfinished"].trigger()
    qtbot.waitUntil(lambda: window.document_id == order[2])
    window.menu_actions["mark_in_progress"].trigger()
    assert "in progress 1" in window.progress_label.text()
    assert "In progress" in window.header.details.text()


def test_shortcut_sheet_lists_the_frequent_keys(open_window) -> None:  # noqa: ANN001
    window = open_window()
    rows = {text: keys for _, group in shortcut_rows(window.menuBar()) for text, keys in group}
    for keys in ("Ctrl+Z", "Ctrl+F", "Del", "Alt+Left", "Ctrl+L", "Ctrl+D", "Ctrl+PgDown",
                 "Ctrl+=", "F1"):
        assert any(keys in value for value in rows.values()), keys
    assert any(text.replace("\u2069", "").endswith("Factual — ادعاء وقائعي") and keys == "1"
               for text, keys in rows.items())
    dialog = ShortcutsDialog(window.menuBar(), window)
    assert dialog.tree.topLevelItemCount() >= 6
    dialog.deleteLater()


def test_zoom_keys_change_the_text_size(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    size = window.view.point_size
    window.menu_actions["zoom_in"].trigger()
    assert window.view.point_size == size + 1
    window.menu_actions["zoom_out"].trigger()
    window.menu_actions["zoom_out"].trigger()
    assert window.view.point_size == size - 1
    assert {s.toString() for s in window.menu_actions["zoom_in"].shortcuts()} >= {"Ctrl+="}


def test_first_start_asks_who_codes_and_can_add_a_coder(qtbot, demo_path) -> None:  # noqa: ANN001
    asked = []

    def ask(project: str, coders: list, remembered: str):  # noqa: ANN202
        asked.append((project, [c.name for c in coders], remembered))
        return ("Samira", True)

    window = open_main_window(demo_path, ask=ask)
    assert asked == [("Demo: Aleppo, December 2016", ["Layla", "Lead", "Omar"], "")]
    assert window.workspace.coder.name == "Samira"
    assert window.coder_label.text().strip() == "Samira (coder)"
    with window.workspace.store.reader() as session:
        assert "Samira" in [c.name for c in list_coders(session)]
    window.close()
    again = open_main_window(demo_path, ask=lambda *_: pytest.fail("asked twice"))
    assert again.workspace.coder.name == "Samira"  # remembered per project
    again.close()


def test_unknown_or_no_coder_is_refused(demo_path) -> None:  # noqa: ANN001
    with pytest.raises(ProjectError, match="unknown coder 'Nobody'.*Layla"):
        open_main_window(demo_path, coder="Nobody")
    with pytest.raises(NoCoderChosen):
        open_main_window(demo_path, ask=lambda *_: None)


def test_run_gui_without_a_path_and_a_cancelled_dialog_returns(monkeypatch) -> None:  # noqa: ANN001
    from annotator.ui import app

    monkeypatch.setattr(app, "_start_screen", lambda *_: None)  # the start screen closed: Quit
    assert app.run_gui(None) == 0


def test_coder_dialog_picks_or_adds(qtbot) -> None:  # noqa: ANN001
    from annotator.db.services.coders import CoderInfo
    from annotator.domain import Role
    from annotator.ui.dialogs import CoderDialog

    coders = [CoderInfo("a", "Layla", Role.CODER), CoderInfo("b", "Lead", Role.LEAD)]
    dialog = CoderDialog("Demo", coders, preselect="Lead")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ("Lead", False)
    assert dialog.list.item(1).text() == "Lead (lead)"
    dialog.new_name.setText("Samira")
    dialog._add()
    assert dialog.chosen() == ("Samira", True) and dialog.result() == dialog.DialogCode.Accepted


def test_open_another_project_replaces_the_window(qtbot, tmp_path, open_window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from annotator.db.services.demo import build_demo_project
    from annotator.ui import app
    from annotator.ui.main_window import MainWindow

    other = tmp_path / "other.fannot"
    build_demo_project(other)
    window = open_window("Omar")
    monkeypatch.setattr(app, "_choose_project_file", lambda *_: other)
    monkeypatch.setattr(app, "ask_coder_dialog", lambda *_: ("Omar", False))
    window.menu_actions["open"].trigger()
    opened = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, MainWindow) and w.isVisible()]
    assert [w.workspace.project_path for w in opened] == [other.resolve()]
    assert opened[0].workspace.coder.name == "Omar"
    opened[0].close()


def test_the_parts_carry_their_object_names(open_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    window = open_window()
    for name in ("documentList", "documentView", "codebookTree", "annotationTable",
                 "attributeEditor", "memoEditor", "searchField"):
        assert window.findChild(QWidget, name) is not None, name
