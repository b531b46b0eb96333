"""Regression guard: PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call.

After a few thousand calls the interpreter aborts with ``Fatal Python error: none_dealloc``. The
check runs in a child process so that a bad build fails this test instead of killing the test run.
"""

from __future__ import annotations

import subprocess
import sys

CALLS = 100_000

PROBE = f"""
import sys
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument

app = QGuiApplication([])
document = QTextDocument("نص عربي للاختبار " * 10)
cursor = QTextCursor(document)
before = sys.getrefcount(None)
for index in range({CALLS}):
    cursor.setPosition(index % 50)
after = sys.getrefcount(None)
print(after - before)
"""


def test_void_calls_keep_none_refcount_steady() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, f"the probe process died: {result.stderr.strip()[-500:]}"
    drift = int(result.stdout.strip().splitlines()[-1])
    assert abs(drift) < 100, (
        f"None lost {-drift} references over {CALLS} QTextCursor.setPosition calls: this PySide6 "
        "build has the 6.12.0/Python 3.11 reference bug; pin PySide6 below 6.12 on Python < 3.12"
    )
