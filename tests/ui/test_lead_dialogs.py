"""The lead's dialogs (issue 12, item 1): New project… and Import articles…, driven by keys and by
their methods. Saves tests/artifacts/new-project-dialog.png and import-preview-arabic-csv.png."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.db import open_project
from annotator.db.services.coders import list_coders
from annotator.db.services.documents import list_documents
from annotator.db.services.new_project import NewProject, create_new_project
from annotator.db.services.projects import project_info
from annotator.domain import Role
from annotator.resources import resource_path
from annotator.ui.lead import import_dialog as import_module
from annotator.ui.lead.import_dialog import ImportDialog
from annotator.ui.lead.new_project import NewProjectDialog
from annotator.ui.plurals import plurals

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
DEMO = resource_path("demo")
ALEPPO = (DEMO / "aleppo-2016-12.txt").read_text(encoding="utf-8")
OPPOSITION = (DEMO / "opposition-view-2016-12.txt").read_text(encoding="utf-8")
SOCIAL = (DEMO / "social-post-2016-12.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p.strip() for p in (ALEPPO + OPPOSITION).split("\n") if len(p.strip()) > 40]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return create_new_project(NewProject(tmp_path / "p.fannot", "P", "framing-core", ["Lead"], "Lead"))


def _type(widget, text: str) -> None:  # noqa: ANN001
    """Type ``text`` as a keyboard would (QTest's keyClicks accepts ASCII only)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _documents(path: Path) -> list:
    store = open_project(path)
    try:
        with store.reader() as session:
            return list_documents(session)
    finally:
        store.close()


def _dialog(qtbot, project: Path, paths: list[Path]) -> ImportDialog:  # noqa: ANN001
    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths(paths)
    _wait_preview(qtbot, dialog)
    return dialog


def _wait_preview(qtbot, dialog: ImportDialog) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: bool(dialog.previews) and not dialog.previewing, timeout=20_000)


def _import(qtbot, dialog: ImportDialog) -> None:  # noqa: ANN001
    assert dialog.start_button.isEnabled()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)


# ---------------------------------------------------------------------- New project
def test_new_project_with_a_template_and_two_coders(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    dialog = NewProjectDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(dialog.name, "تغطية حلب 2016")
    dialog.template.setFocus()
    qtbot.keyClick(dialog.template, Qt.Key.Key_Down)  # the first template
    template = dialog.template.currentData()
    assert template is not None
    for name in ("Amina", "Basel"):
        qtbot.keyClicks(dialog.coder_name, name)
        qtbot.keyClick(dialog.coder_name, Qt.Key.Key_Return)
    assert dialog.coder_names() == ["Amina", "Basel"]
    dialog.lead.setCurrentIndex(dialog.lead.findText("Basel"))
    assert dialog.target.text().endswith("تغطية حلب 2016.fannot")
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "new-project-dialog.png"))
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.created is not None, timeout=20_000)
    store = open_project(dialog.created)
    with store.reader() as session:
        info, coders = project_info(session), list_coders(session)
    store.close()
    assert info.name == "تغطية حلب 2016" and info.codes > 0
    assert {(c.name, c.role) for c in coders} == {("Amina", Role.CODER), ("Basel", Role.LEAD)}


def test_a_refused_project_says_why_and_writes_nothing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "Taken.fannot").write_bytes(b"someone else's")
    dialog = NewProjectDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Taken")
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    assert "coder" in dialog.error.text()  # no coder yet
    qtbot.keyClicks(dialog.coder_name, "Amina")
    qtbot.keyClick(dialog.coder_name, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.coder_name, "Amina")
    qtbot.keyClick(dialog.coder_name, Qt.Key.Key_Return)
    assert "already in the list" in dialog.error.text() and dialog.coder_names() == ["Amina"]
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    assert "already exists" in dialog.error.text() and dialog.created is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Taken.fannot"]


