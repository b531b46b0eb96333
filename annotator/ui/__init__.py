"""The coding workspace (PySide6): the only package that imports Qt.

``open_main_window(project_path, coder=NAME)`` opens and shows the window (tests, automation);
``annotator.ui.app.run_gui`` is the ``annotator gui`` command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def open_main_window(project_path: str | Path, coder: str | None = None,
                     **options: Any) -> MainWindow:
    """Open ``project_path`` for ``coder`` (asked, or remembered, when None); returns the window."""
    from annotator.ui.app import open_main_window as _open  # Qt loads only when a window opens

    return _open(project_path, coder, **options)


__all__ = ["open_main_window"]
