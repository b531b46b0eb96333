"""Live refresh of the lead's views on a server project, driven by LISTEN/NOTIFY.

``LiveUpdates`` watches the listener's socket with a ``QSocketNotifier``: nothing runs until the
server sends a notification (no polling). Bursts (a coder's merge, an import) are coalesced into
one ``changed`` signal after ``DELAY_MS``. On a project file it does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from annotator.db.engine import ProjectStore
from annotator.db.live import ChangeListener

DELAY_MS = 250


class LiveUpdates(QObject):
    """Emits ``changed`` (with the table names) after other users commit to the project."""

    changed = Signal(object)

    def __init__(self, store: ProjectStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tables: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.listener: ChangeListener | None = None
        self._notifier: QSocketNotifier | None = None
        if store.is_server:
            self.listener = ChangeListener(store)
            self._notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read,
                                             self)
            self._notifier.activated.connect(self._ready)

    @property
    def active(self) -> bool:
        return self.listener is not None

    def _ready(self) -> None:
        if self.listener is None:
            return
        tables = self.listener.pending()
        if tables:
            self._tables |= tables
            self._timer.start()

    def _emit(self) -> None:
        tables, self._tables = self._tables, set()
        self.changed.emit(tables)

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self.listener is not None:
            self.listener.close()
            self.listener = None
