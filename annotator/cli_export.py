"""``annotator export PATH --format FORMAT OUT``: every format a project can be written to.

Writers are looked up in :data:`WRITERS`; each takes a read session, the output path and the
scope, writes OUT atomically and returns the lines to print (a summary and, for formats that
cannot hold everything, the data-loss report). They are imported when they run, so that
``annotator --help`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError
from annotator.export.scope import ExportScope

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Writer = Callable[["Session", Path, ExportScope], list[str]]


def _lazy(module: str, name: str) -> Writer:
    """A writer imported when it runs."""

    def write(session: Session, out: Path, scope: ExportScope) -> list[str]:
        return getattr(importlib.import_module(module), name)(session, out, scope)

    return write


WRITERS: dict[str, Writer] = {
    "brat": _lazy("annotator.export.brat", "write_brat"),
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
    except OSError as error:  # the destination: a missing folder, no permission, a full disk
        raise AnnotatorError(f"{args.out}: cannot write the export "
                             f"({error.strerror or error}); nothing was written") from None
    finally:
        store.close()
    for line in lines:
        sys.stdout.write(line + "\n")
    return 0


def register(commands: Any) -> None:
    """Add the ``export`` command to the CLI's subcommands."""
    help_text = "export the project to another format"
    sub = commands.add_parser("export", help=help_text, description=help_text)
    sub.set_defaults(handler=cmd_export)
    sub.add_argument("path", type=Path)
    sub.add_argument("--format", required=True, choices=sorted(WRITERS))
    sub.add_argument("out", type=Path, metavar="OUT")
    sub.add_argument("--coders", nargs="+", metavar="NAME", help="only these coders")
    sub.add_argument("--documents", nargs="+", metavar="ID", help="UUIDs or external ids")
    sub.add_argument("--codes", nargs="+", metavar="PATH",
                     help="code paths; a code includes its sub-codes")
    sub.add_argument("--layer", choices=["coding", "gold", "all"], default="coding")
