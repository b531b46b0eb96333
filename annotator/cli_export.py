"""The ``annotator export`` command and the registry of export formats.

Each writer takes a read session, the output path and the scope, writes the file atomically
(annotator/export/atomic.py) and returns the lines to print: a summary and, for a format that
cannot carry everything, what it left out.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.project_location import project_location
from annotator.errors import AnnotatorError
from annotator.export.scope import LAYERS, ExportScope
from annotator.export.writers import TableOptions, export_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Writer = Callable[["Session", Path, ExportScope], list[str]]


def tables_writer(kind: str, options: TableOptions = TableOptions()) -> Writer:
    """The xlsx or csv writer with these reliability options."""
    def write(session: Session, out: Path, scope: ExportScope) -> list[str]:
        return export_file(session, kind, out, scope, options)
    return write


def _writer(kind: str) -> Writer:
    def write(session: Session, out: Path, scope: ExportScope) -> list[str]:
        return export_file(session, kind, out, scope)
    return write


TABLE_FORMATS = ("xlsx", "csv")
WRITERS: dict[str, Writer] = {
    "xlsx": tables_writer("xlsx"),
    "csv": tables_writer("csv"),
    "sav": _writer("sav"),
    "dta": _writer("dta"),
    "jsonl": _writer("jsonl"),
    "brat": _writer("brat"),
    "qdpx": _writer("qdpx"),
    "qdc": _writer("qdc"),
}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``export`` to the ``annotator`` command's subcommands."""
    export = commands.add_parser(
        "export", help="export a project to Excel, CSV, SPSS, Stata, JSONL, brat or REFI-QDA",
        description="Write the project (or the chosen coders, documents, codes and layer) to a "
                    "file another program reads. xlsx: every table as a sheet with a README; "
                    "csv: one UTF-8 CSV per table, zipped; sav/dta: the document x coder "
                    "matrix with labels; jsonl: annotations for `annotator annotations import`; "
                    "brat: a zip of .txt/.ann per document and coder; qdpx/qdc: REFI-QDA "
                    "project or codebook (MAXQDA, ATLAS.ti, NVivo, QualCoder).")
    export.add_argument("path", type=project_location, help="project file")
    export.add_argument("--format", required=True, choices=sorted(WRITERS), dest="format")
    export.add_argument("out", type=Path, help="file to write (replaced atomically)")
    export.add_argument("--coders", nargs="+", action="extend", metavar="NAME", default=[],
                        help="only these coders")
    export.add_argument("--documents", nargs="+", action="extend", metavar="ID", default=[],
                        help="only these documents (UUIDs or external ids)")
    export.add_argument("--codes", nargs="+", action="extend", metavar="PATH", default=[],
                        help="only these codes (a parent brings its sub-codes, a kind all its "
                             "codes)")
    export.add_argument("--layer", choices=LAYERS, default="coding",
                        help="coding (default), gold or all")
    export.add_argument("--bootstrap", type=_count, default=1000, metavar="N",
                        help="xlsx/csv: bootstrap replicates of the Reliability intervals "
                             "(default 1000, as `annotator agreement`; 0: none)")
    export.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    export.add_argument("--no-reliability", action="store_true",
                        help="xlsx/csv: leave out the Reliability and Pairwise tables (the "
                             "agreement report is the slow part of a large export)")
    export.set_defaults(handler=cmd_export)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return int(text)


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.db import open_project

    if not args.out.parent.is_dir():
        raise AnnotatorError(f"{args.out}: the folder {args.out.parent} does not exist")
    scope = ExportScope(tuple(args.coders), tuple(args.documents), tuple(args.codes), args.layer)
    writer = WRITERS[args.format]
    if args.format in TABLE_FORMATS:
        writer = tables_writer(args.format, TableOptions(not args.no_reliability,
                                                         args.bootstrap, args.seed))
    store = open_project(args.path)
    try:
        with store.reader() as session:
            lines = writer(session, args.out, scope)
    except OSError as error:  # the destination: no permission, a full disk
        raise AnnotatorError(f"{args.out}: cannot write the export "
                             f"({error.strerror or error}); nothing was written") from None
    finally:
        store.close()
    for line in lines:
        sys.stdout.write(line + "\n")
    return 0
