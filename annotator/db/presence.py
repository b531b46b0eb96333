"""Who is coding right now on a server project, and when each coder last changed something.

PostgreSQL shows every role the sessions of the whole cluster in ``pg_stat_activity``, but only
the database, the session's role, its ``application_name`` and its process id: the start of a
session (``backend_start``), its state, address and query are hidden from a role that is neither a
superuser, nor in ``pg_read_all_stats``, nor has the privileges of the session's role. A lead's
role therefore cannot see since when a coder is connected, and cannot read the mapping of other
login roles to coders... unless it asks ``annotator_presence()``: a ``SECURITY DEFINER`` function
installed with the policies (``annotator.db.rls.install_policies``), owned by the project's owner,
that returns for this database only, for the app's sessions only, per coder: how many sessions
and the earliest start. Only the lead group may run it; a coder's role may not (it keeps seeing
what PostgreSQL shows every role, see docs/server.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from psycopg import sql
from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, Coder, DocumentAnswer
from annotator.db.services.progress import _aware
from annotator.errors import ProjectError

APPLICATION_NAME = "framing-annotator"  # every connection of the app (annotator.db.server)
FUNCTION = "annotator_presence"


@dataclass(frozen=True)
class CoderPresence:
    coder_id: str
    name: str
    role: str  # the coder's role in the project ("coder", "lead")
    sessions: int  # the app's connections of this coder's login roles to this database now
    since: datetime | None  # the earliest of them started (None: not connected, or not visible)
    last_change: datetime | None  # the latest update of their annotations or answers

    @property
    def connected(self) -> bool:
        return self.sessions > 0


def install_presence_function(connection: Connection, lead_group: str) -> None:
    """Create (or renew) ``annotator_presence()``, runnable by the lead group only."""
    from annotator.db.rls import MAPPING_TABLE, run_composed

    schema = sql.Identifier(str(connection.execute(text("SELECT current_schema()")).scalar_one()))
    function = sql.SQL("{}.{}()").format(schema, sql.Identifier(FUNCTION))
    run_composed(connection, sql.SQL(
        "CREATE OR REPLACE FUNCTION {function} "
        "RETURNS TABLE (coder_id varchar, sessions bigint, since timestamptz) "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ "
        "SELECT m.coder_id, count(*), min(a.backend_start) "
        "FROM pg_catalog.pg_stat_activity a JOIN {schema}.{mapping} m ON m.role_name = a.usename "
        "WHERE a.datname = current_database() AND a.application_name = {app} "
        "GROUP BY m.coder_id $$").format(
            function=function, schema=schema, mapping=sql.Identifier(MAPPING_TABLE),
            app=sql.Literal(APPLICATION_NAME)))
    run_composed(connection, sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(function))
    run_composed(connection, sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
        function, sql.Identifier(lead_group)))


def _sessions(connection: Connection) -> dict[str, tuple[int, datetime | None]]:
    present = connection.execute(text(
        "SELECT 1 FROM pg_proc WHERE proname = :f AND pronamespace = current_schema()::regnamespace"
    ), {"f": FUNCTION}).first()
    if present is None:
        raise ProjectError("this project does not show who is connected yet: it was set up by an "
                           "older version; its owner renews the policies by adding a login again "
                           "('annotator server coder URL add NAME --role ROLE')")
    allowed = connection.execute(text("SELECT has_function_privilege(:f, 'EXECUTE')"),
                                 {"f": f"{FUNCTION}()"}).scalar()
    if not allowed:
        raise ProjectError("only a lead's role may see who is connected to the project")
    rows = connection.execute(text(f"SELECT coder_id, sessions, since FROM {FUNCTION}()")).all()
    return {coder_id: (int(count), since) for coder_id, count, since in rows}


def last_changes(session: Session) -> dict[str, datetime]:
    """Per coder, the latest ``updated_at`` of their annotations (any layer) and answers."""
    latest: dict[str, datetime] = {}
    for model in (Annotation, DocumentAnswer):
        rows = session.execute(select(model.coder_id, func.max(model.updated_at))
                               .group_by(model.coder_id)).all()
        for coder_id, moment in rows:
            moment = _aware(moment)
            if moment is not None and (coder_id not in latest or moment > latest[coder_id]):
                latest[coder_id] = moment
    return latest


def coder_presence(session: Session) -> list[CoderPresence]:
    """Every coder of the project, by name: connected now (sessions, since when), last change.

    Raises ``ProjectError`` for a project file, or for a role that may not see it (a coder's)."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        raise ProjectError("who is connected is known only for a project on a server")
    sessions = _sessions(connection)
    changes = last_changes(session)
    coders = session.execute(select(Coder.id, Coder.name, Coder.role).order_by(Coder.name)).all()
    return [CoderPresence(coder_id, name, role, *sessions.get(coder_id, (0, None)),
                          changes.get(coder_id))
            for coder_id, name, role in coders]


def presence_json(presence: CoderPresence) -> dict[str, Any]:
    """One coder as JSON (times in ISO 8601, UTC)."""
    record = asdict(presence)
    record["connected"] = presence.connected
    for key in ("since", "last_change"):
        moment = record[key]
        record[key] = moment.isoformat(timespec="seconds") if moment else None
    return record
