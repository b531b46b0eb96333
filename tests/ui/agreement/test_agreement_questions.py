"""The Agreement window's Document questions tab on the demo coded with answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.agreement.alpha import krippendorff_alpha
from annotator.ui.agreement import open_agreement_window

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def coded_demo(tmp_path: Path) -> Path:
    from annotator.db.services.demo import build_demo_project

    path = tmp_path / "demo.fannot"
    build_demo_project(path, with_coding=True)
    return path


def test_questions_tab_shows_alpha_per_question(qtbot, coded_demo: Path) -> None:  # noqa: ANN001
    window = open_agreement_window(coded_demo)
    qtbot.addWidget(window)
    table = window.questions
    qtbot.waitUntil(lambda: table.figures.rowCount() == 2, timeout=60_000)
    assert [table.cell(r, 0) for r in range(2)] == ["tone", "main_actor"]
    tone = krippendorff_alpha([[-1, -2, -2], [-1, -1, -2]], "ordinal")
    assert table.cell(0, 1) == "ordinal" and table.cell(0, 2).startswith(f"{tone:.3f}")
    assert table.cell(1, 4) == "0.667" and table.cell(1, 6) == "3" and table.cell(1, 7) == "2"
    from PySide6.QtWidgets import QTabWidget

    tabs = window.findChild(QTabWidget, "agreementTabs")
    tabs.setCurrentWidget(window.questions)
    assert tabs.tabText(tabs.currentIndex()) == "Document questions"
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "agreement_questions.png"))
    window.close()
