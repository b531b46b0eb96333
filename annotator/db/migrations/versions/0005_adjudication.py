"""Adjudication: one recorded decision per settled review cluster (accept, edit, reject).

Gold annotations themselves were already in ``annotation`` (``layer = 'gold'``); this table says
how each came about: the lead, when, the cluster (its member ids and a stable key), the kind,
the source annotation and coder, the strategy, the rationale and the gold annotation ids.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adjudication_decision",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("document_id", sa.String(36),
                  sa.ForeignKey("document.id", ondelete="CASCADE",
                                name="fk_adjudication_decision_document_id_document"),
                  nullable=False),
        sa.Column("cluster_key", sa.String(40), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("strategy", sa.String(32), nullable=False),
        sa.Column("source_annotation_id", sa.String(36), nullable=True),
        sa.Column("source_coder_id", sa.String(36), nullable=True),
        sa.Column("gold", sa.JSON(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("lead_id", sa.String(36),
                  sa.ForeignKey("coder.id", ondelete="RESTRICT",
                                name="fk_adjudication_decision_lead_id_coder"),
                  nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("document_id", "cluster_key",
                            name="uq_adjudication_decision_document_id"),
    )
    op.create_index("ix_adjudication_decision_document_id", "adjudication_decision",
                    ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_adjudication_decision_document_id", "adjudication_decision")
    op.drop_table("adjudication_decision")
