"""``annotator export PATH --format FORMAT OUT``: every export format, one writer each.

A writer takes a read session, the output path and the scope, writes the file atomically and
returns the lines to print (a summary and, for formats that cannot hold everything, what was left
out).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError
from annotator.export.scope import ExportScope

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Writer = Callable[["Session", Path, ExportScope], list[str]]


def _brat(session: Session, out: Path, scope: ExportScope) -> list[str]:
    from annotator.export.brat import write_brat

    return write_brat(session, out, scope)


WRITERS: dict[str, Writer] = {
    "brat": _brat,
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
    sub = commands.add_parser("export", help="export the project to another format",
                              description="export the project to another format")
    sub.set_defaults(handler=cmd_export)
    sub.add_argument("path", type=Path)
    sub.add_argument("--format", required=True, choices=sorted(WRITERS))
    sub.add_argument("out", type=Path, metavar="OUT")
    sub.add_argument("--coders", nargs="+", metavar="NAME", help="only these coders")
    sub.add_argument("--documents", nargs="+", metavar="ID", help="UUIDs or external ids")
    sub.add_argument("--codes", nargs="+", metavar="PATH", help="code paths (with sub-codes)")
    sub.add_argument("--layer", choices=["coding", "gold", "all"], default="coding")
