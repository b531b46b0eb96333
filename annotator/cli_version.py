"""``annotator --version``: the app, Python, Qt and camel-tools versions, for bug reports.

Importing the Qt binding's core module and camel-tools' package root is cheap; neither brings in
PyTorch (tests/test_no_torch.py).
"""

from __future__ import annotations

import argparse
import platform
import sys
from collections.abc import Sequence
from typing import Any

from annotator import __version__


def _qt() -> str:
    try:
        from annotator.ui.about import qt_versions

        binding, runtime = qt_versions()
    except ImportError as error:
        return f"unavailable ({error})"
    return f"{runtime} (PySide6 {binding})"


def _camel_tools() -> str:
    try:
        import camel_tools
    except ImportError:
        return "not installed (built-in Arabic normalisation and tokeniser)"
    return str(getattr(camel_tools, "__version__", "unknown"))


def version_report() -> str:
    """Four lines: app (and whether it runs from the bundle), Python, Qt, camel-tools."""
    where = "app bundle" if getattr(sys, "frozen", False) else "Python install"
    return "\n".join((
        f"annotator {__version__} ({where})",
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{platform.system()} {platform.machine()})",
        f"Qt {_qt()}",
        f"camel-tools {_camel_tools()}",
    ))


class VersionAction(argparse.Action):
    """``--version``: print :func:`version_report` and exit 0, like argparse's own action."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the app, Python, Qt and camel-tools versions and exit", **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        sys.stdout.write(version_report() + "\n")
        parser.exit()
