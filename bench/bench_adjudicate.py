"""Automatic adjudication of 500 documents x 3 coders x 40 spans with the majority strategy, as
`annotator adjudicate --strategy majority` runs it (open, read, cluster, decide, write gold, one
transaction), and the same again on the adjudicated project (every decided cluster is only
counted: the re-run writes nothing). Also the GUI's run, which keeps a snapshot of every new
decision for Undo.

    python bench/bench_adjudicate.py

Workload: the BENCH.md agreement workload, built by bench_agreement_report. Budgets (ours; the
issue sets none): a first run 5 s, like the agreement report on the same workload; a re-run 2 s,
like the review clustering it consists of. Each figure is the median of 3 runs, each on a fresh
copy of the project. The verdict line agrees with the exit code.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

N_DOCS = 500
RUNS = 3
BUDGET_FIRST_S, BUDGET_AGAIN_S = 5.0, 2.0


def adjudicate(path: Path, record: bool) -> tuple[float, dict[str, int], float]:
    from annotator.adjudication import Strategy
    from annotator.db import open_project
    from annotator.db.services.adjudication_auto import adjudicate_automatically

    started, cpu = time.perf_counter(), time.process_time()
    store = open_project(path)
    try:
        with store.transaction() as session:
            report = adjudicate_automatically(session, lead="Lead", strategy=Strategy.MAJORITY,
                                              record=record)
    finally:
        store.close()
    seconds = time.perf_counter() - started
    return seconds, {name: report.total(name) for name in
                     ("clusters", "decided", "already", "left", "conflicts")}, \
        time.process_time() - cpu


def build(path: Path) -> int:
    from bench_agreement_report import build_project

    from annotator.db import open_project
    from annotator.db.services.coders import add_coder
    from annotator.domain import Role

    spans = build_project(path, N_DOCS)
    store = open_project(path)
    with store.transaction() as session:
        add_coder(session, "Lead", Role.LEAD)
    store.close()
    return spans


def verdict(value: float, budget: float) -> str:
    return f"budget {budget:g} s: {'within' if value < budget else 'OVER'}"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "workload.fannot"
        spans = build(source)
        print(f"Automatic adjudication (majority), {N_DOCS} documents x 3 coders x 40 spans "
              f"({spans:,} spans)")
        ok = True
        for label, record in (("CLI (no undo snapshots)", False), ("GUI (undo snapshots)", True)):
            first, again, cpus, counts = [], [], {"first": [], "again": []}, {}
            for run in range(RUNS):
                copy = folder / f"run-{record}-{run}.fannot"
                shutil.copy(source, copy)
                seconds, counts, cpu = adjudicate(copy, record)
                first.append(seconds)
                cpus["first"].append(cpu)
                seconds, _counts, cpu = adjudicate(copy, record)
                again.append(seconds)
                cpus["again"].append(cpu)
            for name, times, cpu_times, budget in (
                    (f"{label}: first run", first, cpus["first"], BUDGET_FIRST_S),
                    (f"{label}: re-run", again, cpus["again"], BUDGET_AGAIN_S)):
                median = statistics.median(times)
                ok &= median < budget
                shown = ", ".join(f"{t:.2f}" for t in times)
                print(f"   {name:36s} {median:6.2f} s (runs: {shown}; CPU "
                      f"{statistics.median(cpu_times):.2f} s) - {verdict(median, budget)}")
            print("     first run: " + ", ".join(f"{n} {c:,}" for n, c in counts.items()))
    print(f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"Verdict: {'every budget met' if ok else 'a budget was missed'} "
          f"(exit code {0 if ok else 1})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
