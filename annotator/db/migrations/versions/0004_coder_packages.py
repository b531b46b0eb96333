"""Coder packages and merges: what a package was made from, and the conflicts a merge kept.

``package_info`` (one row, only in a coder package) names the project, the package and the
coder; ``package_baseline`` holds one content digest per item the package was made with, so a
merge can tell who changed what since. ``merge_conflict`` (in the lead's project) keeps the
package's version of every item that both sides changed, so nothing is silently overwritten.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package_info",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("project_id", sa.String(36), nullable=False),
        sa.Column("coder_id", sa.String(36), nullable=False),
        sa.Column("coder_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "package_baseline",
        sa.Column("item_id", sa.String(80), primary_key=True),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
    )
    op.create_table(
        "merge_conflict",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("coder_id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("item_id", sa.String(80), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("package_digest", sa.String(64), nullable=False),
        sa.Column("package_version", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("package_id", "item_id", "package_digest",
                            name="uq_merge_conflict_package_id"),
    )


def downgrade() -> None:
    op.drop_table("merge_conflict")
    op.drop_table("package_baseline")
    op.drop_table("package_info")
