"""Links between gold spans in the adjudication panel: the selected cluster's gold span shows its
links and the gold spans it can be linked to (typed as the kinds imply); Link, Undo, Redo and
Remove link are each one service call. Saves tests/artifacts/review_gold_links.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from annotator.db.models import Annotation, Relation
from annotator.db.services.demo import build_demo_project
from annotator.domain import CodeKind, RelationType
from annotator.ui.review import open_review_window
from annotator.ui.review.gold_links import LinkChoice, typed_link
from annotator.ui.review.window import ReviewWindow
from tests.ui.review.test_adjudication_window import ARTIFACTS, coder

METAPHOR, CLAIM = 0, 8  # rows of cluster 1 (Framing device/Metaphor) and 9 (a claim)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[ReviewWindow]:  # noqa: ANN001
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    opened = open_review_window(path, lead=coder(path, "Lead"))
    qtbot.addWidget(opened)
    qtbot.waitExposed(opened)
    yield opened
    opened.close()


def gold_links(window: ReviewWindow) -> set[tuple[str, str, str]]:
    """(type, source code, target code) of the links between gold annotations."""
    with window.store.reader() as session:
        gold = dict(session.execute(select(Annotation.id, Annotation.code_id)
                                    .where(Annotation.layer == "gold")).all())
        return {(t, gold[s], gold[g]) for t, s, g in session.execute(
            select(Relation.type, Relation.source_id, Relation.target_id)) if s in gold}


def test_kinds_type_the_link() -> None:
    assert typed_link(CodeKind.CLAIM, CodeKind.SOURCE) == (RelationType.ATTRIBUTED_TO, True)
    assert typed_link(CodeKind.ACTOR, CodeKind.CLAIM) == (RelationType.ABOUT, False)
    assert typed_link(CodeKind.FRAMING_DEVICE, CodeKind.CLAIM) == (RelationType.USES_DEVICE,
                                                                   False)
    assert typed_link(CodeKind.SOURCE, CodeKind.ACTOR) is None
    assert typed_link(CodeKind.CLAIM, CodeKind.CLAIM) is None


def test_link_undo_redo_remove(qtbot, window: ReviewWindow) -> None:  # noqa: ANN001
    box = window.adjudication.panel.gold_links
    window.select_row(CLAIM)
    assert not box.isEnabled()  # no gold yet
    for row in (METAPHOR, CLAIM):
        window.select_row(row)
        qtbot.keyClick(window, Qt.Key.Key_1)
    assert box.isEnabled() and box.span.count() == 1
    assert box.links.count() == 0 and gold_links(window) == set()
    choices = [box.targets.itemData(i) for i in range(box.targets.count())]
    assert all(isinstance(c, LinkChoice) for c in choices)
    assert {c.type for c in choices} == {RelationType.USES_DEVICE}  # the only other gold span
    box.targets.setCurrentIndex(0)
    qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)
    [(kind, _claim, _device)] = gold_links(window)
    assert kind == RelationType.USES_DEVICE.value
    assert box.links.count() == 1 and "Metaphor" in box.links.item(0).text()
    assert window.adjudication.adjudicator.undo_stack.undoText().startswith("Link gold")
    qtbot.wait(100)  # let the layouts settle before the picture
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "review_gold_links.png"))
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_links(window) == set() and box.links.count() == 0
    qtbot.mouseClick(window.adjudication.panel.redo, Qt.MouseButton.LeftButton)
    assert len(gold_links(window)) == 1 and box.links.count() == 1
    box.links.setCurrentRow(0)
    assert box.remove.isEnabled()
    qtbot.mouseClick(box.remove, Qt.MouseButton.LeftButton)
    assert gold_links(window) == set() and box.links.count() == 0
    window.select_row(METAPHOR)  # the device's side shows the claim as what it can link to
    assert {box.targets.itemData(i).type for i in range(box.targets.count())} == {
        RelationType.USES_DEVICE}