def arabic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The Arabic interface, its catalogue built from this checkout's sources (the user cache may
    hold one built from another checkout)."""
    from annotator.ui import i18n

    monkeypatch.setattr(i18n, "user_cache_dir", lambda _name: str(tmp_path / "cache"))
    monkeypatch.setattr(i18n, "shipped_catalogue", lambda language: tmp_path / f"none_{language}.qm")
    assert i18n.install_language("ar")


def test_new_project_in_arabic(qtbot, tmp_path: Path,  # noqa: ANN001
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves tests/artifacts/new-project-ar.png: Arabic labels, the English reason kept whole."""
    from annotator.ui import i18n

    arabic(monkeypatch, tmp_path)
    try:
        dialog = NewProjectDialog(folder=tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert (dialog.windowTitle(), dialog.create.text()) == ("مشروع جديد", "إنشاء")
        _type(dialog.name, "تغطية حلب 2016")
        qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)  # no coder yet
        assert dialog.error.text().startswith("تعذّر إنشاء المشروع: \u2066") and "coder" in dialog.error.text()
        for _ in range(2):
            qtbot.keyClicks(dialog.coder_name, "Amina")
            qtbot.keyClick(dialog.coder_name, Qt.Key.Key_Return)
        assert dialog.error.text() == "الاسم \u2068Amina\u2069 موجود في القائمة بالفعل."
        ARTIFACTS.mkdir(exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "new-project-ar.png"))
    finally:
        i18n.install_language("en")


