"""Document-level questions of the codebook and the coders' answers to them.

``document_question`` holds the codebook's questions (wording in both languages, type, options
with their UUIDs, condition, group); ``document_answer`` one answer (a JSON value) per document,
coder, question and layer.

Revision ID: 0006
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_question",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("codebook_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("wording_en", sa.Text(), nullable=False),
        sa.Column("wording_ar", sa.Text(), nullable=False),
        sa.Column("help_en", sa.Text(), nullable=False),
        sa.Column("help_ar", sa.Text(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("condition", sa.JSON(), nullable=True),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("group_name", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["codebook_id"], ["codebook.id"], ondelete="CASCADE",
                                name="fk_document_question_codebook_id_codebook"),
        sa.UniqueConstraint("key", name="uq_document_question_key"),
    )
    op.create_table(
        "document_answer",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("coder_id", sa.String(36), nullable=False),
        sa.Column("question_id", sa.String(36), nullable=False),
        sa.Column("layer", sa.String(8), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE",
                                name="fk_document_answer_document_id_document"),
        sa.ForeignKeyConstraint(["coder_id"], ["coder.id"], ondelete="CASCADE",
                                name="fk_document_answer_coder_id_coder"),
        sa.ForeignKeyConstraint(["question_id"], ["document_question.id"], ondelete="RESTRICT",
                                name="fk_document_answer_question_id_document_question"),
        sa.UniqueConstraint("document_id", "coder_id", "question_id", "layer",
                            name="uq_document_answer_document_id"),
    )
    op.create_index("ix_document_answer_question_layer", "document_answer",
                    ["question_id", "layer"])


def downgrade() -> None:
    op.drop_index("ix_document_answer_question_layer", table_name="document_answer")
    op.drop_table("document_answer")
    op.drop_table("document_question")
