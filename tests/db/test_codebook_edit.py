"""The codebook editor's services: each edit, its checks, and its inverse."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from annotator.codebook import AttributeSpec, CodeSpec, load_template
from annotator.db.models import Annotation, AttributeValue, Code, Tombstone, new_uuid
from annotator.db.services.annotations import create_annotation, set_attribute_value
from annotator.db.services.codebook import code_ids_by_path, export_codebook, list_codes
from annotator.db.services.codebook_attributes import (
    create_attribute,
    edit_attribute,
    remove_attribute,
    restore_attribute,
)
from annotator.db.services.codebook_edit import (
    code_usage,
    create_code,
    edit_code,
    merge_code,
    move_code,
    remove_code,
    restore_code,
    restore_fields,
    unmerge_code,
)
from annotator.db.services.codebook_import import import_codebook_spec, restore_snapshot
from annotator.db.services.codebook_labels import choice_labels
from annotator.domain import AttributeType, CodeKind
from annotator.errors import ProjectError


def _new(name_en: str, name_ar: str, kind: CodeKind = CodeKind.CLAIM, key: str = "") -> CodeSpec:
    return CodeSpec(uuid=new_uuid(), kind=kind, name_en=name_en, name_ar=name_ar,
                    colour="#88ccee", shortcut=key)


def _paths(session) -> list[str]:  # noqa: ANN001
    return [row.path for row in list_codes(session)]


def _code(session, path: str) -> str:  # noqa: ANN001
    return code_ids_by_path(session)[path.casefold()]


def test_add_a_code_then_remove_and_restore_it_in_place(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    with store.transaction() as session:
        new = create_code(session, _new("Moral", "أخلاقي"))
    with store.reader() as session:
        assert _paths(session)[4] == "Claim/Moral"
    with store.transaction() as session:
        move_code(session, new, None, 1)
    with store.reader() as session:
        assert _paths(session)[:3] == ["Claim/Factual", "Claim/Moral", "Claim/Evaluative"]
    with store.transaction() as session:
        record = remove_code(session, new)
    with store.reader() as session:
        assert "Claim/Moral" not in _paths(session)
        assert session.get(Tombstone, new) is not None
    with store.transaction() as session:
        restore_code(session, record)
    with store.reader() as session:
        assert _paths(session)[1] == "Claim/Moral"
        assert session.get(Tombstone, new) is None


def test_names_and_keys_are_checked_before_anything_is_written(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    refusals = [
        (_new("Factual", "جديد"), "already named 'Factual'"),
        (_new("A/B", "جديد"), "must not contain '/'"),
        (_new("Moral", "moral"), "has no Arabic letter"),
        (_new("Moral", "أخلاقي", key="m"), "already used by Framing device/Metaphor"),
        (_new("Moral", "أخلاقي", key="Ctrl+F"), "the app's key for 'Find'"),
    ]
    for spec, message in refusals:
        with pytest.raises(ProjectError, match=message), store.transaction() as session:
            create_code(session, spec, reserved={"Ctrl+F": "Find"})
    with store.reader() as session:
        assert len(_paths(session)) == 17


def test_edit_fields_returns_what_undo_puts_back(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    with store.transaction() as session:
        factual = _code(session, "Claim/Factual")
        previous = edit_code(session, factual, {"name_en": "Fact", "shortcut": "F5",
                                                "examples": [" one ", ""]})
    assert previous["name_en"] == "Factual" and previous["shortcut"] == "1"
    assert len(previous["examples"]) == 2
    with store.reader() as session:
        code = session.get(Code, factual)
        assert (code.name_en, code.shortcut, code.examples) == ("Fact", "F5", ["one"])
    with pytest.raises(ProjectError, match="already used by Claim/Evaluative"), \
            store.transaction() as session:
        edit_code(session, factual, {"shortcut": "2"})
    with store.transaction() as session:
        restore_fields(session, factual, previous)
    with store.reader() as session:
        assert session.get(Code, factual).name_en == "Factual"


def test_moving_under_a_code_of_another_kind_or_under_itself_is_refused(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    with store.transaction() as session:
        factual, label = _code(session, "Claim/Factual"), _code(session, "Framing device/Label")
        child = create_code(session, _new("Sub", "فرعي"), parent_id=factual)
    for parent, message in ((label, "within its own kind"), (child, "under itself")):
        with pytest.raises(ProjectError, match=message), store.transaction() as session:
            move_code(session, factual, parent, 0)
    with store.transaction() as session:
        before = move_code(session, child, None, 0)
    assert before == (factual, 0)
    with store.reader() as session:
        assert _paths(session)[0] == "Claim/Sub"


def test_merge_recodes_annotations_and_undo_brings_all_back(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    document = next(iter(ids["documents"].values()))
    with store.transaction() as session:
        factual, evaluative = _code(session, "Claim/Factual"), _code(session, "Claim/Evaluative")
        attribute = export_codebook(session).codes[0].attributes[0].uuid
        made = [create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                                  code_id=factual, start=i * 10, end=i * 10 + 5).uuid
                for i in range(3)]
        set_attribute_value(session, made[0], attribute, "Direct quotation")
    with store.reader() as session:
        assert code_usage(session, factual) == 3
    with pytest.raises(ProjectError, match="used by 3 annotation"), store.transaction() as session:
        remove_code(session, factual)
    with store.transaction() as session:
        record = merge_code(session, factual, evaluative)
    with store.reader() as session:
        assert session.get(Code, factual) is None
        codes = set(session.scalars(select(Annotation.code_id).where(Annotation.id.in_(made))))
        assert codes == {evaluative}
        assert session.scalar(select(AttributeValue).where(
            AttributeValue.annotation_id == made[0])) is None
    with store.transaction() as session:
        unmerge_code(session, record)
    with store.reader() as session:
        codes = set(session.scalars(select(Annotation.code_id).where(Annotation.id.in_(made))))
        assert codes == {factual}
        assert session.scalar(select(AttributeValue.value).where(
            AttributeValue.annotation_id == made[0])) == "Direct quotation"
        assert _paths(session)[0] == "Claim/Factual"


def test_attributes_with_labels_and_their_undo(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    spec = AttributeSpec(uuid=new_uuid(), name="Tone", type=AttributeType.CHOICE,
                         choices=["pos", "neg"])
    with store.transaction() as session:
        factual = _code(session, "Claim/Factual")
        create_attribute(session, factual, spec, {"pos": ("Positive", "إيجابي")})
        assert choice_labels(session, spec.uuid) == {"pos": ("Positive", "إيجابي")}
        with pytest.raises(ProjectError, match="already has an attribute named 'tone'"):
            create_attribute(session, factual, AttributeSpec(new_uuid(), "tone", AttributeType.TEXT))
    document = next(iter(ids["documents"].values()))
    with store.transaction() as session:
        annotation = create_annotation(session, document_id=document, coder_id=ids["coder_a"],
                                       code_id=factual, start=0, end=4).uuid
        set_attribute_value(session, annotation, spec.uuid, "pos")
    with pytest.raises(ProjectError, match="'pos' is used by 1"), store.transaction() as session:
        edit_attribute(session, spec.uuid, {"choices": ["positive", "neg"]})
    with pytest.raises(ProjectError, match="type cannot change"), store.transaction() as session:
        edit_attribute(session, spec.uuid, {"type": AttributeType.TEXT})
    with store.transaction() as session:
        previous = edit_attribute(session, spec.uuid, {
            "choices": ["pos", "neg", "mixed"], "labels": {"mixed": ("Mixed", "مختلط")}})
    assert previous == {"choices": ["pos", "neg"], "labels": {"pos": ("Positive", "إيجابي")}}
    with store.transaction() as session:
        record = remove_attribute(session, spec.uuid)
        assert choice_labels(session, spec.uuid) == {}
    with store.transaction() as session:
        restore_attribute(session, record)
    with store.reader() as session:
        assert session.scalar(select(AttributeValue.value).where(
            AttributeValue.attribute_id == spec.uuid)) == "pos"
        assert choice_labels(session, spec.uuid) == {"mixed": ("Mixed", "مختلط")}


def test_importing_a_codebook_is_undone_to_the_exact_earlier_codebook(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    with store.reader() as session:
        before = export_codebook(session)
    core = load_template("framing-core")
    extra = CodeSpec(uuid=new_uuid(), kind=CodeKind.CLAIM, name_en="Moral", name_ar="أخلاقي",
                     colour="#aa4499", shortcut="1",
                     attributes=[AttributeSpec(new_uuid(), "Note", AttributeType.TEXT)])
    first = replace(core.codes[0], name_en="Fact", shortcut="F9",
                    children=[replace(core.codes[1], shortcut="")])
    other = replace(core, codes=[first, extra, *core.codes[2:]])
    with store.transaction() as session:
        snapshot, count = import_codebook_spec(session, other)
    assert count > 0
    with store.transaction() as session:
        restore_snapshot(session, snapshot)
    with store.reader() as session:
        assert export_codebook(session) == before


def test_choice_labels_travel_in_the_codebook_json(seeded, tmp_path) -> None:  # noqa: ANN001
    from annotator.codebook import codebook_from_json, codebook_to_json, read_codebook, write_codebook
    from annotator.codebook.codec import LABEL_KEYS  # noqa: F401 - the format's label keys
    from annotator.errors import InputError

    store, _ = seeded
    with store.transaction() as session:
        attribute = export_codebook(session).codes[0].attributes[0]
        edit_attribute(session, attribute.uuid, {"labels": {"Direct quotation": ("Quote", "اقتباس")}})
        spec = export_codebook(session)
    assert spec.codes[0].attributes[0].labels == {"Direct quotation": ("Quote", "اقتباس")}
    data = codebook_to_json(spec)
    assert data["codes"][0]["attributes"][0]["labels"] == {
        "Direct quotation": {"en": "Quote", "ar": "اقتباس"}}
    assert "labels" not in data["codes"][1]["attributes"][0]  # written only when present
    path = tmp_path / "book.json"
    write_codebook(spec, path)
    assert read_codebook(path) == spec
    data["codes"][0]["attributes"][0]["labels"] = {"Nonsense": {"en": "x"}}
    with pytest.raises(InputError, match=r"codes\[0\]\.attributes\[0\]\.labels.*not one of"):
        codebook_from_json(data, "book.json")
    with store.transaction() as session:  # a codebook file without labels clears them
        import_codebook_spec(session, load_template("framing-core"))
        assert choice_labels(session, attribute.uuid) == {}
