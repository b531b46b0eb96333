"""A long, densely annotated document opens in a worker and paints only what is on screen."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import insert

from annotator.db.engine import open_project
from annotator.db.models import Annotation, new_uuid
from annotator.db.services.codebook import list_codes
from annotator.db.services.documents import add_articles
from annotator.db.services.lookup import find_coder
from annotator.importers.records import ArticleRecord
from annotator.resources import resource_path
from annotator.ui.highlighter import EAGER_BLOCKS
from annotator.ui.main_window import ASYNC_CHARS


def _add_long_document(path: Path, repeats: int = 30, count: int = 3000) -> str:
    paragraphs = [p for p in resource_path("demo", "aleppo-2016-12.txt").read_text(
        encoding="utf-8").splitlines() if p.strip()]
    text = "\n\n".join(paragraphs * repeats)
    rng = random.Random(7)
    store = open_project(path)
    with store.transaction() as session:
        document_id = add_articles(session, [ArticleRecord(
            text=text, title="طويل", external_id="long", source="test")]).added[0]
        coder = find_coder(session, "Layla").id
        codes = [row.uuid for row in list_codes(session)]
        step = len(text) // count
        rows = []
        for k in range(count):
            start = k * step + rng.randrange(step)
            rows.append(dict(id=new_uuid(), document_id=document_id, coder_id=coder,
                             code_id=rng.choice(codes), start=start,
                             end=min(len(text), start + rng.randint(10, 120)), layer="coding",
                             memo=""))
        session.execute(insert(Annotation), rows)
    store.close()
    return document_id


def test_long_document_opens_in_a_worker_and_paints_lazily(qtbot, demo_path, open_window) -> None:  # noqa: ANN001
    document_id = _add_long_document(demo_path)
    window = open_window()
    summary = window.documents.model.summary(document_id)
    assert summary.characters > ASYNC_CHARS
    with qtbot.waitSignal(window.documentOpened, timeout=10_000):
        window.open_document(document_id)
        assert window.document_id != document_id  # returned before the worker finished
    assert len(window.state.rows) == 3000 and window.annotation_model.rowCount() == 3000
    highlighter = window.view.highlighter
    blocks = window.view.document().blockCount()
    assert blocks > EAGER_BLOCKS
    first, last = window.view.visible_blocks()
    qtbot.waitUntil(lambda: any(window.view.document().findBlockByNumber(n).layout().formats()
                                for n in range(first, last + 1)))  # on screen: highlighted
    assert highlighter.painted_blocks < blocks // 4  # only the blocks near the viewport

    qtbot.waitUntil(lambda: window.view.layout_complete, timeout=10_000)  # in slices, meanwhile
    bar = window.view.verticalScrollBar()

    def at_the_end() -> bool:  # Qt lays the rest out in steps; the range grows meanwhile
        bar.setValue(bar.maximum())
        return window.view.visible_blocks()[1] == blocks - 1

    qtbot.waitUntil(at_the_end, timeout=10_000)
    qtbot.waitUntil(lambda: highlighter.painted_blocks > 0 and any(
        window.view.document().findBlockByNumber(n).layout().formats()
        for n in range(blocks - 20, blocks)))


def test_adding_one_annotation_repaints_only_its_block(qtbot, demo_path, open_window, code_named,  # noqa: ANN001
                                                       monkeypatch) -> None:
    document_id = _add_long_document(demo_path, repeats=12, count=800)
    window = open_window()
    with qtbot.waitSignal(window.documentOpened, timeout=10_000):
        window.open_document(document_id)
    highlighter = window.view.highlighter
    calls: list[int] = []
    original = highlighter.rehighlightBlock
    monkeypatch.setattr(highlighter, "rehighlightBlock",
                        lambda block: (calls.append(block.blockNumber()), original(block)))
    text = window.state.text
    start = text.index("ثلاثة أسابيع")
    window.view.select_span(start, start + 5)
    calls.clear()
    assert window.apply_code(code_named(window, "Claim/Factual"))
    assert calls == [window.state.index.block_of(start)]
