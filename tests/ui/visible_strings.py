"""Find interface strings that are not marked for translation, by reading the code (no Qt needed).

A string counts as visible when it reaches a Qt call that shows text (``setText``, ``QLabel(...)``,
``addMenu``, message boxes, …) or when it reads like prose (words and spaces) anywhere in
``annotator/ui`` outside docstrings, log calls and the few calls that take names rather than text.
It is marked when it sits inside ``tr``/``translate``/``QT_TRANSLATE_NOOP``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

MARKERS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "tr_noop"})
NOT_TEXT = frozenset({
    "setObjectName", "setStyleSheet", "setProperty", "property", "objectName", "findChild",
    "findChildren", "debug", "info", "warning_log", "exception", "getattr", "setattr", "hasattr",
    "Key", "QKeySequence", "QSettings", "value", "setValue", "startswith", "endswith", "split",
    "replace", "join", "format", "strftime", "strptime", "fromisoformat", "compile", "match",
    "search", "sub", "fullmatch", "QColor", "QFont", "setFamily", "fromString", "run", "Popen",
    "Path", "open", "encode", "decode", "connect", "QRegularExpression", "setRoleNames",
    "setShortcut", "setShortcuts", "make_action_keys",
    "setMimeData", "hasFormat", "data", "setData", "getenv", "get", "pop", "setdefault",
    "QTimer", "Signal", "Slot", "Property", "AnnotatorError", "ProjectError", "ValueError",
    "TypeError", "KeyError", "RuntimeError", "AssertionError", "NotImplementedError", "print",
    "write", "isoformat", "rstrip", "lstrip", "strip", "lower", "upper", "casefold",
})
"""Calls whose string arguments are names, patterns or messages for developers, never shown."""
PRAGMA = "# i18n: not shown"
PROSE = re.compile(r"[A-Za-z]{2,}[^\n]*\s[A-Za-z]{2,}|^[A-Z][a-z]{2,}|&[A-Za-z]")


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _docstrings(tree: ast.AST) -> set[int]:
    """Docstrings, and the bare strings after an assignment that document it."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}


def _exempt_nodes(tree: ast.AST) -> set[int]:
    """Strings inside a marker, a call that takes no text, a subscript key or a comparison."""
    exempt: set[int] = _docstrings(tree)
    for node in ast.walk(tree):
        skip = False
        if isinstance(node, ast.Call):
            name = _call_name(node)
            skip = name in MARKERS or name in NOT_TEXT or name.endswith(("Error", "Exception")) or (
                isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("log", "logger", "logging"))
        elif isinstance(node, (ast.Subscript, ast.Compare, ast.Dict)):
            skip = isinstance(node, ast.Subscript) or isinstance(node, ast.Compare)
            if isinstance(node, ast.Dict):  # keys are names; values may be text
                exempt.update(id(k) for k in node.keys if k is not None)
        elif isinstance(node, ast.Assert):
            skip = True
        if skip:
            exempt.update(id(inner) for inner in ast.walk(node))
    return exempt


def _text_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def unmarked_strings(path: Path) -> list[Unmarked]:
    """Prose strings of one module that are not marked for translation.

    A line ending in ``# i18n: not shown`` (font family names, settings keys) is left out.
    """
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    exempt = _exempt_nodes(tree)
    pragma_lines = {n for n, line in enumerate(source.splitlines(), 1) if PRAGMA in line}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            exempt.update(id(v) for v in node.values)
        text = _text_of(node)
        if (text is None or id(node) in exempt or not PROSE.search(text)
                or getattr(node, "lineno", 0) in pragma_lines):
            continue
        found.append(Unmarked(path, getattr(node, "lineno", 0), text))
    return found
