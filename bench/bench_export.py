"""Export 10,000, 30,000 and 100,000 annotations to xlsx, and 100,000 to every other format;
xlsx budget 15 s with memory flat (DESIGN.md §7). Prints figures; not a test.

Workload: a project with the framing-core codebook, two coders and 250 documents (the Aleppo
report of the BENCH.md corpus, ~4,300 characters, each made unique by a numbered first line), every
document assigned to and done by both coders. N annotations are spread evenly over documents and
coders: each starts at a random position, is 10–120 characters long, gets a random code and, where
the code has choices, a random attribute value; one in ten is linked to the coder's previous
annotation in that document. Fixed seed 20161215.

Each export is a fresh process running ``annotator export P --format F OUT`` (interpreter start
included); the figure is the median wall time of the runs, the process's CPU time (user + system,
all threads: on a shared machine wall time also counts waiting for a CPU) and its peak resident
memory. The budget is for the default workbook: every sheet, with the Reliability and Pairwise
sheets of the agreement report and its 1,000 bootstrap replicates, and Disagreements.

Run: ``.venv/bin/python bench/bench_export.py [--runs 3] [--sizes 10000 30000 100000]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select

from annotator.codebook import load_template
from annotator.db import open_project
from annotator.db.models import Annotation, AttributeDefinition, AttributeValue
from annotator.db.models import Relation
from annotator.db.services.codebook import apply_codebook, list_codes
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles, assign, list_documents, set_status
from annotator.db.services.projects import create_project
from annotator.domain import AssignmentStatus
from annotator.importers.records import ArticleRecord
from annotator.resources import resource_path
from annotator.text import canonicalize

SEED = 20161215
DOCUMENTS = 250
CODERS = ("Layla", "Omar")
SERIES = {"xlsx (default)": ("xlsx",)}
"""Measured at every size: the budget's export."""
EXPORTS = {  # label -> format and options, measured at the largest size
    "xlsx --no-reliability": ("xlsx", "--no-reliability"),
    "csv": ("csv",),
    "sav": ("sav",),
    "dta": ("dta",),
    "jsonl": ("jsonl",),
    "brat": ("brat",),
    "qdpx": ("qdpx",),
    "qdc": ("qdc",),
}
BUDGET_XLSX_S = 15.0


def build_project(path: Path, n_annotations: int) -> None:
    rng = random.Random(SEED)
    base = resource_path("demo", "aleppo-2016-12.txt").read_text(encoding="utf-8")
    store = open_project(path, create=True)
    with store.transaction() as session:
        create_project(session, f"Export bench ({n_annotations:,} annotations)")
        apply_codebook(session, load_template("framing-core"))
        coders = [add_coder(session, name) for name in CODERS]
        add_articles(session, [ArticleRecord(text=canonicalize(f"نسخة {i}\n{base}"),
                                             external_id=f"doc-{i:04d}", source="bench")
                               for i in range(DOCUMENTS)])
        documents = {d.uuid: d.characters for d in list_documents(session)}
        for coder in coders:
            assign(session, documents, coder)
            for document in documents:
                set_status(session, document, coder, AssignmentStatus.DONE)
        codes = [row.uuid for row in list_codes(session)]
        choices = {a.code_id: (a.id, a.choices)
                   for a in session.scalars(select(AttributeDefinition)) if a.choices}
        _add_annotations(session, rng, n_annotations, list(documents.items()), coders, codes,
                         choices)
    store.close()


def _add_annotations(session, rng, n, documents, coders, codes, choices) -> None:  # noqa: ANN001
    now = datetime.now(UTC)
    annotations, values, relations = [], [], []
    per_pair = n // (len(documents) * len(coders))
    for document, length in documents:
        for coder in coders:
            previous = None
            for _ in range(per_pair):
                start = rng.randrange(0, length - 121)
                code = rng.choice(codes)
                row = {"id": str(uuid.uuid4()), "document_id": document, "coder_id": coder,
                       "code_id": code, "start": start, "end": start + rng.randint(10, 120),
                       "layer": "coding", "memo": "", "created_at": now, "updated_at": now}
                annotations.append(row)
                if code in choices:
                    attribute, options = choices[code]
                    values.append({"id": str(uuid.uuid4()), "annotation_id": row["id"],
                                   "attribute_id": attribute, "value": rng.choice(options)})
                if previous and rng.random() < 0.1:
                    relations.append({"id": str(uuid.uuid4()), "type": "about",
                                      "source_id": row["id"], "target_id": previous,
                                      "coder_id": coder, "created_at": now})
                previous = row["id"]
    session.execute(insert(Annotation), annotations)
    session.execute(insert(AttributeValue), values)
    session.execute(insert(Relation), relations)


def timed_peak(*argv: object) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one fresh ``annotator`` process."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
              "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", script, *map(str, argv)], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


Figure = tuple[float, float, float]


def measure(path: Path, out_dir: Path, runs: int, exports: dict[str, tuple[str, ...]]
            ) -> dict[str, Figure]:
    figures = {}
    for label, (fmt, *options) in exports.items():
        out = out_dir / f"export.{fmt}"
        samples = [timed_peak(sys.executable, "-m", "annotator", "export", path, "--format",
                              fmt, out, *options) for _ in range(runs)]
        figures[label] = (statistics.median(s[0] for s in samples),
                          statistics.median(s[1] for s in samples), max(s[2] for s in samples))
    return figures


def _cell(figure: Figure) -> str:
    return f"{figure[0]:6.2f} s wall {figure[1]:6.2f} s CPU {figure[2]:6.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    args = parser.parse_args()
    largest = max(args.sizes)
    results: dict[int, dict[str, Figure]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"bench-{size}.fannot"
            build_project(path, size)
            exports = {**SERIES, **(EXPORTS if size == largest else {})}
            results[size] = measure(path, Path(folder), args.runs, exports)
    print(f"export bench: {DOCUMENTS} documents × {len(CODERS)} coders, median of {args.runs} "
          "fresh processes (wall s, CPU s, peak RSS MB)")
    for label in SERIES:
        for size in args.sizes:
            print(f"  {label:<24} {size:>8,}: {_cell(results[size][label])}")
    for label in EXPORTS:
        print(f"  {label:<24} {largest:>8,}: {_cell(results[largest][label])}")
    seconds = results[largest]["xlsx (default)"][0]
    verdict = "within" if seconds < BUDGET_XLSX_S else "OVER"
    print(f"default xlsx at {largest:,} annotations: {seconds:.2f} s wall, {verdict} the "
          f"{BUDGET_XLSX_S:.0f} s budget; peak memory " + ", ".join(
              f"{results[size]['xlsx (default)'][2]:.0f} MB at {size:,}" for size in args.sizes))
    return 0 if seconds < BUDGET_XLSX_S else 1


if __name__ == "__main__":
    sys.exit(main())
