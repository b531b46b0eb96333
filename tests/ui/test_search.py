"""Ctrl+F search: diacritic-insensitive, in the text and across the corpus, coding a match in one key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel

from annotator.db.engine import open_project
from annotator.db.services.annotations import list_annotations
from annotator.db.services.documents import add_articles
from annotator.importers.records import ArticleRecord

VOWELLED = "وقالت المصادر إن مُسَلَّحِي المعارضة انسحبوا من حي بستان القصر."


def _add_vowelled_article(path: Path) -> None:
    store = open_project(path)
    with store.transaction() as session:
        add_articles(session, [ArticleRecord(text=VOWELLED, title="تشكيل", external_id="vowelled",
                                             source="test")])
    store.close()


def _search(qtbot, window, query: str) -> None:  # noqa: ANN001
    window.focus_search()
    assert window.search_field.hasFocus() or window.search_field.objectName() == "searchField"
    with qtbot.waitSignal(window.search.finished, timeout=15_000):
        window.search_field.setText(query)


def test_finds_the_plain_spelling_in_vowelled_text(qtbot, demo_path, open_window) -> None:  # noqa: ANN001
    _add_vowelled_article(demo_path)
    window = open_window()
    _search(qtbot, window, "مسلحي")
    model = window.search.model
    hits = [model.hit(r) for r in range(model.rowCount())]
    vowelled = [h for h in hits if h.title == "تشكيل"]
    assert [h.match for h in vowelled] == ["مُسَلَّحِي"]
    start = VOWELLED.index("مُسَلَّحِي")
    assert (vowelled[0].start, vowelled[0].end) == (start, start + len("مُسَلَّحِي"))
    assert vowelled[0].before.endswith("إن ") and vowelled[0].after.startswith(" المعارضة")
    assert "match" in window.search_panel.summary.text()


def test_matches_are_marked_in_the_text_and_coded_with_one_key(qtbot, demo_path, open_window) -> None:  # noqa: ANN001
    _add_vowelled_article(demo_path)
    window = open_window()
    _search(qtbot, window, "مسلحي")
    model, view = window.search.model, window.search_panel.view
    row = next(r for r in range(model.rowCount()) if model.hit(r).title == "تشكيل")
    view.setFocus()
    view.selectionModel().setCurrentIndex(model.index(row, 0),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: window.state is not None and window.state.text == VOWELLED)
    assert len(window.view.extraSelections()) == 1  # the hit, marked in the text
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(view, "7")  # focus stays in the results; the code key codes the match
    with window.workspace.store.reader() as session:
        rows = list_annotations(session, window.document_id)
    start = VOWELLED.index("مُسَلَّحِي")
    assert [(a.start, a.end) for a in rows] == [(start, start + len("مُسَلَّحِي"))]


def test_corpus_search_runs_in_a_worker_and_stale_queries_are_dropped(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    window.search_field.setText("حلب")
    window.search.run_now()
    assert window.search.running  # the UI thread returned at once
    with qtbot.waitSignal(window.search.finished, timeout=15_000):
        window.search_field.setText("الأمم المتحدة")
        window.search.run_now()
    hits = [window.search.model.hit(r) for r in range(window.search.model.rowCount())]
    assert hits and all(h.match.replace("ـ", "") in ("الأمم المتحدة", "الامم المتحدة")
                        for h in hits)
    documents = {h.document_id for h in hits}
    assert len(documents) >= 2


def test_find_next_steps_through_the_open_document(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    _search(qtbot, window, "حلب")
    spans = window.search.spans_in(window.document_id)
    assert len(spans) > 3
    window.step_hit(1)
    assert window.view.selected_span() == spans[0]
    window.step_hit(1)
    assert window.view.selected_span() == spans[1]
    window.step_hit(-1)
    assert window.view.selected_span() == spans[0]
