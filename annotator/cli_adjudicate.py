"""The ``annotator adjudicate`` command: settle clusters (and answers to
document questions) into gold with an automatic strategy.

Light to import (the database loads only when the command runs). Re-running adds only what is
still open; decisions already made (by hand or by a strategy) are never touched. See
docs/review.md, section Adjudication.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import ProjectError
from annotator.project_location import project_location

if TYPE_CHECKING:
    from annotator.db.services.adjudication_auto import AutoReport

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], argparse.ArgumentParser]
STRATEGIES = ("unanimous", "majority", "threshold")
COUNTS = ("decided", "already", "left", "conflicts")
ANSWER_COUNTS = ("compared", "decided", "already", "left")
HEADINGS = {"decided": "decided", "already": "already decided", "left": "left for review",
            "conflicts": "conflicts"}


def register(command: Command) -> None:
    """Add ``adjudicate`` through build_parser's ``command(name, handler, help)`` helper."""
    adjudicate = command("adjudicate", cmd_adjudicate,
                         "settle review clusters into the gold layer with an automatic "
                         "strategy; decisions already made are kept (docs/review.md)")
    adjudicate.add_argument("path", type=project_location, help="project file (the lead's)")
    adjudicate.add_argument("--strategy", required=True, choices=STRATEGIES,
                            help="unanimous: every coder gave the same version; majority: one "
                                 "version has more than half the coders; threshold: at least "
                                 "--threshold of them")
    adjudicate.add_argument("--threshold", type=float, default=None, metavar="SHARE",
                            help="share of coders for --strategy threshold (default 0.67)")
    adjudicate.add_argument("--documents", type=_ids, metavar="ID,...",
                            help="only these documents (UUIDs or external ids)")
    adjudicate.add_argument("--lead", metavar="NAME",
                            help="the lead who decides (default: the project's only lead)")
    adjudicate.add_argument("--only", choices=("spans", "answers"),
                            help="settle only the clusters of spans, or only the answers to "
                                 "document questions (default: both)")
    adjudicate.add_argument("--json", action="store_true", help="counts per document as JSON")


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def cmd_adjudicate(args: argparse.Namespace) -> int:
    from annotator.adjudication import DEFAULT_THRESHOLD, Strategy

    if args.threshold is not None and args.strategy != "threshold":
        raise ProjectError("--threshold goes with --strategy threshold")
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    if not 0 < threshold <= 1:
        raise ProjectError(f"--threshold is a share of coders in (0, 1], not {threshold}")
    report = _run(args.path, Strategy(args.strategy), threshold, args.documents, args.lead,
                  args.only)
    if args.json:
        sys.stdout.write(json.dumps(report_json(args.path, report), ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(report_lines(args.path, report)) + "\n")
    return 0


def _run(path: Path, strategy: Any, threshold: float, documents: list[str] | None,
         lead: str | None, only: str | None = None) -> AutoReport:
    from annotator.db import open_project
    from annotator.db.services.adjudication import default_lead
    from annotator.db.services.adjudication_auto import adjudicate_automatically

    store = open_project(path)
    try:
        with store.transaction() as session:
            return adjudicate_automatically(
                session, lead=lead or default_lead(session), strategy=strategy,
                threshold=threshold, documents=documents, record=False,
                spans=only != "answers", answers=only != "spans")
    finally:
        store.close()


def report_json(path: Path, report: AutoReport) -> dict[str, Any]:
    return {"project": str(path), "strategy": report.strategy,
            "totals": {name: report.total(name) for name in ("clusters", *COUNTS)},
            "documents": [{"document": t.document, "title": t.title, "clusters": t.clusters,
                           **{name: getattr(t, name) for name in COUNTS}}
                          for t in report.tallies],
            "conflicts": [{"document": d, "cluster": key} for d, key in report.conflicts],
            "answers": {name: getattr(report.answers, name) for name in ANSWER_COUNTS}}


def report_lines(path: Path, report: AutoReport) -> list[str]:
    """A table: one row per document, then the totals, then what the lead must look at."""
    rows = [(t.title or t.document, t.clusters, *(getattr(t, n) for n in COUNTS))
            for t in report.tallies]
    rows.append(("total", report.total("clusters"), *(report.total(n) for n in COUNTS)))
    width = min(max((len(str(r[0])) for r in rows), default=8), 40)
    header = f"{'document':<{width}}  {'clusters':>8}  " + "  ".join(
        f"{HEADINGS[n]:>15}" for n in COUNTS)
    lines = [f"Adjudication of {path} by {report.strategy}", "", header]
    for name, clusters, *counts in rows:
        label = str(name) if len(str(name)) <= width else str(name)[: width - 1] + "…"
        lines.append(f"{label:<{width}}  {clusters:>8}  "
                     + "  ".join(f"{count:>15}" for count in counts))
    answers = report.answers
    if answers.compared:
        lines += ["", f"Answers to document questions: {answers.compared} compared, "
                  f"{answers.decided} decided, {answers.already} already had a gold answer, "
                  f"{answers.left} left for review"]
    if report.conflicts:
        lines += ["", "Conflicts (a decision was made before the coders changed these spans; "
                  "decide them again in the review window):"]
        lines += [f"  {document}  cluster {key}" for document, key in report.conflicts]
    return lines
