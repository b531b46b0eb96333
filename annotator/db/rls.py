"""Blind coding enforced by PostgreSQL: one login role per coder, row-level security per table.

Each project database gets two group roles, ``<db>_coder`` and ``<db>_lead``, and a table
``annotator_role`` mapping login roles to project coders. A coder's role reads and writes only the
rows of ``CODER_OWNED`` whose owner expression holds (its own coding, memos, answers, relations,
tombstones and assignments) and reads the shared tables (documents, codebook, coders); it cannot
change the codebook, documents or coders. A lead's role reads and writes everything. The role that
ran ``annotator server init`` owns the tables and so is not subject to the policies (PostgreSQL
exempts owners); it is the project's first lead.

The policy set is table-driven: a new coder-owned table is one line in ``CODER_OWNED``; a table
not (yet) in the schema is skipped, so the list may name tables a later migration adds.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

# table -> SQL expression true for the connected coder's own rows ({me} = the coder's id)
OWN_ROW = "coder_id = {me}"
CODER_OWNED: dict[str, str] = {
    "annotation": OWN_ROW,
    "attribute_value": "EXISTS (SELECT 1 FROM annotation a WHERE a.id = annotation_id)",
    "relation": OWN_ROW,
    "document_memo": OWN_ROW,
    "tombstone": OWN_ROW,
    "assignment": OWN_ROW,
    "document_answer": OWN_ROW,  # added by migration 0006 (document questions)
    "merge_conflict": OWN_ROW,  # a package's versions kept aside by a merge
}
ME = "annotator_coder_id()"
MAPPING_TABLE = "annotator_role"
ROLE_NAME_LIMIT = 63  # PostgreSQL's identifier length


@dataclass(frozen=True)
class GroupRoles:
    coder: str
    lead: str


def group_roles(connection: Connection) -> GroupRoles:
    """The project's two group roles, named after its database (roles are cluster-wide)."""
    database = str(connection.execute(text("SELECT current_database()")).scalar_one())
    return GroupRoles(coder=f"{database}_coder", lead=f"{database}_lead")


def run_composed(connection: Connection, statement: sql.Composable) -> None:
    """Run a statement composed with ``psycopg.sql`` (quoted identifiers and literals). A
    failure is raised as SQLAlchemy's ``DBAPIError``, as every other statement's is, so that
    the server's refusal reaches the user as one line (``annotator.db.server``)."""
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:  # type: ignore[attr-defined]
        try:
            cursor.execute(statement)
        except psycopg.Error as error:
            raise DBAPIError.instance(statement.as_string(raw), None, error,
                                      psycopg.Error) from None


def existing_tables(connection: Connection) -> set[str]:
    rows = connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
    return {row[0] for row in rows}


def _ensure_group(connection: Connection, name: str) -> None:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    if found.first() is None:
        run_composed(connection, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))


def install_policies(connection: Connection) -> GroupRoles:
    """Create (or bring up to date) the group roles, grants, mapping table and policies.

    Safe to run again, e.g. after an upgrade added a coder-owned table."""
    groups = group_roles(connection)
    for name in (groups.coder, groups.lead):
        _ensure_group(connection, name)
    coder, lead = sql.Identifier(groups.coder), sql.Identifier(groups.lead)
    database = sql.Identifier(str(connection.execute(text("SELECT current_database()")).scalar()))
    run_composed(connection, sql.SQL(
        "CREATE TABLE IF NOT EXISTS {} (role_name text PRIMARY KEY, coder_id varchar(36) NOT NULL "
        "REFERENCES coder(id) ON DELETE CASCADE)").format(sql.Identifier(MAPPING_TABLE)))
    schema = str(connection.execute(text("SELECT current_schema()")).scalar_one())
    # Schema-qualified, with pg_temp searched last: a coder's temporary table of the same name
    # must not stand in for the mapping.
    run_composed(connection, sql.SQL(
        "CREATE OR REPLACE FUNCTION annotator_coder_id() RETURNS varchar LANGUAGE sql STABLE "
        "SET search_path = {schema}, pg_temp "
        "AS $$ SELECT coder_id FROM {schema}.annotator_role WHERE role_name = current_user $$"
    ).format(schema=sql.Identifier(schema)))
    for statement in (
        "REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        "GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {coder}, {lead}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        "GRANT USAGE ON SCHEMA public TO {coder}, {lead}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {coder}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {lead}",
        "REVOKE ALL ON {mapping} FROM {coder}",
        "GRANT SELECT ON {mapping} TO {coder}",
    ):
        run_composed(connection, sql.SQL(statement).format(
            db=database, coder=coder, lead=lead, mapping=sql.Identifier(MAPPING_TABLE)))
    _protect_mapping(connection, groups)
    present = existing_tables(connection)
    for table, own in CODER_OWNED.items():
        if table in present:
            _protect(connection, table, own, groups)
    from annotator.db.live import install_notify_triggers  # it builds on this module

    install_notify_triggers(connection)
    from annotator.db.presence import install_presence_function  # it builds on this module

    install_presence_function(connection, groups.lead)
    return groups


