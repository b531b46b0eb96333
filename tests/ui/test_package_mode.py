"""The coding window on a coder package, and File → Export coder packages… / Merge coder files…."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from annotator.db.engine import open_project
from annotator.db.services.demo import build_demo_project
from annotator.db.services.packages import export_package
from annotator.errors import ProjectError
from annotator.ui import packages as package_ui
from tests.package_helpers import code_in_package

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def coded_demo(tmp_path: Path) -> Path:
    path = tmp_path / "round.fannot"
    build_demo_project(path, with_coding=True)
    return path


@pytest.fixture
def layla_package(coded_demo: Path, tmp_path: Path) -> Path:
    store = open_project(coded_demo)
    export_package(store, "Layla", tmp_path / "layla.fannot")
    store.close()
    return tmp_path / "layla.fannot"


def test_a_package_opens_in_package_mode_for_its_own_coder(
        qtbot, open_window, layla_package: Path, code_named) -> None:  # noqa: ANN001
    window = open_window(None, path=layla_package)  # no coder asked: the package fixes it
    assert window.workspace.coder.name == "Layla"
    assert "coder package for Layla" in window.windowTitle()
    assert "Coder package: Layla" in window.package_label.text()
    assert "read-only" in window.codebook_dock.windowTitle()
    actions = window.menu_actions
    assert actions["hand_back"].isEnabled()
    assert not actions["export_packages"].isEnabled() and not actions["merge_packages"].isEnabled()
    window.view.select_span(0, 5)
    assert window.apply_code(code_named(window, "Claim/Factual"))  # coding works as usual
    window.resize(QSize(1440, 900))
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.view.layout_complete)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "package-mode.png"
    assert window.grab().save(str(target))
    assert target.stat().st_size > 50_000


def test_a_package_refuses_another_coder(qtbot, layla_package: Path) -> None:  # noqa: ANN001
    from annotator.ui import open_main_window

    with pytest.raises(ProjectError, match="a coder package for Layla, not for Omar"):
        open_main_window(layla_package, coder="Omar")


def test_close_and_hand_back_closes_and_says_where_the_file_is(
        qtbot, open_window, layla_package: Path) -> None:  # noqa: ANN001
    window = open_window(None, path=layla_package)
    closed: list[bool] = []
    window.destroyed.connect(lambda *_: closed.append(True))
    window.menu_actions["hand_back"].trigger()
    qtbot.waitUntil(lambda: bool(closed))
    note = package_ui._notes[-1]
    assert str(layla_package.resolve()) in note.text()
    assert "project lead" in note.text()
    note.close()


def test_the_lead_exports_all_packages_then_merges_them(
        qtbot, open_window, coded_demo: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(package_ui, "choose_folder", lambda *_: folder)
    window = open_window("Lead", path=coded_demo)
    assert not window.menu_actions["hand_back"].isEnabled()
    window.menu_actions["export_packages"].trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_package_report", None) is not None,
                    timeout=20_000)
    packages = sorted(folder.glob("*.fannot"))
    assert [p.name for p in packages] == ["round-Layla.fannot", "round-Omar.fannot"]
    code_in_package(packages[0], "Layla", "edited offline")
    window.last_package_report = None
    monkeypatch.setattr(package_ui, "choose_packages", lambda *_: packages)
    window.menu_actions["merge_packages"].trigger()
    qtbot.waitUntil(lambda: window.last_package_report is not None, timeout=20_000)
    report = window.last_package_report
    assert report[0].startswith("round-Layla.fannot (Layla): 3 added, 3 updated,")
    assert report[1].startswith("round-Omar.fannot (Omar): 0 added, 0 updated, 0 deleted")
    for note in list(package_ui._notes):
        note.close()
