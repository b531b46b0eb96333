"""Who is coding right now, on a server project: a strip above the progress matrix.

The query (``annotator.db.presence``) runs in a worker, never on the UI thread: on a lab server
across a network it may take longer than a frame. It runs when the window refreshes (a coder's
commit announced by LISTEN/NOTIFY) and every ``POLL_MS``, because connecting and leaving send no
notification. A refresh asked for while one runs is done once that one is back.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from annotator.db.engine import ProjectStore
from annotator.db.presence import CoderPresence, coder_presence
from annotator.ui.bidi import isolate
from annotator.ui.plurals import plurals
from annotator.ui.workers import TaskRunner, TaskState

translate = QCoreApplication.translate
POLL_MS = 30_000
ONLINE_COLOUR, OFFLINE_COLOUR = "#2e9d4a", "#b8bec6"


def ago_text(moment: datetime, now: datetime) -> str:
    """``5 minutes ago`` in the interface language (``just now`` under a minute)."""
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return translate("Presence", "just now")
    count = seconds // 60
    amount = plurals().minutes(count)
    if seconds >= 86400:
        count = seconds // 86400
        amount = plurals().days(count)
    elif seconds >= 3600:
        count = seconds // 3600
        amount = plurals().hours(count)
    return translate("Presence", "{time} ago").format(time=amount)


def clock(moment: datetime) -> str:
    """The local time of day (with the date when it is not today), isolated for Arabic text."""
    local = moment.astimezone()
    today = datetime.now(UTC).astimezone().date()
    return isolate(local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M"))


def last_change_text(presence: CoderPresence, now: datetime) -> str:
    if presence.last_change is None:
        return translate("Presence", "no change yet")
    return translate("Presence", "last change: {ago}").format(
        ago=ago_text(presence.last_change, now))


def online_text(presence: CoderPresence) -> str:
    """``Online since 09:12 (2 sessions)``, ``Online``, or ``Not connected``."""
    if not presence.connected:
        return translate("Presence", "Not connected")
    count = presence.sessions
    text = (translate("Presence", "Online since {time}").format(time=clock(presence.since))
            if presence.since else translate("Presence", "Online"))
    if count > 1:
        text = translate("Presence", "{state} ({sessions})").format(
            state=text, sessions=plurals().sessions(count))
    return text


def dot(colour: str, size: int = 10) -> QIcon:
    """A filled circle: the presence mark beside a coder's name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class PresenceStrip(QLabel):
    """"Online now: …" for a server project; ``updated`` carries the coders, by id."""

    updated = Signal(object)

    def __init__(self, store: ProjectStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="presenceStrip", wordWrap=True)
        self._store = store
        self.coders: dict[str, CoderPresence] = {}
        self.checked_at: datetime | None = None
        self._runner = TaskRunner(self, threads=1)
        self._again = False
        self.setToolTip(translate("Presence", "Who has the app open on this project now. Checked "
                                  "after every change and every 30 seconds: opening and closing "
                                  "the app sends no notification."))
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        """Ask again in a worker (once the running question, if any, is answered)."""
        if not self.timer.isActive():  # the window was closed and is shown again
            self.timer.start()
        if self._runner.busy:
            self._again = True
            return
        self._runner.start(self._ask, on_done=self._show, on_failed=self._failed)

    def _ask(self, _state: TaskState, _report: object) -> list[CoderPresence]:
        with self._store.reader() as session:
            return coder_presence(session)

    def _show(self, coders: list[CoderPresence] | None) -> None:
        if coders is not None:
            self.checked_at = datetime.now(UTC)
            self.coders = {presence.coder_id: presence for presence in coders}
            self.setText(strip_text(coders))
            self.updated.emit(self.coders)
        self._next()

    def _failed(self, reason: str) -> None:
        self.setText(translate("Presence", "Who is connected is unknown: {reason}").format(
            reason=reason))
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def close_down(self) -> None:
        """Stop asking (the window closes); waits for a running question to return."""
        self.timer.stop()
        self._runner.cancel_all()
        self._runner.wait()


def strip_text(coders: list[CoderPresence]) -> str:
    """``Online now: Layla since 09:12 · Omar since 08:50`` (the sessions are in the tooltips:
    one window of the app may hold several connections)."""
    online = [translate("Presence", "{coder} since {time}").format(
        coder=isolate(presence.name), time=clock(presence.since)) if presence.since
        else isolate(presence.name) for presence in coders if presence.connected]
    if not online:
        return translate("Presence", "Online now: nobody")
    return translate("Presence", "Online now: {coders}").format(coders=" · ".join(online))
