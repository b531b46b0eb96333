"""The full project agreement report from the database, at 500 and 5,000 documents.

    python bench/bench_agreement_report.py [--runs N]

Workload (../shared/BENCH.md, "Agreement"): N documents of 3,000 characters of Arabic (the demo
articles repeated and cut), 3 coders, 40 spans by coder 1 copied by coders 2 and 3 with
probability 0.85 (boundaries moved by up to ±5, code swapped with probability 0.1) plus 3 spans
of their own, 8 codes of the framing-core codebook; fixed seed. Rows are inserted in bulk.

Timed, in fresh processes (median of --runs, default 3), as the CLI runs it: opening the
project, reading the spans (agreement_input) and the whole report: α_u, the uα family,
character α, presence α with 1,000 bootstrap replicates, token kappas (camel-tools
tokenisation included), per code, per kind and overall, and span F1 for every coder pair.
Each stage is printed at both sizes, wall and processor time, with the ratios, which should
stay near 10 (linear); linearity is judged on processor time, which the other processes of a
shared machine disturb far less than the wall clock.

Budgets (DESIGN.md §7 and issue 7): 500 documents < 5 s; 5,000 documents < 20 s and < 1 GB
peak memory (wall time; the processor time is printed beside it); no stage's processor time
more than LINEAR_SLACK times linear. The last line is the verdict; the
exit code is 0 only when every budget is met.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

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
from fresh_runs import fresh_runs, median_of, median_stages, run_child, verdict  # noqa: E402

SIZES = (500, 5_000)
BUDGET_S = {500: 5.0, 5_000: 20.0}
BUDGET_PEAK_MB = {5_000: 1024.0}
LINEAR_SLACK = 1.3
"""A stage may grow up to 1.3 x 10 = 13 times from 500 to 5,000 documents (timer noise and
cache effects) ..."""
NOISE_FLOOR_S = 0.25
"""... unless it takes under this (processor time) at 5,000 documents, where the ratio is
mostly noise. Linearity is judged on processor time, the budgets on wall time."""
N_DOCS, DOC_LENGTH, N_SPANS = 500, 3_000, 40
CODES = ("Claim/Factual", "Claim/Evaluative", "Claim/Prescriptive", "Source/Cited source",
         "Actor/State", "Actor/Civilian", "Framing device/Label", "Framing device/Metaphor")
CODERS = {"c1": "Coder 1", "c2": "Coder 2", "c3": "Coder 3"}


def document_texts(n_docs: int = N_DOCS) -> list[str]:
    """Distinct 3,000-character Arabic texts cut from the demo articles."""
    source = canonicalize(" ".join(p.read_text(encoding="utf-8")
                                   for p in sorted(resource_path("demo").glob("*.txt"))))
    source = " ".join(source.split())
    ring = source * (DOC_LENGTH // len(source) + 2)
    texts = []
    for index in range(n_docs):
        head = f"وثيقة {index}: "
        offset = (index * 331) % len(source)
        texts.append((head + ring[offset:offset + DOC_LENGTH])[:DOC_LENGTH])
    return texts


def build_project(path: Path, n_docs: int) -> int:
    """Create the project and bulk-insert documents, assignments and spans; returns spans."""
    store = open_project(path, create=True)
    docs = span_workload(n_docs=n_docs, n_spans=N_SPANS, doc_length=DOC_LENGTH, n_codes=8)
    with store.transaction() as session:
        create_project(session, "agreement bench")
        apply_codebook(session, load_template("framing-core"))
        coder_ids = {key: add_coder(session, name) for key, name in CODERS.items()}
        paths = code_ids_by_path(session)
        code_ids = {f"code{k}": paths[code.casefold()] for k, code in enumerate(CODES)}
        rows = [{"id": f"doc-{i:04d}", "external_id": f"doc-{i:04d}", "title": f"doc {i}",
                 "text": text, "length": len(text), "sha256": text_sha256(text), "position": i}
                for i, text in enumerate(document_texts(n_docs))]
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


def full_report(path: Path, stages: dict[str, float] | None = None,
                cpu: dict[str, float] | None = None) -> ProjectReport:
    """Open, read and compute, as the CLI does; ``stages`` collects wall seconds per stage
    and ``cpu`` this process's processor seconds per stage."""
    clock = [time.perf_counter(), time.process_time()]
    stage_name = ["reading the project, preparing"]

    def lap(name: str) -> None:
        now = [time.perf_counter(), time.process_time()]
        for seconds, start, end in ((stages, clock[0], now[0]), (cpu, clock[1], now[1])):
            if seconds is not None:
                seconds[stage_name[0]] = seconds.get(stage_name[0], 0.0) + end - start
        clock[:], stage_name[0] = now, name

    store = open_project(path)
    with store.reader() as session:
        data = agreement_input(session)
    store.close()
    report = project_report(data, n_boot=1000, seed=0, progress=lambda _, name: lap(name))
    return report


def stage_group(name: str) -> str:
    """Stages summed over granularities (codes, parents, kinds) and over groups and pairs."""
    if name.startswith("uα family inside"):
        return "uα family inside groups"
    return "span F1, every coder pair" if name.startswith("span F1") else name


def report_child(path: str) -> dict[str, Any]:
    """One cold report in this (fresh) process: stage seconds (wall and processor), totals
    and figures."""
    stages: dict[str, float] = {}
    cpu_stages: dict[str, float] = {}
    start, cpu = time.perf_counter(), time.process_time()
    report = full_report(Path(path), stages, cpu_stages)
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"total": total, "cpu": cpu, "stages": _grouped(stages),
            "cpu_stages": _grouped(cpu_stages), "figures": figures_text(report)}


