"""Import 200,000 annotation JSONL lines; budget 30 s (DESIGN.md §7). Prints figures; not a test.

Workload (BENCH.md corpus): a project holding the three corpus articles and the large document of
the workspace recipe (the Aleppo report's paragraphs repeated 70 times, ~300,000 characters), the
framing-core codebook and three coders. The file has 180,000 annotations (ids, "text" and, where
the code has one, a choice attribute, as `annotations export` writes them; spread over the
documents by length; 10–120 characters; fixed seed) and 20,000 links between annotations of one
document and coder.

Each run is a fresh process running ``annotator annotations P import FILE`` on a fresh copy of the
project (interpreter start included); the figure is the median wall time of the runs (CPU time
beside it: on a shared machine it shows how much of the wall time was waiting for a core). Then one export of the
imported project shows that export streams: its time and its peak memory above a process that
only opens the project.

Run: ``.venv/bin/python bench/bench_jsonl_import.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from annotator.codebook import load_template
from annotator.db import open_project
from annotator.db.models import AttributeDefinition, Document
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
ANNOTATIONS, LINKS = 180_000, 20_000
CODERS = ("Layla", "Omar", "Karim")
RELATIONS = ("attributed_to", "about", "uses_device")
BUDGET_S = 30.0


def large_document() -> ArticleRecord:
    source = resource_path("demo", "aleppo-2016-12.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in source.splitlines() if line.strip()]
    text = "\n\n".join(paragraphs * REPEATS)
    return ArticleRecord(text=canonicalize(text), title="Aleppo × 70", external_id="aleppo-x70",
                         source="bench")


def build_project(path: Path) -> tuple[dict[str, str], list[tuple[str, dict[str, list[str]]]]]:
    """The project; returns its texts by external id and its leaf codes with their choices."""
    store = open_project(path, create=True)
    with store.transaction() as session:
        create_project(session, "JSONL bench")
        apply_codebook(session, load_template("framing-core"))
        for name in CODERS:
            add_coder(session, name)
        for file in iter_article_files([resource_path("demo")]):
            add_articles(session, read_articles(file))
        add_articles(session, [large_document()])
        texts = dict(session.execute(select(Document.external_id, Document.text)).all())
        rows = list_codes(session)
        choices: dict[str, dict[str, list[str]]] = {}
        for attribute in session.scalars(select(AttributeDefinition)):
            if attribute.choices:
                choices.setdefault(attribute.code_id, {})[attribute.name] = attribute.choices
    store.close()
    parents = {row.parent for row in rows}
    codes = [(row.path, choices.get(row.uuid, {})) for row in rows if row.uuid not in parents]
    return texts, codes


def write_file(path: Path, texts: dict[str, str],
               codes: list[tuple[str, dict[str, list[str]]]]) -> None:
    rng = random.Random(SEED)
    documents, weights = list(texts), [len(t) for t in texts.values()]
    groups: dict[tuple[str, str], list[str]] = {}
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(ANNOTATIONS):
            document = rng.choices(documents, weights)[0]
            text = texts[document]
            start = rng.randrange(0, len(text) - 10)
            end = min(len(text), start + rng.randint(10, 120))
            code, attributes = rng.choice(codes)
            key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            coder = rng.choice(CODERS)
            groups.setdefault((document, coder), []).append(key)
            row = {"id": key, "document": document, "coder": coder, "code": code,
                   "start": start, "end": end, "text": text[start:end],
                   "attributes": {name: rng.choice(choices) for name, choices in attributes.items()
                                  if rng.random() < 0.5}}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        pools = [ids for ids in groups.values() if len(ids) > 1]
        for _ in range(LINKS):
            source, target = rng.sample(rng.choice(pools), 2)
            link = {"relation": rng.choice(RELATIONS), "from": source, "to": target,
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
            handle.write(json.dumps(link) + "\n")


def annotator(*argv: object) -> tuple[float, float, str]:
    """Run one fresh ``annotator`` process: (wall seconds, CPU seconds, its output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "annotator", *map(str, argv)],
                            capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"annotator {' '.join(map(str, argv))} failed: {result.stderr.strip()}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, result.stdout.strip()


def peak_rss_mb(*argv: object) -> tuple[float, float]:
    """(seconds, peak resident MB) of one fresh ``annotator`` process."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
              "print(time.perf_counter() - t, "
              "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "annotator",
                          *map(str, argv)], capture_output=True, text=True, check=True).stdout
    seconds, megabytes = out.split()
    return float(seconds), float(megabytes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, lines = folder / "base.fannot", folder / "bench.jsonl"
        texts, codes = build_project(base)
        write_file(lines, texts, codes)
        megabytes = lines.stat().st_size / 2**20
        print(f"file: {ANNOTATIONS + LINKS:,} lines ({ANNOTATIONS:,} annotations, {LINKS:,} links), "
              f"{megabytes:.0f} MB; documents: {len(texts)}, {sum(map(len, texts.values())):,} "
              "characters")
        times, cpu_times = [], []
        for run in range(runs):
            project = folder / f"run-{run}.fannot"
            shutil.copyfile(base, project)
            elapsed, cpu, report = annotator("annotations", project, "import", lines)
            times.append(elapsed)
            cpu_times.append(cpu)
            print(f"  run {run + 1}: {elapsed:.2f} s ({cpu:.2f} s CPU)  "
                  f"({report.split(': ', 1)[-1]})")
        median = statistics.median(times)
        export_s, export_mb = peak_rss_mb("annotations", folder / "run-0.fannot", "export",
                                          folder / "out.jsonl")
        _, idle_mb = peak_rss_mb("info", folder / "run-0.fannot")
    verdict = "within" if median < BUDGET_S else "OVER"
    print(f"export of the imported project: {export_s:.2f} s, peak memory {export_mb:.0f} MB "
          f"({export_mb - idle_mb:+.0f} MB over `annotator info` on the same project)")
    print(f"import {ANNOTATIONS + LINKS:,} JSONL lines: median {median:.2f} s "
          f"({statistics.median(cpu_times):.2f} s CPU) of {runs} fresh processes "
          f"- budget {BUDGET_S:.0f} s: {verdict}")
    return 0 if median < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
