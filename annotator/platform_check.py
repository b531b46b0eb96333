"""Can the GUI start here? Checks the system libraries Qt's xcb platform plugin links to.

On a fresh Debian or Ubuntu desktop the PySide6 wheel's xcb plugin may miss libraries such as
libxcb-icccm4 or libxcb-cursor0; Qt then aborts with a message that names the wrong one. This
module asks the dynamic linker (``ldd``) which of the plugin's libraries cannot be found and turns
them into the one ``apt-get install`` line that fixes it. It never imports Qt, so it works exactly
when Qt would not. ``annotator doctor`` and ``make run`` call it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PLUGIN = Path("Qt", "plugins", "platforms", "libqxcb.so")
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")

# Shared-object name -> Debian package (Debian 12 names; apt on Ubuntu 22.04/24.04 accepts the same
# names, 24.04 installing its renamed "t64" packages for them).
# tests/test_platform_check.py fails if the installed plugin needs a libxcb*/libxkb* name that is
# missing here.
PACKAGES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


@dataclass(frozen=True)
class PlatformReport:
    """``ok`` False means the GUI will not start; ``message`` says why and what to run."""

    ok: bool
    message: str


def xcb_plugin() -> Path | None:
    """The installed PySide6's xcb plugin, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / PLUGIN


def parse_ldd(output: str) -> dict[str, bool]:
    """``ldd`` output as {shared-object name: found}."""
    found: dict[str, bool] = {}
    for line in output.splitlines():
        match = LDD_LINE.match(line)
        if match:
            name, where = match.groups()
            found[name] = found.get(name, False) or where != "not found"
    return found


def linked_libraries(library: Path) -> dict[str, bool]:
    """Every library ``library`` loads, directly or not, and whether the linker finds it."""
    result = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=False,
                            timeout=60)
    return parse_ldd(result.stdout)


def install_command(missing: list[str]) -> str:
    packages = sorted({PACKAGES[name] for name in missing if name in PACKAGES})
    return "sudo apt-get install " + " ".join(packages) if packages else ""


def _missing_message(missing: list[str]) -> str:
    message = ("the GUI cannot start: Qt's xcb platform plugin needs libraries this system "
               f"lacks ({', '.join(missing)})")
    command = install_command(missing)
    unknown = [name for name in missing if name not in PACKAGES]
    if command:
        message += f"; install them with: {command}"
    if unknown:
        message += (f"; no package known for {', '.join(unknown)} "
                    "(`apt-file search NAME` finds it)")
    return message


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Qt uses xcb on Linux unless QT_QPA_PLATFORM names another platform (e.g. offscreen)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    return not chosen or "xcb" in chosen


def check_platform(environ: Mapping[str, str] = os.environ,
                   platform: str = sys.platform) -> PlatformReport:
    if not uses_xcb(environ, platform):
        return PlatformReport(True, "Qt will not use its xcb plugin here: nothing to check")
    plugin = xcb_plugin()
    if plugin is None:
        return PlatformReport(False, "PySide6 is not installed (run `make install`)")
    if not plugin.is_file():
        return PlatformReport(False, f"PySide6 has no xcb platform plugin at {plugin}")
    if shutil.which("ldd") is None:
        return PlatformReport(True, "ldd is not available: cannot check Qt's system libraries")
    libraries = linked_libraries(plugin)
    missing = sorted(name for name, found in libraries.items() if not found)
    if missing:
        return PlatformReport(False, _missing_message(missing))
    return PlatformReport(True, f"Qt's xcb platform plugin finds all {len(libraries)} "
                          "libraries it needs")
