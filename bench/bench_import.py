"""Import 1,000, 3,000 and 10,000 Arabic articles built from the corpus sentences.

Budgets: 1,000 articles < 10 s (DESIGN.md §7), 10,000 < 30 s, and a cost per article that does not
grow with the project: within each import, the CPU time per article of the last 1,000 files is
within 1.5x of the first 1,000's (a within-run comparison, steady on a shared machine where
wall-clock figures of separate runs are not). Each size imports into a fresh project along the
path the CLI takes: detect the encoding, canonicalise, hash, and store each file in its own
transaction. Usage: ``python bench/bench_import.py [SIZE ...]``.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from annotator.db import open_project
from annotator.db.services.article_import import BatchReport, import_article_files
from annotator.db.services.projects import create_project
from annotator.importers import iter_article_files
from annotator.resources import resource_path

SIZES = (1_000, 3_000, 10_000)
BUDGETS_S = {1_000: 10.0, 10_000: 30.0}
GROWTH_BUDGET = 1.5  # CPU per article, last 1,000 files over the first 1,000
WINDOW = 1_000
SEED = 20161215


def corpus_sentences() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(resource_path("demo").glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!؟?])\s+|\n+", text) if len(s.strip()) > 20]


def write_articles(folder: Path, count: int) -> None:
    """Each article: a headline and 8–30 sentences drawn at random; a third in Windows-1256."""
    rng, sentences = random.Random(SEED), corpus_sentences()
    for index in range(count):
        body = " ".join(rng.choices(sentences, k=rng.randint(8, 30)))
        text = f"{rng.choice(sentences)[:80]} ({index})\n\n{body}\n"
        encoding = "cp1256" if index % 3 == 0 else "utf-8"
        data = text.encode(encoding, errors="replace" if encoding == "cp1256" else "strict")
        (folder / f"article-{index:05d}.txt").write_bytes(data)


@dataclass
class Timing:
    wall_s: float
    cpu_s: float
    first_ms: float  # CPU per article over the first WINDOW files
    last_ms: float  # and over the last WINDOW files

    @property
    def growth(self) -> float:
        return self.last_ms / self.first_ms


class CpuMarks:
    """Progress callback that notes the CPU clock every WINDOW files."""

    def __init__(self) -> None:
        self.marks: list[float] = []

    def __call__(self, done: int, _total: int, _path: Path) -> bool:
        if done % WINDOW == 0:
            self.marks.append(time.process_time())
        return True

    def per_article_ms(self, end: float) -> tuple[float, float]:
        marks = [*self.marks, end]
        return ((marks[1] - marks[0]) / WINDOW * 1000, (marks[-1] - marks[-2]) / WINDOW * 1000)


def time_import(count: int) -> tuple[Timing, BatchReport]:
    """Wall-clock and CPU time to import ``count`` article files into a new project."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, count)
        store = open_project(Path(tmp) / "bench.fannot", create=True)
        with store.transaction() as session:
            create_project(session, "bench")
        marks = CpuMarks()
        started, cpu_started = time.perf_counter(), time.process_time()
        report = import_article_files(store, iter_article_files([folder]), progress=marks)
        elapsed, cpu_end = time.perf_counter() - started, time.process_time()
        store.close()
    first, last = marks.per_article_ms(cpu_end)
    return Timing(elapsed, cpu_end - cpu_started, first, last), report


def verdict(ok: bool) -> str:
    return "within" if ok else "OVER"


def main(sizes: list[int]) -> int:
    failed = 0
    for count in sizes:
        timing, report = time_import(count)
        failed += len(report.failed)
        budget = BUDGETS_S.get(count)
        against = f"; budget {budget:.0f} s: {verdict(timing.wall_s < budget)}" if budget else ""
        print(f"import {count:>6,} articles: {timing.wall_s:6.2f} s "
              f"({timing.wall_s / count * 1000:.2f} ms per article; CPU {timing.cpu_s:.2f} s) "
              f"{report.added} stored, {len(report.failed)} failed{against}", flush=True)
        if count >= 2 * WINDOW:
            print(f"  CPU per article, first {WINDOW:,} files {timing.first_ms:.2f} ms, last "
                  f"{WINDOW:,} {timing.last_ms:.2f} ms: x{timing.growth:.2f}; budget "
                  f"x{GROWTH_BUDGET}: {verdict(timing.growth <= GROWTH_BUDGET)}", flush=True)
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main([int(arg) for arg in sys.argv[1:]] or list(SIZES)))
