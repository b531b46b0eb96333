"""Smoke test of a built app bundle, in a clean environment: ``python packaging/smoke_bundle.py DIST``.

Runs the bundle's ``annotator`` with nothing of the build's Python around it (on Linux and macOS
``PATH=/usr/bin:/bin``, a fresh ``HOME`` and ``QT_QPA_PLATFORM=offscreen`` only; on Linux without
network when ``unshare -n`` is allowed): the version, a new project, the import of a demo article
shipped in the bundle, a codebook template, the demo project, agreement, alpha, the xlsx and sav
exports, and the window opened on the demo until its document is painted (timed). Prints the
unpacked size and the times against the budgets (250 MB, 2 s to the first window) and a closing
``bundle smoke: N passed, N failed`` line; exits 1 if a check failed or the size is over budget.
Standard library only: any Python 3.9+ can run it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable, List, Optional

SIZE_BUDGET_MB = 250
WINDOW_BUDGET_S = 2.0
PAINTED = "first window painted:"


def unpacked_mb(folder: Path) -> float:
    """Apparent size of every file under ``folder``, in MB (10^6 bytes), links not followed."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def du_sh(folder: Path) -> str:
    """``du -sh`` of the folder (disk usage, as a coder's file manager shows), where du exists."""
    if shutil.which("du") is None:
        return "n/a"
    done = subprocess.run(["du", "-sh", str(folder)], capture_output=True, text=True)
    return done.stdout.split()[0] if done.returncode == 0 else "n/a"


def clean_env(home: Path) -> dict:
    """What a coder's fresh session has: no virtual environment, no PYTHON* variables."""
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if os.name == "nt":
        root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env.update(SYSTEMROOT=root, WINDIR=root, PATH=os.path.join(root, "System32"),
                   USERPROFILE=str(home), APPDATA=str(home / "AppData" / "Roaming"),
                   LOCALAPPDATA=str(home / "AppData" / "Local"), TEMP=str(home), TMP=str(home))
    else:
        env["PATH"] = "/usr/bin:/bin"
    return env


def offline_prefix() -> List[str]:
    """``unshare -n`` (no network at all) where this user may create a network namespace."""
    if sys.platform.startswith("linux") and shutil.which("unshare"):
        if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
            return ["unshare", "-n"]
    return []


class Smoke:
    """Runs checks against one bundle and counts them."""

    def __init__(self, dist: Path, work: Path) -> None:
        name = "annotator.exe" if os.name == "nt" else "annotator"
        self.exe = dist / name
        self.dist, self.work = dist, work
        self.env = clean_env(work / "home")
        (work / "home").mkdir()
        self.prefix = offline_prefix()
        self.passed = self.failed = 0

    def run(self, *args: str, extra: Optional[dict] = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([*self.prefix, str(self.exe), *args], cwd=self.work,
                              env={**self.env, **(extra or {})}, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout)

    def check(self, label: str, args: List[str],
              expect: Callable[[subprocess.CompletedProcess], bool] = lambda d: True) -> None:
        done = self.run(*args)
        ok = done.returncode == 0 and expect(done)
        self._count(ok, label, done.stdout.strip().splitlines()[-1:] or [""], done.stderr)

    def _count(self, ok: bool, label: str, last: List[str], stderr: str) -> None:
        if ok:
            self.passed += 1
            print(f"  ok    {label}: {last[0][:110]}")
        else:
            self.failed += 1
            print(f"  FAIL  {label}\n{stderr.strip()[-2000:]}")

    def window(self, shot: Path) -> Optional[str]:
        """Open the demo offscreen until its document is painted; the time to the first paint
        (wall, from the launch, and the app's own CPU time, which a busy machine does not inflate)."""
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*self.prefix, str(self.exe), "gui", "demo.fannot", "--coder", "Layla"], cwd=self.work,
            env={**self.env, "ANNOTATOR_QUIT_AFTER_PAINT": "1",
                 "ANNOTATOR_SMOKE_SCREENSHOT": str(shot)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            errors="replace")
        assert proc.stdout is not None
        painted, line = None, ""
        for line in proc.stdout:
            if line.startswith(PAINTED):
                painted = time.perf_counter() - start
                break
        rest, stderr = proc.communicate(timeout=120)
        ok = painted is not None and proc.returncode == 0 and "Noto Naskh Arabic" in line
        self._count(ok, "window painted the demo document", [line.strip()], stderr + rest)
        if not ok or painted is None:
            return None
        cpu = re.search(r"CPU ([0-9.]+) s", line)
        return f"{painted:.2f} s (CPU {cpu.group(1) if cpu else '?'} s)"


