"""Versions of the Qt binding and of the Qt libraries it runs on (``annotator --version``)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion


def qt_versions() -> tuple[str, str]:
    """(PySide6 version, version of the Qt libraries loaded at run time)."""
    return PySide6.__version__, qVersion()
