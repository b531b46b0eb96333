"""Project settings (e.g. whether a lead may show other coders' layers) and the index the coding
window reads spans through (document, layer, coder).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("project") as batch:
        batch.add_column(sa.Column("settings", sa.JSON, nullable=False, server_default="{}"))
    op.create_index(
        "ix_annotation_document_layer_coder", "annotation", ["document_id", "layer", "coder_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_annotation_document_layer_coder", "annotation")
    with op.batch_alter_table("project") as batch:
        batch.drop_column("settings")