def run_checks(smoke: Smoke) -> List[Optional[str]]:
    """Every CLI check, then the window twice (cold and warm start); the two paint times."""
    article = next((smoke.dist / "_internal" / "resources" / "demo").glob("*.txt"), None)
    (smoke.work / "reliability.csv").write_text("unit,a,b\n1,1,1\n2,2,2\n3,1,2\n")
    smoke.check("--version", ["--version"],
                lambda d: "app bundle" in d.stdout and "camel-tools 1." in d.stdout)
    smoke.check("new", ["new", "study.fannot", "--name", "Smoke"])
    smoke.check("import a bundled demo article", ["import", "study.fannot", str(article)],
                lambda d: "1 imported" in d.stdout)
    smoke.check("codebook template", ["codebook", "study.fannot", "template", "framing-core"])
    smoke.check("demo", ["demo", "demo.fannot", "--with-coding"])
    smoke.check("agreement", ["agreement", "demo.fannot", "--bootstrap", "50"],
                lambda d: "coders: Layla, Omar" in d.stdout)
    smoke.check("alpha", ["alpha", "reliability.csv", "--level", "nominal"])
    smoke.check("export --format xlsx", ["export", "demo.fannot", "demo.xlsx", "--format", "xlsx",
                                         "--bootstrap", "50"],
                lambda d: zipfile.is_zipfile(smoke.work / "demo.xlsx"))
    smoke.check("export --format sav", ["export", "demo.fannot", "demo.sav", "--format", "sav"],
                lambda d: (smoke.work / "demo.sav").stat().st_size > 0)
    server_driver(smoke)
    return [smoke.window(smoke.work / f"window-{n}.png") for n in (1, 2)]


def server_driver(smoke: Smoke) -> None:
    """The PostgreSQL driver loads in the bundle: a server that is not there is one clear line
    (exit 1), not a missing module or a traceback."""
    done = smoke.run("info", "postgresql+psycopg://nobody@127.0.0.1:9/none",
                     extra={"PGCONNECT_TIMEOUT": "3"}, timeout=60)
    message = done.stderr.strip()
    ok = (done.returncode == 1 and message.startswith("annotator:") and len(message.splitlines())
          == 1 and "Traceback" not in message and "No module" not in message)
    smoke._count(ok, "server driver (psycopg) loads", [message], done.stderr)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the bundle folder, e.g. dist/framing-annotator")
    parser.add_argument("--screenshot", type=Path, help="keep the window's picture here")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    size = unpacked_mb(dist)
    print(f"bundle {dist}: {size:.1f} MB unpacked (du -sh: {du_sh(dist)}; "
          f"budget {SIZE_BUDGET_MB} MB)")
    with tempfile.TemporaryDirectory(prefix="annotator-smoke-") as folder:
        smoke = Smoke(dist, Path(folder))
        network = "none (unshare -n)" if smoke.prefix else "not cut off"
        print(f"clean environment: {sorted(smoke.env)}; network: {network}")
        times = run_checks(smoke)
        if args.screenshot and (smoke.work / "window-1.png").exists():
            shutil.copy(smoke.work / "window-1.png", args.screenshot)
    shown = ", ".join(t or "failed" for t in times)
    print(f"start to first window (cold, warm): {shown}; budget {WINDOW_BUDGET_S:.0f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
          if hasattr(os, "getloadavg") else f"start to first window (cold, warm): {shown}")
    over = size > SIZE_BUDGET_MB
    if over:
        print(f"  FAIL  the bundle is over the {SIZE_BUDGET_MB} MB budget")
    print(f"bundle smoke: {smoke.passed} passed, {smoke.failed + over} failed")
    return 1 if smoke.failed or over else 0


if __name__ == "__main__":
    sys.exit(main())
