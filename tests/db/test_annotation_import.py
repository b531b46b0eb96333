"""Annotation JSONL import: the whole file is checked before anything is written, re-imports of
files with links report what is already present, and an id that comes back with other content is
refused by line instead of being overwritten."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from annotator.db.models import Annotation, AttributeValue, Base, Relation, Tombstone
from annotator.db.services.annotations import delete_annotation, list_annotations
from annotator.db.services.demo import build_demo_project
from annotator.db.engine import open_project
from annotator.db.services.interchange import import_annotations
from annotator.errors import InputError
from annotator.export.jsonl import export_annotations_jsonl

pytestmark = pytest.mark.both_backends

DOC = "aleppo-2016-12"


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _annotation(key: str, start: int, **extra: object) -> dict:
    return {"id": key, "document": DOC, "coder": "Amina", "code": "Claim/Factual",
            "start": start, "end": start + 5, **extra}


def _counts(store) -> tuple[int, int, int]:  # noqa: ANN001
    with store.reader() as session:
        return (session.scalar(select(func.count()).select_from(Annotation)),
                session.scalar(select(func.count()).select_from(Relation)),
                session.scalar(select(func.count()).select_from(AttributeValue)))


def _import(store, path: Path):  # noqa: ANN001, ANN202
    with store.transaction() as session:
        return import_annotations(session, path)


@pytest.fixture
def inserts(seeded) -> Iterator[list[str]]:  # noqa: ANN001
    """Every statement that writes to one of the project's tables while the test runs
    (a temporary table of ids used for look-ups is not part of the project)."""
    store, _ = seeded
    writes: list[str] = []
    written = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)

    def record(_conn, _cursor, statement: str, *_args) -> None:  # noqa: ANN001, ANN002
        match = written.match(statement)
        if match and match.group(1) in Base.metadata.tables:
            writes.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    yield writes
    event.remove(store.engine, "before_cursor_execute", record)


def test_the_write_recorder_sees_writes(seeded, inserts, tmp_path: Path) -> None:  # noqa: ANN001
    store, _ = seeded
    _import(store, _write(tmp_path / "one.jsonl", [_annotation("a1", 0)]))
    assert any(statement.startswith("INSERT INTO annotation") for statement in inserts)


@pytest.mark.parametrize("bad_last_line, message", [
    ({"relation": "attributed_to", "from": "a1", "to": "nowhere"}, "'to' nowhere"),
    ({"relation": "attributed_to", "from": "a1", "to": "a1"}, "linked to itself"),
    ({"relation": "points_at", "from": "a1", "to": "a2"}, "unknown relation 'points_at'"),
    ({"relation": "attributed_to", "from": "a1", "to": "a2", "coder": "Nobody"}, "unknown coder"),
    (_annotation("a9", 0, layer="gold", attributes={"Reporting mode": "Shouting"}),
     "'Shouting' is not one of"),
])
def test_a_bad_last_line_is_found_before_anything_is_written(seeded, inserts, tmp_path: Path,  # noqa: ANN001
                                                             bad_last_line: dict,
                                                             message: str) -> None:
    store, _ = seeded
    rows = [_annotation(f"a{i}", 10 * i) for i in range(1, 40)] + [bad_last_line]
    path = _write(tmp_path / "late.jsonl", rows)
    with pytest.raises(InputError) as raised:
        _import(store, path)
    assert str(raised.value).startswith(f"{path}, line 40: ") and message in str(raised.value)
    assert inserts == []
    assert _counts(store) == (0, 0, 0)


def test_links_to_other_documents_or_layers_are_refused(seeded, tmp_path: Path) -> None:  # noqa: ANN001
    store, _ = seeded
    other = {**_annotation("b1", 0), "document": "social-post-2016-12"}
    gold = _annotation("g1", 20, layer="gold")
    rows = [_annotation("a1", 0), other, gold,
            {"relation": "about", "from": "a1", "to": "b1"},
            {"relation": "about", "from": "a1", "to": "g1"}]
    with pytest.raises(InputError, match="line 4: .*same document and layer"):
        _import(store, _write(tmp_path / "cross.jsonl", rows))
    assert _counts(store) == (0, 0, 0)


def test_links_may_point_at_annotations_already_in_the_project(seeded, tmp_path: Path) -> None:  # noqa: ANN001
    store, _ = seeded
    _import(store, _write(tmp_path / "first.jsonl", [_annotation("a1", 0), _annotation("a2", 9)]))
    outcome = _import(store, _write(tmp_path / "links.jsonl", [
        {"relation": "attributed_to", "from": "a1", "to": "a2", "id": "r1"}]))
    assert (outcome.annotations, outcome.relations) == (0, 1)
    with store.reader() as session:
        relation = session.get(Relation, "r1")
        assert relation is not None and relation.coder_id == session.get(Annotation, "a1").coder_id


def test_every_field_is_stored_as_given(seeded, tmp_path: Path) -> None:  # noqa: ANN001
    store, ids = seeded
    path = _write(tmp_path / "full.jsonl", [
        _annotation("a1", 0, memo="مذكرة", layer="gold",
                    attributes={"reporting MODE": "Direct quotation"}),
        {"document": ids["documents"][DOC], "coder": "Basel", "code": "source/cited source",
         "start": 3, "end": 9, "attributes": {"Named": "نعم", "Source type": "Expert"}},
    ])
    outcome = _import(store, path)
    assert (outcome.annotations, outcome.relations, outcome.skipped) == (2, 0, 0)
    with store.reader() as session:
        first = session.get(Annotation, "a1")
        assert (first.layer, first.memo, first.start, first.end) == ("gold", "مذكرة", 0, 5)
        assert [v.value for v in first.values] == ["Direct quotation"]
        assert first.created_at is not None and first.updated_at is not None
        (basel,) = list_annotations(session, coder_id=ids["coder_b"])
        assert sorted(basel.attributes.values()) == ["Expert", "yes"]


def test_an_id_from_a_tombstone_comes_back_and_the_tombstone_goes(seeded, tmp_path: Path) -> None:  # noqa: ANN001
    store, _ = seeded
    path = _write(tmp_path / "one.jsonl", [_annotation("a1", 0)])
    _import(store, path)
    with store.transaction() as session:
        delete_annotation(session, "a1")
    assert _import(store, path).annotations == 1
    with store.reader() as session:
        assert session.get(Tombstone, "a1") is None


@pytest.fixture
def demo_export(tmp_path: Path) -> tuple[object, Path]:
    path = tmp_path / "demo.fannot"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    with store.reader() as session:
        export_annotations_jsonl(session, tmp_path / "demo.jsonl")
    yield store, tmp_path / "demo.jsonl"
    store.close()


def test_reimporting_a_file_with_links_reports_what_is_present(demo_export) -> None:  # noqa: ANN001
    store, path = demo_export
    before = _counts(store)
    outcome = _import(store, path)
    assert (outcome.annotations, outcome.relations) == (0, 0)
    assert (outcome.skipped, outcome.skipped_relations) == (149, 65)
    assert _counts(store) == before


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("field, value", [
    ("memo", "changed"), ("start", 1), ("code", "Claim/Evaluative"), ("coder", "Omar"),
    ("layer", "gold"), ("attributes", {"Reporting mode": "Direct quotation"}),
])
def test_an_annotation_id_with_other_content_is_refused_by_line(demo_export, field: str,  # noqa: ANN001
                                                                 value: object) -> None:
    store, path = demo_export
    rows = _rows(path)
    index = next(i for i, r in enumerate(rows) if r.get("coder") == "Layla"
                 and r.get("code") == "Claim/Factual")
    rows[index] = {**rows[index], field: value}
    rows[index].pop("text")
    before = _counts(store)
    with pytest.raises(InputError) as raised:
        _import(store, _write(path, rows))
    message = str(raised.value)
    assert f"line {index + 1}: " in message and rows[index]["id"] in message
    assert "already exists" in message and field in message
    assert _counts(store) == before


def test_a_link_id_with_other_ends_is_refused_by_line(demo_export) -> None:  # noqa: ANN001
    store, path = demo_export
    rows = _rows(path)
    index = next(i for i, r in enumerate(rows) if "relation" in r)
    rows[index] = {**rows[index], "from": rows[index]["to"], "to": rows[index]["from"]}
    with pytest.raises(InputError) as raised:
        _import(store, _write(path, rows))
    assert f"line {index + 1}: " in str(raised.value) and rows[index]["id"] in str(raised.value)


def test_one_id_twice_in_a_file(seeded, tmp_path: Path) -> None:  # noqa: ANN001
    store, _ = seeded
    same = _import(store, _write(tmp_path / "twice.jsonl", [_annotation("a1", 0)] * 2))
    assert (same.annotations, same.skipped) == (1, 1)
    with pytest.raises(InputError, match=r"line 3: annotation id a2 .*line 2"):
        _import(store, _write(tmp_path / "clash.jsonl", [
            _annotation("a1", 0), _annotation("a2", 10), _annotation("a2", 20)]))
