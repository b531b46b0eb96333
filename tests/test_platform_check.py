"""The GUI's system-library check (``annotator doctor``, ``make run``) against the installed
PySide6: every libxcb*/libxkb* library its xcb plugin links to has a Debian package in the table,
and the README lists the packages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from annotator import platform_check as pc
from annotator.cli import main

REPO = Path(__file__).resolve().parent.parent
X_LIBRARY = re.compile(r"^lib(xcb|xkb|X11)")
LINUX_DESKTOP = {"DISPLAY": ":0"}

needs_plugin = pytest.mark.skipif(
    not (pc.xcb_plugin() or Path("/nonexistent")).is_file() or shutil.which("ldd") is None,
    reason="needs Linux, ldd and PySide6's xcb plugin")


def _needed(library: Path) -> set[str]:
    """NEEDED entries of an ELF file (readelf -d), or its whole ldd closure without readelf."""
    if shutil.which("readelf"):
        dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True,
                                 text=True, check=True).stdout
        return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))
    return set(pc.linked_libraries(library))


@needs_plugin
def test_every_x_library_the_plugin_needs_has_a_package() -> None:
    plugin = pc.xcb_plugin()
    assert plugin is not None
    platform_library = next((plugin.parents[2] / "lib").glob("libQt6XcbQpa.so*"))
    needed = _needed(plugin) | _needed(platform_library) | set(pc.linked_libraries(plugin))
    x_libraries = {name for name in needed if X_LIBRARY.match(name)}
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"} <= x_libraries
    assert sorted(x_libraries - set(pc.PACKAGES)) == []


@needs_plugin
def test_the_readme_lists_every_package_the_plugin_needs() -> None:
    plugin = pc.xcb_plugin()
    assert plugin is not None
    packages = {pc.PACKAGES[name] for name in pc.linked_libraries(plugin) if name in pc.PACKAGES}
    readme = (REPO / "README.md").read_text("utf-8")
    command = re.search(r"sudo apt-get install ([^\n`]+)", readme)
    assert command is not None, "README has no apt-get install line"
    assert sorted(packages - set(command.group(1).split())) == []


LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd6b5f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0f1c600000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f0f1c5f0000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-frobnicate.so.7 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f0f1d000000)
"""


def test_ldd_output_is_read_as_found_or_not() -> None:
    assert pc.parse_ldd(LDD_OUTPUT) == {
        "libQt6XcbQpa.so.6": True, "libxcb-cursor.so.0": True, "libxcb-icccm.so.4": False,
        "libxcb-keysyms.so.1": False, "libxcb-frobnicate.so.7": False}


def test_missing_libraries_give_one_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pc, "xcb_plugin", lambda: Path(__file__))
    monkeypatch.setattr(pc, "linked_libraries", lambda _path: pc.parse_ldd(LDD_OUTPUT))
    monkeypatch.setattr(pc.shutil, "which", lambda _name: "/usr/bin/ldd")
    report = pc.check_platform(LINUX_DESKTOP, "linux")
    assert not report.ok
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1;" in report.message
    assert "libxcb-frobnicate.so.7" in report.message and "\n" not in report.message


def test_doctor_fails_with_one_line(monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pc, "check_platform", lambda: pc.PlatformReport(False, "missing xyz"))
    assert main(["doctor"]) == 1
    assert capsys.readouterr().err == "annotator: missing xyz\n"


@pytest.mark.parametrize("environ, platform, checked", [
    ({}, "linux", True), ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False), ({}, "darwin", False), ({}, "win32", False),
])
def test_only_linux_with_xcb_is_checked(environ: dict[str, str], platform: str,
                                        checked: bool) -> None:
    assert pc.uses_xcb(environ, platform) is checked
    if not checked:
        assert pc.check_platform(environ, platform).ok


def test_make_run_checks_before_starting() -> None:
    makefile = (REPO / "Makefile").read_text("utf-8")
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("annotator doctor") < recipe.index("annotator gui")
