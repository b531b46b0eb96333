"""Review: clusters of 500 documents x 3 coders x 40 spans (budget 2 s) and opening the review
window on one document with 3 coders x 2,000 spans (budget 0.5 s), DESIGN.md §7.

    python bench/bench_review.py

Workloads (../shared/BENCH.md, "Agreement"): ``annotator.agreement.synthetic.span_workload``.
1. Clustering and classification alone (annotator.review) on the workload's spans, and the same
   from a project file as `annotator review` does it (open, read spans, attribute values,
   relations and who coded what, then cluster), the project built by bench_agreement_report.
2. The review window on a 300,000-character document (the workspace benchmark's text) where
   coder 1 places 2,000 spans and coders 2 and 3 copy every one (boundaries moved by up to ±5,
   code swapped with probability 0.1): from the call to the clusters listed and the highlights
   of the first screen painted. Each figure is the median of 3 fresh processes.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

BUDGET_CLUSTERS_S, BUDGET_WINDOW_S = 2.0, 0.5
RUNS = 3
WINDOW_SPANS = 2_000
SCREEN = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1200,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def workload_documents() -> list:
    from annotator.agreement.synthetic import span_workload
    from annotator.review import ReviewDocument, ReviewSpan

    documents = []
    for number, document in enumerate(span_workload()):
        spans = [ReviewSpan(f"{number}-{k}", str(u.coder), u.start, u.end, str(u.category))
                 for k, u in enumerate(document.units)]
        documents.append(ReviewDocument(f"doc-{number}", "", "", {"c1", "c2", "c3"}, spans))
    return documents


def child_domain(_project: Path) -> dict:
    from annotator.review import class_counts, review_documents

    documents = workload_documents()
    started, cpu = time.perf_counter(), time.process_time()
    clusters = review_documents(documents)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "spans": sum(len(d.spans) for d in documents),
            "clusters": len(clusters), "counts": class_counts(clusters)}


def child_file(project: Path) -> dict:
    from annotator.db import open_project
    from annotator.db.services.review import review_input
    from annotator.review import review_documents

    started, cpu = time.perf_counter(), time.process_time()
    store = open_project(project)
    with store.reader() as session:
        documents = review_input(session)
    store.close()
    read = time.perf_counter() - started
    clusters = review_documents(documents)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
            "read": read, "clusters": len(clusters)}


def child_window(project: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from annotator.ui.review import open_review_window
    from annotator.ui.review.window import ReviewWindow  # noqa: F401 - loaded when the app runs

    started, cpu = time.perf_counter(), time.process_time()
    window = open_review_window(project)
    deadline = started + 60
    while not (window.model.rowCount() and _painted(window.view)):
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the review window did not paint in time")
    window.view.viewport().repaint()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu": time.process_time() - cpu,
            "spans": len(window.view.state.rows),
            "clusters": window.model.rowCount(), "characters": len(window.view.state.text)}


def _painted(view) -> bool:  # noqa: ANN001
    first, last = view.visible_blocks()
    document = view.document()
    return any(document.findBlockByNumber(n).layout().formats() for n in range(first, last + 1))


def build_window_project(path: Path) -> None:
    """One long document, three coders with 2,000 spans each, 8 codes (bulk inserts)."""
    from bench_agreement_report import CODES
    from bench_workspace import bench_text
    from sqlalchemy import insert

    from annotator.agreement.synthetic import span_workload
    from annotator.codebook import load_template
    from annotator.db import open_project
    from annotator.db.models import Annotation, Document
    from annotator.db.services.codebook import apply_codebook, code_ids_by_path
    from annotator.db.services.coders import add_coder
    from annotator.db.services.projects import create_project
    from annotator.text import text_sha256

    text = bench_text()
    [document] = span_workload(n_docs=1, n_spans=WINDOW_SPANS, doc_length=len(text), copy_p=1.0,
                               extra=0)
    store = open_project(path, create=True)
    with store.transaction() as session:
        create_project(session, "review bench")
        apply_codebook(session, load_template("framing-core"))
        coders = {key: add_coder(session, f"Coder {key[1]}") for key in ("c1", "c2", "c3")}
        paths = code_ids_by_path(session)
        codes = {f"code{k}": paths[code.casefold()] for k, code in enumerate(CODES)}
        session.execute(insert(Document), [{"id": "doc", "external_id": "bench", "title": "bench",
                                             "text": text, "length": len(text),
                                             "sha256": text_sha256(text), "position": 0}])
        session.execute(insert(Annotation), [
            {"id": f"an-{k}", "document_id": "doc", "coder_id": coders[str(u.coder)],
             "code_id": codes[str(u.category)], "start": u.start, "end": u.end,
             "layer": "coding"} for k, u in enumerate(document.units)])
    store.close()


CHILDREN = {"domain": child_domain, "file": child_file, "window": child_window}


def run_child(kind: str, project: Path, folder: Path) -> dict:
    screen = folder / "screen.json"
    screen.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    result = subprocess.run([sys.executable, __file__, "--child", kind, str(project)],
                            capture_output=True, text=True, env=env, timeout=600)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} child failed:\n{result.stderr[-3000:]}")
    return json.loads(lines[-1])


def verdict(value: float, budget: float) -> str:
    return f"budget {budget:g} s: {'within' if value < budget else 'OVER'}"


def measure(kind: str, project: Path, folder: Path, label: str, budget: float) -> tuple[bool, dict]:
    runs = [run_child(kind, project, folder) for _ in range(RUNS)]
    times = [run["seconds"] for run in runs]
    median = statistics.median(times)
    shown = ", ".join(f"{t * 1000:.0f}" for t in times)
    cpu = statistics.median(run["cpu"] for run in runs)
    print(f"   {label:46s} {median * 1000:6.0f} ms (median of {RUNS} fresh processes: {shown}; "
          f"CPU {cpu * 1000:.0f} ms) - {verdict(median, budget)}")
    return median < budget, runs[0]


def main() -> int:
    from bench_agreement_report import build_project

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workload, window_project = folder / "workload.fannot", folder / "window.fannot"
        build_project(workload)
        build_window_project(window_project)
        print("Review clusters, 500 documents x 3 coders x 40 spans (BENCH.md agreement workload)")
        ok_domain, domain = measure("domain", workload, folder,
                                    "clustering + classification (annotator.review)",
                                    BUDGET_CLUSTERS_S)
        print(f"     {domain['spans']:,} spans -> {domain['clusters']:,} clusters: "
              + ", ".join(f"{name} {count:,}" for name, count in domain["counts"].items()))
        ok_file, _ = measure("file", workload, folder,
                             "from the project file (open, read, cluster)", BUDGET_CLUSTERS_S)
        print(f"Review window, one document with 3 coders x {WINDOW_SPANS:,} spans")
        ok_window, window = measure("window", window_project, folder,
                                    "open: clusters listed, first screen painted",
                                    BUDGET_WINDOW_S)
        print(f"     {window['characters']:,} characters, {window['spans']:,} spans, "
              f"{window['clusters']:,} clusters")
    passed = ok_domain and ok_file and ok_window
    print(f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(wall times on a shared machine stretch with it; CPU times much less)")
    print(f"Verdict: {'every budget met' if passed else 'a budget was missed'} "
          f"(exit code {0 if passed else 1})")
    return 0 if passed else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(CHILDREN[sys.argv[2]](Path(sys.argv[3]))), flush=True)
        os._exit(0)  # skip Qt and thread-pool teardown: not part of any figure
    sys.exit(main())
