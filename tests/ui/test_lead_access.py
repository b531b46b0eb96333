"""The lead role behind a passphrase, and Project → Coders… (add, rename, retire, roles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from annotator.db.engine import open_project
from annotator.db.services.coder_roles import check_lead_passphrase, set_lead_passphrase
from annotator.errors import ProjectError
from annotator.ui import open_main_window
from annotator.ui.app import NoCoderChosen
from annotator.ui.coders_dialog import open_coders_dialog
from annotator.ui.dialogs import LEAD_REQUEST, CoderDialog
from annotator.ui.settings import AppSettings
from annotator.ui.lead_access import SetPassphraseDialog, set_passphrase

SECRET = "olive tree 1948"


@pytest.fixture
def locked_demo(demo_path: Path) -> Path:
    store = open_project(demo_path)
    with store.transaction() as session:
        set_lead_passphrase(session, SECRET)
    store.close()
    return demo_path


def _fail(*_args: object) -> None:
    pytest.fail("asked for a passphrase")


def test_a_coder_cannot_reach_the_lead_role_without_the_passphrase(qtbot, locked_demo) -> None:  # noqa: ANN001
    offered = []

    def ask(_project: str, coders: list, _remembered: str):  # noqa: ANN202
        offered.append([c.name for c in coders])
        return LEAD_REQUEST, False

    with pytest.raises(ProjectError, match="wrong lead passphrase"):
        open_main_window(locked_demo, ask=ask, ask_passphrase=lambda leads: ("Lead", "guess"))
    assert offered == [["Layla", "Omar"]]  # the picker does not offer the lead
    with pytest.raises(ProjectError, match="wrong lead passphrase"):
        open_main_window(locked_demo, coder="Lead", ask_passphrase=lambda leads: ("Lead", "nope"))
    with pytest.raises(NoCoderChosen):
        open_main_window(locked_demo, coder="lead", ask_passphrase=lambda leads: None)
    window = open_main_window(locked_demo, ask=ask,
                              ask_passphrase=lambda leads: (leads[0], SECRET))
    assert window.workspace.coder.name == "Lead"
    assert window.findChild(QLabel, "passphraseHint") is None
    window.close()
    # The lead is remembered for this project, but the next start asks again.
    again = open_main_window(locked_demo, ask=ask, ask_passphrase=lambda leads: ("Lead", SECRET))
    assert again.workspace.coder.name == "Lead" and len(offered) == 3
    again.close()
    coder = open_main_window(locked_demo, coder="Omar", ask_passphrase=_fail)
    assert coder.workspace.coder.name == "Omar"
    coder.close()


def test_the_picker_offers_open_as_lead_only_behind_a_passphrase(qtbot) -> None:  # noqa: ANN001
    from annotator.db.services.coders import CoderInfo
    from annotator.domain import Role

    coders = [CoderInfo("a", "Layla", Role.CODER)]
    plain = CoderDialog("Demo", coders)
    qtbot.addWidget(plain)
    assert plain.findChild(QPushButton, "openAsLead") is None
    locked = CoderDialog("Demo", coders, lead_button=True)
    qtbot.addWidget(locked)
    locked.lead_button.click()
    assert locked.chosen() == (LEAD_REQUEST, False)


def test_a_lead_without_passphrase_sees_a_hint_and_can_set_one(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    hint = window.passphrase_hint
    assert hint.isVisibleTo(window) and "No lead passphrase" in hint.text()
    dialog = SetPassphraseDialog(window)
    qtbot.addWidget(dialog)
    dialog.new.setText(SECRET)
    dialog.again.setText(SECRET + "x")
    dialog.buttons.accepted.emit()
    assert "differ" in dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted
    dialog.again.setText(SECRET)
    dialog.buttons.accepted.emit()
    assert set_passphrase(window, dialog)
    assert not hint.isVisibleTo(window)
    with window.workspace.store.reader() as session:
        assert check_lead_passphrase(session, SECRET)
        assert not check_lead_passphrase(session, "something else")
    coder = open_window("Layla")
    assert not coder.menu_actions["coders"].isEnabled()
    assert not coder.menu_actions["lead_passphrase"].isEnabled()
    assert coder.findChild(QLabel, "passphraseHint") is None


def test_coders_dialog_adds_renames_retires_with_undo(qtbot, open_window, demo_path) -> None:  # noqa: ANN001
    window = open_window("Lead")
    dialog = open_coders_dialog(window)
    qtbot.addWidget(dialog)
    dialog.new_name.setText("Samira")
    dialog.findChild(QPushButton, "addCoder").click()
    assert "Samira" in _names(dialog)
    dialog.select_name("Samira")
    assert dialog.rename("Samira K.")
    assert "Samira K." in _names(dialog)
    dialog.select_name("Omar")
    assert dialog.toggle_retired()
    assert _state(dialog, "Omar") == "retired"
    assert not dialog.add("Layla")  # refused, one line, nothing stored
    assert "already exists" in dialog.message.text()
    dialog.select_name("Lead")
    assert not dialog.toggle_role() and "only active lead" in dialog.message.text()
    dialog.close()
    offered: list[list[str]] = []
    AppSettings().set_project_coder(demo_path.resolve(), "")  # forget "Lead": ask who codes
    with pytest.raises(NoCoderChosen):  # the picker lists who may code, then is cancelled
        open_main_window(demo_path, ask=lambda _p, coders, _r: offered.append(
            [c.name for c in coders]))
    assert offered == [["Layla", "Lead", "Samira K."]]  # Omar retired
    with pytest.raises(ProjectError, match="Omar is retired"):
        open_main_window(demo_path, coder="Omar")
    for _ in range(3):
        dialog.undo_stack.undo()
    assert "Samira" not in " ".join(_names(dialog)) and _state(dialog, "Omar") == "active"
    dialog.undo_stack.redo()
    assert "Samira" in _names(dialog)


def _names(dialog) -> list[str]:  # noqa: ANN001
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def _state(dialog, name: str) -> str:  # noqa: ANN001
    row = _names(dialog).index(name)
    return dialog.table.item(row, 2).text()


def test_the_passphrase_dialog_names_the_leads_and_hides_the_text(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLineEdit

    from annotator.ui.lead_access import PassphraseDialog

    dialog = PassphraseDialog(["Lead", "Second lead"])
    qtbot.addWidget(dialog)
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Password
    dialog.lead.setCurrentIndex(1)
    qtbot.keyClicks(dialog.passphrase, SECRET)
    assert dialog.answer() == ("Second lead", SECRET)