def _protect_mapping(connection: Connection, groups: GroupRoles) -> None:
    """A coder's role reads only its own mapping row and writes none (a write could map it to
    another coder); leads read and write all."""
    for statement in (
        "ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS annotator_own ON {t}",
        "DROP POLICY IF EXISTS annotator_lead ON {t}",
        "CREATE POLICY annotator_own ON {t} FOR SELECT TO {coder} USING (role_name = current_user)",
        "CREATE POLICY annotator_lead ON {t} FOR ALL TO {lead} USING (true) WITH CHECK (true)",
    ):
        run_composed(connection, sql.SQL(statement).format(
            t=sql.Identifier(MAPPING_TABLE), coder=sql.Identifier(groups.coder),
            lead=sql.Identifier(groups.lead)))


def _protect(connection: Connection, table: str, own: str, groups: GroupRoles) -> None:
    name = sql.Identifier(table)
    expression = sql.SQL(own.format(me=ME))  # constants of this module, never user input
    for policy in ("annotator_own", "annotator_lead"):
        run_composed(connection, sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(
            sql.Identifier(policy), name))
    for statement in (
        "ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO {coder}",
        "CREATE POLICY annotator_own ON {t} FOR ALL TO {coder} USING ({own}) WITH CHECK ({own})",
        "CREATE POLICY annotator_lead ON {t} FOR ALL TO {lead} USING (true) WITH CHECK (true)",
    ):
        run_composed(connection, sql.SQL(statement).format(
            t=name, own=expression, coder=sql.Identifier(groups.coder),
            lead=sql.Identifier(groups.lead)))


def add_login_role(connection: Connection, role: str, password: str | None, coder_id: str,
                   *, lead: bool) -> None:
    """Create the login role ``role`` (or reuse an existing one), put it in the coder or lead
    group and map it to ``coder_id``. Names are quoted as identifiers, so any text is safe."""
    if not role or len(role.encode()) > ROLE_NAME_LIMIT:
        raise ValueError(f"role name must be 1 to {ROLE_NAME_LIMIT} bytes")
    groups = install_policies(connection)
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": role})
    identifier = sql.Identifier(role)
    if exists.first() is None:
        run_composed(connection, sql.SQL("CREATE ROLE {} LOGIN").format(identifier))
    if password is not None:
        run_composed(connection, sql.SQL("ALTER ROLE {} PASSWORD {}").format(identifier,
                                                                      sql.Literal(password)))
    group = groups.lead if lead else groups.coder
    run_composed(connection, sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), identifier))
    connection.execute(text(
        "INSERT INTO annotator_role (role_name, coder_id) VALUES (:r, :c) "
        "ON CONFLICT (role_name) DO UPDATE SET coder_id = EXCLUDED.coder_id"),
        {"r": role, "c": coder_id})


def connected_coder_id(connection: Connection) -> str | None:
    """The project coder mapped to the connected role (None: no mapping, e.g. the owner)."""
    if MAPPING_TABLE not in existing_tables(connection):
        return None
    return connection.execute(text(
        "SELECT coder_id FROM annotator_role WHERE role_name = current_user")).scalar()


def map_role(connection: Connection, coder_id: str) -> None:
    """Map the connected role (the project's owner, at ``server init``) to ``coder_id``."""
    connection.execute(text(
        "INSERT INTO annotator_role (role_name, coder_id) VALUES (current_user, :c) "
        "ON CONFLICT (role_name) DO UPDATE SET coder_id = EXCLUDED.coder_id"), {"c": coder_id})
