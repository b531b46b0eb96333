"""Background work off the UI thread: a function, a cancel flag, results delivered on the UI thread.

A task function receives a :class:`TaskState` (read ``cancelled`` often) and a ``report`` callable for
partial results. It must never touch widgets and opens its own database session if it needs one.
Signals carry its results back; Qt queues them to the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Report = Callable[[Any], None]
TaskFunction = Callable[["TaskState", Report], Any]


class TaskState:
    """Shared by the UI (which may cancel) and the worker (which checks)."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class _Signals(QObject):
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, function: TaskFunction, state: TaskState, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals have been delivered
        self._function, self._state, self._signals = function, state, signals

    def run(self) -> None:
        try:
            result = self._function(self._state, self._signals.progress.emit)
        except Exception as error:  # a worker must never take the app down
            log.exception("background task failed")
            self._signals.failed.emit(str(error) or type(error).__name__)
            return
        self._signals.finished.emit(None if self._state.cancelled else result)


class TaskRunner(QObject):
    """Starts tasks on a private thread pool and keeps them alive until they report back."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: dict[int, tuple[_Task, _Signals, TaskState]] = {}
        # Tasks whose results have arrived: the pool thread may still be returning from run(),
        # so a task is released only once no pool thread is active. Their signal objects are
        # children of the runner and go with it: deleting them (deleteLater) when the result
        # arrived crashed the process now and then, in the tests of the Export dialog.
        self._retired: list[_Task] = []

    def start(self, function: TaskFunction, *, on_done: Callable[[Any], None],
              on_progress: Callable[[Any], None] | None = None,
              on_failed: Callable[[str], None] | None = None) -> TaskState:
        """Run ``function`` in the pool; callbacks run on the UI thread (not after a cancel)."""
        state, signals = TaskState(), _Signals(self)
        task = _Task(function, state, signals)
        key = id(task)
        if on_progress is not None:
            signals.progress.connect(lambda value: state.cancelled or on_progress(value))
        signals.finished.connect(lambda value: self._finish(key, None if state.cancelled
                                                            else on_done, value))
        signals.failed.connect(lambda message: self._finish(key, on_failed, message))
        self._free_retired()
        self._running[key] = (task, signals, state)
        self._pool.start(task)
        return state

    def _finish(self, key: int, callback: Callable[[Any], None] | None, value: Any) -> None:
        entry = self._running.pop(key, None)
        if entry is not None:
            self._retired.append(entry[0])
        self._free_retired()
        if callback is not None:
            callback(value)

    def _free_retired(self) -> None:
        if self._pool.activeThreadCount() == 0:
            self._retired.clear()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for _, _, state in self._running.values():
            state.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        """Block until every worker has returned (used when the window closes)."""
        return self._pool.waitForDone(msecs)
