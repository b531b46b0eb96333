"""Live refresh of the lead's views on a server project, driven by LISTEN/NOTIFY.

``LiveUpdates`` watches the listener's socket with a ``QSocketNotifier``: nothing runs until the
server sends a notification (no polling). Bursts (a coder's merge, an import) are coalesced into
one ``changed`` signal after ``DELAY_MS``. On a project file it does nothing.

When the listening connection is lost (the server restarted, the network went away) the views say
so in ``notice`` and a new listener is tried after ``RETRY_SECONDS`` (then less and less often),
in a thread so that a server that does not answer never holds up the window. Once it listens
again, ``changed`` is emitted: what coders committed meanwhile was not announced.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy.exc import DBAPIError

from annotator.db.engine import ProjectStore
from annotator.db.live import ChangeListener, ListenerLost

translate = QCoreApplication.translate
DELAY_MS = 250
RETRY_SECONDS = (2, 5, 15, 30, 60)  # then every 60 s
EVERYTHING = frozenset({"*"})  # ``changed`` after a gap: any table may have changed


class LiveUpdates(QObject):
    """Emits ``changed`` (with the table names) after other users commit to the project."""

    changed = Signal(object)
    _reconnected = Signal(object)  # from the reconnecting thread: a listener, or None

    def __init__(self, store: ProjectStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tables: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._reconnect)
        self._failures = 0
        self._closed = False
        self._reconnected.connect(self._on_reconnected, Qt.ConnectionType.QueuedConnection)
        self.notice = QLabel(parent, objectName="liveNotice", wordWrap=True, visible=False)
        self.notice.setStyleSheet("background:#fde2e1; border:1px solid #d9534f; padding:4px")
        self.listener: ChangeListener | None = None
        self._notifier: QSocketNotifier | None = None
        if store.is_server:
            self._listen(ChangeListener(store))

    @property
    def active(self) -> bool:
        return self.listener is not None

    @property
    def lost(self) -> bool:
        """A server project whose listener is gone and is being re-established."""
        return self._store.is_server and self.listener is None and not self._closed

    def _listen(self, listener: ChangeListener) -> None:
        self.listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._ready)

    def _ready(self) -> None:
        if self.listener is None:
            return
        try:
            tables = self.listener.pending()
        except ListenerLost as lost:
            self._drop_listener(str(lost))
            return
        if tables:
            self._tables |= tables
            self._timer.start()

    def _emit(self) -> None:
        tables, self._tables = self._tables, set()
        self.changed.emit(tables)

    # losing and finding the server -----------------------------------------------------------
    def _drop_listener(self, reason: str) -> None:
        self._stop_listening()
        self.notice.setText(translate(
            "LiveUpdates", "Live updates paused: the connection to the server was lost ({reason}). "
            "Trying again; what you see may be out of date.").format(reason=reason))
        self.notice.setVisible(True)
        self._schedule_retry()

    def _schedule_retry(self) -> None:
        seconds = RETRY_SECONDS[min(self._failures, len(RETRY_SECONDS) - 1)]
        self._failures += 1
        self._retry.start(seconds * 1000)

    def _reconnect(self) -> None:
        if self._closed:
            return
        threading.Thread(target=self._connect_in_thread, name="live-reconnect",
                         daemon=True).start()

    def _connect_in_thread(self) -> None:
        listener: ChangeListener | None
        try:
            listener = ChangeListener(self._store)
        except (DBAPIError, ListenerLost, OSError):  # not yet: the next try is scheduled
            listener = None
        self._reconnected.emit(listener)

    def _on_reconnected(self, listener: ChangeListener | None) -> None:
        if self._closed:
            if listener is not None:
                listener.close()
            return
        if listener is None:
            self._schedule_retry()
            return
        self._failures = 0
        self._listen(listener)
        self.notice.setVisible(False)
        self._tables |= EVERYTHING
        self._timer.start()

    def _stop_listening(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def close(self) -> None:
        self._closed = True
        self._retry.stop()
        self._stop_listening()
