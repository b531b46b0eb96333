"""The lead's view of a coding round (issue 8): the progress matrix and the Assign dialog.

Both work on the main window's workspace, so an assignment lands in the window's undo history.
Blind coding: they show every coder's counts, so only a lead may open them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.domain import Role

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.progress.window import ProgressWindow


def open_progress_window(window: MainWindow) -> ProgressWindow | None:
    """Open (or raise) the progress matrix of the window's project."""
    from annotator.ui.progress.window import ProgressWindow

    if window.workspace.coder.role is not Role.LEAD:
        return None
    existing = getattr(window, "progress_window", None)
    if existing is None:
        existing = ProgressWindow(window.workspace, lambda: window.document_id)
        window.progress_window = existing
    existing.refresh()
    existing.show()
    existing.raise_()
    return existing


def open_assign_dialog(window: MainWindow) -> bool:
    """Project → Assign documents…: True when an assignment was made."""
    from annotator.ui.progress.assign_dialog import AssignDialog

    if window.workspace.coder.role is not Role.LEAD:
        return False
    dialog = AssignDialog(window.workspace, window.document_id or "", window)
    window.assign_dialog = dialog
    return bool(dialog.exec())


__all__ = ["open_assign_dialog", "open_progress_window"]
