"""REFI-QDA export and import of 100,000 annotations. Prints figures; not a test.

Workload (BENCH.md): the three corpus articles and the large document (the Aleppo report's
paragraphs repeated 70 times, ~300,000 characters), the framing-core codebook, three coders and
N annotations on the large document (annotation k starts at a random position inside the k-th of N
equal slices, 10–120 characters, one of the codes at random, every 10th with a memo; fixed seed).

Each run is a fresh process (interpreter start included): ``annotator export P --format qdpx OUT``,
then ``annotator import FRESH OUT`` on a fresh empty project. Figures: median wall and CPU time of
the runs, and the peak resident memory (of the exports, then of any run). There is no budget of
its own in DESIGN.md §7; the Excel export's (15 s for 100,000 annotations) is the yardstick.

Run: ``.venv/bin/python bench/bench_refi_qda.py [--annotations 100000] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, select

from annotator.codebook import load_template
from annotator.db import open_project
from annotator.db.models import Annotation, Document, utcnow
from annotator.db.services.codebook import apply_codebook, list_codes
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles
from annotator.db.services.projects import create_project
from annotator.importers import iter_article_files, read_articles
from annotator.importers.records import ArticleRecord
from annotator.resources import resource_path
from annotator.text import canonicalize

SEED = 20161215
REPEATS = 70
CODERS = ("Layla", "Omar", "Karim")
YARDSTICK_S = 15.0


def large_document() -> ArticleRecord:
    source = resource_path("demo", "aleppo-2016-12.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in source.splitlines() if line.strip()]
    return ArticleRecord(text=canonicalize("\n\n".join(paragraphs * REPEATS)), title="Aleppo × 70",
                         external_id="aleppo-x70", source="bench")


def build_project(path: Path, count: int) -> None:
    rng = random.Random(SEED)
    store = open_project(path, create=True)
    with store.transaction() as session:
        create_project(session, "REFI-QDA bench")
        apply_codebook(session, load_template("framing-core"))
        coders = [add_coder(session, name) for name in CODERS]
        for file in iter_article_files([resource_path("demo")]):
            add_articles(session, read_articles(file))
        add_articles(session, [large_document()])
        document = session.scalar(select(Document).where(Document.external_id == "aleppo-x70"))
        codes = [row.uuid for row in list_codes(session)]
        size, now, rows = document.length, utcnow(), []
        for k in range(count):
            start = min(int(k * size / count) + rng.randrange(max(1, size // count)), size - 11)
            end = min(size, start + rng.randint(10, 120))
            rows.append({"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "document_id": document.id,
                         "coder_id": rng.choice(coders), "code_id": rng.choice(codes), "start": start,
                         "end": end, "layer": "coding", "memo": f"memo {k}" if k % 10 == 0 else "",
                         "created_at": now, "updated_at": now})
        session.execute(insert(Annotation.__table__), rows)
    store.close()


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS so far (MB) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, after.ru_maxrss // 1024


READ_ONLY = ("import resource, sys, time; t = time.perf_counter(); "
             "from annotator.importers.refi_qda import read_qdpx; read_qdpx(sys.argv[1]); "
             "u = resource.getrusage(resource.RUSAGE_SELF); "
             "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss // 1024)")


def read_only(qdpx: Path) -> tuple[float, float, int]:
    """Wall, CPU and peak MB of a fresh process that only parses ``qdpx`` (the importer's
    memory without the database's; its own peak, not the largest of every run so far)."""
    out = subprocess.run([sys.executable, "-c", READ_ONLY, str(qdpx)], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    annotator = [sys.executable, "-m", "annotator"]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        project, out = base / "bench.fannot", base / "bench.qdpx"
        build_project(project, args.annotations)
        exports: list[tuple[float, float]] = []
        imports: list[tuple[float, float]] = []
        for _ in range(args.runs):  # every export before any import: the export's peak is its own
            wall, cpu, export_peak = timed([*annotator, "export", str(project), "--format", "qdpx", str(out)])
            exports.append((wall, cpu))
        for run in range(args.runs):
            fresh = base / f"fresh{run}.fannot"
            subprocess.run([*annotator, "new", str(fresh), "--name", "fresh"], check=True, stdout=subprocess.DEVNULL)
            wall, cpu, peak = timed([*annotator, "import", str(fresh), str(out)])
            imports.append((wall, cpu))
        print(f"{args.annotations:,} annotations, {out.stat().st_size / 1e6:.1f} MB .qdpx, {args.runs} runs")
        for label, runs in (("export", exports), ("import", imports)):
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            print(f"{label} qdpx: median {wall:.1f} s wall, {cpu:.1f} s CPU (yardstick {YARDSTICK_S:.0f} s)")
        print(f"peak resident memory: export {export_peak} MB, any run {peak} MB")
        wall, cpu, read_peak = read_only(out)
        print(f"reading the .qdpx alone (read_qdpx, no database): {wall:.1f} s wall, {cpu:.1f} s "
              f"CPU, peak {read_peak} MB")


if __name__ == "__main__":
    main()
