"""Item models: thin adapters over ids, with their custom roles named here once."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = Qt.ItemDataRole.UserRole

ID_ROLE = _BASE + 1  # the row's entity UUID (document, code, annotation, relation)
SORT_ROLE = _BASE + 2  # a value that sorts naturally (numbers as numbers)
STATUS_ROLE = _BASE + 3  # AssignmentStatus value of a document row, or ""
COLOUR_ROLE = _BASE + 4  # hex colour of a code or annotation row
KIND_ROLE = _BASE + 5  # CodeKind value of a code row
READ_ONLY_ROLE = _BASE + 6  # True for another coder's annotation (lead view)
SPAN_ROLE = _BASE + 7  # (start, end) in code points
DOCUMENT_ROLE = _BASE + 8  # document UUID of a search hit
FILTER_ROLE = _BASE + 9  # normalised text the filter matches against

__all__ = ["COLOUR_ROLE", "DOCUMENT_ROLE", "FILTER_ROLE", "ID_ROLE", "KIND_ROLE", "READ_ONLY_ROLE",
           "SORT_ROLE", "SPAN_ROLE", "STATUS_ROLE"]
