"""Document order: an index on ``document.position`` and positions renumbered in import order.

Before this revision the next position was computed as ``max(position) or -1`` (so a maximum of 0
started again at 0) and read by a full scan of the document table for every file. Stored positions
therefore never decrease in import order but repeat; renumbering by (position, created_at, row)
keeps every order already recorded and puts tied documents in the order they were imported.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_document_position", "document", ["position"])
    bind = op.get_bind()
    last_key = "rowid" if bind.dialect.name == "sqlite" else "id"
    ranked = bind.execute(sa.text(
        f"SELECT id, row_number() OVER (ORDER BY position, created_at, {last_key}) - 1 "
        "FROM document"
    )).all()
    if ranked:
        bind.execute(sa.text("UPDATE document SET position = :position WHERE id = :id"),
                     [{"id": row[0], "position": row[1]} for row in ranked])


def downgrade() -> None:
    op.drop_index("ix_document_position", "document")
