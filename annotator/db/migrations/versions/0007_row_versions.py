"""Row versions: an update of an annotation or a memo changed meanwhile is caught, not lost.

Each row counts its updates in ``row_version``; every ORM update is ``... WHERE id = :id AND
row_version = :read`` (SQLAlchemy's ``version_id_col``), so an update of a row that another
connection changed since it was read touches nothing and is reported. The same column serves a
project file shared by two copies of the app and a PostgreSQL server shared by a team.

Revision ID: 0007
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = ("annotation", "document_memo")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_version", sa.Integer, nullable=False,
                                       server_default="1"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_version")
