"""Projects to export: the coded demo, and a small project with hard texts (a 40,000-character
segment with emoji, texts that look like formulas, a gold layer)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.codebook import load_template
from annotator.db import open_project
from annotator.db.engine import ProjectStore
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import code_ids_by_path, apply_codebook
from annotator.db.services.coders import add_coder
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import add_articles, set_status, assign
from annotator.db.services.projects import create_project
from annotator.domain import AssignmentStatus, Layer
from annotator.importers.records import ArticleRecord

LONG = 40_000
FORMULA_LIKE = ("=SUM(A1:A9)", "+971 50", "-5 قتلى", "@حلب", "\tجدول")
EMOJI_LINE = "حلب تحترق 😢💔 "
ODD_MEMO = "\r@x\t<b> & _x0041_ \x01 end"
"""A carriage return, markup, a literal Excel escape and a control character XML cannot hold."""


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.fannot"
    build_demo_project(path, with_coding=True)
    return path


@pytest.fixture
def demo_store(demo_path: Path) -> Iterator[ProjectStore]:
    store = open_project(demo_path)
    yield store
    store.close()


def _hard_text() -> tuple[str, list[tuple[int, int]]]:
    """A text holding each formula-like phrase and a 40,000-character run of emoji lines."""
    parts, spans, offset = [], [], 0
    for phrase in FORMULA_LIKE:
        parts.append(phrase + " نص.\n")
        spans.append((offset, offset + len(phrase)))
        offset += len(parts[-1])
    repeated = (EMOJI_LINE * (LONG // len(EMOJI_LINE) + 1))[:LONG]
    parts.append(repeated)
    spans.append((offset, offset + LONG))
    return "".join(parts), spans


@pytest.fixture
def hard_store(tmp_path: Path) -> Iterator[tuple[ProjectStore, list[tuple[int, int]]]]:
    store = open_project(tmp_path / "hard.fannot", create=True)
    text, spans = _hard_text()
    with store.transaction() as session:
        create_project(session, "Hard texts")
        apply_codebook(session, load_template("framing-core"))
        coder = add_coder(session, "Amina")
        add_articles(session, [ArticleRecord(text=text, title="=HYPERLINK(\"x\")",
                                             external_id="hard", source="test")])
        from annotator.db.services.documents import list_documents

        document = list_documents(session)[0].uuid
        assign(session, [document], coder)
        set_status(session, document, coder, AssignmentStatus.DONE)
        code = code_ids_by_path(session)["claim/factual"]
        for index, (start, end) in enumerate(spans):
            create_annotation(session, document_id=document, coder_id=coder, code_id=code,
                              start=start, end=end, memo=ODD_MEMO if index == 1 else "=1+1")
        create_annotation(session, document_id=document, coder_id=coder, code_id=code,
                          start=spans[0][0], end=spans[0][1], layer=Layer.GOLD)
    yield store, spans
    store.close()
