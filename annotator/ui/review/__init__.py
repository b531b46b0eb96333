"""The review window (issue 8, item 4): one document's clusters of the coders' spans, classified,
beside the right-to-left text with every coder's spans in their colour, and (item 5) the lead's
adjudication into the gold layer. Without a lead it is read-only.

``open_review_window(project_path, lead=...)`` builds and shows it; the Project menu calls it
for a lead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.project_location import as_location

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from annotator.db.services.coders import CoderInfo

    from annotator.ui.review.window import ReviewWindow


def open_review_window(project_path: str | Path, parent: QWidget | None = None,
                       document_id: str | None = None,
                       lead: CoderInfo | None = None) -> ReviewWindow:
    """Open the review window of ``project_path`` on ``document_id`` (default: the first);
    with ``lead`` (a coder whose role is lead) it adjudicates, without it is read-only.

    Raises :class:`annotator.errors.ProjectError` if the project cannot be opened.
    """
    from annotator.ui.fonts import register_fonts
    from annotator.ui.review.window import ReviewWindow

    register_fonts()
    window = ReviewWindow(as_location(project_path), parent, document_id, lead)
    window.show()
    return window


__all__ = ["open_review_window"]
