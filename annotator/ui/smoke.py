"""``ANNOTATOR_QUIT_AFTER_PAINT=1``: quit as soon as the first document has been painted.

The bundle build (packaging/build_bundle.py) and CI's bundle smoke test start ``annotator gui``
with it to prove that the bundled app opens its window and paints a document, and to time start
to first window. The app prints one line, ``first window painted: ...``, then quits with exit
code 0; if no document is painted within ``ANNOTATOR_SMOKE_TIMEOUT`` seconds (default 60) it
quits with exit code 1. ``ANNOTATOR_SMOKE_SCREENSHOT=FILE.png`` also saves the window.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from annotator.ui.fonts import register_fonts
from annotator.ui.main_window import MainWindow

QUIT_AFTER_PAINT = "ANNOTATOR_QUIT_AFTER_PAINT"
SCREENSHOT = "ANNOTATOR_SMOKE_SCREENSHOT"
TIMEOUT = "ANNOTATOR_SMOKE_TIMEOUT"


def wanted() -> bool:
    return os.environ.get(QUIT_AFTER_PAINT, "") not in ("", "0")


def seconds_since_process_start() -> float | None:
    """Wall time since this process was created (Linux: /proc), bootloader included; else None."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


class QuitAfterPaint(QObject):
    """Watches the document view's viewport; after its first paint with text, reports and quits."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.done = False
        window.view.viewport().installEventFilter(self)
        QTimer.singleShot(int(float(os.environ.get(TIMEOUT, "60")) * 1000), self._give_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (not self.done and event.type() == QEvent.Type.Paint and self.window.document_id
                and not self.window.view.document().isEmpty()):
            self.done = True
            QTimer.singleShot(0, self._report)  # after this paint has reached the window
        return False

    def _report(self) -> None:
        since = seconds_since_process_start()
        timing = (f"{since:.2f} s after the process started"  # i18n: not shown (a build log)
                  if since is not None else "timing n/a")
        timing += f" (CPU {time.process_time():.2f} s)"  # what the wall time is on an idle machine
        summary = self.window.documents.model.summary(self.window.document_id or "")
        title = summary.title if summary else "?"
        fonts = ", ".join(register_fonts()) or "no bundled font"  # i18n: not shown
        sys.stdout.write(f"first window painted: document {title!r}, {timing}; fonts: {fonts}\n")
        sys.stdout.flush()
        shot = os.environ.get(SCREENSHOT)
        if shot:
            self.window.grab().save(shot)
        self.window.close()
        QApplication.exit(0)

    def _give_up(self) -> None:
        if not self.done:
            sys.stderr.write("annotator: no document was painted; the smoke test failed\n")
            QApplication.exit(1)
