"""Links drawn in the text: arcs for the current and the hovered annotation, others' in the lead view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from annotator.db.engine import open_project
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import list_codes
from annotator.db.services.documents import document_text, list_documents
from annotator.db.services.lookup import find_coder
from annotator.db.services.relations import create_relation
from annotator.domain import RelationType
from tests.ui.conftest import ARTIFACTS

CLAIM = ("ثلاثة أسابيع", "الغربية من أحياء شرق حلب")
ACTOR = "الجيش السوري"
SOURCE = "وبحسب عدد من الخبراء"


def _code(window, code_named, path: str, first: str, last: str | None = None,  # noqa: ANN001
          after: int = 0) -> str:
    text = window.state.text
    start = text.index(first, after)
    end = text.index(last, start) + len(last) if last else start + len(first)
    window.view.select_span(start, end)
    assert window.apply_code(code_named(window, path))
    return window.coding.current


def _linked(window, code_named) -> dict[str, str]:  # noqa: ANN001
    ids = {"claim": _code(window, code_named, "Claim/Factual", *CLAIM),
           "actor": _code(window, code_named, "Actor/State", ACTOR,
                          after=window.state.text.index(CLAIM[0])),
           "source": _code(window, code_named, "Source/Cited source", SOURCE)}
    assert window.linking.link(ids["claim"], ids["actor"])
    assert window.linking.link(ids["claim"], ids["source"])
    return ids


def _image(window) -> QImage:  # noqa: ANN001
    window.view.viewport().repaint()
    return window.view.viewport().grab().toImage()


def _changed_pixels(first: QImage, second: QImage) -> int:
    return sum(first.pixel(x, y) != second.pixel(x, y)
               for x in range(0, first.width(), 2) for y in range(0, first.height(), 2))


def test_current_annotation_draws_its_links(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    window.resize(QSize(1440, 900))
    ids = _linked(window, code_named)
    window.select_annotation(ids["claim"], reveal=False)
    assert {link.target_id for link in window.view.arcs.shown()} == {ids["actor"], ids["source"]}
    qtbot.wait(1000)  # no flash
    with_arcs = _image(window)
    window.select_annotation(None)
    assert window.view.arcs.shown() == []
    without = _image(window)
    assert _changed_pixels(with_arcs, without) > 40  # the arcs (and the frame) are drawn
    window.select_annotation(ids["actor"], reveal=False)  # from the other end too
    assert [link.source_id for link in window.view.arcs.shown()] == [ids["claim"]]


def test_hovering_a_span_draws_its_links(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    ids = _linked(window, code_named)
    window.select_annotation(None)
    view = window.view
    start = window.state.rows[ids["source"]].start
    view.select_span(start, start)
    point = view.cursorRect().center() + QPoint(-6, 0)  # inside the first word, right to left
    assert ids["source"] in {r.uuid for r in window.state.at(view.offset_at(point))}
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(point), QPointF(view.viewport().mapToGlobal(point)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), move)  # the mouse over the source
    assert view.arcs.shown()
    assert [link.target_id for link in view.arcs.shown()] == [ids["source"]]
    view.arcs.set_hovered(frozenset())
    assert view.arcs.shown() == []


def test_the_lead_sees_other_coders_links_dashed(qtbot, demo_path, open_window) -> None:  # noqa: ANN001
    store = open_project(demo_path)
    with store.transaction() as session:
        document = next(d for d in list_documents(session) if d.external_id == "aleppo-2016-12")
        text = document_text(session, document.uuid)
        codes = {row.path: row.uuid for row in list_codes(session)}
        omar = find_coder(session, "Omar").id
        start = text.index(CLAIM[0])
        claim = create_annotation(session, document_id=document.uuid, coder_id=omar,
                                  code_id=codes["Claim/Factual"], start=start,
                                  end=text.index(CLAIM[1]) + len(CLAIM[1]))
        actor = text.index(ACTOR, start)
        state = create_annotation(session, document_id=document.uuid, coder_id=omar,
                                  code_id=codes["Actor/State"], start=actor, end=actor + len(ACTOR))
        create_relation(session, type=RelationType.ABOUT, source_id=claim.uuid,
                        target_id=state.uuid, coder_id=omar)
    store.close()
    window = open_window("Lead")
    window.resize(QSize(1440, 900))
    for action in window.menu_actions.layers.actions():
        action.setChecked(True)
    qtbot.waitUntil(lambda: claim.uuid in window.state.rows)
    links = window.view.arcs.links
    assert [(link.source_id, link.other) for link in links] == [(claim.uuid, True)]
    model = window.relations_model
    assert model.rowCount() == 1 and "(Omar)" in model.index(0, 1).data()
    window.select_annotation(claim.uuid)
    qtbot.wait(1100)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / "relation-arcs-lead.png"))


def test_screenshot_of_relation_arcs(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    window.resize(QSize(1440, 900))
    ids = _linked(window, code_named)
    window.select_annotation(ids["claim"])
    qtbot.waitUntil(lambda: window.view.layout_complete)
    qtbot.wait(1100)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / "relation-arcs.png"))
