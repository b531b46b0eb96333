"""The main window's search behaviour: marks in the text, the KWIC list, stepping through hits.

A mixin of :class:`~annotator.ui.main_window.MainWindow`; the searching itself is
:class:`~annotator.ui.search.SearchController`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from annotator.ui.plurals import plurals

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

translate = QCoreApplication.translate


class SearchMixin:
    """Search-related slots and actions of the main window."""

    def connect_search(self: MainWindow) -> None:
        self.search_field.textChanged.connect(self.search.set_query)
        self.search_field.returnPressed.connect(self.search.run_now)
        self.search.documentHits.connect(self._on_document_hits)
        self.search.finished.connect(self._on_search_finished)
        self.search_panel.hitChosen.connect(self.show_hit)

    def _on_document_hits(self: MainWindow, document_id: str, spans: list[tuple[int, int]]) -> None:
        if document_id == self.document_id:
            self.view.set_hits(spans)

    def _on_search_finished(self: MainWindow, total: int, documents: int) -> None:
        query = self.search.query
        words = plurals()
        text = translate("Search", "{matches} for “{query}” in {documents}").format(
            matches=words.matches(total), query=query, documents=words.documents(documents)
        ) if query else translate("Search", "Type to search.")
        self.search_panel.summary.setText(text)

    def show_hit(self: MainWindow, document_id: str, start: int, end: int) -> None:
        """Open a match's document and select the match, ready for a code key."""
        def select() -> None:
            self.view.select_span(start, end)
            spans = self.search.spans_in(document_id)
            self.view.set_hits(spans, spans.index((start, end)) if (start, end) in spans else -1)
        self.open_document(document_id, then=select)

    def step_hit(self: MainWindow, direction: int) -> None:
        """F3 / Shift+F3: the next or previous match in the open document."""
        spans = self.search.spans_in(self.document_id or "")
        if not spans:
            self.statusBar().showMessage(translate("Search", "No matches in this document."), 4000)
            return
        offset = self.view.cursor_offset()
        if direction > 0:
            index = next((i for i, (s, _) in enumerate(spans) if s >= offset), 0)
        else:
            index = next((i for i in range(len(spans) - 1, -1, -1) if spans[i][1] < offset),
                         len(spans) - 1)
        self.show_hit(self.document_id or "", *spans[index])

    def focus_search(self: MainWindow) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()
