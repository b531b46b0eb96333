"""``annotator server coder URL list|remove|password``: the login roles of a server project
(``annotator.db.server_roles``). A removed coder can no longer connect; their work stays."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PasswordSource = Callable[[str], str | None]


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def list_logins(args: argparse.Namespace, _password: PasswordSource) -> int:
    from annotator.db import open_project
    from annotator.db.server_roles import login_roles

    store = open_project(args.url)
    try:
        with store.reader() as session:
            roles = login_roles(session.connection())
    finally:
        store.close()
    if args.json:
        for login in roles:
            _out(json.dumps({"coder": login.coder_name, "coder_uuid": login.coder_id,
                             "role": login.role, "kind": login.kind,
                             "can_login": login.can_login}, ensure_ascii=False))
        return 0
    width = max([len(login.coder_name) for login in roles] + [5])
    _out(f"{'coder':<{width}}  kind   login  role")
    for login in roles:
        _out(f"{login.coder_name:<{width}}  {login.kind:<5}  {'yes' if login.can_login else 'no':<5}"
             f"  {login.role}")
    return 0


def remove_login(args: argparse.Namespace, _password: PasswordSource) -> int:
    from annotator.db import open_project
    from annotator.db.server_roles import LoginRole, find_login, require_role_manager
    from annotator.db.server_roles import remove_login as remove

    store = open_project(args.url)
    try:
        def take_away(session: Session) -> LoginRole:  # roles are cluster-wide: retried
            require_role_manager(session.connection())
            found = find_login(session.connection(), args.name)
            remove(session.connection(), found, drop_role=args.drop_role)
            return found
        login = store.write(take_away)
    finally:
        store.close()
    dropped = "; the role was dropped from the server" if args.drop_role else ""
    _out(f"{login.coder_name} can no longer connect as {login.role!r}{dropped}; "
         "their coding stays in the project")
    return 0


def new_password(args: argparse.Namespace, password_for: PasswordSource) -> int:
    from annotator.db import open_project
    from annotator.db.server_roles import find_login, require_role_manager, set_password
    from annotator.errors import AnnotatorError

    store = open_project(args.url)
    try:
        with store.transaction() as session:
            require_role_manager(session.connection())
            login = find_login(session.connection(), args.name)
            password = password_for(login.role)
            if not password:
                raise AnnotatorError(f"no password given for {login.role!r} (set "
                                     "ANNOTATOR_ROLE_PASSWORD or run it in a terminal); "
                                     "nothing was changed")
            set_password(session.connection(), login, password)
    finally:
        store.close()
    _out(f"{login.role!r} ({login.coder_name}) has a new password")
    return 0
