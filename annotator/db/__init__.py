"""Persistence: SQLAlchemy models, the project file, migrations and the services the UI and CLI call.

Services are plain functions taking a ``Session`` and plain values; the caller owns the transaction
(``ProjectStore.transaction()``), so one user action is one commit.
"""

from annotator.db.engine import ProjectStore, head_revision, open_project, open_url

__all__ = ["ProjectStore", "head_revision", "open_project", "open_url"]
