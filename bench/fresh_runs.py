"""Running a measurement in fresh processes and taking medians (bench scripts' helper).

On a shared machine one run of the same report swings by a factor of two, and a second run in
one process profits from warm caches (tokens, imports). So each figure is the median of several
fresh processes: the script starts itself with ``--child TASK ARGS``, the child runs
``TASK(*ARGS)`` and prints one JSON line, which the parent collects.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

Task = Callable[..., dict[str, Any]]


def run_child(tasks: Mapping[str, Task], argv: list[str]) -> bool:
    """If ``argv`` asks for a child run (``--child TASK ARGS``), run it, print its JSON with
    the process's peak memory added, and return True."""
    if len(argv) < 3 or argv[1] != "--child":
        return False
    result = tasks[argv[2]](*argv[3:])
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))
    return True


def peak_mb() -> float:
    """This process's peak resident memory in MB. On Linux the high-water mark of its own
    address space (``VmHWM``): ``ru_maxrss`` keeps the parent's resident size at the fork,
    so a child of a large parent would report the parent's memory."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_runs(script: str | Path, task: str, *args: object, runs: int = 3) -> list[dict[str, Any]]:
    """The results of ``runs`` fresh processes of ``script`` running ``task``."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, str(script), "--child", task, *map(str, args)],
                              capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{task} failed in a child process:\n{done.stderr[-2000:]}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def median_of(results: list[dict[str, Any]], key: str) -> float:
    return statistics.median(float(r[key]) for r in results)


def median_stages(results: list[dict[str, Any]], key: str = "stages") -> dict[str, float]:
    """Median seconds of each stage over the runs (stages keep the first run's order)."""
    names = list(results[0][key])
    return {name: statistics.median(r[key].get(name, 0.0) for r in results) for name in names}


def verdict(failures: list[str]) -> int:
    """Print the verdict line and return the exit code that agrees with it."""
    if failures:
        print(f"VERDICT: FAIL ({len(failures)} budget(s) missed: {'; '.join(failures)})")
        return 1
    print("VERDICT: PASS (every budget met)")
    return 0
