"""Search the open document and the whole corpus in a worker, insensitive to Arabic spelling variants.

Matching is :func:`annotator.text.find_all` (camel-tools normalisation: diacritics, tatweel, alef and
hamza forms, teh marbuta, alef maqsura). The worker reads documents with its own session, open
document first, and reports per document; the UI shows hits in the text and a KWIC table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.db.engine import ProjectStore
from annotator.db.services.documents import document_text, list_documents
from annotator.snapping import snap_to_words
from annotator.text import find_all
from annotator.ui.models.search import SearchHit, SearchResultsModel
from annotator.ui.workers import Report, TaskRunner, TaskState

CONTEXT_CHARS = 40
MAX_HITS = 5000
MIN_QUERY = 2
DEBOUNCE_MS = 250

_SPACES = re.compile(r"\s+")
DocumentHits = tuple[str, list[tuple[int, int]], list[SearchHit]]


def _context(text: str, start: int, end: int, title: str, document_id: str) -> SearchHit:
    before = _one_line(text[max(0, start - CONTEXT_CHARS):start])
    after = _one_line(text[end:end + CONTEXT_CHARS])
    return SearchHit(document_id, title, start, end, before, text[start:end], after)


def _one_line(text: str) -> str:
    """Context on one line: paragraph breaks and runs of spaces become one space."""
    return _SPACES.sub(" ", text)


def search_corpus(store: ProjectStore, query: str, first_id: str | None, state: TaskState,
                  report: Report) -> int:
    """Worker body: report ``(document_id, spans, hits)`` per document with matches."""
    with store.reader() as session:
        documents = [(d.uuid, d.title or d.external_id or "") for d in list_documents(session)]
    documents.sort(key=lambda item: item[0] != first_id)
    total = 0
    for document_id, title in documents:
        if state.cancelled:
            break
        with store.reader() as session:
            text = document_text(session, document_id)
        spans = find_all(text, query)
        if not spans:
            continue
        room = max(0, MAX_HITS - total)
        report((document_id, spans,
                [_context(text, s, e, title, document_id) for s, e in spans[:room]]))
        total += len(spans)
    return total


def warm_up_text_tools() -> None:
    """Load camel-tools (about a second of imports) in a worker, before the first search or
    snapped selection needs it on the UI thread."""
    find_all("مُسَلَّحِي", "مسلحي")
    snap_to_words("كلمة أخرى", 1, 2)


class SearchController(QObject):
    """Runs searches as the query changes (debounced), one at a time, cancelling stale ones."""

    documentHits = Signal(str, list)  # document id, [(start, end)] — for the text view
    finished = Signal(int, int)  # matches, documents with matches

    def __init__(self, store: ProjectStore, runner: TaskRunner, current: Callable[[], str | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        self._store, self._runner, self._current = store, runner, current
        self._task: TaskState | None = None
        self._query = ""
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

    @property
    def query(self) -> str:
        return self._query

    @property
    def running(self) -> bool:
        return self._task is not None

    def set_query(self, query: str) -> None:
        """Search after a short pause in typing."""
        self._query = query.strip()
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.model.clear()
        self._spans = {}
        self.documentHits.emit(self._current() or "", [])
        if len(self._query) < MIN_QUERY:
            self.finished.emit(0, 0)
            return
        query, first = self._query, self._current()
        self._task = self._runner.start(
            lambda state, report: search_corpus(self._store, query, first, state, report),
            on_progress=self._on_document, on_done=self._on_done, on_failed=self._on_failed)

    def spans_in(self, document_id: str) -> list[tuple[int, int]]:
        return list(self._spans.get(document_id, []))

    def _on_document(self, found: DocumentHits) -> None:
        document_id, spans, hits = found
        self._spans[document_id] = spans
        self.model.append(hits)
        self.documentHits.emit(document_id, spans)

    def _on_done(self, total: int) -> None:
        self._task = None
        self.finished.emit(total, len(self._spans))

    def _on_failed(self, message: str) -> None:
        self._task = None
        self.finished.emit(0, 0)
