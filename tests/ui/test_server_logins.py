"""Project → Coders… on a server project: each coder's database login, given and taken away
from the app, undoable; disabled (saying why) for a lead who may not manage roles.
Saves tests/artifacts/server-logins.png and server-logins-ar.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import make_url

from annotator.db import open_project
from annotator.errors import ProjectError
from annotator.ui.coders_dialog import CodersDialog
from tests.pg_support import _admin, role_url

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
LOGIN = 3


def _dialog(qtbot, url: str) -> CodersDialog:  # noqa: ANN001
    store = open_project(url)
    dialog = CodersDialog(store)
    qtbot.addWidget(dialog, before_close_func=lambda _dialog: store.close())
    return dialog


def _login_of(dialog: CodersDialog, name: str) -> str:
    dialog.select_name(name)
    return dialog.table.item(dialog.table.currentRow(), LOGIN).text()


def _can_connect(url: str) -> bool:
    try:
        open_project(url).close()
    except ProjectError:
        return False
    return True


def test_the_owner_gives_and_takes_logins_with_undo(qtbot, pg_demo_team, pg_admin_url,  # noqa: ANN001
                                                    monkeypatch) -> None:  # noqa: ANN001
    sara_role = f"{make_url(pg_demo_team['Omar']).username}_sara"
    try:
        _give_and_take(qtbot, pg_demo_team, sara_role, monkeypatch)
    finally:  # roles are cluster-wide: this one is not among the fixture's
        _admin(pg_admin_url, f'DROP ROLE IF EXISTS "{sara_role}"')


def _give_and_take(qtbot, pg_demo_team, sara_role: str, monkeypatch) -> None:  # noqa: ANN001
    owner, omar = pg_demo_team["owner"], pg_demo_team["Omar"]
    dialog = _dialog(qtbot, owner)
    assert dialog.logins is not None and dialog.logins.give.isEnabled()
    omar_role = _login_of(dialog, "Omar")
    assert omar_role != "—" and f"//{omar_role}@" in omar
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kw: QMessageBox.StandardButton.Yes)
    dialog.select_name("Omar")
    assert dialog.logins.confirm_and_take()
    assert _login_of(dialog, "Omar") == "—" and not _can_connect(omar)
    dialog.undo_stack.undo()
    assert _login_of(dialog, "Omar") == omar_role and _can_connect(omar)
    dialog.undo_stack.redo()
    assert not _can_connect(omar)
    dialog.undo_stack.undo()

    assert dialog.add("Sara")
    sara_id = dialog.current()
    assert dialog.logins.give_login(sara_id, sara_role, "secret")
    assert _login_of(dialog, "Sara") == sara_role
    assert _can_connect(role_url(owner, sara_role))
    dialog.undo_stack.undo()
    assert _login_of(dialog, "Sara") == "—"
    assert not _can_connect(role_url(owner, sara_role))
    dialog.undo_stack.redo()
    assert _can_connect(role_url(owner, sara_role))
    dialog.resize(720, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "server-logins.png"))
    dialog.undo_stack.undo()


def test_a_lead_without_role_rights_sees_logins_but_cannot_change_them(qtbot,  # noqa: ANN001
                                                                       pg_demo_team) -> None:
    dialog = _dialog(qtbot, pg_demo_team["Lead"])
    assert dialog.logins is not None
    assert not dialog.logins.give.isEnabled() and not dialog.logins.take.isEnabled()
    assert "may not manage login roles" in dialog.logins.give.toolTip()
    assert f"//{_login_of(dialog, 'Layla')}@" in pg_demo_team["Layla"]


def test_the_login_dialog_wants_a_name_and_the_same_password_twice(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialogButtonBox

    from annotator.ui.server_logins import LoginDialog

    asked = LoginDialog("Sara Ali")
    qtbot.addWidget(asked)
    ok = asked.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert asked.role() == "sara_ali"
    asked.first.setText("one")
    assert not ok.isEnabled() and "differ" in asked.problem.text()
    asked.second.setText("one")
    assert ok.isEnabled() and asked.password() == "one"
    asked.name.setText("")
    assert not ok.isEnabled()



def test_the_login_column_in_arabic(qtbot, pg_demo_team, arabic) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, pg_demo_team["owner"])
    dialog.resize(720, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.logins is not None and dialog.logins.give.text() != "Give a login…"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "server-logins-ar.png"))


def test_retiring_a_coder_with_a_login_says_the_login_still_works(qtbot, pg_demo_team) -> None:  # noqa: ANN001
    dialog = _dialog(qtbot, pg_demo_team["owner"])
    dialog.select_name("Omar")
    assert dialog.toggle_retired()
    assert "login still works" in dialog.message.text()
    dialog.undo_stack.undo()
