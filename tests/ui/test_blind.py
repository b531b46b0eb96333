"""Blind coding: coders see only their own layer; a lead may show others read-only, if allowed."""

from __future__ import annotations

from pathlib import Path

from annotator.db.engine import open_project
from annotator.db.services.annotations import create_annotation, list_annotations
from annotator.db.services.documents import list_documents
from annotator.db.services.lookup import find_coder
from annotator.db.services.projects import LEAD_MAY_VIEW_OTHERS, set_setting
from annotator.ui.models import READ_ONLY_ROLE
from annotator.ui.tooltips import describe_spans


def _seed(path: Path, allow: bool = True) -> dict[str, str]:
    """Omar codes two spans of the Aleppo article, Layla one."""
    store = open_project(path)
    with store.transaction() as session:
        set_setting(session, LEAD_MAY_VIEW_OTHERS, allow)
        document = next(d for d in list_documents(session) if d.external_id == "aleppo-2016-12")
        from annotator.db.services.codebook import list_codes

        codes = {row.path: row.uuid for row in list_codes(session)}
        ids = {}
        for name, code, start, end in (("Omar", "Actor/State", 300, 312),
                                       ("Omar", "Claim/Factual", 280, 340),
                                       ("Layla", "Claim/Evaluative", 500, 520)):
            coder = find_coder(session, name).id
            ids[f"{name}:{code}"] = create_annotation(
                session, document_id=document.uuid, coder_id=coder, code_id=codes[code],
                start=start, end=end).uuid
    store.close()
    return ids


def test_a_coder_sees_only_their_own_annotations(demo_path, open_window) -> None:  # noqa: ANN001
    ids = _seed(demo_path)
    window = open_window("Layla")
    assert set(window.state.rows) == {ids["Layla:Claim/Evaluative"]}
    assert window.annotation_model.rowCount() == 1
    assert not window.workspace.may_view_others
    assert not window.menu_actions.layers.isEnabled()
    assert describe_spans(window.workspace, window.state, 305) == ""  # Omar's is not hinted at
    assert "Claim/Evaluative" in describe_spans(window.workspace, window.state, 505)
    window.workspace.set_layer_shown(find_omar(window), True)  # ignored for a coder
    assert window.workspace.visible_coder_ids() == {window.workspace.coder.uuid}


def find_omar(window) -> str:  # noqa: ANN001
    return next(c.uuid for c in window.workspace.coders if c.name == "Omar")


def test_lead_shows_other_layers_read_only_in_their_colour(qtbot, demo_path, open_window) -> None:  # noqa: ANN001
    ids = _seed(demo_path)
    window = open_window("Lead")
    assert window.state.rows == {}
    layers = {a.text(): a for a in window.menu_actions.layers.actions()}
    assert set(layers) == {"Layla", "Omar"} and window.menu_actions.layers.isEnabled()
    layers["Omar"].setChecked(True)
    qtbot.waitUntil(lambda: len(window.state.rows) == 2)
    assert set(window.state.rows) == {ids["Omar:Actor/State"], ids["Omar:Claim/Factual"]}
    model = window.annotation_model
    assert all(model.index(r, 0).data(READ_ONLY_ROLE) for r in range(model.rowCount()))
    omar_row = window.state.rows[ids["Omar:Actor/State"]]
    assert window.style_of(omar_row) == (window.workspace.coder_colour(find_omar(window)), True)
    layers["Layla"].setChecked(True)
    qtbot.waitUntil(lambda: len(window.state.rows) == 3)
    colours = {window.style_of(row)[0] for row in window.state.rows.values()}
    assert len(colours) == 2  # each coder a distinct colour
    assert not window.annotation_table.isColumnHidden(3)  # the Coder column
    # read-only: no deleting, moving or editing other coders' annotations
    window.select_annotation(ids["Omar:Actor/State"])
    assert not window.coding.delete()
    assert not window.coding.move_edge("end", 1)
    assert not window.attribute_editor.editor("Portrayed role").isEnabled()
    assert not window.memo_editor.annotation_memo.isEnabled()
    with window.workspace.store.reader() as session:
        assert len(list_annotations(session, window.document_id)) == 3
    layers["Omar"].setChecked(False)
    qtbot.waitUntil(lambda: len(window.state.rows) == 1)


def test_lead_cannot_look_when_the_project_forbids_it(demo_path, open_window) -> None:  # noqa: ANN001
    _seed(demo_path, allow=False)
    window = open_window("Lead")
    assert not window.workspace.may_view_others
    assert not window.menu_actions.layers.isEnabled()
    assert window.state.rows == {}
