"""One entry point per export format, with progress and cancel for the GUI's worker.

``annotator export`` (annotator/cli_export.py, its WRITERS registry) and File → Export… both
call :func:`export_file`; every format writes atomically, so a cancelled or failed export leaves
no partial file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.export.scope import ExportScope

if TYPE_CHECKING:  # loaded on use, so that `annotator --help` stays instant
    from sqlalchemy.orm import Session

FORMATS = {
    "xlsx": "Excel workbook (.xlsx)",
    "csv": "CSV tables, zipped (.zip)",
    "sav": "SPSS document × coder matrix (.sav)",
    "dta": "Stata document × coder matrix (.dta)",
    "jsonl": "Annotations JSONL (.jsonl)",
    "brat": "brat standoff collection (.zip)",
    "qdpx": "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo (.qdpx)",
    "qdc": "REFI-QDA codebook (.qdc)",
}
"""The formats of this module, with a label for menus."""
SUFFIXES = {"xlsx": ".xlsx", "csv": ".zip", "sav": ".sav", "dta": ".dta", "jsonl": ".jsonl",
            "brat": ".zip", "qdpx": ".qdpx", "qdc": ".qdc"}
INTERCHANGE = {"brat": ("annotator.export.brat", "write_brat"),
               "qdpx": ("annotator.export.refi_qda", "write_qdpx"),
               "qdc": ("annotator.export.refi_qda", "write_qdc")}
"""Formats for other annotation and QDA tools; progress per document (and coder, for brat)."""

Progress = Callable[[str, int, int], None]
"""``(stage, done, total)``; may raise :class:`ExportCancelled` to stop."""


class ExportCancelled(Exception):
    """Raised by a progress callback: the export stops and its temporary file is removed."""


@dataclass(frozen=True)
class TableOptions:
    """How the table formats (xlsx, csv) compute the Reliability and Pairwise tables: as
    ``annotator agreement`` does by default (1,000 bootstrap replicates, seed 0)."""

    reliability: bool = True
    n_boot: int = 1000
    seed: int = 0


def _summary(path: Path, counts: dict[str, int]) -> list[str]:
    return [f"wrote {path}: " + ", ".join(f"{name} {count}" for name, count in counts.items())]


def _tables(session: Session, fmt: str, out: Path, scope: ExportScope, options: TableOptions,
            progress: Progress | None) -> list[str]:
    from annotator.export.bundle import build_bundle, expected_rows

    limit = None
    if fmt == "xlsx":
        from annotator.export.xlsx import CELL_LIMIT as limit
    if progress is not None:
        progress("reading the project" + (" and computing agreement" if options.reliability
                                          else ""), 0, 1)
    bundle = build_bundle(session, scope, cell_limit=limit, reliability=options.reliability,
                          n_boot=options.n_boot, seed=options.seed,
                          format_note=FORMATS[fmt])
    total = expected_rows(session, bundle)
    rows = None if progress is None else (lambda done: progress("writing", done, total))
    if fmt == "xlsx":
        from annotator.export.xlsx import write_workbook

        return _summary(out, write_workbook(bundle, out, rows))
    from annotator.export.csv_zip import write_csv_zip

    return _summary(out, write_csv_zip(bundle, out, rows))


def _matrix(session: Session, fmt: str, out: Path, scope: ExportScope,
            progress: Progress | None) -> list[str]:
    from annotator.export.bundle import build_bundle
    from annotator.export.stats import write_dta, write_sav

    if progress is not None:
        progress("writing", 0, 1)
    bundle = build_bundle(session, scope, format_note=FORMATS[fmt], reliability=False)
    rows = (write_sav if fmt == "sav" else write_dta)(bundle, out)
    return [f"wrote {out}: Doc_Matrix, {rows} rows (document × coder), "
            f"{len(bundle.table('Doc_Matrix').columns)} variables with labels",
            "  only Doc_Matrix: segments, relations and reliability are in the xlsx/csv exports"]


def _jsonl(session: Session, out: Path, scope: ExportScope,
           progress: Progress | None) -> list[str]:
    from annotator.export.jsonl import export_scoped_jsonl

    step = None if progress is None else (lambda done, total: progress("writing", done, total))
    annotations, links = export_scoped_jsonl(session, out, scope, step)
    return [f"wrote {out}: {annotations} annotations and {links} links "
            "(read back with `annotator annotations PATH import FILE`)"]


def _interchange(session: Session, fmt: str, out: Path, scope: ExportScope,
                 progress: Progress | None) -> list[str]:
    if progress is not None:
        progress("reading the project", 0, 1)
    step = None if progress is None else (lambda done, total: progress("writing", done, total))
    module, name = INTERCHANGE[fmt]
    return getattr(importlib.import_module(module), name)(session, out, scope, step)


def export_file(session: Session, fmt: str, out: Path, scope: ExportScope,
                options: TableOptions = TableOptions(),
                progress: Progress | None = None) -> list[str]:
    """Write ``out`` in ``fmt`` (a key of :data:`FORMATS`); returns the lines to show."""
    if fmt in ("xlsx", "csv"):
        return _tables(session, fmt, out, scope, options, progress)
    if fmt in ("sav", "dta"):
        return _matrix(session, fmt, out, scope, progress)
    if fmt == "jsonl":
        return _jsonl(session, out, scope, progress)
    if fmt in INTERCHANGE:
        return _interchange(session, fmt, out, scope, progress)
    raise ValueError(f"unknown export format {fmt!r}")
