"""The login roles of a server project: list them, take one away, give one a new password.

A login role reaches the project only through the project's group roles (``annotator.db.rls``:
CONNECT is granted to them, not to PUBLIC) and its row in ``annotator_role``. Removing a coder's
login revokes both, so the role can no longer connect; the coder's work stays in the project.
Only roles mapped to this project are touched: the commands never change an unrelated role of
the cluster, and never the project owner's (the lead who ran ``server init``).
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql
from sqlalchemy import Connection, text

from annotator.db.rls import MAPPING_TABLE, existing_tables, group_roles, run_composed
from annotator.errors import ProjectError


@dataclass(frozen=True)
class LoginRole:
    role: str
    coder_id: str
    coder_name: str
    kind: str  # "owner", "lead", "coder", or "none" (mapped but in neither group)
    can_login: bool  # False also when the role no longer exists in the cluster


_ROLES = text(f"""
    SELECT m.role_name, m.coder_id, c.name, coalesce(r.rolcanlogin, false),
           r.rolname IS NOT NULL AND r.rolname = (
               SELECT tableowner FROM pg_tables
               WHERE schemaname = current_schema() AND tablename = 'annotation'),
           EXISTS (SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid
                   WHERE a.member = r.oid AND g.rolname = :lead),
           EXISTS (SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid
                   WHERE a.member = r.oid AND g.rolname = :coder)
    FROM {MAPPING_TABLE} m JOIN coder c ON c.id = m.coder_id
    LEFT JOIN pg_roles r ON r.rolname = m.role_name
    ORDER BY c.name, m.role_name""")


def login_roles(connection: Connection) -> list[LoginRole]:
    """Every login role mapped to a coder of this project, by coder name."""
    if MAPPING_TABLE not in existing_tables(connection):
        raise ProjectError("this project has no login roles (it was not made by "
                           "'annotator server init' or 'server copy')")
    groups = group_roles(connection)
    rows = connection.execute(_ROLES, {"lead": groups.lead, "coder": groups.coder}).all()
    return [LoginRole(role, coder_id, name, _kind(owner, lead, coder), bool(login))
            for role, coder_id, name, login, owner, lead, coder in rows]


def _kind(owner: bool, lead: bool, coder: bool) -> str:
    return "owner" if owner else "lead" if lead else "coder" if coder else "none"


def find_login(connection: Connection, name_or_role: str) -> LoginRole:
    """The one login role named so, or the one role of the coder named so."""
    roles = login_roles(connection)
    by_role = [r for r in roles if r.role == name_or_role]
    by_name = [r for r in roles if r.coder_name == name_or_role]
    found = by_role or by_name
    if not found:
        raise ProjectError(f"{name_or_role!r}: no login role or coder of that name in this "
                           "project ('server coder URL list' shows them)")
    if len(found) > 1:
        names = ", ".join(r.role for r in found)
        raise ProjectError(f"{name_or_role!r} has several login roles ({names}): name the role")
    return found[0]


def remove_login(connection: Connection, login: LoginRole, *, drop_role: bool = False) -> None:
    """Take the project away from ``login``: out of both groups, unmapped (and, with
    ``drop_role``, dropped from the cluster). Refused for the owner and for oneself."""
    _refuse_owner_or_self(connection, login, "remove")
    groups = group_roles(connection)
    role = sql.Identifier(login.role)
    if login.can_login or _exists(connection, login.role):
        for group in (groups.coder, groups.lead):
            run_composed(connection, sql.SQL("REVOKE {} FROM {}").format(
                sql.Identifier(group), role))
    connection.execute(text(f"DELETE FROM {MAPPING_TABLE} WHERE role_name = :r"),
                       {"r": login.role})
    if drop_role and _exists(connection, login.role):
        run_composed(connection, sql.SQL("DROP ROLE {}").format(role))


def regroup_logins(connection: Connection, coder_id: str, *, lead: bool) -> None:
    """Move a coder's logins to the lead group or the coder group, so that what the database
    lets them read follows their role in the project (``set_role``)."""
    if MAPPING_TABLE not in existing_tables(connection):
        return
    logins = [login for login in login_roles(connection)
              if login.coder_id == coder_id and login.kind in ("lead", "coder")]
    if not logins:
        return
    require_role_manager(connection)
    groups = group_roles(connection)
    joined, left = (groups.lead, groups.coder) if lead else (groups.coder, groups.lead)
    for login in logins:
        role = sql.Identifier(login.role)
        run_composed(connection, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(left), role))
        run_composed(connection, sql.SQL("GRANT {} TO {}").format(sql.Identifier(joined), role))


def set_password(connection: Connection, login: LoginRole, password: str) -> None:
    """A new password for a login role of this project (the owner's included)."""
    if not password:
        raise ProjectError("an empty password was given; nothing was changed")
    if not _exists(connection, login.role):
        raise ProjectError(f"{login.role!r} no longer exists on the server; add it again")
    run_composed(connection, sql.SQL("ALTER ROLE {} PASSWORD {}").format(
        sql.Identifier(login.role), sql.Literal(password)))


def require_role_manager(connection: Connection) -> None:
    """Adding, removing and re-passwording logins needs a role that may manage roles
    (PostgreSQL's CREATEROLE or a superuser: the owner who ran ``server init``, typically)."""
    current, allowed = connection.execute(text(
        "SELECT rolname, rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    )).one()
    if not allowed:
        raise ProjectError(f"{current!r} may not manage login roles: connect as the project's "
                           "owner (who ran 'annotator server init') or another role with "
                           "CREATEROLE; nothing was changed")


def _exists(connection: Connection, role: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": role})
    return found.first() is not None


def _refuse_owner_or_self(connection: Connection, login: LoginRole, what: str) -> None:
    if login.kind == "owner":
        raise ProjectError(f"{login.role!r} owns the project; its login cannot be {what}d")
    current = str(connection.execute(text("SELECT current_user")).scalar_one())
    if current == login.role:
        raise ProjectError(f"{login.role!r} is this connection's own role; connect as another "
                           f"lead to {what} it")
