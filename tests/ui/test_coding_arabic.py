"""The coding window's context menu, its undo texts and the export dialog in the Arabic interface.

Saves tests/artifacts/export-dialog-ar.png and text-menu-ar.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from annotator.db.services.demo import build_demo_project
from annotator.ui import i18n
from annotator.ui.codes import kind_title
from annotator.ui.export_dialog import open_export_dialog

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
FSI, PDI = "\u2068", "\u2069"


def _select(window, start: int, end: int) -> None:  # noqa: ANN001
    text = window.state.text
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(len(text[:start].encode("utf-16-le")) // 2)
    cursor.setPosition(len(text[:end].encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def test_the_text_menu_and_undo_texts_in_arabic(qtbot, open_window) -> None:  # noqa: ANN001
    from annotator.domain import CodeKind
    from annotator.ui.context_menu import build_text_menu

    assert i18n.install_language("ar")
    try:
        window = open_window()
        civilian = next(c for c in window.workspace.codes if c.path == "Actor/Civilian")
        start = window.state.text.index("ثلاثة")
        _select(window, start, start + 5)
        window.apply_code(civilian)
        undo = window.workspace.undo_stack.undoText()
        assert undo == f"إضافة «{FSI}{civilian.label}{PDI}»"
        assert kind_title(CodeKind.FRAMING_DEVICE) == "أداة تأطير"
        window.view.select_span(start, start)
        menu = build_text_menu(window, start + 1)
        assert menu is not None
        texts = [a.text() for a in menu.actions()]
        assert f"احذف «{FSI}{civilian.label}{PDI}»" in texts
        assert f"غيِّر «{FSI}{civilian.label}{PDI}» إلى" in texts
        assert "تحرير السمات" in texts or any("السمات" in t for t in texts)
        assert menu.layoutDirection() == Qt.LayoutDirection.RightToLeft
        menu.popup(window.mapToGlobal(QPoint(200, 200)))
        qtbot.waitExposed(menu)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert menu.grab().save(str(ARTIFACTS / "text-menu-ar.png"))
        menu.close()
        menu.deleteLater()
    finally:
        i18n.install_language("en", QApplication.instance())


def test_the_export_dialog_in_arabic(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    assert i18n.install_language("ar")
    try:
        dialog = open_export_dialog(path)
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "تصدير"
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert dialog.export_button.text() == "تصدير"
        assert dialog.format.itemText(0).startswith("مصنَّف Excel")
        assert dialog.format.itemData(0) == "xlsx"
        dialog.layer.setCurrentIndex(dialog.layer.findData("gold"))
        assert dialog.layer.currentText() == "المعيار الذهبي"
        assert dialog.scope().layer == "gold"  # the key, whatever the label says
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"الصيغة", "المرمِّزون", "الطبقة", "حفظ باسم"} <= labels
        dialog.destination.setText(str(tmp_path / "missing" / "out.xlsx"))
        dialog.start()
        assert dialog.status.text().endswith("ليس مجلدًا")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "export-dialog-ar.png"))
        dialog.close()
    finally:
        i18n.install_language("en", QApplication.instance())
