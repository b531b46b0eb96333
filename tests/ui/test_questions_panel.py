"""The Questions panel: the Semetko & Valkenburg questionnaire answered from the keyboard, undo,
blind answers, conditions, the warning on Done, and a screenshot with the Arabic questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.domain import AssignmentStatus

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def sv_path(tmp_path: Path) -> Path:
    """The demo articles with the Semetko & Valkenburg codebook, assigned to two coders."""
    from annotator.codebook import load_template
    from annotator.db import open_project
    from annotator.db.services.codebook import apply_codebook
    from annotator.db.services.coders import add_coder
    from annotator.db.services.documents import add_articles, assign, list_documents
    from annotator.db.services.projects import create_project
    from annotator.importers import iter_article_files, read_articles
    from annotator.resources import resource_path

    path = tmp_path / "sv.fannot"
    store = open_project(path, create=True)
    with store.transaction() as session:
        create_project(session, "Semetko & Valkenburg")
        apply_codebook(session, load_template("semetko-valkenburg"))
        coders = [add_coder(session, name) for name in ("Layla", "Omar")]
        for file in iter_article_files([resource_path("demo")]):
            add_articles(session, read_articles(file))
        documents = [d.uuid for d in list_documents(session)]
        for coder in coders:
            assign(session, documents, coder)
    store.close()
    return path


def _stored(window) -> dict[str, object]:  # noqa: ANN001
    from annotator.db.services.questions import answers_of

    with window.workspace.store.reader() as session:
        answers = answers_of(session, window.document_id, window.workspace.coder.uuid)
    keys = {q.uuid: q.key for q in window.questions_panel.questions}
    return {keys[k]: v for k, v in answers.items()}


def _focused_card(window):  # noqa: ANN001, ANN202
    focus = QApplication.focusWidget()
    return next((c for c in window.questions_panel.cards.values() if c is focus), None)


def test_sv_questionnaire_from_the_keyboard(qtbot, open_window, open_doc, sv_path: Path) -> None:  # noqa: ANN001
    window = open_window(path=sv_path)
    open_doc(window, "aleppo-2016-12")
    panel = window.questions_panel
    assert window.questions_dock.isVisible() and len(panel.cards) == 20
    assert "Required questions without an answer: 20" in panel.status.text()
    window.activateWindow()
    panel.focus_first()
    qtbot.waitUntil(lambda: _focused_card(window) is not None)
    pattern = "12112" "12221" "1112" "222" "121"  # per frame; 1 = yes, 2 = no
    for index, key in enumerate(pattern):
        card = _focused_card(window)
        assert card is list(panel.cards.values())[index]
        QTest.keyClick(card, getattr(Qt.Key, f"Key_{key}"))  # also a code shortcut: the card claims it
        QTest.keyClick(card, Qt.Key.Key_Tab)
    stored = _stored(window)
    assert [stored[f"sv_q{n}"] for n in range(1, 21)] == [k == "1" for k in pattern]
    assert "All required questions answered" in panel.status.text()
    assert panel._scores["Conflict"].text().endswith(": 0.75")  # 1, 1, 1, 2 -> yes, yes, yes, no
    assert window.workspace.undo_stack.count() == 20  # one undoable command per answer
    window.menu_actions["undo"].trigger()
    window.workspace.events.flush()
    assert "sv_q20" not in _stored(window) and "without an answer: 1<" in panel.status.text()
    window.menu_actions["redo"].trigger()
    window.workspace.events.flush()
    assert _stored(window)["sv_q20"] is (pattern[19] == "1")
    card = list(panel.cards.values())[0]
    card.setFocus()
    QTest.keyClick(card, Qt.Key.Key_Delete)
    assert "sv_q1" not in _stored(window)


def test_answers_are_blind_and_done_warns(qtbot, open_window, open_doc, sv_path: Path,  # noqa: ANN001
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    layla = open_window(path=sv_path)
    open_doc(layla, "aleppo-2016-12")
    list(layla.questions_panel.cards.values())[0].choose(0)
    assert _stored(layla) == {"sv_q1": True}
    layla.close()
    omar = open_window(coder="Omar", path=sv_path)
    open_doc(omar, "aleppo-2016-12")
    assert omar.questions_panel.answers == {} and _stored(omar) == {}
    assert not any(b.isChecked() for b in list(omar.questions_panel.cards.values())[0]._buttons)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, text, *_a: asked.append(text) or QMessageBox.StandardButton.No)
    assert not omar.set_status(AssignmentStatus.DONE)
    assert "20 questions of this document are required" in asked[0] and omar._status_of(omar.document_id) is AssignmentStatus.TODO


def test_conditional_question_appears_when_its_condition_is_met(qtbot, open_window, open_doc, sv_path: Path) -> None:  # noqa: ANN001
    from annotator.codebook.questions import Condition, QuestionSpec, QuestionType
    from annotator.db import open_project
    from annotator.db.services.codebook import add_question

    store = open_project(sv_path)
    with store.transaction() as session:
        add_question(session, QuestionSpec("00000000-0000-4000-8000-000000000077", "victims_named",
                                           QuestionType.TEXT, "Which victims are named?", "مَن الضحايا المذكورون بأسمائهم؟",
                                           condition=Condition("sv_q6", [True])))
    store.close()
    window = open_window(path=sv_path)
    open_doc(window, "aleppo-2016-12")
    panel = window.questions_panel
    follow = panel.cards["00000000-0000-4000-8000-000000000077"]
    assert follow.isHidden()
    panel.cards[panel.questions[5].uuid].choose(0)  # sv_q6 = yes
    assert not follow.isHidden()
    follow.line.setText("أحمد")
    follow.line.editingFinished.emit()
    assert _stored(window)["victims_named"] == "أحمد"


def test_screenshot_of_the_questions_panel(qtbot, open_window, open_doc, sv_path: Path) -> None:  # noqa: ANN001
    window = open_window(path=sv_path)
    window.resize(QSize(1440, 900))
    qtbot.waitExposed(window)
    open_doc(window, "aleppo-2016-12")
    panel = window.questions_panel
    for index, card in enumerate(list(panel.cards.values())[:7]):
        card.choose(index % 2)
    list(panel.cards.values())[7].setFocus()
    window.resizeDocks([window.questions_dock], [560], Qt.Orientation.Horizontal)
    qtbot.wait(300)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "questions_panel.png"))


def test_the_questions_panel_in_arabic(qtbot, open_window, open_doc, sv_path: Path,  # noqa: ANN001
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves tests/artifacts/questions-ar.png: the Arabic wording first, the status and the frame
    scores in Arabic, Arabic wording in the Mark done warning."""
    from annotator.ui import i18n

    monkeypatch.setattr(i18n, "user_cache_dir", lambda _name: str(tmp_path / "cache"))
    monkeypatch.setattr(i18n, "shipped_catalogue", lambda language: tmp_path / f"none_{language}.qm")
    assert i18n.install_language("ar")
    try:
        window = open_window(path=sv_path)
        window.resize(QSize(1440, 900))
        qtbot.waitExposed(window)
        open_doc(window, "aleppo-2016-12")
        panel = window.questions_panel
        assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert panel.status.text().endswith("أسئلة إلزامية بلا إجابة: 20</span>")
        first = next(iter(panel.cards.values()))
        assert first.title.text().startswith(f"<b>1. {first.question.wording_ar}")
        assert first.toolTip().startswith(first.question.help_ar or first.question.help_en)
        scores = [label.text() for label in panel._scores.values()]
        assert scores and all(text.startswith("درجة الإطار (متوسط ") for text in scores)
        asked: list[str] = []
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No)
        assert not panel.confirm_done()
        assert asked[0].startswith("الأسئلة الإلزامية التي لم يُجَب عنها في هذه الوثيقة: 20 سؤالًا")
        assert f"• {panel.missing_required()[0].wording_ar}" in asked[0]
        for index, card in enumerate(list(panel.cards.values())[:7]):
            card.choose(index % 2)
        window.resizeDocks([window.questions_dock], [560], Qt.Orientation.Horizontal)
        qtbot.wait(300)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert window.questions_dock.grab().save(str(ARTIFACTS / "questions-ar.png"))
    finally:
        i18n.install_language("en")
