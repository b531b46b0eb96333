"""The Agreement window (issue 4): the project report with filters, colour flags, a chart per
code with the .667 and .800 thresholds, computed in a worker with progress and Cancel.

``open_agreement_window(project_path)`` builds, shows and starts computing; the main window can
call it from a menu, tests and scripts call it directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.project_location import as_location

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from annotator.ui.agreement.window import AgreementWindow


_keep: list[object] = []


def open_agreement_window(project_path: str | Path, parent: QWidget | None = None
                          ) -> AgreementWindow:
    """Open the Agreement window of ``project_path`` and start computing with no filters.

    Raises :class:`annotator.errors.ProjectError` if the project cannot be opened. Needs a
    QApplication (one is created if there is none).
    """
    from PySide6.QtWidgets import QApplication

    from annotator.ui.agreement.window import AgreementWindow
    from annotator.ui.fonts import register_fonts

    if QApplication.instance() is None:
        _keep.append(QApplication([]))  # alive as long as the process
    register_fonts()
    window = AgreementWindow(as_location(project_path), parent)
    window.show()
    window.compute()
    return window


__all__ = ["open_agreement_window"]
