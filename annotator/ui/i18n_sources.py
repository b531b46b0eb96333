"""The translation sources: which code feeds which Linguist file, and refreshing them with lupdate.

Each part of the interface (each package of ``annotator/ui``, and groups of its top-level modules)
has its own ``<area>_<language>.ts`` so that translators, and parallel branches, rarely touch the
same file. ``python -m annotator.ui.i18n_sources --update`` (``make translations-update``) runs
``pyside6-lupdate`` over the code: new strings appear as unfinished, removed ones are dropped.
The translation completeness test runs the same extraction into a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree  # our own Linguist files, never untrusted input
from dataclasses import dataclass
from pathlib import Path

from annotator.ui.i18n import ENGLISH, LANGUAGES, translations_dir

UI_DIR = Path(__file__).resolve().parent
TOP_LEVEL_AREA = "main"
TOP_LEVEL_AREAS = {
    "window": ("main_window.py", "window_parts.py", "actions.py", "app.py", "window_search.py",
               "shortcuts_sheet.py", "about.py", "smoke.py", "file_open.py"),
    "coding": ("coding.py", "commands.py", "context_menu.py", "linking.py", "document_view.py",
               "document_state.py", "span_gutter.py", "span_marks.py", "tooltips.py",
               "highlighter.py", "relation_arcs.py", "done_check.py", "search.py", "workspace.py",
               "events.py", "codes.py"),
    "project": ("dialogs.py", "coders_dialog.py", "lead_access.py", "export_dialog.py",
                "packages.py", "server_login.py", "store_command.py", "workers.py"),
}
"""Top-level modules grouped by the part of the interface they make; the others are ``main``."""
_AREA_OF_MODULE = {name: area for area, names in TOP_LEVEL_AREAS.items() for name in names}
NOT_INTERFACE = frozenset({"i18n_sources.py"})
LUPDATE_SECONDS = 120


@dataclass(frozen=True)
class Message:
    """One string of a Linguist file, with its translation state."""

    context: str
    source: str
    translation: str
    unfinished: bool


def areas() -> dict[str, list[Path]]:
    """The interface's source files by area: ``main`` for top-level modules, else the package."""
    found: dict[str, list[Path]] = {}
    for path in sorted(UI_DIR.rglob("*.py")):
        if path.name in NOT_INTERFACE or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(UI_DIR)
        area = (_AREA_OF_MODULE.get(path.name, TOP_LEVEL_AREA) if len(relative.parts) == 1
                else relative.parts[0])
        found.setdefault(area, []).append(path)
    return found


def source_file(area: str, language: str, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / f"{area}_{language}.ts"


def lupdate_program() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    program = str(beside) if beside.is_file() else shutil.which("pyside6-lupdate")
    if program is None:
        raise FileNotFoundError("pyside6-lupdate is not installed (it comes with PySide6)")
    return program


def update(language: str, folder: Path | None = None) -> list[Path]:
    """Refresh every area's source for ``language`` in ``folder`` (default: the shipped one)."""
    written = []
    for area, files in areas().items():
        target = source_file(area, language, folder)
        shipped = source_file(area, language)
        if folder is not None and shipped.is_file() and not target.exists():
            shutil.copyfile(shipped, target)  # keep the translations made so far
        # English is the source language: its catalogue only holds the plural forms.
        plural_only = ["-pluralonly"] if language == ENGLISH else []
        subprocess.run([lupdate_program(), "-silent", "-no-obsolete", "-locations", "none",
                        *plural_only, "-target-language", language, *map(str, files),
                        "-ts", str(target)],
                       check=True, capture_output=True, timeout=LUPDATE_SECONDS)
        written.append(target)
    return written


def messages(ts_file: Path) -> list[Message]:
    """Every message of a Linguist file (plural forms joined)."""
    result = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            text = "" if node is None else "".join(node.itertext())
            unfinished = node is None or node.get("type") in ("unfinished", "vanished")
            result.append(Message(name, message.findtext("source", ""), text, unfinished))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true",
                        help="refresh the .ts sources from code")  # i18n: not shown
    args = parser.parse_args(argv)
    if not args.update:
        parser.print_help()
        return 0
    for language in LANGUAGES:
        for path in update(language):
            left = sum(m.unfinished for m in messages(path))
            print(f"{path.name}: {left} unfinished" if left else f"{path.name}: complete")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
