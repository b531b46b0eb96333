"""Live views on a server: commits announce themselves with PostgreSQL LISTEN/NOTIFY.

A statement trigger on every coder-owned table (``annotator.db.rls.CODER_OWNED``) and on the
shared tables a lead's views show calls ``pg_notify(CHANNEL, table name)``; PostgreSQL delivers
the notification when (and only if) the transaction commits, one per table and transaction. A
``ChangeListener`` holds one extra connection that LISTENs; its socket becomes readable when a
notification arrives, so a window can wait on it (``QSocketNotifier``) without polling.
"""

from __future__ import annotations

import psycopg
from psycopg import sql
from sqlalchemy import Connection

from annotator.db.engine import ProjectStore
from annotator.db.rls import CODER_OWNED, existing_tables, run_composed

CHANNEL = "annotator_changes"


class ListenerLost(Exception):
    """The listening connection ended; a new ``ChangeListener`` is needed."""

SHARED_TABLES = ("document", "coder", "code", "adjudication")


def install_notify_triggers(connection: Connection) -> None:
    """Create (or renew) the notify trigger on each live table the schema has."""
    run_composed(connection, sql.SQL(
        "CREATE OR REPLACE FUNCTION annotator_notify() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN PERFORM pg_notify({channel}, TG_TABLE_NAME); RETURN NULL; END $$"
    ).format(channel=sql.Literal(CHANNEL)))
    present = existing_tables(connection)
    for table in (*CODER_OWNED, *SHARED_TABLES):
        if table not in present:
            continue
        name = sql.Identifier(table)
        run_composed(connection, sql.SQL("DROP TRIGGER IF EXISTS annotator_notify ON {}")
                     .format(name))
        run_composed(connection, sql.SQL(
            "CREATE TRIGGER annotator_notify AFTER INSERT OR UPDATE OR DELETE ON {} "
            "FOR EACH STATEMENT EXECUTE FUNCTION annotator_notify()").format(name))


class ChangeListener:
    """One connection of the store's engine, kept apart from the pool, LISTENing on CHANNEL."""

    def __init__(self, store: ProjectStore) -> None:
        """Raises SQLAlchemy's ``DBAPIError`` when no connection can be had, ``ListenerLost``
        when the one had fails."""
        raw = store.engine.raw_connection()
        self._connection = raw.driver_connection
        raw.detach()  # owned by this listener, never handed to a session
        self._raw = raw
        try:
            self._connection.rollback()  # type: ignore[union-attr]
            self._connection.autocommit = True  # type: ignore[union-attr]
            self._connection.execute(  # type: ignore[union-attr]
                sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
        except psycopg.Error as error:
            self.close()
            raise ListenerLost(str(error).strip().splitlines()[0]) from None

    def fileno(self) -> int:
        return int(self._connection.fileno())  # type: ignore[union-attr]

    def pending(self) -> set[str]:
        """The tables named by notifications that have arrived; never blocks. Raises
        ``ListenerLost`` when the connection is gone (a server restarted, a network down)."""
        try:
            notes = self._connection.notifies(timeout=0)  # type: ignore[union-attr]
            return {note.payload for note in notes}
        except psycopg.Error as error:
            raise ListenerLost(str(error).strip().splitlines()[0]) from None

    def close(self) -> None:
        self._connection.close()  # type: ignore[union-attr]  # closing a dead one is fine too
