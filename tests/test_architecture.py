"""Imports point one way: ui -> db/export/importers -> domain (DESIGN.md §2)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
DATABASE = ("sqlalchemy", "alembic")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE).parts
    if relative[0] in ("ui", "db", "export", "importers"):
        return relative[0]
    return "cli" if relative[0] in ("cli.py", "cli_agreement.py", "cli_export.py", "__main__.py") else "domain"


def _forbidden(layer: str) -> tuple[str, ...]:
    ours_above_domain = ("annotator.ui", "annotator.db", "annotator.export", "annotator.cli")
    return {
        "domain": QT + DATABASE + ours_above_domain,
        "importers": QT + DATABASE + ours_above_domain,
        "db": QT + ("annotator.ui", "annotator.export", "annotator.cli"),
        "export": QT + ("annotator.ui", "annotator.cli"),
        "cli": QT,  # the CLI may start the GUI (`annotator gui`) but never touches Qt itself
        "ui": ("annotator.cli",),
    }[layer]


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    layer = _layer(path)
    bad = sorted(
        name for name in _imported_modules(path)
        if any(name == f or name.startswith(f.rstrip(".") + ".") for f in _forbidden(layer))
    )
    assert not bad, f"{path.relative_to(PACKAGE)} ({layer} layer) imports {', '.join(bad)}"


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy\n", encoding="utf-8")
    assert {"PySide6.QtCore", "sqlalchemy"} <= _imported_modules(sample)
