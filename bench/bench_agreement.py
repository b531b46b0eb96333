"""Agreement benchmarks (a script, not a test): prints figures for the README.

    python bench/bench_agreement.py

1. Krippendorff's alpha, nominal, 3 coders x 10,000 units, side by side with the
   `krippendorff` package in the same run.
2. alpha_u (and the u-alpha family) scaling from 1,000 to 100,000 units on one continuum
   (time per unit should stay about flat: near-linear).
3. The project-report workload of ../shared/BENCH.md: 500 documents x 3 coders x 40 spans,
   alpha_u + the u-alpha family + span F1 (exact and overlap, every coder pair); budget 5 s.
4. The full project report (annotator.agreement.report) on the same workload held in memory;
   bench_agreement_report.py times it from the database.
5. The uα family with 1,000 document-bootstrap replicates on the same workload; budget 10 s.
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


def timed(fn: Callable[[], object], repeat: int = 7) -> tuple[float, object]:
    """Median wall time in seconds over ``repeat`` runs (after one warm-up) and the result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_alpha() -> None:
    data = coding_data(n_units=10_000, n_coders=3, n_values=5, copy_share=0.8, seed=20071)
    ours, value = timed(lambda: krippendorff_alpha(data, "nominal"), repeat=21)
    print("1. Krippendorff's alpha, nominal, 3 coders x 10,000 units, 5 values, 80% copied")
    print(f"   annotator.agreement   {ours * 1000:7.2f} ms   alpha = {value:.6f}")
    try:
        import krippendorff
    except ImportError:
        print("   krippendorff package not installed: no comparison")
        return
    theirs, reference = timed(
        lambda: krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"),
        repeat=21)
    from importlib.metadata import version as installed_version

    version = installed_version("krippendorff")
    print(f"   krippendorff {version:8s} {theirs * 1000:7.2f} ms   alpha = {reference:.6f}")
    print(f"   ratio ours / package: {ours / theirs:.2f}")


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


def bench_scaling() -> None:
    print("2. Scaling on one continuum, 3 coders, 8 codes (ms; per 1,000 units in brackets)")
    print("     units   alpha_u (2004)            u-alpha family (2016)")
    for n_units in (1_000, 3_000, 10_000, 30_000, 100_000):
        units, length = scaling_units(n_units)
        alpha_u, _ = timed(lambda: unitized_alpha(units, 0, length), repeat=3)
        family, _ = timed(lambda: u_alpha_family(units, 0, length), repeat=3)
        print(f"   {n_units:7,d}   {alpha_u * 1e3:8.1f} ({alpha_u * 1e6 / n_units:5.2f})"
              f"          {family * 1e3:8.1f} ({family * 1e6 / n_units:5.2f})")


def report(docs: list[Document]) -> dict[str, Any]:
    """Everything the project report computes over the unitizing workload."""
    continua = [(d.units, d.begin, d.length) for d in docs]
    coders = ("c1", "c2", "c3")
    out: dict[str, Any] = {
        "alpha_u": unitized_alpha_multi(continua, coders=coders),
        "family": u_alpha_family_multi(continua, coders=coders),
    }
    for a, b in combinations(coders, 2):
        pairs = [(d.by_coder(a), d.by_coder(b)) for d in docs]
        for match in ("exact", "overlap"):
            out[f"f1 {a}-{b} {match}"] = span_f1_multi(pairs, match=match)
    return out


def bench_workload() -> None:
    start = time.perf_counter()
    docs = span_workload(n_docs=500, n_spans=40, doc_length=3_000, n_codes=8)
    built = time.perf_counter() - start
    n_units = sum(len(d.units) for d in docs)
    print(f"3. Agreement workload: 500 documents x 3 coders, {n_units:,} spans "
          f"(generated in {built:.2f} s)")
    continua = [(d.units, d.begin, d.length) for d in docs]
    parts = {
        "alpha_u (2004), pooled": lambda: unitized_alpha_multi(continua),
        "u-alpha family (2016), pooled": lambda: u_alpha_family_multi(continua),
        "span F1, 3 pairs x exact+overlap": lambda: [
            span_f1_multi([(d.by_coder(a), d.by_coder(b)) for d in docs], match=m)
            for a, b in combinations(("c1", "c2", "c3"), 2) for m in ("exact", "overlap")],
    }
    for name, fn in parts.items():
        seconds, _ = timed(fn, repeat=3)
        print(f"   {name:34s} {seconds * 1000:8.1f} ms")
    seconds, out = timed(lambda: report(docs), repeat=3)
    print(f"   {'all three together':34s} {seconds * 1000:8.1f} ms   "
          "(the full report with every measure: 4. below)")
    family, alpha_u = out["family"], out["alpha_u"]
    overlap, exact = out["f1 c1-c2 overlap"], out["f1 c1-c2 exact"]
    print(f"   alpha_u = {alpha_u.overall:.3f}; uα = {family.u_alpha:.3f}, "
          f"|uα = {family.binary_u_alpha:.3f}, cuα = {family.cu_alpha:.3f}; "
          f"F1 c1-c2 overlap = {overlap.micro.f1:.3f}, exact = {exact.micro.f1:.3f}")


def bench_full_report() -> None:
    from bench_agreement_report import CODES, CODERS, document_texts

    from annotator.agreement.report import ProjectReport, project_report
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
    project_report(data, n_boot=1000)
    cold = time.perf_counter() - start
    seconds, report = timed(lambda: project_report(data, n_boot=1000), repeat=3)
    print("4. Full project report in memory (every measure, per code, kind and overall)")
    print(f"   first run {cold * 1000:8.1f} ms (tokenising included), "
          f"again {seconds * 1000:8.1f} ms   (budget 5,000 ms)")
    print("   from the database, stage by stage: bench/bench_agreement_report.py")
    overall = cast(ProjectReport, report).row("overall").figures
    print(f"   uα = {overall['u_alpha'].value:.3f}, char α = {overall['char_alpha'].value:.3f}, "
          f"Fleiss κ tokens = {overall['fleiss_kappa'].value:.3f}")


FAMILY_BOOTSTRAP_BUDGET = 10.0  # seconds, DESIGN.md §7


def bench_family_bootstrap(repeat: int = 3) -> bool:
    """The uα family with 1,000 bootstrap replicates on 500 documents x 3 coders x 40 spans,
    median of ``repeat`` runs after a warm-up; prints the figure against the budget and
    returns whether it is met."""
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
    return within


def main() -> None:
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}")
    bench_alpha()
    bench_scaling()
    bench_workload()
    bench_full_report()
    bench_family_bootstrap()


if __name__ == "__main__":
    main()
