"""Agreement benchmarks (a script, not a test): prints figures for the README.

    python bench/bench_agreement.py

Sections, each one function returning the budgets it missed (an empty list when all are met,
or when it has none); ``main`` lists them, so a new section is one function and one line:

1. Krippendorff's alpha, nominal, 3 coders x 10,000 and 10 coders x 100,000 units (5 values,
   80% copied from a base), side by side with the `krippendorff` package, each the median of
   fresh processes; budget: at least as fast as the package at both sizes.
2. alpha_u (and the u-alpha family) scaling from 1,000 to 100,000 units on one continuum
   (time per unit should stay about flat: near-linear).
3. The project-report workload of ../shared/BENCH.md: 500 documents x 3 coders x 40 spans,
   alpha_u + the u-alpha family + span F1 (exact and overlap, every coder pair); budget 5 s.
4. The full project report (annotator.agreement.report) on the same workload held in memory;
   budget 5 s. bench_agreement_report.py times it from the database at 500 and 5,000 documents.
5. The uα family with 1,000 document-bootstrap replicates on the same workload; budget 10 s.

The last line is the verdict; the exit code is 0 only when every budget is met.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any, cast

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotator.agreement import (  # noqa: E402
    Unit,
    krippendorff_alpha,
    span_f1_multi,
    u_alpha_family,
    u_alpha_family_multi,
    unitized_alpha,
    unitized_alpha_multi,
)
from annotator.agreement.synthetic import Document, coding_data, span_workload  # noqa: E402
from fresh_runs import fresh_runs, median_of, run_child, verdict  # noqa: E402

ALPHA_SIZES = ((3, 10_000), (10, 100_000))
"""Coders x units of the alpha comparison."""
ALPHA_RUNS = 5
"""Fresh processes per alpha figure."""
WORKLOAD_BUDGET_S = 5.0


def timed(fn: Callable[[], object], repeat: int = 7) -> tuple[float, object]:
    """Median wall time in seconds over ``repeat`` runs (after one warm-up) and the result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def alpha_child(n_coders: str, n_units: str) -> dict[str, Any]:
    """Ours and the package's nominal alpha on one data set, timed in this fresh process
    (median of 7 after a warm-up, the two interleaved so both see the same load)."""
    import krippendorff

    data = coding_data(n_units=int(n_units), n_coders=int(n_coders), n_values=5,
                       copy_share=0.8, seed=20071)
    ours, value = timed(lambda: krippendorff_alpha(data, "nominal"))
    theirs, reference = timed(
        lambda: krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    return {"ours": ours, "theirs": theirs, "value": value, "reference": reference}


def bench_alpha() -> list[str]:
    try:
        from importlib.metadata import version as installed_version

        version = installed_version("krippendorff")
    except ImportError:
        print("1. krippendorff package not installed (pip install -e .[test]): no comparison")
        return ["alpha: the krippendorff package is needed for the comparison"]
    print(f"1. Krippendorff's alpha, nominal, 5 values, 80% copied; median of {ALPHA_RUNS} "
          f"fresh processes (each the median of 7 calls)")
    print(f"   {'coders x units':>16s} {'ours':>10s} {'krippendorff ' + version:>20s}  ratio")
    missed = []
    for n_coders, n_units in ALPHA_SIZES:
        runs = fresh_runs(__file__, "alpha", n_coders, n_units, runs=ALPHA_RUNS)
        ours, theirs = median_of(runs, "ours"), median_of(runs, "theirs")
        size = f"{n_coders} x {n_units:,}"
        print(f"   {size:>16s} {ours * 1000:7.2f} ms {theirs * 1000:17.2f} ms  "
              f"{ours / theirs:5.2f}   alpha = {runs[0]['value']:.6f} "
              f"(package {runs[0]['reference']:.6f})")
        if ours > theirs:
            missed.append(f"alpha {size} {ours / theirs:.2f}x the package's time")
    return missed


def scaling_units(n_units: int, seed: int = 1) -> tuple[list[Unit], int]:
    """Three coders, 8 codes, spans of 5-80 characters, ~one span per 75 characters each."""
    rng = np.random.default_rng(seed)
    per_coder = n_units // 3
    length = per_coder * 75
    units = []
    for coder in range(3):
        sizes = rng.integers(5, 81, per_coder)
        starts = rng.integers(0, length - 80, per_coder)
        codes = rng.integers(0, 8, per_coder)
        units += [Unit(coder, int(s), int(s + n), int(c)) for s, n, c in zip(starts, sizes, codes)]
    return units, length


def bench_scaling() -> list[str]:
    print("2. Scaling on one continuum, 3 coders, 8 codes (ms; per 1,000 units in brackets; "
          "in one process, median of 3)")
    print("     units   alpha_u (2004)            u-alpha family (2016)")
    for n_units in (1_000, 3_000, 10_000, 30_000, 100_000):
        units, length = scaling_units(n_units)
        alpha_u, _ = timed(lambda: unitized_alpha(units, 0, length), repeat=3)
        family, _ = timed(lambda: u_alpha_family(units, 0, length), repeat=3)
        print(f"   {n_units:7,d}   {alpha_u * 1e3:8.1f} ({alpha_u * 1e6 / n_units:5.2f})"
              f"          {family * 1e3:8.1f} ({family * 1e6 / n_units:5.2f})")
    return []


def workload_parts(docs: list[Document]) -> dict[str, Callable[[], object]]:
    """What the project report computes over the unitizing workload, part by part."""
    continua = [(d.units, d.begin, d.length) for d in docs]
    return {
        "alpha_u (2004), pooled": lambda: unitized_alpha_multi(continua),
        "u-alpha family (2016), pooled": lambda: u_alpha_family_multi(continua),
        "span F1, 3 pairs x exact+overlap": lambda: [
            span_f1_multi([(d.by_coder(a), d.by_coder(b)) for d in docs], match=m)
            for a, b in combinations(("c1", "c2", "c3"), 2) for m in ("exact", "overlap")],
    }


def workload_child() -> dict[str, Any]:
    """The three parts once each in this fresh process, and the figures they give."""
    docs = span_workload(n_docs=500, n_spans=40, doc_length=3_000, n_codes=8)
    seconds, out = {}, {}
    for name, fn in workload_parts(docs).items():
        start = time.perf_counter()
        out[name] = fn()
        seconds[name] = time.perf_counter() - start
    family = cast(Any, out["u-alpha family (2016), pooled"])
    f1 = cast(Any, out["span F1, 3 pairs x exact+overlap"])
    figures = (f"alpha_u = {cast(Any, out['alpha_u (2004), pooled']).overall:.3f}; "
               f"uα = {family.u_alpha:.3f}, |uα = {family.binary_u_alpha:.3f}, "
               f"cuα = {family.cu_alpha:.3f}; F1 c1-c2 overlap = {f1[1].micro.f1:.3f}, "
               f"exact = {f1[0].micro.f1:.3f}")
    return {"parts": seconds, "total": sum(seconds.values()), "figures": figures,
            "n_units": sum(len(d.units) for d in docs)}


def bench_workload() -> list[str]:
    runs = fresh_runs(__file__, "workload", runs=3)
    print(f"3. Agreement workload: 500 documents x 3 coders, {runs[0]['n_units']:,} spans; "
          "median of 3 fresh processes")
    for name in runs[0]["parts"]:
        seconds = statistics.median(r["parts"][name] for r in runs)
        print(f"   {name:34s} {seconds * 1000:8.1f} ms")
    total = median_of(runs, "total")
    print(f"   {'all three together':34s} {total * 1000:8.1f} ms   (budget "
          f"{WORKLOAD_BUDGET_S * 1000:,.0f} ms; the full report with every measure: 4. below)")
    print(f"   {runs[0]['figures']}")
    return [f"workload took {total:.1f} s"] if total >= WORKLOAD_BUDGET_S else []


def full_report_child() -> dict[str, Any]:
    """The full report in memory, first run in this fresh process (tokenising included)."""
    from bench_agreement_report import CODERS, CODES, document_texts

    from annotator.agreement.report import project_report
    from annotator.agreement.report_input import AgreementInput, DocumentUnits, SpanRow

    docs = span_workload(n_docs=500, n_spans=40, doc_length=3_000, n_codes=8)
    paths = {f"code{k}": code for k, code in enumerate(CODES)}
    data = AgreementInput(
        [DocumentUnits(f"doc-{i}", f"doc {i}", text,
                       [SpanRow(CODERS[u.coder], u.start, u.end, paths[u.category])
                        for u in doc.units], set(CODERS.values()))
         for i, (doc, text) in enumerate(zip(docs, document_texts()))],
        list(CODERS.values()), list(CODES), {code: code for code in CODES})
    start = time.perf_counter()
    report = project_report(data, n_boot=1000)
    seconds = time.perf_counter() - start
    overall = report.row("overall").figures
    return {"total": seconds, "figures": (
        f"uα = {overall['u_alpha'].value:.3f}, char α = {overall['char_alpha'].value:.3f}, "
        f"Fleiss κ tokens = {overall['fleiss_kappa'].value:.3f}")}


def bench_full_report() -> list[str]:
    runs = fresh_runs(__file__, "full_report", runs=3)
    total = median_of(runs, "total")
    print("4. Full project report in memory, 500 documents (every measure, per code, kind and "
          "overall), first run in each of 3 fresh processes (tokenising included)")
    print(f"   median {total * 1000:8.1f} ms   (budget {WORKLOAD_BUDGET_S * 1000:,.0f} ms); "
          f"peak memory {median_of(runs, 'peak_mb'):.0f} MB")
    print("   from the database at 500 and 5,000 documents: bench/bench_agreement_report.py")
    print(f"   {runs[0]['figures']}")
    return [f"full report took {total:.1f} s"] if total >= WORKLOAD_BUDGET_S else []


FAMILY_BOOTSTRAP_BUDGET = 10.0  # seconds, DESIGN.md §7


def bench_family_bootstrap(repeat: int = 3) -> list[str]:
    """The uα family with 1,000 bootstrap replicates on 500 documents x 3 coders x 40 spans,
    median of ``repeat`` runs after a warm-up; prints the figure against the budget and
    returns the budget it missed, if any."""
    from annotator.agreement.ualpha import family_tallies
    from annotator.agreement.ualpha_bootstrap import u_alpha_family_bootstrap

    docs = span_workload(n_docs=500, n_spans=40, doc_length=3_000, n_codes=8)
    continua = [(d.units, d.begin, d.length) for d in docs]
    seconds, boot = timed(lambda: u_alpha_family_bootstrap(continua, n_boot=1000, seed=0),
                          repeat=repeat)
    tallies, _ = timed(lambda: family_tallies(continua), repeat=repeat)
    result, ci = boot.result, boot.u_alpha  # type: ignore[attr-defined]
    within = seconds < FAMILY_BOOTSTRAP_BUDGET
    print("5. uα family with 1,000 document-bootstrap replicates, 500 documents x 3 coders "
          "x 40 spans")
    print(f"   {seconds * 1000:8.1f} ms (median of {repeat}; per-document tallies "
          f"{tallies * 1000:.1f} ms of it)   budget {FAMILY_BOOTSTRAP_BUDGET * 1000:,.0f} ms: "
          f"{'OK' if within else 'OVER BUDGET'}")
    print(f"   uα = {result.u_alpha:.3f} [{ci.low:.3f}, {ci.high:.3f}], cuα = "
          f"{result.cu_alpha:.3f} (coverage {result.cu_coverage:.3f}), "
          f"{len(result.per_code)} codes with (k)uα and |uα of k intervals")
    return [] if within else [f"uα family bootstrap took {seconds:.1f} s"]


CHILD_TASKS = {"alpha": alpha_child, "workload": workload_child, "full_report": full_report_child}
"""What the sections run in fresh processes (``--child NAME ARGS``)."""


def main() -> int:
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}")
    sections: list[Callable[[], list[str]]] = [
        bench_alpha,
        bench_scaling,
        bench_workload,
        bench_full_report,
        bench_family_bootstrap,
    ]
    missed = [miss for section in sections for miss in section()]
    return verdict(missed)


if __name__ == "__main__":
    if not run_child(CHILD_TASKS, sys.argv):
        sys.exit(main())
