"""A project the app cannot write opens for reading: the title says read-only, coding is refused
with one line in the status bar, and nothing is stored."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QTextCursor

from annotator.db.services.annotations import list_annotations


def test_read_only_project_opens_for_viewing(qtbot, open_window, code_named,  # noqa: ANN001
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotator.db.access.os.access", lambda _p, mode: not mode & os.W_OK)
    window = open_window()
    assert "(read-only)" in window.windowTitle()
    assert window.state.text  # the document is shown
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(0)
    cursor.setPosition(5, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.apply_code(code_named(window, "Claim/Factual"))
    qtbot.waitUntil(lambda: "opened read-only" in window.statusBar().currentMessage())
    with window.workspace.store.reader() as session:
        assert list_annotations(session, window.document_id) == []
