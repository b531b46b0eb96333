"""Build the app bundle with PyInstaller and smoke-test it: ``python packaging/build_bundle.py``.

The one command on every system (``make bundle`` runs it on Linux), from a clone with the app and
the ``[bundle]`` extra installed. It writes ``dist/framing-annotator/`` (and on macOS
``dist/Framing Annotator.app``), prints how long the build took, then runs
packaging/smoke_bundle.py on the result: the unpacked size, start to first window and the CLI
checks, in a clean environment. ``--no-smoke`` builds only. On Linux the bundle folder also gets
packaging/linux/ (install.sh: menu entry and ``.fannot`` file association).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "framing-annotator.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def build() -> float:
    """Run PyInstaller on the spec; seconds taken."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
                   cwd=ROOT, check=True)
    return time.perf_counter() - start


def add_linux_desktop_files(bundle: Path) -> None:
    """install.sh, the .desktop entry and the MIME type beside the ``annotator`` executable."""
    for file in sorted((ROOT / "packaging" / "linux").iterdir()):
        shutil.copy(file, bundle / file.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    args = parser.parse_args()
    seconds = build()
    if sys.platform.startswith("linux"):
        add_linux_desktop_files(DIST / "framing-annotator")
    print(f"bundle built in {seconds:.0f} s: {DIST / 'framing-annotator'}")
    if args.no_smoke:
        return 0
    sys.path.insert(0, str(ROOT / "packaging"))
    from smoke_bundle import main as smoke

    return smoke([str(DIST / "framing-annotator"),
                  "--screenshot", str(DIST / "framing-annotator-window.png")])


if __name__ == "__main__":
    sys.exit(main())