# ---------------------------------------------------------------------- Import
def test_a_folder_of_txt_files_in_mixed_encodings(qtbot, project: Path, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-utf8.txt").write_text(ALEPPO, encoding="utf-8")
    (folder / "b-cp1256.txt").write_bytes(OPPOSITION.encode("cp1256"))
    (folder / "c-utf16.txt").write_text(SOCIAL, encoding="utf-16")
    (folder / "d-empty.txt").write_bytes(b"")
    dialog = _dialog(qtbot, project, [folder])
    rows = {dialog.files.topLevelItem(i).text(0).lstrip("\u200e"): dialog.files.topLevelItem(i)
            for i in range(dialog.files.topLevelItemCount())}
    assert {name: row.text(1) for name, row in rows.items()} == {
        "a-utf8.txt": "utf-8", "b-cp1256.txt": "cp1256", "c-utf16.txt": "utf-16", "d-empty.txt": "—"}
    assert "Refused" in rows["d-empty.txt"].text(4) and "empty" in rows["d-empty.txt"].text(4)
    assert "d-empty.txt" in dialog.findings.toPlainText()
    assert dialog.totals.text() == (f"{plurals().files(4)}: {plurals().articles(3)} will be imported. "
                                    f"Files refused: {plurals().files(1)}.")
    dialog.files.setCurrentItem(rows["b-cp1256.txt"])
    assert dialog.articles.item(0, 1).text().startswith(OPPOSITION.strip().split("\n")[0][:20])
    assert dialog.articles.item(0, 1).textAlignment() & Qt.AlignmentFlag.AlignRight
    _import(qtbot, dialog)
    assert sorted(d.external_id for d in _documents(project)) == ["a-utf8", "b-cp1256", "c-utf16"]
    text = dialog.summary.text.toPlainText()
    assert text.startswith(f"Imported {plurals().articles(3)} from {plurals().files(3)}.")
    assert f"Files refused: {plurals().files(1)}." in text
    assert "refused:" in text and "d-empty.txt" in text
    qtbot.mouseClick(dialog.summary.copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text


def test_an_arabic_csv_with_a_mapping_change(qtbot, project: Path, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "مقالات.csv"
    rows = ["المعرف,العنوان,المتن,الصحيفة,ملاحظة"] + [
        f'{i},"عنوان {i}","{PARAGRAPHS[i]}",الموعد,"ملاحظة {i}"' for i in range(1, 6)]
    rows.append('6,"عنوان 6",,الموعد,"فارغ"')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog = _dialog(qtbot, project, [path])
    preview = dialog.previews[0]
    assert preview.refused and "row 7" in preview.error and "empty" in preview.error
    assert dialog.mapping.mapping()["text"] == "المتن" and dialog.mapping.mapping()["title"] == "العنوان"
    dialog.skip_empty.setFocus()
    qtbot.keyClick(dialog.skip_empty, Qt.Key.Key_Space)
    _wait_preview(qtbot, dialog)
    assert not dialog.previews[0].refused and dialog.previews[0].notes.skipped == [
        "row 7: the text ('المتن') is empty"]
    assert "row 7" in dialog.findings.toPlainText()
    title = dialog.mapping.combos["title"]
    title.setCurrentIndex(title.findData("ملاحظة"))  # the user maps the title to another column
    _wait_preview(qtbot, dialog)
    assert [r.title for r in dialog.previews[0].records][:2] == ["ملاحظة 1", "ملاحظة 2"]
    assert dialog.mapping.mapping()["title"] == "ملاحظة"
    assert dialog.articles.item(0, 0).text() == "ملاحظة 1"
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "import-preview-arabic-csv.png"))
    _import(qtbot, dialog)
    documents = _documents(project)
    assert [d.title for d in documents] == [f"ملاحظة {i}" for i in range(1, 6)]
    assert f"Rows with empty text skipped: {plurals().rows(1)}." in dialog.summary.text.toPlainText()


def test_the_import_preview_in_arabic(qtbot, project: Path, tmp_path: Path,  # noqa: ANN001
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves tests/artifacts/import-preview-ar.png: mirrored, Arabic labels, file names and counts
    in their own direction inside Arabic sentences."""
    from annotator.ui import i18n

    path = tmp_path / "مقالات.csv"
    rows = ["المعرف,العنوان,المتن,الصحيفة"] + [
        f'{i},"عنوان {i}","{PARAGRAPHS[i]}",الموعد' for i in range(1, 4)]
    rows.append('4,"عنوان 4",,الموعد')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("headline,words\nx,1\n", encoding="utf-8")
    arabic(monkeypatch, tmp_path)
    try:
        dialog = _dialog(qtbot, project, [path, tmp_path / "bad.csv"])
        dialog.skip_empty.setChecked(True)
        _wait_preview(qtbot, dialog)
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert dialog.windowTitle() == "استيراد المقالات"
        assert (dialog.start_button.text(), dialog.cancel_button.text()) == ("استيراد", "إلغاء")
        headers = [dialog.files.headerItem().text(c) for c in range(dialog.files.columnCount())]
        assert headers == ["الملف", "ترميز الأحرف", "المقالات", "الجديدة", "الحالة"]
        assert dialog.articles.horizontalHeaderItem(0).text() == "العنوان"
        assert dialog.mapping.title() == "الأعمدة (ملفات CSV وExcel)"
        assert dialog.totals.text() == "ملفان: ستُستورد منها 3 مقالات. الملفات المرفوضة: ملف واحد."
        status = {p.path.name: p for p in dialog.previews}
        bad = next(dialog.files.topLevelItem(i) for i in range(2)
                   if dialog.files.topLevelItem(i).text(0) == "\u2066bad.csv\u2069")
        assert bad.text(4).startswith("مرفوض: \u2066") and bad.text(4).endswith("\u2069")
        assert "no text column" in status["bad.csv"].error
        dialog.files.setCurrentItem(next(dialog.files.topLevelItem(i) for i in range(2)
                                         if dialog.files.topLevelItem(i) is not bad))
        assert dialog.files.currentItem().text(4) == "جاهز؛ صفوف فارغة النص ستُتخطّى: صف واحد"
        assert dialog.articles.item(0, 2).text() == "\u2066مقالات.csv, row 2\u2069"
        ARTIFACTS.mkdir(exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "import-preview-ar.png"))
        _import(qtbot, dialog)
        summary = dialog.summary
        assert summary.windowTitle() == "اكتمل الاستيراد" and summary.copy.text() == "نسخ"
        assert summary.text.toPlainText().startswith("استُوردت 3 مقالات (الملفات المقروءة: ملف واحد).")
        summary.show()
        qtbot.waitExposed(summary)
        assert summary.grab().save(str(ARTIFACTS / "import-summary-ar.png"))
        summary.close()
    finally:
        i18n.install_language("en")


def test_an_xlsx_and_a_refused_csv(qtbot, project: Path, tmp_path: Path) -> None:  # noqa: ANN001
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Body", "Outlet", "Date"])
    for i in range(3):
        sheet.append([f"Headline {i}", PARAGRAPHS[i], "SANA", "2016-12-1%d" % i])
    book.save(tmp_path / "sheet.xlsx")
    (tmp_path / "bad.csv").write_text("headline,words\nx,1\n", encoding="utf-8")
    dialog = _dialog(qtbot, project, [tmp_path / "sheet.xlsx", tmp_path / "bad.csv"])
    by_name = {p.path.name: p for p in dialog.previews}
    assert by_name["sheet.xlsx"].notes.fields == {"text": "Body", "title": "Title", "outlet": "Outlet",
                                                  "date": "Date"}
    assert "no text column" in by_name["bad.csv"].error
    assert "bad.csv" in dialog.findings.toPlainText() and "no text column" in dialog.findings.toPlainText()
    _import(qtbot, dialog)
    documents = _documents(project)
    assert [(d.title, d.outlet) for d in documents] == [(f"Headline {i}", "SANA") for i in range(3)]
    assert "no text column" in dialog.summary.text.toPlainText()


def test_cancel_mid_import_leaves_the_project_unchanged(qtbot, project: Path, tmp_path: Path,  # noqa: ANN001
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for i, text in enumerate((ALEPPO, OPPOSITION, SOCIAL)):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    reached = threading.Event()
    real = import_module.import_previewed

    def gated(store, files, progress):  # noqa: ANN001, ANN202 - holds the worker while storing
        def step(done: int, total: int, path: Path) -> bool:
            if done == len(files) + 1:  # one file stored in the transaction, the next one waits
                reached.set()
                dialog._stop.wait(10)
            return progress(done, total, path)
        return real(store, files, step)

    monkeypatch.setattr(import_module, "import_previewed", gated)
    dialog = _dialog(qtbot, project, [tmp_path / f"{i}.txt" for i in range(3)])
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels the import, not the dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report.cancelled and dialog.summary is None and dialog.isVisible()
    assert "nothing was imported" in dialog.totals.text()
    assert _documents(project) == []


# ---------------------------------------------------------------------- menu and start screen
def test_the_file_menu_offers_both_to_a_lead_only(qtbot, open_window, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window(coder="Layla")
    assert window.menu_actions["new_project"].isEnabled()
    assert not window.menu_actions["import_articles"].isEnabled()  # a coder does not import
    lead = open_window(coder="Lead")
    action = lead.menu_actions["import_articles"]
    assert action.isEnabled() and action in lead.menuBar().actions()[0].menu().actions()
    before = len(lead.documents.model.documents())
    (tmp_path / "new.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    action.trigger()
    dialog = lead.import_dialog
    dialog.add_paths([tmp_path / "new.txt"])
    _wait_preview(qtbot, dialog)
    _import(qtbot, dialog)
    assert len(lead.documents.model.documents()) == before + 1  # the list refreshed


def _when_modal(qtbot, act) -> None:  # noqa: ANN001
    """Run ``act(dialog)`` on the next modal dialog once it is shown (exec() blocks the test)."""
    from PySide6.QtCore import QTimer

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(20, poll)


def test_start_screen_open_returns_the_chosen_file(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from annotator.ui.lead.entry import start_without_project
    from annotator.ui.settings import AppSettings

    _when_modal(qtbot, lambda screen: screen.open.click())
    chosen = tmp_path / "x.fannot"
    assert start_without_project(AppSettings(), lambda *_: chosen) == chosen


def test_start_screen_new_project_opens_it_as_its_lead(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from annotator.ui.lead.entry import start_without_project
    from annotator.ui.settings import AppSettings

    def fill(dialog) -> None:  # noqa: ANN001
        dialog.name.setText("Study")
        dialog.folder.setText(str(tmp_path))
        dialog.coder_name.setText("Amina")
        dialog.add_typed_coder()
        dialog.create.click()

    def choose_new(screen) -> None:  # noqa: ANN001
        _when_modal(qtbot, lambda dialog: dialog is not screen and fill(dialog))
        screen.new.click()

    _when_modal(qtbot, choose_new)
    assert start_without_project(AppSettings(), lambda *_: pytest.fail("not asked")) is True
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
    assert any(w.workspace.coder.name == "Amina" and w.workspace.coder.role is Role.LEAD for w in windows)
    for window in windows:
        window.close()
