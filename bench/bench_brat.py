"""brat export and import of 100,000 annotations. Prints figures; not a test.

Workload: the project and annotation generator of ``bench_jsonl_import.py`` (BENCH.md corpus: the
three articles and the ~300,000-character Aleppo × 70 document, framing-core, three coders), with
100,000 annotations (choice attributes on about half) and 10,000 links within one document and
coder, loaded once through the JSONL import. Then, in fresh processes (interpreter start included):
``annotator export P --format brat OUT.zip`` and, into a copy of the project without annotations,
``annotator annotations P import OUT.zip --format brat --coder NAME`` for each of the three coders
(the import figure is the sum of the three). Medians of the runs, CPU time beside; there is no
budget for brat in DESIGN.md §7, the Excel export's (15 s for 100,000) is printed for comparison.

Run: ``.venv/bin/python bench/bench_brat.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import bench_jsonl_import as workload
from bench_jsonl_import import CODERS, annotator, build_project, peak_rss_mb, write_file

ANNOTATIONS, LINKS = 100_000, 10_000
EXCEL_BUDGET_S = 15.0


def prepare(folder: Path) -> tuple[Path, Path]:
    """(empty project, the same project with the annotations)."""
    workload.ANNOTATIONS, workload.LINKS = ANNOTATIONS, LINKS
    empty, coded, lines = folder / "empty.fannot", folder / "coded.fannot", folder / "in.jsonl"
    texts, codes = build_project(empty)
    write_file(lines, texts, codes)
    shutil.copyfile(empty, coded)
    annotator("annotations", coded, "import", lines)
    return empty, coded


def one_run(folder: Path, empty: Path, coded: Path, run: int) -> tuple[float, float, float, float]:
    """(export s, export CPU s, import s, import CPU s) of one run."""
    out = folder / f"run-{run}.zip"
    export_s, export_cpu, _ = annotator("export", coded, "--format", "brat", out)
    target = folder / f"target-{run}.fannot"
    shutil.copyfile(empty, target)
    import_s = import_cpu = 0.0
    for coder in CODERS:
        seconds, cpu, _ = annotator("annotations", target, "import", out, "--format", "brat",
                                    "--coder", coder)
        import_s, import_cpu = import_s + seconds, import_cpu + cpu
    _, _, info = annotator("info", target)
    imported = next(line for line in info.splitlines() if line.startswith("annotations"))
    if int(imported.split()[-1]) != ANNOTATIONS:
        raise SystemExit(f"the brat round trip gave {imported}, not {ANNOTATIONS:,}")
    print(f"  run {run + 1}: export {export_s:.2f} s ({export_cpu:.2f} s CPU), "
          f"import {import_s:.2f} s ({import_cpu:.2f} s CPU), zip {out.stat().st_size / 2**20:.1f} MB")
    return export_s, export_cpu, import_s, import_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty, coded = prepare(folder)
        print(f"project: {ANNOTATIONS:,} annotations, {LINKS:,} links, {len(CODERS)} coders")
        figures = [one_run(folder, empty, coded, run) for run in range(runs)]
        _, export_mb = peak_rss_mb("export", coded, "--format", "brat", folder / "peak.zip")
        _, idle_mb = peak_rss_mb("info", coded)
    export_s, export_cpu, import_s, import_cpu = (statistics.median(f[i] for f in figures)
                                                  for i in range(4))
    print(f"brat export of {ANNOTATIONS:,} annotations: median {export_s:.2f} s "
          f"({export_cpu:.2f} s CPU) of {runs} fresh processes; peak memory {export_mb:.0f} MB "
          f"({export_mb - idle_mb:+.0f} MB over `annotator info`) "
          f"[Excel export budget for comparison: {EXCEL_BUDGET_S:.0f} s]")
    print(f"brat import of {ANNOTATIONS:,} annotations ({len(CODERS)} coders, one process each): "
          f"median {import_s:.2f} s ({import_cpu:.2f} s CPU) of {runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
