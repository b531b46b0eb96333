"""Services: each is one unit of work on a session; undo inverses restore exactly what was there."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from annotator.codebook import codebook_to_json, load_template
from annotator.db.models import Tombstone
from annotator.db.services import annotations as ann
from annotator.db.services.codebook import (
    apply_codebook,
    code_ids_by_path,
    delete_code,
    export_codebook,
    list_codes,
    update_code,
)
from annotator.db.services.documents import (
    add_articles,
    document_text,
    get_document_memo,
    list_documents,
    set_document_memo,
    set_status,
)
from annotator.db.services.projects import project_info
from annotator.db.services.relations import create_relation, delete_relation, list_relations
from annotator.domain import AssignmentStatus, Layer, RelationType
from annotator.errors import ProjectError
from annotator.importers import read_articles

pytestmark = pytest.mark.both_backends


def _code(session, path: str) -> str:  # noqa: ANN001
    return code_ids_by_path(session)[path.casefold()]


def test_codebook_survives_the_database_unchanged(store) -> None:  # noqa: ANN001
    spec = load_template("framing-core")
    with store.transaction() as session:
        apply_codebook(session, spec)
    with store.reader() as session:
        assert codebook_to_json(export_codebook(session)) == codebook_to_json(spec)
        paths = [row.path for row in list_codes(session)]
    assert paths[0].startswith("Claim/") and any(p.startswith("Framing device/") for p in paths)


def test_reapplying_a_codebook_updates_codes_in_place(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    spec = load_template("framing-core")
    with store.transaction() as session:
        before = {row.uuid for row in list_codes(session)}
        apply_codebook(session, spec)
        assert {row.uuid for row in list_codes(session)} == before


def test_duplicate_text_is_skipped(seeded, corpus) -> None:  # noqa: ANN001
    store, ids = seeded
    with store.transaction() as session:
        outcome = add_articles(session, read_articles(corpus / "aleppo-2016-12.txt"))
    assert outcome.added == [] and "skipped" in outcome.skipped[0]


def test_annotation_lifecycle_and_undo_inverses(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    document = ids["documents"]["aleppo-2016-12"]
    with store.transaction() as session:
        text = document_text(session, document)
        start = text.index("الإرهابيين")
        code = _code(session, "Framing device/Label")
        created = ann.create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                                        code_id=code, start=start, end=start + len("الإرهابيين"))
    with store.transaction() as session:
        before = ann.update_annotation(session, created.uuid, end=created.end + 3, memo="wider")
        changed = ann.get_annotation(session, created.uuid)
        assert (changed.end, changed.memo) == (created.end + 3, "wider")
        assert before.end == created.end
    with store.transaction() as session:
        ann.restore_state(session, before)
    with store.reader() as session:
        restored = ann.get_annotation(session, created.uuid)
    assert (restored.start, restored.end, restored.memo) == (created.start, created.end, "")

    with store.transaction() as session:
        deleted = ann.delete_annotation(session, created.uuid)
        assert session.get(Tombstone, created.uuid) is not None
    with store.transaction() as session:
        ann.restore_annotation(session, deleted)
        assert session.get(Tombstone, created.uuid) is None
        assert ann.get_annotation(session, created.uuid).start == created.start


@pytest.mark.parametrize("span", [(-1, 4), (5, 5), (9, 3), (0, 10**7)])
def test_spans_outside_the_text_are_refused(seeded, span) -> None:  # noqa: ANN001
    store, ids = seeded
    with store.transaction() as session, pytest.raises(ProjectError, match="not inside"):
        ann.create_annotation(session, document_id=ids["documents"]["aleppo-2016-12"],
                              coder_id=ids["coder_a"], code_id=_code(session, "Claim/Factual"),
                              start=span[0], end=span[1])


@pytest.mark.parametrize("wrong, message", [("document", "no document with id"),
                                             ("code", "no code with id")])
def test_a_span_on_an_unknown_document_or_code_is_refused(seeded, wrong, message) -> None:  # noqa: ANN001
    store, ids = seeded
    with store.transaction() as session, pytest.raises(ProjectError, match=message):
        ann.create_annotation(
            session, coder_id=ids["coder_a"], start=0, end=4,
            document_id="nowhere" if wrong == "document" else ids["documents"]["aleppo-2016-12"],
            code_id="no-such-code" if wrong == "code" else _code(session, "Claim/Factual"))


def test_a_refused_span_leaves_the_transaction_usable_and_writes_nothing(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    document = ids["documents"]["aleppo-2016-12"]
    with store.transaction() as session:
        code = _code(session, "Claim/Factual")
        with pytest.raises(ProjectError, match="not inside"):
            ann.create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                                  code_id=code, start=0, end=10**7)
        kept = ann.create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                                     code_id=code, start=0, end=4)
    with store.reader() as session:
        assert [a.uuid for a in ann.list_annotations(session, document)] == [kept.uuid]
        assert _same_but_times(ann.get_annotation(session, kept.uuid), kept)


def test_attribute_values_given_at_creation_are_stored(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    with store.transaction() as session:
        _path, code = _source_code_with_attributes(session)
        choice = next(a for a in code.attributes if a.type.value == "choice")
        created = ann.create_annotation(
            session, document_id=ids["documents"]["aleppo-2016-12"], coder_id=ids["coder_a"],
            code_id=code.uuid, start=0, end=5, attributes={choice.uuid: choice.choices[0]})
    assert created.attributes == {choice.uuid: choice.choices[0]}
    with store.reader() as session:
        assert _same_but_times(ann.get_annotation(session, created.uuid), created)


def _same_but_times(stored: ann.AnnotationData, made: ann.AnnotationData) -> bool:
    """SQLite gives timestamps back without their UTC zone; the rest must match exactly."""
    return replace(stored, created_at=None, updated_at=None) == replace(
        made, created_at=None, updated_at=None)


def _source_code_with_attributes(session):  # noqa: ANN001, ANN202
    spec = load_template("framing-core")
    from annotator.codebook import iter_codes

    for path, code in iter_codes(spec):
        if code.attributes and any(a.type.value == "choice" for a in code.attributes):
            return path, code
    raise AssertionError("framing-core has no code with a choice attribute")


def test_attribute_values_are_checked_and_undoable(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    with store.transaction() as session:
        path, code = _source_code_with_attributes(session)
        choice = next(a for a in code.attributes if a.type.value == "choice")
        created = ann.create_annotation(session, document_id=ids["documents"]["aleppo-2016-12"],
                                        coder_id=ids["coder_a"], code_id=code.uuid, start=0, end=5)
        assert ann.set_attribute_value(session, created.uuid, choice.uuid, choice.choices[0]) is None
        with pytest.raises(ProjectError, match="is not one of"):
            ann.set_attribute_value(session, created.uuid, choice.uuid, "no such choice")
        assert ann.get_annotation(session, created.uuid).attributes == {choice.uuid: choice.choices[0]}
        assert ann.set_attribute_value(session, created.uuid, choice.uuid, None) == choice.choices[0]
        assert ann.get_annotation(session, created.uuid).attributes == {}


def test_relations_link_and_cascade_with_undo(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    document = ids["documents"]["aleppo-2016-12"]
    with store.transaction() as session:
        claim = ann.create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                                      code_id=_code(session, "Claim/Factual"), start=10, end=40)
        path, source_code = _source_code_with_attributes(session)
        source = ann.create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                                       code_id=source_code.uuid, start=50, end=60)
        link = create_relation(session, type=RelationType.ATTRIBUTED_TO, source_id=claim.uuid,
                               target_id=source.uuid, coder_id=ids["coder_a"])
        with pytest.raises(ProjectError, match="itself"):
            create_relation(session, type=RelationType.ABOUT, source_id=claim.uuid,
                            target_id=claim.uuid, coder_id=ids["coder_a"])
    with store.transaction() as session:
        deleted = ann.delete_annotation(session, source.uuid)
        assert list_relations(session, document) == []
    with store.transaction() as session:
        ann.restore_annotation(session, deleted)
        assert [r.uuid for r in list_relations(session, document)] == [link.uuid]
        delete_relation(session, link.uuid)
        assert session.scalars(select(Tombstone.entity)).all().count("relation") >= 1


def test_status_memo_and_counts_per_coder(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    document = ids["documents"]["aleppo-2016-12"]
    with store.transaction() as session:
        assert set_status(session, document, ids["coder_a"], AssignmentStatus.IN_PROGRESS) is None
        assert set_status(session, document, ids["coder_a"], AssignmentStatus.DONE) is \
            AssignmentStatus.IN_PROGRESS
        assert set_status(session, document, ids["coder_b"], AssignmentStatus.DONE) is None
        assert set_status(session, document, ids["coder_b"], None) is AssignmentStatus.DONE
        assert {d.uuid: d.status for d in list_documents(session, ids["coder_b"])}[document] is None
        assert set_document_memo(session, document, ids["coder_a"], "Lavrov quoted twice") == ""
        ann.create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                              code_id=_code(session, "Claim/Factual"), start=0, end=5)
        ann.create_annotation(session, document_id=document, coder_id=ids["coder_b"],
                              code_id=_code(session, "Claim/Factual"), start=0, end=5,
                              layer=Layer.GOLD)
    with store.reader() as session:
        mine = {d.uuid: d for d in list_documents(session, ids["coder_a"])}
        assert mine[document].status is AssignmentStatus.DONE and mine[document].annotations == 1
        assert get_document_memo(session, document, ids["coder_a"]) == "Lavrov quoted twice"
        assert get_document_memo(session, document, ids["coder_b"]) == ""
        info = project_info(session)
    assert (info.documents, info.coders, info.annotations) == (3, 2, 2)


def test_codes_in_use_cannot_be_deleted_and_shortcuts_stay_unique(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    with store.transaction() as session:
        factual = _code(session, "Claim/Factual")
        ann.create_annotation(session, document_id=ids["documents"]["aleppo-2016-12"],
                              coder_id=ids["coder_a"], code_id=factual, start=0, end=5)
        with pytest.raises(ProjectError, match="used by 1 annotation"):
            delete_code(session, factual)
    with store.transaction() as session:
        rows = [r for r in list_codes(session) if r.shortcut]
        with pytest.raises(ProjectError, match="shortcut"):
            update_code(session, rows[0].uuid, shortcut=rows[1].shortcut)
