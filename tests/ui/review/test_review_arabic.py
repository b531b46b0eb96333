"""The review and adjudication window in Arabic (a lead on the coded demo): mirrored, Arabic
labels, a decision in Arabic with the coder's name isolated, the English reason of a refused
action kept whole. Saves tests/artifacts/review-ar.png for a human look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.db.services.demo import build_demo_project
from annotator.ui import i18n
from annotator.ui.review import open_review_window
from annotator.ui.review.edit_gold import EditGoldDialog
from annotator.ui.review.model import GOLD_COLUMN
from annotator.ui.review.window import ReviewWindow
from tests.ui.review.test_adjudication_window import coder

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


def install_arabic(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The Arabic interface, its catalogue built from this checkout's sources (the shared user
    cache may hold one built from another checkout)."""
    monkeypatch.setattr(i18n, "user_cache_dir", lambda _name: str(folder / "cache"))
    monkeypatch.setattr(i18n, "shipped_catalogue", lambda language: folder / f"none_{language}.qm")
    assert i18n.install_language("ar")


@pytest.fixture
def arabic_window(qtbot, tmp_path: Path,  # noqa: ANN001
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[ReviewWindow]:
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    install_arabic(monkeypatch, tmp_path)
    try:
        window = open_review_window(path, lead=coder(path, "Lead"))
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        yield window
        window.close()
    finally:
        i18n.install_language("en")


def test_the_review_window_in_arabic(qtbot, arabic_window: ReviewWindow,  # noqa: ANN001
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window, panel = arabic_window, arabic_window.adjudication.panel
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.windowTitle().startswith(f"المراجعة والتحكيم ({FSI}Lead{PDI})")
    assert (panel.title(), panel.reject.text(), panel.undo.text()) == (
        "التحكيم إلى المعيار الذهبي", "رفض (R)", "تراجع (Ctrl+Z)")
    assert [b.text() for b in panel.accept_buttons] == [
        f"1 · قبول {FSI}Layla{PDI}", f"2 · قبول {FSI}Omar{PDI}"]
    assert window.filters.classes.itemText(0) == "(الكل)"
    assert window.filters.classes.findData("boundary") == window.filters.classes.findText("حدود")
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["#", "المدى", "الأصناف", "المعيار الذهبي"]
    window.filters.classes.setCurrentText("حدود")  # filters by the class, whatever its label
    assert window.model.clusters and all(c.primary.value == "boundary"
                                         for c in window.model.clusters)
    window.filters.classes.setCurrentIndex(0)
    window.select_row(0)
    assert window.current_cluster() == window.model.clusters[0]  # right to left too
    assert window.adjudication.accept_lane(1), window.status.text()
    assert window.model.index(0, GOLD_COLUMN).data() == f"قُبلت نسخة {FSI}Omar{PDI}"
    assert window.status.text().startswith(f"قبول نسخة {FSI}Omar{PDI} من العنقود رقم 1: تمّ")
    assert "المعيار الذهبي:" in panel.decision.text() and "مقطع" in panel.decision.text()
    qtbot.waitUntil(lambda: window.figures.table.rowCount() > 0, timeout=30000)
    assert window.figures.table.horizontalHeaderItem(0).text() == "المقياس"
    assert window.figures.status.text().startswith("مرمِّزان")
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "review-ar.png"))

    def look(dialog: EditGoldDialog) -> int:
        assert dialog.windowTitle() == "تعديل مقطع المعيار الذهبي"
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        dialog.use_selection()  # nothing selected in the text
        assert dialog.error.text() == "حدِّد نصًّا في الوثيقة أولًا."
        dialog.show()
        assert dialog.grab().save(str(ARTIFACTS / "review-edit-gold-ar.png"))
        return 0

    monkeypatch.setattr(EditGoldDialog, "exec", look)
    monkeypatch.setattr(window.view, "selected_span", lambda: None)
    assert not window.adjudication.edit()


def test_a_refusal_keeps_its_english_reason(qtbot, tmp_path: Path,  # noqa: ANN001
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    install_arabic(monkeypatch, tmp_path)
    try:
        window = open_review_window(path, lead=coder(path, "Layla"))
        qtbot.addWidget(window)
        window.select_row(0)
        assert not window.adjudication.reject()
        assert window.status.text().startswith(f"رفض العنقود رقم 1: {LRI}")
        assert "Layla is a coder, not a lead" in window.status.text()
        window.close()
    finally:
        i18n.install_language("en")
