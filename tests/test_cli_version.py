"""``annotator --version`` names the app, Python, Qt and camel-tools versions."""

from __future__ import annotations

import platform
from importlib.metadata import version

import pytest

from annotator import __version__
from annotator.cli import main


def test_version_reports_app_python_qt_and_camel_tools(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"annotator {__version__} (Python install)"
    assert lines[1].startswith(f"Python {platform.python_version()} (")
    assert lines[2].startswith("Qt 6.") and f"(PySide6 {version('PySide6')})" in lines[2]
    assert lines[3] == f"camel-tools {version('camel-tools')}"
