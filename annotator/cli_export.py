"""``annotator export PATH --format FORMAT OUT``: every file format a project can be written to.

Writers are looked up in :data:`WRITERS`; each writes OUT atomically and returns the lines to
print (a summary and, for lossy formats, the data-loss report).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.export.scope import ExportScope

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Writer = Callable[["Session", Path, ExportScope], list[str]]


def _lazy(module: str, name: str) -> Writer:
    """A writer imported when it runs, so that ``annotator --help`` stays instant."""

    def write(session: Session, out: Path, scope: ExportScope) -> list[str]:
        return getattr(importlib.import_module(module), name)(session, out, scope)

    return write


WRITERS: dict[str, Writer] = {
    "qdpx": _lazy("annotator.export.refi_qda", "write_qdpx"),
    "qdc": _lazy("annotator.export.refi_qda", "write_qdc"),
}


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.db import open_project

    scope = ExportScope(coders=tuple(args.coders or ()), documents=tuple(args.documents or ()),
                        codes=tuple(args.codes or ()), layer=args.layer)
    store = open_project(args.path)
    try:
        with store.reader() as session:
            lines = WRITERS[args.format](session, Path(args.out), scope)
    finally:
        store.close()
    for line in lines:
        sys.stdout.write(line + "\n")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``export`` command to the ``annotator`` parser."""
    help_text = "export the project to another program's format"
    export = commands.add_parser("export", help=help_text, description=help_text)
    export.set_defaults(handler=cmd_export)
    export.add_argument("path", type=Path)
    export.add_argument("--format", required=True, choices=sorted(WRITERS))
    export.add_argument("out", metavar="OUT")
    export.add_argument("--coders", nargs="+", metavar="NAME")
    export.add_argument("--documents", nargs="+", metavar="ID", help="UUIDs or external ids")
    export.add_argument("--codes", nargs="+", metavar="PATH", help="code paths; a code includes its sub-codes")
    export.add_argument("--layer", choices=["coding", "gold", "all"], default="coding")
