"""A .fannot file handed over by the desktop while the app runs (macOS) opens in a new window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from annotator.ui.file_open import install
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings


def _windows_on(path: Path) -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
            and w.workspace.project_path == path.resolve()]


def test_a_file_open_event_opens_the_project(qtbot, demo_path: Path) -> None:  # noqa: ANN001
    app = QApplication.instance()
    handler = install(app)
    AppSettings().set_project_coder(demo_path.resolve(), "Omar")
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(demo_path)))
        qtbot.waitUntil(lambda: bool(_windows_on(demo_path)), timeout=5000)
        window = _windows_on(demo_path)[0]
        assert window.workspace.coder.name == "Omar"
        qtbot.waitUntil(lambda: window.state is not None, timeout=5000)
        window.close()
    finally:
        app.removeEventFilter(handler)


def test_other_events_pass_through(qtbot) -> None:  # noqa: ANN001
    app = QApplication.instance()
    handler = install(app)
    try:
        assert not handler.eventFilter(app, QFileOpenEvent(""))
    finally:
        app.removeEventFilter(handler)
