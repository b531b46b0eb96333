"""The ``annotator package export|merge|conflicts`` commands: coder packages out and back in."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.project_location import project_location
from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.db.services.merge import MergeReport

Command = Callable[..., argparse.ArgumentParser]


def register(command: Command) -> None:
    """Add ``package`` (with ``export``, ``merge`` and ``conflicts``) to the ``annotator`` command."""
    package = command("package", _no_action, "export coder packages and merge them back")
    actions = package.add_subparsers(dest="package_action", required=True, metavar="ACTION")
    export = actions.add_parser(
        "export", help="write one coder's package (codebook, assigned documents, own coding)")
    export.add_argument("path", type=project_location, help="the lead's project file")
    export.add_argument("--coder", required=True, metavar="NAME")
    export.add_argument("out", type=Path, help="the package file to write (.fannot)")
    export.set_defaults(handler=cmd_package_export)
    merge = actions.add_parser("merge", help="merge coder packages into the project, by UUID")
    merge.add_argument("path", type=project_location, help="the lead's project file")
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.add_argument("--json", action="store_true", help="the report as JSON")
    merge.set_defaults(handler=cmd_package_merge)
    conflicts = actions.add_parser("conflicts", help="list the conflicts merges have kept")
    conflicts.add_argument("path", type=project_location)
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(handler=cmd_package_conflicts)


def _no_action(_args: argparse.Namespace) -> int:
    raise AnnotatorError("package needs an action: export, merge or conflicts")


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(f"annotator: {text}\n")


def cmd_package_export(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.services.packages import export_package

    store = open_project(args.path, on_wait=_err)
    try:
        exported = export_package(store, args.coder, args.out)
    finally:
        store.close()
    _out(f"wrote {exported.path}: package for {exported.coder_name} ({exported.documents} "
         f"documents, {exported.annotations} annotations)")
    return 0


def cmd_package_merge(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.services.merge import merge_package

    store = open_project(args.path, on_wait=_err)
    reports, failed = [], 0
    try:
        for file in args.files:
            try:
                reports.append(merge_package(store, file))
            except AnnotatorError as error:
                _err(f"{error}; nothing was merged from it")
                failed += 1
    finally:
        store.close()
    if args.json:
        _out(json.dumps([r.as_json() for r in reports], ensure_ascii=False, indent=2))
    else:
        for report in reports:
            _print_report(report)
    return 1 if failed else 0


def _print_report(report: MergeReport) -> None:
    from annotator.db.services.package_state import ACTIONS

    totals = ", ".join(f"{report.total(a)} {a}" for a in ACTIONS)
    _out(f"{report.path} ({report.coder}): {totals}")
    for document_id, row in report.documents.items():
        counts = "  ".join(f"{a} {row[a]}" for a in ACTIONS)
        _out(f"  {document_id[:8]}  {row['title'][:40]:<40}  {counts}")
    for note in report.conflicts:
        again = " (recorded by an earlier merge)" if note.recorded_before else ""
        _out(f"  conflict: {note.entity} {note.item_id}: {note.reason}{again}")


def cmd_package_conflicts(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.services.merge import list_conflicts

    store = open_project(args.path, on_wait=_err)
    try:
        with store.reader() as session:
            rows = [{"item": c.item_id, "entity": c.entity, "document": c.document_id,
                     "coder": c.coder_id, "package": c.package_id, "reason": c.reason,
                     "package_version": c.package_version,
                     "at": c.created_at.isoformat()} for c in list_conflicts(session)]
    finally:
        store.close()
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        _out(f"{row['at'][:19]}  {row['entity']:<10}  {row['item']}  {row['reason']}")
    if not rows:
        _out("no conflicts")
    return 0
