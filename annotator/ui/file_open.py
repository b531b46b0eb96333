"""Files handed to the running app by the desktop (macOS: a ``.fannot`` double-clicked in Finder).

macOS does not pass a double-clicked document as an argument but sends the application an
"open document" event, which Qt delivers as a ``QFileOpenEvent``. The bundle's argv emulation turns
the one that starts the app into ``argv[1]``; this filter opens the ones that arrive while it runs,
each in a window of its own (the coder remembered for that project, else asked).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.errors import AnnotatorError


class FileOpenHandler(QObject):
    """Installed on the QApplication by ``run_gui``; opens each file the desktop hands over."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(event, QFileOpenEvent) and event.file():
            path = event.file()
            QTimer.singleShot(0, lambda: open_handed_file(path))
            return True
        return False


def open_handed_file(path: str) -> None:
    from annotator.ui.app import NoCoderChosen, open_main_window

    try:
        open_main_window(path)
    except NoCoderChosen:
        return
    except AnnotatorError as error:
        QMessageBox.critical(None, QApplication.translate("App", "Cannot open the project"),
                             str(error))


def install(app: QApplication) -> FileOpenHandler:
    handler = FileOpenHandler(app)
    app.installEventFilter(handler)
    return handler
