"""The codebook editor and the coders dialog in the Arabic interface: mirrored and translated.

Saves tests/artifacts/codebook-editor-ar.png, merge-code-dialog-ar.png and coders-dialog-ar.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from annotator.db.services.codebook import code_ids_by_path
from annotator.ui import i18n
from annotator.ui.codebook_editor import open_codebook_editor

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
FSI, PDI = "\u2068", "\u2069"


def test_the_editor_in_arabic_is_mirrored_and_translated(qtbot, open_window) -> None:  # noqa: ANN001
    from annotator.ui.codebook_editor.merge_dialog import MergeDialog
    from annotator.ui.coders_dialog import open_coders_dialog

    assert i18n.install_language("ar")
    try:
        window = open_window("Lead")
        editor = open_codebook_editor(window)
        assert editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert editor.windowTitle() == "دليل الترميز"
        assert editor.actions_by_name["add_code"].text() == "إضافة رمز"
        assert editor.actions_by_name["undo"].text().startswith("تراجع")
        assert editor.tree.headerItem().text(1) == "العربية"
        assert editor.form.findChild(QPushButton, "addAttribute").text() == "إضافة سمة…"
        with editor.store.reader() as session:
            factual = code_ids_by_path(session)["claim/factual"]
        editor.select(factual)
        assert editor.edit_fields(colour="#aaccee")
        # the English code name stays whole inside the Arabic sentence
        assert editor.message.text() == f"تعديل «{FSI}Factual{PDI}»"
        assert editor.form.attributes.horizontalHeaderItem(2).text() == "إلزامية"
        editor.show()
        qtbot.waitExposed(editor)
        qtbot.wait(50)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert editor.grab().save(str(ARTIFACTS / "codebook-editor-ar.png"))

        merge = MergeDialog("Factual", 12, [("b", "Evaluative — ادعاء تقييمي")], editor)
        qtbot.addWidget(merge)
        text = merge.findChild(QLabel).text()
        assert "وسمًا" in text and "12" in text and f"{FSI}Factual{PDI}" in text
        assert merge.merge.text() == "الدمج في هذا الرمز ثم الحذف"
        merge.show()
        qtbot.waitExposed(merge)
        assert merge.grab().save(str(ARTIFACTS / "merge-code-dialog-ar.png"))
        merge.close()

        coders = open_coders_dialog(window)
        qtbot.waitExposed(coders)
        assert coders.windowTitle() == "المرمِّزون"
        assert coders.table.horizontalHeaderItem(1).text() == "الدور"
        assert coders.add("Samira K.")
        assert coders.message.text() == f"إضافة {FSI}Samira K.{PDI}"
        assert coders.grab().save(str(ARTIFACTS / "coders-dialog-ar.png"))
        coders.close()
        editor.close()
    finally:
        i18n.install_language("en", QApplication.instance())


def test_the_attribute_coder_and_passphrase_dialogs_in_arabic(qtbot, open_window) -> None:  # noqa: ANN001
    """Saves attribute-dialog-ar.png, coder-dialog-ar.png and set-passphrase-dialog-ar.png."""
    from annotator.db.services.coders import CoderInfo
    from annotator.domain import Role
    from annotator.ui.dialogs import CoderDialog
    from annotator.ui.lead_access import SetPassphraseDialog

    assert i18n.install_language("ar")
    try:
        window = open_window("Lead")
        editor = open_codebook_editor(window)
        with editor.store.reader() as session:
            editor.select(code_ids_by_path(session)["framing device/label"])
        dialog = editor.open_attribute_dialog(
            editor.codes[editor.current_code_id()].attributes[0].uuid)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "تعديل السمة"
        assert dialog.type.itemText(0) == "اختيار"
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        qtbot.waitExposed(dialog)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "attribute-dialog-ar.png"))
        dialog.close()
        editor.close()

        coders = [CoderInfo("a", "Samira K.", Role.CODER), CoderInfo("b", "Lead", Role.LEAD)]
        picker = CoderDialog("Demo", coders, lead_button=True)
        qtbot.addWidget(picker)
        assert picker.windowTitle() == "من يرمِّز؟"
        assert picker.list.item(1).text() == f"{FSI}Lead{PDI} (المشرف)"
        assert picker.lead_button.text() == "الفتح بصفة المشرف…"
        picker.show()
        qtbot.waitExposed(picker)
        assert picker.grab().save(str(ARTIFACTS / "coder-dialog-ar.png"))
        assert picker.chosen() == ("Samira K.", False)  # the name itself, not its display

        passphrase = SetPassphraseDialog()
        qtbot.addWidget(passphrase)
        passphrase.new.setText("short")
        passphrase.again.setText("short")
        passphrase.buttons.accepted.emit()
        assert passphrase.error.text().endswith("على الأقل.")
        passphrase.show()
        qtbot.waitExposed(passphrase)
        assert passphrase.grab().save(str(ARTIFACTS / "set-passphrase-dialog-ar.png"))
    finally:
        i18n.install_language("en", QApplication.instance())
