"""Every data-changing action is committed at once and undoes and redoes exactly."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.db.services.annotations import get_annotation, list_annotations
from annotator.db.services.documents import get_document_memo, list_documents
from annotator.db.services.relations import list_relations
from annotator.domain import AssignmentStatus, RelationType



def plain(label: str) -> str:
    """An undo text without its bidi isolates (FSI/PDI around inserted names)."""
    return label.replace("\u2068", "").replace("\u2069", "")

def _rows(window):  # noqa: ANN001, ANN202
    with window.workspace.store.reader() as session:
        return list_annotations(session, window.document_id, coder_id=window.workspace.coder.uuid)


def _status(window):  # noqa: ANN001, ANN202
    with window.workspace.store.reader() as session:
        docs = list_documents(session, window.workspace.coder.uuid)
    return next(d.status for d in docs if d.uuid == window.document_id)


def _code(window, code_named, path: str, phrase: str, length: int | None = None) -> str:  # noqa: ANN001
    text = window.state.text
    start = text.index(phrase)
    window.view.select_span(start, start + (length or len(phrase)))
    assert window.apply_code(code_named(window, path))
    window.workspace.events.flush()
    return window.coding.current


def _undo(window) -> None:  # noqa: ANN001
    window.menu_actions["undo"].trigger()
    window.workspace.events.flush()


def _redo(window) -> None:  # noqa: ANN001
    window.menu_actions["redo"].trigger()
    window.workspace.events.flush()


def test_create_is_one_step_with_status_and_edit_menu_names_it(open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    assert _status(window) is AssignmentStatus.TODO
    annotation = _code(window, code_named, "Claim/Factual", "ثلاثة أسابيع")
    assert _status(window) is AssignmentStatus.IN_PROGRESS  # first code starts the document
    assert plain(window.menu_actions["undo"].text()) == "&Undo Add ‘Claim/Factual’"
    _undo(window)
    assert _rows(window) == [] and _status(window) is AssignmentStatus.TODO
    assert window.annotation_model.rowCount() == 0
    assert plain(window.menu_actions["redo"].text()) == "&Redo Add ‘Claim/Factual’"
    _redo(window)
    assert [a.uuid for a in _rows(window)] == [annotation]
    assert _status(window) is AssignmentStatus.IN_PROGRESS
    assert window.annotation_model.rowCount() == 1


def test_delete_restores_uuid_attributes_memo_and_links(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    claim = _code(window, code_named, "Claim/Factual", "ثلاثة أسابيع")
    source = _code(window, code_named, "Source/Cited source", "وبحسب عدد من الخبراء")
    assert window.linking.link(claim, source)
    window.select_annotation(source)
    combo = window.attribute_editor.editor("Source type")
    combo.setCurrentIndex(combo.findText("Expert"))
    combo.activated.emit(combo.currentIndex())
    window.memo_editor.annotation_memo.setPlainText("عدد الخبراء غير محدد")
    window.memo_editor.flush()
    window.workspace.events.flush()
    before = _rows(window)
    window.view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    window.workspace.events.flush()
    assert [a.uuid for a in _rows(window)] == [claim]
    assert plain(window.menu_actions["undo"].text()) == "&Undo Delete ‘Source/Cited source’"
    _undo(window)
    assert _rows(window) == before
    assert window.coding.current == source  # the restored annotation is selected and shown
    with window.workspace.store.reader() as session:
        links = list_relations(session, window.document_id)
    assert [(r.type, r.source_id, r.target_id) for r in links] == [
        (RelationType.ATTRIBUTED_TO, claim, source)]
    assert window.relations_model.rowCount() == 1
    _redo(window)
    assert [a.uuid for a in _rows(window)] == [claim] and window.relations_model.rowCount() == 0


def test_boundary_moves_merge_into_one_step(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    text = window.state.text
    annotation = _code(window, code_named, "Actor/State", "الجيش السوري إثر", len("الجيش السوري"))
    start = text.index("الجيش السوري إثر")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    for _ in range(3):  # the left edge (the end, in Arabic) moves left: three characters later
        qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # the right edge (the start) one earlier
    window.workspace.events.flush()
    row = _rows(window)[0]
    assert (row.start, row.end) == (start - 1, start + len("الجيش السوري") + 3)
    assert window.workspace.undo_stack.count() == 2  # create (with its status), one merged move
    _undo(window)
    row = _rows(window)[0]
    assert (row.uuid, row.start, row.end) == (annotation, start, start + len("الجيش السوري"))
    window.coding.move_edge("end", 1, by_word=True)
    window.workspace.events.flush()
    assert text[_rows(window)[0].start:_rows(window)[0].end] == "الجيش السوري إثر"
    _undo(window)
    _redo(window)
    assert text[_rows(window)[0].start:_rows(window)[0].end] == "الجيش السوري إثر"


def test_change_code_drops_and_undo_restores_attributes(open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    annotation = _code(window, code_named, "Claim/Factual", "ثلاثة أسابيع")
    combo = window.attribute_editor.editor("Reporting mode")
    combo.setCurrentIndex(combo.findText("Indirect speech"))
    combo.activated.emit(combo.currentIndex())
    window.workspace.events.flush()
    assert plain(window.menu_actions["undo"].text()) == "&Undo Set ‘Reporting mode’ to ‘Indirect speech’"
    window.view.select_span(0, 0)  # no text selection: a code key recodes the current annotation
    window.select_annotation(annotation)
    assert window.apply_code(code_named(window, "Actor/Civilian"))
    window.workspace.events.flush()
    with window.workspace.store.reader() as session:
        changed = get_annotation(session, annotation)
    assert window.workspace.codes[changed.code_id].path == "Actor/Civilian"
    assert changed.attributes == {}
    _undo(window)
    with window.workspace.store.reader() as session:
        restored = get_annotation(session, annotation)
    assert window.workspace.codes[restored.code_id].path == "Claim/Factual"
    assert list(restored.attributes.values()) == ["Indirect speech"]
    assert window.attribute_editor.editor("Reporting mode").currentText() == "Indirect speech"
    _undo(window)
    with window.workspace.store.reader() as session:
        assert get_annotation(session, annotation).attributes == {}
    assert window.attribute_editor.editor("Reporting mode").currentText() == "—"


def test_memos_commit_and_undo(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    annotation = _code(window, code_named, "Claim/Factual", "ثلاثة أسابيع")
    memo = window.memo_editor.annotation_memo
    memo.setFocus()
    qtbot.keyClicks(memo, "first")  # (QTest types ASCII only)
    qtbot.waitUntil(lambda: not memo.dirty, timeout=3000)  # committed after a pause in typing
    qtbot.keyClicks(memo, " then")
    memo.flush()
    window.workspace.events.flush()
    with window.workspace.store.reader() as session:
        assert get_annotation(session, annotation).memo == "first then"
    assert plain(window.menu_actions["undo"].text()) == "&Undo Edit memo of ‘Claim/Factual’"
    _undo(window)  # the two commits merged into one step
    with window.workspace.store.reader() as session:
        assert get_annotation(session, annotation).memo == ""
    assert memo.toPlainText() == ""
    document_memo = window.memo_editor.document_memo
    document_memo.setPlainText("مقال رأي")
    document_memo.flush()
    with window.workspace.store.reader() as session:
        assert get_document_memo(session, window.document_id, window.workspace.coder.uuid) == "مقال رأي"
    _undo(window)
    with window.workspace.store.reader() as session:
        assert get_document_memo(session, window.document_id, window.workspace.coder.uuid) == ""
    assert document_memo.toPlainText() == ""
    _redo(window)
    assert document_memo.toPlainText() == "مقال رأي"


def test_status_and_link_round_trip(open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    window.menu_actions["mark_done"].trigger()
    window.workspace.events.flush()
    assert _status(window) is AssignmentStatus.DONE
    assert "Done 1/3" in window.progress_label.text()
    _undo(window)
    assert _status(window) is AssignmentStatus.TODO
    claim = _code(window, code_named, "Claim/Factual", "ثلاثة أسابيع")
    actor = _code(window, code_named, "Actor/State", "الجيش السوري إثر", len("الجيش السوري"))
    window.select_annotation(claim)
    assert window.linking.start() and window.linking.active
    window.view.spanClicked.emit(window.state.text.index("الجيش السوري إثر") + 2)
    window.workspace.events.flush()
    assert not window.linking.active
    assert window.relations_model.rowCount() == 1
    assert plain(window.menu_actions["undo"].text()) == "&Undo Link ‘Claim/Factual’ about ‘Actor/State’"
    _undo(window)
    assert window.relations_model.rowCount() == 0
    _redo(window)
    with window.workspace.store.reader() as session:
        relation = list_relations(session, window.document_id)[0]
    assert (relation.type, relation.source_id, relation.target_id) == (RelationType.ABOUT, claim, actor)
    window.remove_relation(relation.uuid)
    window.workspace.events.flush()
    assert window.relations_model.rowCount() == 0
    _undo(window)
    assert window.relations_model.rowCount() == 1


def test_undo_in_another_document_brings_it_back(qtbot, open_window, code_named, open_doc) -> None:  # noqa: ANN001
    window = open_window()
    first = window.document_id
    _code(window, code_named, "Claim/Factual", "ثلاثة أسابيع")
    open_doc(window, "social-post-2016-12")
    _undo(window)
    qtbot.waitUntil(lambda: window.document_id == first)
    assert window.annotation_model.rowCount() == 0


def test_deleting_several_rows_is_one_step(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    from PySide6.QtCore import QItemSelectionModel

    window = open_window()
    ids = [_code(window, code_named, path, phrase) for path, phrase in (
        ("Claim/Factual", "ثلاثة أسابيع"), ("Actor/State", "الجيش السوري"),
        ("Framing device/Label", "المسلحين"))]
    table = window.annotation_table
    table.setFocus()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for row in (0, 2):
        table.selectionModel().select(window.annotation_model.index(row, 0), flags)
    qtbot.waitUntil(table.hasFocus)
    assert window.delete_annotations()
    assert len(_rows(window)) == 1
    assert plain(window.menu_actions["undo"].text()) == "&Undo Delete 2 annotations"
    _undo(window)
    assert sorted(a.uuid for a in _rows(window)) == sorted(ids)


def test_undoing_a_status_on_an_unassigned_document_leaves_it_unassigned(open_window) -> None:  # noqa: ANN001
    window = open_window(coder="Lead")  # the demo assigns nothing to the lead
    assert _status(window) is None
    window.menu_actions["mark_done"].trigger()
    assert _status(window) is AssignmentStatus.DONE
    _undo(window)
    assert _status(window) is None
