"""Fixtures for the coding workspace: an isolated settings file, the demo project, open windows.

The offscreen platform's default screen is 800×800, which would clamp saved window geometry; a
larger virtual screen is configured before the QApplication exists.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

_SCREEN = Path(tempfile.gettempdir()) / "framing-annotator-test-screen.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _SCREEN.write_text(json.dumps({"screens": [{
        "name": "test", "x": 0, "y": 0, "width": 1920, "height": 1200,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session", autouse=True)
def interface_language(qapp) -> None:  # noqa: ANN001 - pytest-qt fixture
    """The app's own start-up: the interface language (English here: ANNOTATOR_LANGUAGE)."""
    from annotator.ui.app import ensure_application

    ensure_application()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp) -> Iterator[Path]:  # noqa: ANN001 - pytest-qt fixture
    """Every test gets its own settings folder, so nothing leaks into the user's or other tests'."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    from annotator.db.services.demo import build_demo_project

    path = tmp_path / "demo.fannot"
    build_demo_project(path)
    return path


@pytest.fixture
def open_window(qtbot, demo_path: Path) -> Iterator[Callable[..., object]]:  # noqa: ANN001
    """Open the main window on the demo project (or ``path``) for a coder; closed after the test."""
    from annotator.ui import open_main_window

    windows = []

    def opener(coder: str = "Layla", path: Path | None = None, **options: object):  # noqa: ANN202
        window = open_main_window(path or demo_path, coder=coder, **options)
        windows.append(window)
        qtbot.waitUntil(lambda: window.state is not None, timeout=5000)
        return window

    yield opener
    for window in windows:
        try:
            window.close()
        except RuntimeError:  # already closed and deleted by the test
            pass


@pytest.fixture
def code_named() -> Callable[..., object]:
    """``code_named(window, "Claim/Factual")`` → the CodeInfo."""
    def find(window, path: str):  # noqa: ANN001, ANN202
        return next(code for code in window.workspace.codes if code.path == path)
    return find


@pytest.fixture
def open_doc(qtbot) -> Callable[..., str]:  # noqa: ANN001
    """``open_doc(window, "social-post-2016-12")`` opens a demo document; returns its id."""
    def open_it(window, external_id: str) -> str:  # noqa: ANN001
        document = next(d for d in window.documents.model.documents()
                        if d.external_id == external_id)
        window.open_document(document.uuid)
        qtbot.waitUntil(lambda: window.document_id == document.uuid, timeout=5000)
        return document.uuid
    return open_it


@pytest.fixture
def arabic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The Arabic interface, its catalogue built now from this checkout's .ts sources (the user
    cache may hold one built from another checkout); English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from annotator.ui import i18n

    monkeypatch.setattr(i18n, "user_cache_dir", lambda _name: str(tmp_path / "cache"))
    monkeypatch.setattr(i18n, "shipped_catalogue", lambda language: tmp_path / f"no_{language}.qm")
    assert i18n.install_language("ar")
    yield
    i18n.install_language("en", QApplication.instance())
