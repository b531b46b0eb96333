"""Starting the GUI: the application object, which project, who is coding, the first window.

``run_gui`` is what ``annotator gui`` and ``main.py`` call; ``open_main_window`` is the entry point
for tests and automation (it needs a QApplication, and creates one if there is none).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from annotator import __version__
from annotator.db.engine import ProjectStore, open_project
from annotator.db.services.coders import CoderInfo, add_coder, list_coders
from annotator.db.services.projects import get_project
from annotator.errors import AnnotatorError, ProjectError
from annotator.ui import settings as keys
from annotator.ui import file_open, smoke
from annotator.ui.dialogs import CoderDialog
from annotator.ui.fonts import register_fonts
from annotator.ui.heap import collect_and_freeze
from annotator.ui.main_window import MainWindow
from annotator.ui.packages import package_coder
from annotator.ui.settings import APPLICATION, ORGANISATION, AppSettings
from annotator.ui.workspace import Workspace

AskCoder = Callable[[str, list[CoderInfo], str], tuple[str, bool] | None]
GIL_SWITCH_SECONDS = 0.0005
GUI_WRITE_PATIENCE_S = 10.0  # a coding action waits this long for another copy, then says so
PROJECT_FILTER = "Framing Annotator projects (*.fannot);;All files (*)"


class NoCoderChosen(AnnotatorError):
    """The person closed the "who is coding?" dialog: nothing to open."""


def ensure_application() -> QApplication:
    # Workers (search, loading) are Python too: a short switch interval lets the UI thread take
    # the GIL back within a millisecond instead of five at every call from Qt into Python.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    register_fonts()
    assert isinstance(app, QApplication)
    return app


def ask_coder_dialog(project_name: str, coders: list[CoderInfo], remembered: str
                     ) -> tuple[str, bool] | None:
    """Ask who is coding; returns (name, is_new) or None when cancelled."""
    dialog = CoderDialog(project_name, coders, preselect=remembered)
    if not dialog.exec():
        return None
    name, is_new = dialog.chosen()
    return (name, is_new) if name else None


def resolve_coder(store: ProjectStore, project_path: Path, coder: str | None,
                  settings: AppSettings, ask: AskCoder | None = None) -> CoderInfo:
    """The package's own coder, else by ``--coder`` name, else the one remembered, else ask."""
    fixed = package_coder(store, coder)
    if fixed is not None:
        return fixed
    with store.reader() as session:
        coders, project_name = list_coders(session), get_project(session).name
    remembered = settings.project_coder(project_path)
    if coder is None and any(c.name == remembered for c in coders):
        coder = remembered
    if coder is None:
        answer = (ask or ask_coder_dialog)(project_name, coders, remembered)
        if answer is None:
            raise NoCoderChosen("no coder chosen")
        coder, is_new = answer
        if is_new:
            with store.transaction() as session:
                add_coder(session, coder)
            with store.reader() as session:
                coders = list_coders(session)
    found = next((c for c in coders if c.name == coder), None) or next(
        (c for c in coders if c.name.casefold() == coder.casefold()), None)
    if found is None:
        names = ", ".join(c.name for c in coders) or "none"
        raise ProjectError(f"unknown coder {coder!r}; coders in this project: {names}")
    settings.set_project_coder(project_path, found.name)
    return found


def open_main_window(project_path: str | Path, coder: str | None = None, *,
                     settings: AppSettings | None = None,
                     ask: AskCoder | None = None) -> MainWindow:
    """Open a project for a coder and show its window with the last (or first) document."""
    ensure_application()
    path = Path(project_path).resolve()
    settings = settings or AppSettings()
    store = open_project(path)
    if store.gate is not None:  # the window cannot repaint while a write waits: wait less
        store.gate.patience_s = GUI_WRITE_PATIENCE_S
    try:
        workspace = Workspace(store, resolve_coder(store, path, coder, settings, ask))
        window = MainWindow(workspace, settings)
    except Exception:
        store.close()
        raise
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: store.close())
    settings.set(keys.LAST_PROJECT, str(path))
    window.show()
    _open_first_document(window, settings.last_document(path))
    collect_and_freeze()
    return window


def _open_first_document(window: MainWindow, last: str) -> None:
    documents = window.documents.model.documents()
    if not documents:
        return
    known = {d.uuid for d in documents}
    window.open_document(last if last in known else documents[0].uuid)


def _choose_project_file(parent: QWidget | None, start: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open a Framing Annotator project", start,
                                          PROJECT_FILTER)
    return Path(name) if name else None


def switch_project(window: MainWindow) -> None:
    """File → Open: open another project in a new window, then close this one."""
    start = str(window.workspace.project_path.parent) if window.workspace.project_path else ""
    path = _choose_project_file(window, start)
    if path is None:
        return
    try:
        open_main_window(path, settings=window.settings)
    except NoCoderChosen:
        return
    except AnnotatorError as error:
        QMessageBox.critical(window, "Cannot open the project", str(error))
        return
    window.close()


def run_gui(path: Path | None, coder: str | None = None) -> int:
    """``annotator gui [PATH] [--coder NAME]``: the last project (or a file dialog) and its window."""
    app = ensure_application()
    file_open.install(app)
    settings = AppSettings()
    if path is None:
        last = settings.get(keys.LAST_PROJECT)
        path = Path(last) if last and Path(last).is_file() else _choose_project_file(None, "")
        if path is None:
            return 0
    try:
        window = open_main_window(path, coder, settings=settings)
    except NoCoderChosen:
        return 0
    except AnnotatorError as error:
        QMessageBox.critical(None, "Cannot open the project", str(error))
        sys.stderr.write(f"annotator: {error}\n")
        return 1
    if smoke.wanted():
        smoke.QuitAfterPaint(window)
    return app.exec()
