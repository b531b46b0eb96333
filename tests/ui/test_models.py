"""Every item model passes pytest-qt's model tester, including while rows change and sort."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.ui.models import ID_ROLE, SPAN_ROLE
from annotator.ui.models.annotations import CODE, START, TEXT
from annotator.ui.models.codebook import CodebookModel
from annotator.ui.models.search import SearchHit, SearchResultsModel


def _code_some(window, code_named) -> list[str]:  # noqa: ANN001
    text, ids = window.state.text, []
    for path, phrase in (("Claim/Factual", "ثلاثة أسابيع"), ("Actor/State", "الجيش السوري"),
                         ("Source/Cited source", "وبحسب عدد من الخبراء"),
                         ("Framing device/Label", "المسلحين")):
        start = text.index(phrase)
        window.view.select_span(start, start + len(phrase))
        window.apply_code(code_named(window, path))
        ids.append(window.coding.current)
    return ids


def test_document_list_and_filter(qtmodeltester, open_window) -> None:  # noqa: ANN001
    window = open_window()
    qtmodeltester.check(window.documents.model)
    proxy = window.documents.proxy
    qtmodeltester.check(proxy)
    proxy.set_text("حلب")
    assert 1 <= proxy.rowCount() <= 3
    proxy.set_text("احضان سوريا")  # hamza- and tatweel-insensitive: the title has «ســــوريا»
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_status("done")
    assert proxy.rowCount() == 0
    proxy.set_status(None)
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_codebook_tree(qtmodeltester, open_window) -> None:  # noqa: ANN001
    window = open_window()
    model = window.codebook_view.model()
    assert isinstance(model, CodebookModel)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    factual = model.code_index(next(c.uuid for c in window.workspace.codes if c.shortcut == "1"))
    assert factual.data() == "Factual — ادعاء وقائعي"
    assert factual.siblingAtColumn(1).data() == "1"
    assert factual.data(Qt.ItemDataRole.DecorationRole) is not None


def test_annotation_table_keeps_order_through_changes(qtmodeltester, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    ids = _code_some(window, code_named)
    model = window.annotation_model
    qtmodeltester.check(model)
    starts = [model.index(r, 0).data(SPAN_ROLE)[0] for r in range(model.rowCount())]
    assert starts == sorted(starts)
    model.sort(CODE, Qt.SortOrder.AscendingOrder)
    codes = [model.index(r, CODE).data() for r in range(model.rowCount())]
    assert codes == sorted(codes)
    window.select_annotation(ids[0])
    window.coding.change_code(code_named(window, "Actor/Civilian"))  # moves the row
    codes = [model.index(r, CODE).data() for r in range(model.rowCount())]
    assert codes == sorted(codes)
    assert window.annotation_table.selected_ids() == [ids[0]]  # the selection followed it
    model.sort(TEXT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    window.coding.delete([ids[1]])
    assert model.rowCount() == 3 and ids[1] not in [model.index(r, 0).data(ID_ROLE)
                                                    for r in range(3)]
    model.sort(START, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_relations_and_search_results(qtmodeltester, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    claim, actor, source, _ = _code_some(window, code_named)
    window.linking.link(claim, actor)
    window.linking.link(claim, source)
    qtmodeltester.check(window.relations_model)
    assert window.relations_model.rowCount() == 2
    assert window.relations_model.index(0, 1).data() in ("about", "attributed to")
    results = SearchResultsModel()
    qtmodeltester.check(results)
    results.append([SearchHit("d", "عنوان", 3, 6, "قبل ", "حلب", " بعد")])
    qtmodeltester.check(results)
    assert results.index(0, 2).data() == "حلب"