def _grouped(stages: dict[str, float]) -> dict[str, float]:
    grouped: dict[str, float] = {}
    for name, seconds in stages.items():
        grouped[stage_group(name)] = grouped.get(stage_group(name), 0.0) + seconds
    return grouped


def figures_text(report: ProjectReport) -> str:
    """The overall figures, to compare runs and versions."""
    overall = report.row("overall").figures
    presence = overall["presence_alpha"]
    value = {key: figure.value for key, figure in overall.items()}
    pair = report.pair("Coder 1", "Coder 2", "overlap")
    return (f"   overall: α_u = {value['alpha_u']:.3f}, uα = {value['u_alpha']:.3f}"
            f", |uα = {value['binary_u_alpha']:.3f}, cuα = {value['cu_alpha']:.3f}"
            f", char α = {overall['char_alpha'].value:.3f}, presence α = {presence.value:.3f} "
            f"[{presence.interval.low:.3f}, {presence.interval.high:.3f}], "
            f"Fleiss κ tokens = {overall['fleiss_kappa'].value:.3f} "
            f"({overall['fleiss_kappa'].n_units:,} tokens)\n"
            f"   span F1 Coder 1 / Coder 2: overlap {pair.f1:.3f}, "
            f"exact {report.pair('Coder 1', 'Coder 2', 'exact').f1:.3f}; "
            f"{len(report.rows)} rows")


def measure(n_docs: int, runs: int) -> list[dict[str, Any]]:
    """Build the project of ``n_docs`` documents and time ``runs`` fresh reports on it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.fannot"
        start = time.perf_counter()
        n_spans = fresh_runs(__file__, "build", path, n_docs, runs=1)[0]["n_spans"]
        print(f"{n_docs:,} documents x {len(CODERS)} coders, {n_spans:,} spans, {len(CODES)} "
              f"codes (project built in {time.perf_counter() - start:.1f} s, in a process of "
              f"its own); {runs} fresh processes ...", flush=True)
        return fresh_runs(__file__, "report", path, runs=runs)


def print_stages(results: dict[int, list[dict[str, Any]]]) -> list[str]:
    """Median stage times at each size, wall and processor, and their ratios; returns the
    stages whose processor time grows faster than linear (on a shared machine a stage's wall
    time also counts the time other processes ran, which varies from run to run)."""
    small, large = SIZES
    wall = {n: median_stages(results[n]) for n in SIZES}
    cpu = {n: median_stages(results[n], "cpu_stages") for n in SIZES}
    limit = LINEAR_SLACK * large / small
    print(f"   {'stage (median seconds)':32s} {'wall':>15s}  {'ratio':>5s} {'processor':>17s}"
          f"  ratio (linear: {large / small:.0f}, limit {limit:.0f})")
    print(f"   {'':32s} {small:>7,d} {large:>7,d}  {'':5s} {small:>8,d} {large:>8,d}")
    slow = []
    for name in sorted(cpu[large], key=lambda k: -cpu[large][k]):
        ratios = [_ratio(times[small].get(name, 0.0), times[large][name]) for times in (wall, cpu)]
        flag = ratios[1] > limit and cpu[large][name] >= NOISE_FLOOR_S
        slow += [f"stage '{name}' grows {ratios[1]:.1f}x"] if flag else []
        print(f"   {name:32s} {wall[small].get(name, 0.0):7.2f} {wall[large][name]:7.2f}  "
              f"{ratios[0]:5.1f} {cpu[small].get(name, 0.0):8.2f} {cpu[large][name]:8.2f}  "
              f"{ratios[1]:5.1f}{'  SUPER-LINEAR' if flag else ''}")
    return slow


def _ratio(low: float, high: float) -> float:
    return high / low if low > 0 else float("inf")


def check_budgets(results: dict[int, list[dict[str, Any]]]) -> list[str]:
    """Print the whole report's medians against the budgets; returns the missed ones."""
    missed = []
    for n in SIZES:
        total, peak = median_of(results[n], "total"), median_of(results[n], "peak_mb")
        budget, peak_budget = BUDGET_S[n], BUDGET_PEAK_MB.get(n)
        print(f"   whole report, {n:>5,d} documents: {total:6.2f} s (budget {budget:.0f} s; "
              f"processor time {median_of(results[n], 'cpu'):.2f} s), "
              f"peak memory {peak:6.0f} MB ({peak / n:.3f} MB per document"
              + (f"; budget {peak_budget:,.0f} MB)" if peak_budget else ")"))
        missed += [f"{n:,} documents took {total:.1f} s"] if total >= budget else []
        if peak_budget and peak >= peak_budget:
            missed.append(f"{n:,} documents peaked at {peak:.0f} MB")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per size")
    runs = parser.parse_args().runs
    results = {n: measure(n, runs) for n in SIZES}
    print(f"Agreement report from the project file, median of {runs} fresh processes each")
    slow = print_stages(results)
    missed = check_budgets(results)
    print(results[SIZES[-1]][0]["figures"])
    return verdict(missed + slow)


if __name__ == "__main__":
    tasks = {"report": report_child,
             "build": lambda path, n_docs: {"n_spans": build_project(Path(path), int(n_docs))}}
    if not run_child(tasks, sys.argv):
        sys.exit(main())
