"""The ``annotator export`` command and the registry of export formats.

Each writer takes a read session, the output path and the scope, writes the file atomically
(annotator/export/atomic.py) and returns the lines to print: a summary and, for a format that
cannot carry everything, what it left out.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.export.scope import LAYERS, ExportScope

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Writer = Callable[["Session", Path, ExportScope], list[str]]


@dataclass(frozen=True)
class TableOptions:
    """How the table formats (xlsx, csv) compute the Reliability and Pairwise tables: as
    ``annotator agreement`` does by default (1,000 bootstrap replicates, seed 0)."""

    reliability: bool = True
    n_boot: int = 1000
    seed: int = 0


def _summary(path: Path, counts: dict[str, int]) -> list[str]:
    return [f"wrote {path}: " + ", ".join(f"{name} {count}" for name, count in counts.items())]


def tables_writer(kind: str, options: TableOptions = TableOptions()) -> Writer:
    """The xlsx or csv writer with these reliability options."""
    def write(session: Session, out: Path, scope: ExportScope) -> list[str]:
        from annotator.export.bundle import build_bundle

        if kind == "xlsx":
            from annotator.export.xlsx import CELL_LIMIT, write_workbook

            bundle = build_bundle(session, scope, cell_limit=CELL_LIMIT,
                                  format_note="Excel workbook", reliability=options.reliability,
                                  n_boot=options.n_boot, seed=options.seed)
            return _summary(out, write_workbook(bundle, out))
        from annotator.export.csv_zip import write_csv_zip

        bundle = build_bundle(session, scope, format_note="CSV files (UTF-8 with BOM), zipped",
                              reliability=options.reliability, n_boot=options.n_boot,
                              seed=options.seed)
        return _summary(out, write_csv_zip(bundle, out))
    return write


def _stats_writer(kind: str) -> Writer:
    def write(session: Session, out: Path, scope: ExportScope) -> list[str]:
        from annotator.export.bundle import build_bundle
        from annotator.export.stats import write_dta, write_sav

        bundle = build_bundle(session, scope, format_note=kind, reliability=False)
        rows = (write_sav if kind == "sav" else write_dta)(bundle, out)
        return [f"wrote {out}: Doc_Matrix, {rows} rows (document × coder), "
                f"{len(bundle.table('Doc_Matrix').columns)} variables with labels",
                "  only Doc_Matrix: segments, relations and reliability are in the xlsx/csv "
                "exports"]
    return write


def write_jsonl(session: Session, out: Path, scope: ExportScope) -> list[str]:
    from annotator.export.jsonl import export_scoped_jsonl

    annotations, links = export_scoped_jsonl(session, out, scope)
    return [f"wrote {out}: {annotations} annotations and {links} links "
            "(read back with `annotator annotations PATH import FILE`)"]


TABLE_FORMATS = ("xlsx", "csv")
WRITERS: dict[str, Writer] = {
    "xlsx": tables_writer("xlsx"),
    "csv": tables_writer("csv"),
    "sav": _stats_writer("sav"),
    "dta": _stats_writer("dta"),
    "jsonl": write_jsonl,
}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``export`` to the ``annotator`` command's subcommands."""
    export = commands.add_parser(
        "export", help="export a project to Excel, CSV, SPSS, Stata, JSONL and other formats",
        description="Write the project (or the chosen coders, documents, codes and layer) to a "
                    "file another program reads. xlsx: every table as a sheet with a README; "
                    "csv: one UTF-8 CSV per table, zipped; sav/dta: the document x coder "
                    "matrix with labels; jsonl: annotations for `annotator annotations import`.")
    export.add_argument("path", type=Path, help="project file")
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
    finally:
        store.close()
    for line in lines:
        sys.stdout.write(line + "\n")
    return 0
