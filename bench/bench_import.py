"""Import 1,000, 3,000 and 10,000 Arabic articles built from the corpus sentences.

Budgets: 1,000 articles < 10 s (DESIGN.md §7), 10,000 < 30 s, and a cost per article that does not
grow with the project (10k per-article cost within 1.5x of 1k's). Each size imports into a fresh
project along the path the CLI takes: detect the encoding, canonicalise, hash, and store each file
in its own transaction. Usage: ``python bench/bench_import.py [SIZE ...]``.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

from annotator.db import open_project
from annotator.db.services.article_import import BatchReport, import_article_files
from annotator.db.services.projects import create_project
from annotator.importers import iter_article_files
from annotator.resources import resource_path

SIZES = (1_000, 3_000, 10_000)
BUDGETS_S = {1_000: 10.0, 10_000: 30.0}
GROWTH_BUDGET = 1.5  # per-article cost of the largest size over the smallest's
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


def time_import(count: int) -> tuple[float, float, BatchReport]:
    """Wall-clock and CPU seconds to import ``count`` article files into a new project (CPU time
    is the steadier figure on a shared machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, count)
        store = open_project(Path(tmp) / "bench.fannot", create=True)
        with store.transaction() as session:
            create_project(session, "bench")
        started, cpu_started = time.perf_counter(), time.process_time()
        report = import_article_files(store, iter_article_files([folder]))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        store.close()
    return elapsed, cpu, report


def verdict(ok: bool) -> str:
    return "within" if ok else "OVER"


def main(sizes: list[int]) -> int:
    per_article: dict[int, float] = {}
    failed = 0
    for count in sizes:
        elapsed, cpu, report = time_import(count)
        per_article[count] = elapsed / count * 1000
        failed += len(report.failed)
        budget = BUDGETS_S.get(count)
        against = f" - budget {budget:.0f} s: {verdict(elapsed < budget)}" if budget else ""
        print(f"import {count:>6,} articles: {elapsed:6.2f} s (CPU {cpu:6.2f} s), "
              f"{per_article[count]:.2f} ms per article ({report.added} stored, "
              f"{len(report.failed)} failed){against}", flush=True)
    if len(per_article) > 1:
        smallest, largest = min(per_article), max(per_article)
        growth = per_article[largest] / per_article[smallest]
        print(f"per-article cost {largest:,} vs {smallest:,}: x{growth:.2f} - budget "
              f"x{GROWTH_BUDGET}: {verdict(growth <= GROWTH_BUDGET)}")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main([int(arg) for arg in sys.argv[1:]] or list(SIZES)))
