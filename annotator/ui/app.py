"""Starting the GUI: the application object, which project, who is coding, the first window.

``run_gui`` is what ``annotator gui`` and ``main.py`` call; ``open_main_window`` is the entry point
for tests and automation (it needs a QApplication, and creates one if there is none).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from annotator import __version__
from annotator.db.engine import ProjectStore, open_project
from annotator.db.services.coder_roles import check_lead_passphrase, roster
from annotator.db.services.coders import CoderInfo, add_coder
from annotator.db.services.projects import get_project
from annotator.domain import Role
from annotator.errors import AnnotatorError, ProjectError
from annotator.project_location import ProjectLocation, as_location, is_server_url, local_stem
from annotator.ui import settings as keys
from annotator.ui import file_open, smoke
from annotator.ui.dialogs import LEAD_REQUEST, CoderDialog
from annotator.ui.fonts import register_fonts
from annotator.ui.heap import collect_and_freeze
from annotator.ui.i18n import chosen_language, install_language
from annotator.ui.lead_access import ask_lead_passphrase
from annotator.ui.main_window import MainWindow
from annotator.ui.packages import package_coder
from annotator.ui.server_login import install_password_prompt, server_coder
from annotator.ui.settings import APPLICATION, ORGANISATION, AppSettings
from annotator.ui.workspace import Workspace

AskCoder = Callable[[str, list[CoderInfo], str], tuple[str, bool] | None]
AskPassphrase = Callable[[list[str]], tuple[str, str] | None]  # lead names → (lead, passphrase)
GIL_SWITCH_SECONDS = 0.0005
GUI_WRITE_PATIENCE_S = 10.0  # a coding action waits this long for another copy, then says so
PROJECT_FILTER = QT_TRANSLATE_NOOP("App", "Framing Annotator projects (*.fannot);;All files (*)")
translate = QCoreApplication.translate


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
    if app.property("annotatorLanguage") is None:  # once per process; View → Language changes it
        language = chosen_language(AppSettings().get(keys.LANGUAGE))
        install_language(language, app)
        app.setProperty("annotatorLanguage", language)
    return app


def switch_language(window: MainWindow, language: str) -> None:
    """View → Language: remember the choice, load it, and rebuild the window in it.

    Qt mirrors and translates widgets as they are made, so the window is reopened on the same
    project, coder and document rather than patched in place.
    """
    app = ensure_application()
    window.settings.set(keys.LANGUAGE, language)
    window.settings.sync()
    install_language(language, app)
    app.setProperty("annotatorLanguage", language)
    path = window.workspace.project_path
    if path is None:
        return
    try:
        open_main_window(path, window.workspace.coder.name, settings=window.settings,
                         unlocked=True)  # the lead gave the passphrase when this window opened
    except AnnotatorError as error:
        QMessageBox.critical(window, translate("App", "Cannot open the project"),
                             str(error))
        return
    window.close()


def ask_coder_dialog(project_name: str, coders: list[CoderInfo], remembered: str,
                     lead_names: Sequence[str] = ()) -> tuple[str, bool] | None:
    """Ask who is coding; returns (name, is_new), (LEAD_REQUEST, False) or None when cancelled.

    ``lead_names``: leads behind a passphrase, reached with the dialog's "Open as lead…" button.
    """
    dialog = CoderDialog(project_name, coders, preselect=remembered, lead_button=bool(lead_names))
    if not dialog.exec():
        return None
    name, is_new = dialog.chosen()
    return (name, is_new) if name else None


def resolve_coder(store: ProjectStore, project_path: ProjectLocation, coder: str | None,
                  settings: AppSettings, ask: AskCoder | None = None,
                  ask_passphrase: AskPassphrase | None = None, *,
                  unlocked: bool = False) -> CoderInfo:
    """The package's own coder, or the one the server maps this login to, else by ``--coder``
    name, else the one remembered, else ask.

    Retired coders are not offered; with a lead passphrase set, leads are not offered either and
    opening as a lead (by name, or with the dialog's "Open as lead…") asks for the passphrase,
    unless this process has ``unlocked`` it already (the window rebuilt in another language).
    """
    fixed = package_coder(store, coder) or server_coder(store, coder)
    if fixed is not None:
        return fixed
    with store.reader() as session:
        people, project_name = roster(session), get_project(session).name
    remembered = settings.project_coder(project_path)
    if coder is None and any(c.name == remembered for c in people.offered()):
        coder = remembered
    if coder is None:
        lead_names = [c.name for c in people.leads()] if people.protected else []
        if ask is None:  # looked up now, so tests can replace the dialog
            ask = partial(ask_coder_dialog, lead_names=lead_names) if lead_names \
                else ask_coder_dialog
        answer = ask(project_name, people.offered(), remembered)
        if answer is None:
            raise NoCoderChosen("no coder chosen")  # i18n: not shown
        coder, is_new = answer
        if coder == LEAD_REQUEST:
            coder, unlocked = _unlock_lead(store, lead_names, ask_passphrase), True
        elif is_new:
            with store.transaction() as session:
                add_coder(session, coder)
            with store.reader() as session:
                people = roster(session)
    found = _find_coder(people.coders, coder)
    if found.uuid in people.retired:
        raise ProjectError(f"{found.name} is retired in this project; a lead can reinstate them "
                           "with Project → Coders…")
    if found.role is Role.LEAD and people.protected and not unlocked:
        _unlock_lead(store, [found.name], ask_passphrase)
    settings.set_project_coder(project_path, found.name)
    return found


def _find_coder(coders: list[CoderInfo], name: str) -> CoderInfo:
    found = next((c for c in coders if c.name == name), None) or next(
        (c for c in coders if c.name.casefold() == name.casefold()), None)
    if found is None:
        names = ", ".join(c.name for c in coders) or "none"
        raise ProjectError(f"unknown coder {name!r}; coders in this project: {names}")
    return found


def _unlock_lead(store: ProjectStore, names: list[str], ask: AskPassphrase | None) -> str:
    """Ask for the lead passphrase; the lead's name when it is right, else refuse to open."""
    answer = (ask or ask_lead_passphrase)(names)
    if answer is None:
        raise NoCoderChosen("no lead passphrase given")  # i18n: not shown
    name, passphrase = answer
    with store.reader() as session:
        right = check_lead_passphrase(session, passphrase)
    if not right or name not in names:
        raise ProjectError(f"{store.path}: wrong lead passphrase; the project was not opened")
    return name


def open_main_window(project_path: str | Path, coder: str | None = None, *,
                     settings: AppSettings | None = None, ask: AskCoder | None = None,
                     ask_passphrase: AskPassphrase | None = None,
                     unlocked: bool = False) -> MainWindow:
    """Open a project for a coder and show its window with the last (or first) document."""
    ensure_application()
    path = as_location(project_path)
    path = path if is_server_url(path) else Path(path).resolve()
    settings = settings or AppSettings()
    store = open_project(path)
    if store.gate is not None:  # the window cannot repaint while a write waits: wait less
        store.gate.patience_s = GUI_WRITE_PATIENCE_S
    try:
        workspace = Workspace(store, resolve_coder(store, path, coder, settings, ask,
                                                    ask_passphrase, unlocked=unlocked))
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
    name, _ = QFileDialog.getOpenFileName(
        parent, translate("App", "Open a Framing Annotator project"), start,
        translate("App", PROJECT_FILTER))
    return Path(name) if name else None


def switch_project(window: MainWindow) -> None:
    """File → Open: open another project in a new window, then close this one."""
    start = (str(local_stem(window.workspace.project_path).parent)
             if window.workspace.project_path else "")
    path = _choose_project_file(window, start)
    if path is None:
        return
    try:
        open_main_window(path, settings=window.settings)
    except NoCoderChosen:
        return
    except AnnotatorError as error:
        QMessageBox.critical(window, translate("App", "Cannot open the project"), str(error))
        return
    window.close()


def _start_screen(settings: AppSettings) -> Path | bool | None:
    """No project given or remembered: New project… or Open project… (annotator/ui/lead)."""
    from annotator.ui.lead.entry import start_without_project

    return start_without_project(settings, _choose_project_file)


def run_gui(path: ProjectLocation | None, coder: str | None = None) -> int:
    """``annotator gui [PATH] [--coder NAME]``: the last project (or a file dialog) and its window."""
    app = ensure_application()
    file_open.install(app)
    install_password_prompt()
    settings = AppSettings()
    if path is None:
        last = settings.get(keys.LAST_PROJECT)
        chosen = (as_location(last) if last and (is_server_url(last) or Path(last).is_file())
                  else _start_screen(settings))
        if chosen is None or chosen is True:  # quit, or a new project is open already
            return app.exec() if chosen else 0
        path = chosen
    try:
        window = open_main_window(path, coder, settings=settings)
    except NoCoderChosen:
        return 0
    except AnnotatorError as error:
        QMessageBox.critical(None, translate("App", "Cannot open the project"), str(error))
        sys.stderr.write(f"annotator: {error}\n")
        return 1
    if smoke.wanted():
        smoke.QuitAfterPaint(window)
    return app.exec()
