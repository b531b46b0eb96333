"""Initial schema: project, coders, documents, assignments, codebook, annotations, relations.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _uuid_pk() -> sa.Column:
    return sa.Column("id", sa.String(36), primary_key=True)


def _fk(name: str, target: str, ondelete: str = "CASCADE", nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(36), sa.ForeignKey(f"{target}.id", ondelete=ondelete),
                     nullable=nullable)


def _ts(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table("project", _uuid_pk(), sa.Column("name", sa.String(200), nullable=False),
                    _ts("created_at"))
    op.create_table(
        "coder", _uuid_pk(), sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False), _ts("created_at"),
    )
    op.create_table(
        "document", _uuid_pk(),
        sa.Column("external_id", sa.String(300), index=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("outlet", sa.String(300)), sa.Column("date", sa.String(64)),
        sa.Column("url", sa.Text), sa.Column("author", sa.String(300)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("length", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("metadata", sa.JSON, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        _ts("created_at"),
    )
    op.create_table(
        "document_memo", _uuid_pk(), _fk("document_id", "document"), _fk("coder_id", "coder"),
        sa.Column("text", sa.Text, nullable=False), _ts("updated_at"),
        sa.UniqueConstraint("document_id", "coder_id"),
    )
    op.create_table(
        "assignment", _uuid_pk(), _fk("document_id", "document"), _fk("coder_id", "coder"),
        sa.Column("status", sa.String(16), nullable=False), _ts("updated_at"),
        sa.UniqueConstraint("document_id", "coder_id"),
    )
    op.create_table(
        "codebook", _uuid_pk(), sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
    )
    op.create_table(
        "code", _uuid_pk(), _fk("codebook_id", "codebook"),
        _fk("parent_id", "code", nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("name_ar", sa.String(200), nullable=False),
        sa.Column("colour", sa.String(9), nullable=False),
        sa.Column("shortcut", sa.String(32), nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
        sa.Column("include", sa.Text, nullable=False),
        sa.Column("exclude", sa.Text, nullable=False),
        sa.Column("examples", sa.JSON, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "attribute_definition", _uuid_pk(), _fk("code_id", "code"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("choices", sa.JSON, nullable=False),
        sa.Column("required", sa.Boolean, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "annotation", _uuid_pk(), _fk("document_id", "document"), _fk("coder_id", "coder"),
        _fk("code_id", "code", ondelete="RESTRICT"),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("layer", sa.String(8), nullable=False),
        sa.Column("memo", sa.Text, nullable=False),
        _ts("created_at"), _ts("updated_at"),
        sa.CheckConstraint('start >= 0 AND "end" > start', name="span"),
    )
    op.create_index("ix_annotation_code_id", "annotation", ["code_id"])
    op.create_table(
        "attribute_value", _uuid_pk(), _fk("annotation_id", "annotation"),
        _fk("attribute_id", "attribute_definition"),
        sa.Column("value", sa.Text, nullable=False),
        sa.UniqueConstraint("annotation_id", "attribute_id"),
    )
    op.create_table(
        "relation", _uuid_pk(), sa.Column("type", sa.String(32), nullable=False),
        _fk("source_id", "annotation"), _fk("target_id", "annotation"), _fk("coder_id", "coder"),
        _ts("created_at"),
    )
    op.create_index("ix_relation_source_id", "relation", ["source_id"])
    op.create_index("ix_relation_target_id", "relation", ["target_id"])
    op.create_table(
        "tombstone", sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("coder_id", sa.String(36)), _ts("deleted_at"),
    )


def downgrade() -> None:
    for table in ("tombstone", "relation", "attribute_value", "annotation", "attribute_definition",
                  "code", "codebook", "assignment", "document_memo", "document", "coder",
                  "project"):
        op.drop_table(table)
