"""Alembic environment: migrations always run on a connection handed over by annotator.db.engine."""

from __future__ import annotations

from alembic import context

from annotator.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("annotator migrations run through annotator.db.engine.open_project only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
