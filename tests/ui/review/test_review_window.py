"""The review window on the coded demo (3 documents, 2 coders): the cluster model (qtmodeltester),
filters, keyboard navigation between disagreements, selection revealing the cluster, the document's
agreement figures, the Project menu entry. Saves tests/artifacts/review.png for a human look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.db import open_project
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import list_documents
from annotator.db.services.review import review_input
from annotator.review import ReviewClass, review_document
from annotator.ui.review import open_review_window
from annotator.ui.review.model import GOLD_COLUMN, ClusterModel
from annotator.ui.review.window import READ_ONLY_NOTE, ReviewWindow

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    return path


@pytest.fixture
def window(qtbot, coded: Path) -> Iterator[ReviewWindow]:  # noqa: ANN001
    opened = open_review_window(coded)
    qtbot.addWidget(opened)
    qtbot.waitExposed(opened)
    yield opened
    opened.close()


def _expected(path: Path, index: int = 0) -> list:
    store = open_project(path)
    try:
        with store.reader() as session:
            uuid = list_documents(session)[index].uuid
            [document] = review_input(session, documents=[uuid])
    finally:
        store.close()
    return review_document(document)


def test_the_cluster_model_passes_qtmodeltester(qtmodeltester, window: ReviewWindow) -> None:  # noqa: ANN001
    qtmodeltester.check(window.model)
    window.filters.classes.setCurrentText("boundary")
    qtmodeltester.check(window.model)
    qtmodeltester.check(ClusterModel())


def test_the_window_lists_every_cluster_of_the_first_document(window: ReviewWindow,
                                                              coded: Path) -> None:
    expected = _expected(coded)
    assert window.model.clusters == expected
    assert window.model.rowCount() == len(expected) > 10
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(window.model.columnCount())]
    assert headers == ["#", "Range", "Classes", "Gold", "Layla", "Omar", "Text"]
    missing = next(c for c in expected if c.missing)
    row = window.model.row_of(missing)
    column = headers.index(missing.missing[0])
    assert window.model.index(row, column).data() == "— (marked nothing)"
    first = expected[0]  # Layla's metaphor starts 11 characters after Omar's
    tips = [window.model.index(0, headers.index(name)).data(Qt.ItemDataRole.ToolTipRole)
            for name in ("Layla", "Omar")]
    assert tips == ["Framing device/Metaphor [83, 98)", "Framing device/Metaphor [72, 98)"]
    assert (first.start, first.end) == (72, 98)
    attribute = next(c for c in expected if ReviewClass.ATTRIBUTE in c.classes)
    tip = window.model.index(window.model.row_of(attribute), headers.index("Layla")).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "{" in tip and "=" in tip
    assert window.findChild(type(window.legend), "reviewReadOnly").text() == READ_ONLY_NOTE


def test_filters_by_class_code_and_coder(window: ReviewWindow) -> None:
    everything = list(window.model.clusters)
    window.filters.classes.setCurrentText("boundary")
    assert window.model.clusters == [c for c in everything if ReviewClass.BOUNDARY in c.classes]
    window.filters.classes.setCurrentText("any disagreement")
    assert window.model.clusters == [c for c in everything if c.disagrees]
    window.filters.classes.setCurrentText("(any)")
    window.filters.codes.setCurrentText("Framing device/Label")
    assert window.model.clusters and all("Framing device/Label" in c.codes
                                         for c in window.model.clusters)
    window.filters.codes.setCurrentText("(any)")
    window.filters.coders.setCurrentText("Omar")
    assert window.model.clusters == [c for c in everything
                                     if "Omar" in {s.coder for s in c.spans} | set(c.missing)]


def test_n_and_f8_step_through_disagreements_and_selection_reveals_the_cluster(
        qtbot, window: ReviewWindow) -> None:  # noqa: ANN001
    disagreements = [c for c in window.model.clusters if c.disagrees]
    assert len(disagreements) >= 3 and any(not c.disagrees for c in window.model.clusters)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_N)
    assert window.current_cluster() == disagreements[0]
    qtbot.keyClick(window.table, Qt.Key.Key_F8)
    assert window.current_cluster() == disagreements[1]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.current_cluster() == disagreements[2]
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_cluster() == disagreements[1]
    qtbot.keyClick(window.table, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_cluster() == disagreements[-1]  # round from the first to the last
    cluster = window.current_cluster()
    assert window.view.cursor_offset() == cluster.start
    assert window.view._current is not None and window.view._current[:2] == (cluster.start,
                                                                             cluster.end)


def test_with_only_unanimous_clusters_shown_there_is_nothing_to_go_to(window: ReviewWindow
                                                                       ) -> None:
    window.filters.classes.setCurrentText("unanimous")
    assert window.model.clusters
    assert window.go_to_disagreement(1) is None
    assert "No disagreement" in window.status.text()


def test_the_documents_agreement_figures_arrive_from_the_worker(qtbot, window: ReviewWindow
                                                                ) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.figures.table.rowCount() > 0, timeout=30000)
    labels = [window.figures.table.item(r, 0).text()
              for r in range(window.figures.table.rowCount())]
    assert "uα" in labels and "α_u" in labels
    assert "2 coders (Layla, Omar)" in window.figures.status.text()


def test_choosing_another_document_shows_its_clusters(window: ReviewWindow, coded: Path) -> None:
    window.documents.setCurrentIndex(1)
    assert window.model.clusters == _expected(coded, 1)
    assert window.view.state is not None and window.view.state.document_id == \
        window.documents.currentData()


def test_a_lead_opens_it_from_the_project_menu_on_the_open_document(
        qtbot, open_window, coded: Path) -> None:  # noqa: ANN001
    main = open_window("Lead", coded)
    action = main.menu_actions["review"]
    assert action.isEnabled()
    action.trigger()
    review = main.review_window
    qtbot.addWidget(review)
    assert review.data.loaded.document_id == main.state.document_id
    assert review.adjudication is not None and review.lead.name == "Lead"  # adjudicates
    review.select_row(0)
    assert review.adjudication.accept_lane(0)
    assert review.model.index(0, GOLD_COLUMN).data() == "accepted Layla"
    review.close()


def test_a_coder_cannot_open_it(open_window, coded: Path) -> None:  # noqa: ANN001
    main = open_window("Layla", coded)
    assert not main.menu_actions["review"].isEnabled()


def test_screenshot(qtbot, window: ReviewWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.figures.table.rowCount() > 0, timeout=30000)
    window.go_to_disagreement(1)
    window.go_to_disagreement(1)
    qtbot.wait(1000)  # let the flash fade and the layout settle
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "review.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 20_000
