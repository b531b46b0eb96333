"""The ``annotator coder`` command: add, list, rename, retire or reinstate coders, and set the
lead passphrase (asked with ``getpass``, never taken from the command line).

Light to import: the database loads only when a command runs, so ``annotator --help`` stays
instant.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.project_location import project_location

if TYPE_CHECKING:
    from annotator.db.engine import ProjectStore

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], argparse.ArgumentParser]
ACTIONS = ("add", "list", "rename", "retire", "reinstate", "passphrase")


def register(command: Command) -> None:
    """Add ``coder`` through build_parser's ``command`` helper."""
    coder = command("coder", cmd_coder, "add, list, rename, retire or reinstate coders; set the "
                    "lead passphrase")
    coder.add_argument("path", type=project_location)
    coder.add_argument("action", choices=ACTIONS)
    coder.add_argument("name", nargs="?", help="the coder (add, rename, retire, reinstate)")
    coder.add_argument("new_name", nargs="?", help="rename: the new name")
    coder.add_argument("--lead", action="store_true", help="add: the coder is a project lead")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def cmd_coder(args: argparse.Namespace) -> int:
    from annotator.db import open_project

    store = open_project(args.path, on_wait=lambda text: sys.stderr.write(f"annotator: {text}\n"))
    try:
        if args.action == "list":
            return _list(store)
        if args.action == "passphrase":
            return _passphrase(store)
        if not args.name:
            raise AnnotatorError(f"coder {args.action} needs a NAME")
        return {"add": _add, "rename": _rename, "retire": _retire,
                "reinstate": _retire}[args.action](store, args)
    finally:
        store.close()


def _list(store: ProjectStore) -> int:
    from annotator.db.services.coder_roles import roster

    with store.reader() as session:
        people = roster(session)
    for coder in people.coders:
        state = "  retired" if coder.uuid in people.retired else ""
        _out(f"{coder.uuid}  {coder.role.value:<5}  {coder.name}{state}")
    if not people.protected and people.leads():
        _out("(no lead passphrase: anyone can open this project as lead; "
             "set one with `annotator coder PATH passphrase`)")
    return 0


def _add(store: ProjectStore, args: argparse.Namespace) -> int:
    from annotator.db.services.coders import add_coder
    from annotator.domain import Role

    with store.transaction() as session:
        add_coder(session, args.name, Role.LEAD if args.lead else Role.CODER)
    _out(f"added {'lead' if args.lead else 'coder'} {args.name}")
    return 0


def _rename(store: ProjectStore, args: argparse.Namespace) -> int:
    from annotator.db.services.coder_roles import rename_coder
    from annotator.db.services.lookup import find_coder

    if not args.new_name:
        raise AnnotatorError("coder rename needs the NAME and the NEW_NAME")
    with store.transaction() as session:
        old = rename_coder(session, find_coder(session, args.name).id, args.new_name)
    _out(f"renamed {old} to {args.new_name.strip()}")
    return 0


def _retire(store: ProjectStore, args: argparse.Namespace) -> int:
    from annotator.db.services.coder_roles import set_retired
    from annotator.db.services.lookup import find_coder

    retire = args.action == "retire"
    with store.transaction() as session:
        coder = find_coder(session, args.name)
        set_retired(session, coder.id, retire)
        name = coder.name
    _out(f"{'retired' if retire else 'reinstated'} {name}" + (
        " (their work stays in the project)" if retire else ""))
    return 0


def _passphrase(store: ProjectStore) -> int:
    """Set or change the lead passphrase: the current one first when one is set, then twice."""
    from annotator.db.services.coder_roles import lead_passphrase_set, set_lead_passphrase

    with store.reader() as session:
        current = getpass.getpass("Current lead passphrase: ") if lead_passphrase_set(session) \
            else None
    new = getpass.getpass("New lead passphrase: ")
    if getpass.getpass("The same again: ") != new:
        raise AnnotatorError("the two passphrases differ; nothing was changed")
    with store.transaction() as session:
        set_lead_passphrase(session, new, current)
    _out("lead passphrase set: opening this project as lead now asks for it")
    return 0
