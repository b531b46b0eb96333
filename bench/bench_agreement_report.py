"""The full project agreement report from the database; budget 5 s (DESIGN.md §7).

    python bench/bench_agreement_report.py

Workload (../shared/BENCH.md, "Agreement"): 500 documents of 3,000 characters of Arabic (the demo
articles repeated and cut), 3 coders, 40 spans by coder 1 copied by coders 2 and 3 with
probability 0.85 (boundaries moved by up to ±5, code swapped with probability 0.1) plus 3 spans
of their own, 8 codes of the framing-core codebook; fixed seed. Rows are inserted in bulk.

Timed: opening the project, reading the spans (agreement_input) and the whole report: α_u,
the uα family, character α, presence α with 1,000 bootstrap replicates, token kappas (camel-tools
tokenisation included), per code, per kind and overall, and span F1 for every coder pair.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from annotator.agreement.report import ProjectReport, project_report  # noqa: E402
from annotator.agreement.synthetic import span_workload  # noqa: E402
from annotator.codebook import load_template  # noqa: E402
from annotator.db import open_project  # noqa: E402
from annotator.db.models import Annotation, Assignment, Document  # noqa: E402
from annotator.db.services.agreement_data import agreement_input  # noqa: E402
from annotator.db.services.codebook import apply_codebook, code_ids_by_path  # noqa: E402
from annotator.db.services.coders import add_coder  # noqa: E402
from annotator.db.services.projects import create_project  # noqa: E402
from annotator.resources import resource_path  # noqa: E402
from annotator.text import canonicalize, text_sha256  # noqa: E402

BUDGET_S = 5.0
N_DOCS, DOC_LENGTH, N_SPANS = 500, 3_000, 40
CODES = ("Claim/Factual", "Claim/Evaluative", "Claim/Prescriptive", "Source/Cited source",
         "Actor/State", "Actor/Civilian", "Framing device/Label", "Framing device/Metaphor")
CODERS = {"c1": "Coder 1", "c2": "Coder 2", "c3": "Coder 3"}


def document_texts() -> list[str]:
    """500 distinct 3,000-character Arabic texts cut from the demo articles."""
    source = canonicalize(" ".join(p.read_text(encoding="utf-8")
                                   for p in sorted(resource_path("demo").glob("*.txt"))))
    source = " ".join(source.split())
    ring = source * (DOC_LENGTH // len(source) + 2)
    texts = []
    for index in range(N_DOCS):
        head = f"وثيقة {index}: "
        offset = (index * 331) % len(source)
        texts.append((head + ring[offset:offset + DOC_LENGTH])[:DOC_LENGTH])
    return texts


def build_project(path: Path) -> int:
    """Create the project and bulk-insert documents, assignments and spans; returns spans."""
    store = open_project(path, create=True)
    docs = span_workload(n_docs=N_DOCS, n_spans=N_SPANS, doc_length=DOC_LENGTH, n_codes=8)
    with store.transaction() as session:
        create_project(session, "agreement bench")
        apply_codebook(session, load_template("framing-core"))
        coder_ids = {key: add_coder(session, name) for key, name in CODERS.items()}
        paths = code_ids_by_path(session)
        code_ids = {f"code{k}": paths[code.casefold()] for k, code in enumerate(CODES)}
        rows = [{"id": f"doc-{i:04d}", "external_id": f"doc-{i:04d}", "title": f"doc {i}",
                 "text": text, "length": len(text), "sha256": text_sha256(text), "position": i}
                for i, text in enumerate(document_texts())]
        session.execute(insert(Document), rows)
        session.execute(insert(Assignment), [
            {"id": f"as-{i}-{key}", "document_id": row["id"], "coder_id": coder_ids[key]}
            for i, row in enumerate(rows) for key in CODERS])
        spans = [{"id": f"an-{i}-{j}", "document_id": rows[i]["id"],
                  "coder_id": coder_ids[u.coder], "code_id": code_ids[u.category],
                  "start": u.start, "end": u.end, "layer": "coding"}
                 for i, doc in enumerate(docs) for j, u in enumerate(doc.units)]
        session.execute(insert(Annotation), spans)
    store.close()
    return len(spans)


def full_report(path: Path, stages: dict[str, float] | None = None) -> ProjectReport:
    """Open, read and compute, as the CLI does; ``stages`` collects seconds per stage."""
    clock = [time.perf_counter()]
    stage_name = ["reading the project, preparing"]

    def lap(name: str) -> None:
        now = time.perf_counter()
        if stages is not None:
            stages[stage_name[0]] = stages.get(stage_name[0], 0.0) + now - clock[0]
        clock[0], stage_name[0] = now, name

    store = open_project(path)
    with store.reader() as session:
        data = agreement_input(session)
    store.close()
    report = project_report(data, n_boot=1000, seed=0, progress=lambda _, name: lap(name))
    return report


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def print_figures(report: ProjectReport) -> None:
    """The overall figures, to compare runs and versions."""
    overall = report.row("overall").figures
    presence = overall["presence_alpha"]
    value = {key: figure.value for key, figure in overall.items()}
    print(f"   overall: α_u = {value['alpha_u']:.3f}, uα = {value['u_alpha']:.3f}"
          f", |uα = {value['binary_u_alpha']:.3f}, cuα = {value['cu_alpha']:.3f}"
          f", char α = {overall['char_alpha'].value:.3f}, presence α = {presence.value:.3f} "
          f"[{presence.interval.low:.3f}, {presence.interval.high:.3f}], "
          f"Fleiss κ tokens = {overall['fleiss_kappa'].value:.3f} "
          f"({overall['fleiss_kappa'].n_units:,} tokens)")
    pair = report.pair("Coder 1", "Coder 2", "overlap")
    print(f"   span F1 Coder 1 / Coder 2: overlap {pair.f1:.3f}, "
          f"exact {report.pair('Coder 1', 'Coder 2', 'exact').f1:.3f}; "
          f"{len(report.rows)} rows")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.fannot"
        start = time.perf_counter()
        n_spans = build_project(path)
        print(f"Agreement report: {N_DOCS} documents x {len(CODERS)} coders, {n_spans:,} spans, "
              f"{len(CODES)} codes (project built in {time.perf_counter() - start:.1f} s)")
        stages: dict[str, float] = {}
        cold, report = timed(lambda: full_report(path, stages), 1)
        warm, _ = timed(lambda: full_report(path), 3)
        print("   stages of the first run:")
        for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
            print(f"     {name:34s} {seconds * 1000:8.1f} ms")
        median = statistics.median(warm)
        print(f"   {'whole report, first run (cold)':36s} {cold[0] * 1000:8.1f} ms   "
              f"(budget {BUDGET_S * 1000:,.0f} ms)")
        print(f"   {'again, median of 3 (tokens cached)':36s} {median * 1000:8.1f} ms")
        print_figures(report)
        return 0 if max(cold[0], median) < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
