"""``annotator server``: a project on a PostgreSQL server (docs/server.md).

``init`` creates the project and the row-level security that keeps coding blind, ``coder add``
creates a coder's (or lead's) login role (``list``, ``remove`` and ``password`` manage them:
``annotator.cli_server_roles``), ``copy`` moves a whole project between a file and a
server in either direction (also the backup). Passwords never come from the command line: the
server's from ``PGPASSWORD``/``~/.pgpass``/a prompt, a new role's from ``ANNOTATOR_ROLE_PASSWORD``
or a prompt (twice).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.cli_server_who import register as register_who
from annotator.cli_server_who import who
from annotator.errors import AnnotatorError
from annotator.project_location import is_server_url, project_location

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Command = Callable[..., argparse.ArgumentParser]
ROLE_PASSWORD_ENV = "ANNOTATOR_ROLE_PASSWORD"


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _server_url(text: str) -> str:
    location = project_location(text)
    if not is_server_url(location):
        raise argparse.ArgumentTypeError(f"{text}: not a server URL (postgresql+psycopg://user@"
                                         "host/database)")
    return str(location)


def install_password_prompt() -> None:
    """Let server connections ask for a missing password on the terminal (never echoed)."""
    from annotator.db.engine import PASSWORD_PROMPT

    if sys.stdin.isatty() and not PASSWORD_PROMPT:
        PASSWORD_PROMPT.append(lambda url: getpass.getpass(f"password for {url}: ") or None)


def register(command: Command) -> None:
    server = command("server", _dispatch, "a project on a PostgreSQL server: init, coder, copy, who")
    actions = server.add_subparsers(dest="server_action", required=True, metavar="ACTION")
    init = actions.add_parser("init", help="create a project and its row-level security")
    init.add_argument("url", type=_server_url)
    init.add_argument("--name", required=True, help="the project's name")
    init.add_argument("--lead", required=True, help="the lead's coder name (this connection)")
    coder = actions.add_parser("coder", help="the login roles: add, list, remove, password")
    coder.add_argument("url", type=_server_url)
    coder.add_argument("action", choices=["add", "list", "remove", "password"])
    coder.add_argument("name", nargs="?", help="the coder's name in the project (or the role)")
    coder.add_argument("--role", help="add: the login role (default: the name)")
    coder.add_argument("--lead", action="store_true", help="add: a lead reads and writes all rows")
    coder.add_argument("--drop-role", action="store_true",
                       help="remove: also drop the role from the server (it must own nothing)")
    coder.add_argument("--json", action="store_true", help="list: JSON lines")
    copy = actions.add_parser("copy", help="copy a whole project: file -> server, server -> file")
    copy.add_argument("source", type=project_location)
    copy.add_argument("destination", type=project_location)
    register_who(actions, _server_url)


def _dispatch(args: argparse.Namespace) -> int:
    install_password_prompt()
    handlers = {"init": _init, "coder": _coder, "copy": _copy, "who": who}
    return handlers[args.server_action](args)


def _init(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from annotator.db import open_project
    from annotator.db.models import Project
    from annotator.db.rls import install_policies, map_role
    from annotator.db.services.coders import add_coder
    from annotator.db.services.projects import create_project
    from annotator.domain import Role

    store = open_project(args.url, create=True)
    try:
        with store.transaction() as session:
            if session.scalar(select(func.count()).select_from(Project)):
                raise AnnotatorError(f"{args.url}: already holds a project")
            project_id = create_project(session, args.name)
            lead_id = add_coder(session, args.lead, Role.LEAD)
            connection = session.connection()
            groups = install_policies(connection)
            map_role(connection, lead_id)
    finally:
        store.close()
    _out(f"created project {project_id} on {args.url}; lead {args.lead} is this connection's "
         f"role; coders join the role {groups.coder}, leads {groups.lead}")
    return 0


def _new_role_password(role: str) -> str | None:
    password = os.environ.get(ROLE_PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"new password for the role {role}: ")
    if first != getpass.getpass("the same password again: "):
        raise AnnotatorError("the two passwords differ; nothing was changed")
    return first or None


def _coder(args: argparse.Namespace) -> int:
    if args.action != "list" and not args.name:
        raise AnnotatorError(f"server coder {args.action}: name the coder (or the role)")
    if args.action == "add":
        return _add_coder(args)
    from annotator.cli_server_roles import list_logins, new_password, remove_login

    return {"list": list_logins, "remove": remove_login, "password": new_password}[args.action](
        args, _new_role_password)


def _add_coder(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.rls import add_login_role
    from annotator.db.server_roles import require_role_manager
    from annotator.db.services.coders import add_coder, list_coders
    from annotator.domain import Role

    role = args.role or args.name
    store = open_project(args.url)
    try:
        with store.reader() as session:
            require_role_manager(session.connection())
        password = _new_role_password(role)

        def add(session: Session) -> None:  # roles are cluster-wide: retried after a deadlock
            known = {coder.name: coder for coder in list_coders(session)}
            coder_id = (known[args.name].uuid if args.name in known else
                        add_coder(session, args.name, Role.LEAD if args.lead else Role.CODER))
            try:
                add_login_role(session.connection(), role, password, coder_id, lead=args.lead)
            except ValueError as error:
                raise AnnotatorError(f"{role!r}: {error}") from None
        store.write(add)
    finally:
        store.close()
    kind = "lead" if args.lead else "coder"
    note = "" if password else f" (no password set: give one with {ROLE_PASSWORD_ENV} or ALTER ROLE)"
    _out(f"{kind} {args.name} connects as role {role!r}{note}")
    return 0


def _copy(args: argparse.Namespace) -> int:
    from annotator.db.services.server_copy import copy_project

    counts = copy_project(args.source, args.destination)
    if is_server_url(args.destination):  # blind coding from the first coder role on
        from annotator.db import open_project
        from annotator.db.rls import install_policies

        store = open_project(args.destination)
        try:
            store.write(lambda session: install_policies(session.connection()))
        finally:
            store.close()
    rows = sum(counts.values())
    _out(f"copied {args.source} to {args.destination}: {rows} rows in {len(counts)} tables "
         f"({counts.get('document', 0)} documents, {counts.get('annotation', 0)} annotations)")
    return 0
