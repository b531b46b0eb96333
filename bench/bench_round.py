"""Figures of the multi-coder round against DESIGN.md §7.

Merge: a coder package holding 20,000 of the coder's annotations (with attribute values and
2,000 links, all coded in the package after export) merged into the lead's project, budget 5 s;
then the same file merged again (every item unchanged), same budget. Each run merges into a
fresh copy of the project; the figure is the median of ``RUNS`` runs. The verdict line agrees
with the exit code (0: every budget met). Usage: ``python bench/bench_round.py``.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, select

from annotator.db import open_project
from annotator.db.models import Annotation, AttributeDefinition, Document, Relation, new_uuid, utcnow
from annotator.db.services.demo import build_demo_project
from annotator.db.services.merge import MergeReport, merge_package
from annotator.db.services.packages import export_package, package_summary

ANNOTATIONS = 20_000
LINKS = 2_000
MERGE_BUDGET_S = 5.0
RUNS = 3
SEED = 20161215


def code_in_package(package: Path) -> None:
    """Store ``ANNOTATIONS`` new annotations and ``LINKS`` links of the package's coder."""
    rng = random.Random(SEED)
    store = open_project(package)
    with store.transaction() as session:
        coder_id = package_summary(session).coder_id  # type: ignore[union-attr]
        lengths = dict(session.execute(select(Document.id, Document.length)).all())
        attributes = session.execute(select(AttributeDefinition.code_id, AttributeDefinition.id,
                                            AttributeDefinition.choices)
                                     .where(AttributeDefinition.type == "choice")).all()
        rows, values = [], []
        for index in range(ANNOTATIONS):
            document_id = rng.choice(list(lengths))
            start = rng.randrange(lengths[document_id] - 40)
            code_id, attribute_id, choices = rng.choice(attributes)
            rows.append({"id": new_uuid(), "document_id": document_id, "coder_id": coder_id,
                         "code_id": code_id, "start": start, "end": start + rng.randint(3, 40),
                         "layer": "coding", "memo": f"note {index}", "created_at": utcnow(),
                         "updated_at": utcnow()})
            values.append({"id": new_uuid(), "annotation_id": rows[-1]["id"],
                           "attribute_id": attribute_id, "value": rng.choice(choices)})
        connection = session.connection()
        connection.execute(insert(Annotation.__table__), rows)
        connection.execute(insert(Annotation.values.property.mapper.local_table), values)
        by_document: dict[str, list[str]] = {}
        for row in rows:
            by_document.setdefault(row["document_id"], []).append(row["id"])
        links = []
        for _ in range(LINKS):
            source, target = rng.sample(by_document[rng.choice(list(by_document))], 2)
            links.append({"id": new_uuid(), "type": "about", "source_id": source,
                          "target_id": target, "coder_id": coder_id, "created_at": utcnow()})
        connection.execute(insert(Relation.__table__), links)
    store.close()


def timed(action: Callable[[], MergeReport]) -> tuple[tuple[float, float], MergeReport]:
    """(wall, CPU) seconds of one merge: CPU shows the cost when the machine is shared."""
    started, cpu_started = time.perf_counter(), time.process_time()
    report = action()
    return (time.perf_counter() - started, time.process_time() - cpu_started), report


Times = list[tuple[float, float]]


def merge_runs(project: Path, package: Path, folder: Path) -> tuple[Times, Times, MergeReport,
                                                                     MergeReport]:
    first_times: Times = []
    again_times: Times = []
    for run in range(RUNS):
        copy = folder / f"run-{run}.fannot"
        shutil.copy(project, copy)
        store = open_project(copy)
        first_s, first = timed(lambda: merge_package(store, package))
        again_s, again = timed(lambda: merge_package(store, package))
        store.close()
        first_times.append(first_s)
        again_times.append(again_s)
    return first_times, again_times, first, again


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project, package = folder / "lead.fannot", folder / "layla.fannot"
        build_demo_project(project, with_coding=True)
        store = open_project(project)
        export_package(store, "Layla", package)
        store.close()
        code_in_package(package)
        first_times, again_times, first, again = merge_runs(project, package, folder)
    over = 0
    for label, times, report in (("merge", first_times, first),
                                 ("merge again", again_times, again)):
        median = statistics.median(wall for wall, _ in times)
        cpu = statistics.median(cpu for _, cpu in times)
        over += median >= MERGE_BUDGET_S
        runs = ", ".join(f"{wall:.2f}" for wall, _ in times)
        print(f"{label} of a package with {ANNOTATIONS:,} new annotations and {LINKS:,} links: "
              f"median {median:.2f} s of {RUNS} runs ({runs}; CPU median {cpu:.2f} s); "
              f"{report.total('added')} added, "
              f"{report.total('unchanged')} unchanged, {report.total('conflicting')} conflicting;"
              f" budget {MERGE_BUDGET_S:.0f} s: {'within' if median < MERGE_BUDGET_S else 'OVER'}",
              flush=True)
    complete = first.total("added") >= ANNOTATIONS + LINKS and again.changed == 0
    if not complete:
        print("the merge did not add every item, or merging again changed something")
    ok = not over and complete
    print(f"verdict: {'all within budget' if ok else 'OVER budget or incomplete'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
