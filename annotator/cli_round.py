"""The ``annotator assign`` and ``annotator progress`` commands (issue 8, the coding round).

Light to import: the database loads only when a command runs, so ``annotator --help`` stays
instant.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from annotator.project_location import project_location
from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.db.services.assignments import AssignmentOutcome
    from annotator.db.services.progress import ProgressCell, ProgressMatrix
    from annotator.sampling import SampleSize

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], argparse.ArgumentParser]
STATUS_SHORT = {None: "-", "todo": "todo", "in_progress": "prog", "done": "done"}


def register(command: Command) -> None:
    """Add ``assign`` and ``progress`` through build_parser's ``command`` helper."""
    assign = command("assign", cmd_assign, "assign documents to coders, by hand or as a "
                     "reliability sample coded by every coder with the rest split evenly")
    assign.add_argument("path", type=project_location)
    assign.add_argument("--coders", required=True, type=_names, metavar="A,B",
                        help="coder names (or UUIDs), comma-separated")
    assign.add_argument("--documents", default="all", metavar="all|ID,...",
                        help="documents to assign: all (default) or UUIDs / external ids")
    share = assign.add_mutually_exclusive_group()
    share.add_argument("--reliability-share", type=float, metavar="SHARE",
                       help="share of the documents (0-1) coded by every coder; the rest is "
                            "split evenly")
    share.add_argument("--reliability-count", type=int, metavar="N",
                       help="number of documents coded by every coder; the rest split evenly")
    assign.add_argument("--seed", type=int, help="seed of the draw (default: a fresh one, "
                                                  "printed and stored)")
    assign.add_argument("--alpha-min", type=float, default=0.667,
                        help="smallest acceptable Krippendorff's alpha (default 0.667)")
    assign.add_argument("--p", type=float, default=0.05,
                        help="significance level of the sample-size check (default 0.05)")
    assign.add_argument("--p-c", type=float, default=0.5, metavar="PC",
                        help="probability of the least frequent category (default 0.5, "
                             "a binary variable with even categories)")
    assign.add_argument("--force", action="store_true",
                        help="take documents away from coders even where they have annotations "
                             "(the annotations are kept)")
    progress = command("progress", cmd_progress, "progress of the round: documents × coders "
                       "with status, annotation count and last change")
    progress.add_argument("path", type=project_location)
    progress.add_argument("--json", action="store_true")


def _names(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one coder name")
    return names


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def cmd_assign(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.services.assignments import AssignmentRequest, assign_documents

    documents = None if args.documents.strip().lower() == "all" else _names(args.documents)
    request = AssignmentRequest(
        coders=args.coders, documents=documents, share=args.reliability_share,
        count=args.reliability_count, seed=args.seed, alpha_min=args.alpha_min, p=args.p,
        p_c=args.p_c, force=args.force)
    store = open_project(args.path, on_wait=lambda text: sys.stderr.write(f"annotator: {text}\n"))
    with store.transaction() as session:
        outcome = assign_documents(session, request)
    store.close()
    for line in assignment_report(outcome):
        _out(line)
    return 0


def assignment_report(outcome: AssignmentOutcome) -> list[str]:
    """The lines ``annotator assign`` prints (also shown by the GUI's Assign dialog)."""
    loads = ", ".join(f"{name} {n}" for name, n in outcome.loads.items())
    lines = [f"{outcome.documents} documents, coders {', '.join(outcome.coders)}: "
             f"{outcome.added} assignments added, {outcome.kept} kept, {outcome.removed} removed",
             f"documents per coder: {loads}"]
    if outcome.sample_size is not None:
        lines.append(f"reliability sample: {len(outcome.sample)} of {outcome.documents} "
                     f"documents coded by every coder (seed {outcome.seed}; stored in the project)")
        lines.extend(sample_size_lines(outcome.sample_size, len(outcome.sample)))
    return lines


def sample_size_lines(size: SampleSize, sample_units: int) -> list[str]:
    """The sample-size verdict with its formula and source (CLI and GUI say the same)."""
    from annotator.sampling import SAMPLE_SIZE_SOURCE

    enough = sample_units >= size.units
    verdict = "enough" if enough else f"too few: {size.units - sample_units} more needed"
    return [f"Krippendorff's alpha >= {size.alpha_min:g} at p = {size.p:g} (P_c = {size.p_c:g}, "
            f"{size.coders} coders) needs {size.units} units ({size.values} values); the sample "
            f"yields {sample_units} unit{'s' * (sample_units != 1)} (one per document for a "
            f"document-level variable): "
            f"{verdict}",
            f"  {SAMPLE_SIZE_SOURCE}"]


def cmd_progress(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.services.progress import progress_json, progress_matrix

    store = open_project(args.path)
    with store.reader() as session:
        matrix = progress_matrix(session)
    store.close()
    if args.json:
        _out(json.dumps(progress_json(matrix), ensure_ascii=False, indent=2))
        return 0
    for line in progress_lines(matrix):
        _out(line)
    return 0


def progress_lines(matrix: ProgressMatrix) -> list[str]:
    if not matrix.coder_names:
        raise AnnotatorError("the project has no coders; add some with `annotator coder add`")
    width = 22
    header = f"{'document':<30} {'S':1} " + " ".join(f"{n[:width]:<{width}}"
                                                     for n in matrix.coder_names) + " gold"
    lines = [header, "-" * len(header)]
    for row in matrix.rows:
        label = (row.external_id or row.title or row.document_id)[:30]
        cells = " ".join(f"{_cell_text(cell):<{width}}" for cell in row.cells)
        gold = matrix.gold_of(row.document_id).text()
        lines.append(f"{label:<30} {'*' if row.in_sample else ' '} {cells} {gold}".rstrip())
    lines.append("-" * len(header))
    for name, total in zip(matrix.coder_names, matrix.totals):
        lines.append(f"{name}: {total.assigned} assigned ({total.done} done, {total.in_progress} "
                     f"in progress, {total.todo} to do), {total.annotations} annotations")
    sample = matrix.sample
    if sample:
        lines.append(f"* reliability sample: {len(sample.get('documents', []))} documents, "
                     f"seed {sample.get('seed')}, coders {', '.join(sample.get('coder_names', []))}")
    lines.append("cells: status (todo, prog = in progress, done, - = not assigned), "
                 "annotations, last change (UTC); gold: clusters decided / clusters")
    return lines


def _cell_text(cell: ProgressCell) -> str:
    status = STATUS_SHORT[cell.status.value if cell.status else None]
    return f"{status:<4} {cell.annotations:>4} {_when(cell.last_change)}".rstrip()


def _when(moment: datetime | None) -> str:
    return moment.strftime("%m-%d %H:%M") if moment else ""
