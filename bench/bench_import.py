"""Import 1,000 Arabic articles built from the corpus sentences; budget 10 s (DESIGN.md §7).

Prints seconds and articles per second for the path the CLI takes: detect the encoding, canonicalise,
hash, and store each file in its own transaction.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

from annotator.db import open_project
from annotator.db.services.article_import import import_article_files
from annotator.db.services.projects import create_project
from annotator.importers import iter_article_files
from annotator.resources import resource_path

ARTICLES = 1_000
BUDGET_S = 10.0
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
        (folder / f"article-{index:04d}.txt").write_bytes(data)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, ARTICLES)
        store = open_project(Path(tmp) / "bench.fannot", create=True)
        with store.transaction() as session:
            create_project(session, "bench")
        started = time.perf_counter()
        report = import_article_files(store, iter_article_files([folder]))
        elapsed = time.perf_counter() - started
        store.close()
    verdict = "within" if elapsed < BUDGET_S else "OVER"
    print(f"import {ARTICLES} articles: {elapsed:.2f} s, {ARTICLES / elapsed:.0f} articles/s "
          f"({report.added} stored, {len(report.failed)} failed) - budget {BUDGET_S:.0f} s: {verdict}")
    return 0 if not report.failed else 1


if __name__ == "__main__":
    sys.exit(main())
