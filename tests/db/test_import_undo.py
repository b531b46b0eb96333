"""Undoing and redoing imports: every importer records exactly the rows that appeared (a diff of
all tables before and after), undo gives back the tables as they were (plus tombstones, as the
app's deletions leave), redo gives back the imported rows byte for byte, and an undo is refused
with nothing changed when something was built on the import since."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.engine import ProjectStore
from annotator.db.models import Annotation, Base, Coder, Code, Document
from annotator.db.services.annotation_import import AnnotationRequest, import_annotation_file
from annotator.db.services.annotations import create_annotation, delete_annotation, update_annotation
from annotator.db.services.article_import import import_article_files
from annotator.db.services.article_preview import import_previewed
from annotator.importers.preview import FileOptions
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import set_document_memo
from annotator.db.services.import_rows import ImportRecord
from annotator.db.services.import_undo import RemovedImport, redo_import, undo_import
from annotator.db.services.questions import set_answer
from annotator.db.services.relations import create_relation
from annotator.domain import RelationType
from annotator.errors import ProjectError
from tests.conftest import CORPUS

pytestmark = pytest.mark.both_backends
Snapshot = dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The coded demo written by the app's own exporters, and an article file."""
    folder = tmp_path_factory.mktemp("import_undo")
    coded = folder / "coded.fannot"
    build_demo_project(coded, with_coding=True)
    files = {"jsonl": folder / "demo.jsonl", "qdpx": folder / "demo.qdpx", "brat": folder / "demo.zip"}
    for kind, out in files.items():
        assert main(["export", str(coded), "--format", kind, str(out)]) == 0
    articles = folder / "articles"
    articles.mkdir()
    for number in (1, 2):
        (articles / f"new-{number}.txt").write_text(
            f"خبر جديد رقم {number}\nقال المتحدث إن الوضع هادئ في المدينة اليوم.\n", "utf-8")
    files["articles"] = articles
    return files


def _plain(value: Any) -> Any:
    """JSON the driver decoded (PostgreSQL) back as its text, so that rows can be compared."""
    return json.dumps(value) if isinstance(value, dict | list) else value


def snapshot(store: ProjectStore) -> Snapshot:
    """Every row of every table, as the driver returns it (strings for SQLite timestamps)."""
    with store.reader() as session:
        connection = session.connection()
        return {t.name: sorted((tuple(map(_plain, r)) for r in connection.exec_driver_sql(
                    f'SELECT * FROM "{t.name}"')), key=repr)
                for t in Base.metadata.sorted_tables}


def ids(rows: Snapshot) -> dict[str, set[str]]:
    return {name: {row[0] for row in found} for name, found in rows.items()}


@pytest.fixture
def demo(project_location: object) -> ProjectStore:
    build_demo_project(project_location)  # type: ignore[arg-type]
    store = open_project(project_location)
    yield store
    store.close()


@pytest.fixture
def empty(store: ProjectStore) -> ProjectStore:
    return store


def _import(store: ProjectStore, source: str, exported: dict[str, Path]) -> ImportRecord:
    if source in ("articles", "previewed"):
        files = sorted(exported["articles"].glob("*.txt"))
        report = (import_article_files(store, files) if source == "articles" else
                  import_previewed(store, [(file, FileOptions()) for file in files]))
        assert not report.failed and report.added == 2
        return report.record
    coder = "Layla" if source == "brat" else None
    result = import_annotation_file(store, AnnotationRequest(exported[source], source, coder))
    return result.record


def _undo(store: ProjectStore, record: ImportRecord) -> RemovedImport:
    with store.transaction() as session:
        return undo_import(session, record)


def _redo(store: ProjectStore, removed: RemovedImport) -> ImportRecord:
    with store.transaction() as session:
        return redo_import(session, removed)


CASES = [("demo", "jsonl"), ("demo", "brat"), ("demo", "qdpx"), ("empty", "qdpx"),
         ("empty", "articles"), ("demo", "previewed")]


@pytest.mark.parametrize("target, source", CASES)
def test_recorded_rows_are_the_rows_that_appeared_and_undo_redo_round_trip(
        request: pytest.FixtureRequest, backend: str, target: str, source: str,
        exported: dict[str, Path]) -> None:
    store = request.getfixturevalue(target)
    before = snapshot(store)
    record = _import(store, source, exported)
    after = snapshot(store)
    appeared = {name: found - ids(before)[name] for name, found in ids(after).items()}
    assert {n: set(v) for n, v in record.created.items()} == {n: v for n, v in appeared.items() if v}
    assert sum(map(len, appeared.values())) > 0
    changed = {name: {row[0] for row in set(after[name]) - set(before[name])} - appeared[name]
               for name in after}
    assert {n: set(v) for n, v in record.before.items()} == {n: v for n, v in changed.items() if v}

    removed = _undo(store, record)
    undone = snapshot(store)
    stones = {row[0]: row[1] for row in undone["tombstone"]}
    for name in ("annotation", "relation", "code"):
        assert {k for k, v in stones.items() if v == name} == set(record.created.get(name, ()))
    assert {n: v for n, v in undone.items() if n != "tombstone"} == \
        {n: v for n, v in before.items() if n != "tombstone"}

    redone = _redo(store, removed)
    assert snapshot(store) == after  # byte for byte: same ids, texts, hashes, timestamps
    _undo(store, redone)  # and the redone import can be undone again
    assert {n: v for n, v in snapshot(store).items() if n != "tombstone"} == \
        {n: v for n, v in before.items() if n != "tombstone"}


def _first(store: ProjectStore, model: type, **where: Any) -> Any:
    with store.reader() as session:
        return session.scalars(select(model).filter_by(**where).order_by(model.id)).first()


def _refused(store: ProjectStore, record: ImportRecord, *words: str) -> None:
    before = snapshot(store)
    with pytest.raises(ProjectError) as caught:
        _undo(store, record)
    assert snapshot(store) == before
    message = str(caught.value)
    assert "\n" not in message and all(word in message for word in words), message


def _coder(store: ProjectStore, name: str) -> str:
    return _first(store, Coder, name=name).id


def _annotate(store: ProjectStore, document_id: str, code_id: str | None = None) -> None:
    code_id = code_id or _first(store, Code, kind="claim").id
    with store.transaction() as session:
        create_annotation(session, document_id=document_id, coder_id=_coder(store, "Omar"),
                          code_id=code_id, start=0, end=4)


Edit = Callable[[ProjectStore, ImportRecord], None]


def _annotate_imported_document(store: ProjectStore, record: ImportRecord) -> None:
    _annotate(store, record.created["document"][0])


def _memo_on_imported_document(store: ProjectStore, record: ImportRecord) -> None:
    with store.transaction() as session:
        set_document_memo(session, record.created["document"][0], _coder(store, "Omar"), "note")


def _answer_on_imported_document(store: ProjectStore, record: ImportRecord) -> None:
    with store.transaction() as session:
        set_answer(session, record.created["document"][0], _coder(store, "Omar"), "tone", -1)


def _edit_imported_annotation(store: ProjectStore, record: ImportRecord) -> None:
    with store.transaction() as session:
        update_annotation(session, record.created["annotation"][0], memo="edited by hand")


def _delete_imported_annotation(store: ProjectStore, record: ImportRecord) -> None:
    with store.transaction() as session:
        delete_annotation(session, sorted(record.created["annotation"])[0])


def _link_imported_annotations(store: ProjectStore, record: ImportRecord) -> None:
    with store.transaction() as session:
        rows = session.scalars(select(Annotation).where(
            Annotation.id.in_(record.created["annotation"])).order_by(Annotation.id)).all()
        first = rows[0]
        second = next(r for r in rows[1:] if r.document_id == first.document_id
                      and r.coder_id == first.coder_id)
        create_relation(session, type=RelationType.ABOUT, source_id=first.id,
                        target_id=second.id, coder_id=first.coder_id)


@pytest.mark.parametrize("source, edit, words", [
    ("articles", _annotate_imported_document, ("annotation", "imported document")),
    ("articles", _memo_on_imported_document, ("memo", "imported document")),
    ("articles", _answer_on_imported_document, ("answer", "imported document")),
    ("jsonl", _edit_imported_annotation, ("annotation", "changed since")),
    ("jsonl", _delete_imported_annotation, ("imported", "deleted since")),
    ("jsonl", _link_imported_annotations, ("link", "imported annotation")),
])
def test_undo_is_refused_when_something_was_built_on_the_import(
        demo: ProjectStore, exported: dict[str, Path], source: str, edit: Edit,
        words: tuple[str, ...]) -> None:
    record = _import(demo, source, exported)
    edit(demo, record)
    _refused(demo, record, *words)


def test_an_imported_code_used_later_refuses_undo(empty: ProjectStore,
                                                  exported: dict[str, Path]) -> None:
    record = _import(empty, "qdpx", exported)
    document = record.created["document"][0]
    with empty.transaction() as session:
        code = session.get(Code, sorted(record.created["code"])[-1])
        create_annotation(session, document_id=document, coder_id=_coder(empty, "Omar"),
                          code_id=code.id, start=0, end=3)
    _refused(empty, record, "imported")


def test_a_later_import_into_imported_articles_refuses_undo(empty: ProjectStore,
                                                            exported: dict[str, Path]) -> None:
    report = import_article_files(empty, sorted(CORPUS.glob("*.txt")))
    assert report.added == 3
    later = _import(empty, "qdpx", exported)  # matches the documents by text
    assert "document" not in later.created
    _refused(empty, report.record, "imported document")
    removed = _undo(empty, later)  # undone in order, both go
    _undo(empty, report.record)
    assert _first(empty, Document) is None
    assert removed.rows["annotation"]


def test_redo_is_refused_when_the_same_text_came_in_again(demo: ProjectStore,
                                                         exported: dict[str, Path]) -> None:
    removed = _undo(demo, _import(demo, "articles", exported))
    assert import_article_files(demo, [exported["articles"] / "new-1.txt"]).added == 1
    before = snapshot(demo)
    with pytest.raises(ProjectError, match="same text"):
        _redo(demo, removed)
    assert snapshot(demo) == before


def test_a_memo_the_import_extended_is_put_back_and_extended_again(
        demo: ProjectStore, tmp_path: Path) -> None:
    coded = tmp_path / "memo.fannot"
    build_demo_project(coded, with_coding=True)
    source = open_project(coded)
    try:
        with source.transaction() as session:
            document = session.scalars(select(Document.id).order_by(Document.position)).first()
            layla = session.scalars(select(Coder.id).where(Coder.name == "Layla")).one()
            set_document_memo(session, document, layla, "a note from the other project")
    finally:
        source.close()
    qdpx = tmp_path / "memo.qdpx"
    assert main(["export", str(coded), "--format", "qdpx", str(qdpx)]) == 0
    with demo.transaction() as session:
        document = session.scalars(select(Document.id).order_by(Document.position)).first()
        set_document_memo(session, document, _coder(demo, "Layla"), "our own note")
    before = snapshot(demo)
    record = import_annotation_file(demo, AnnotationRequest(qdpx, "qdpx")).record
    after = snapshot(demo)
    assert list(record.before) == ["document_memo"]
    memo = next(iter(record.before["document_memo"].values()))
    assert memo["text"] == "our own note"
    removed = _undo(demo, record)
    assert {n: v for n, v in snapshot(demo).items() if n != "tombstone"} == \
        {n: v for n, v in before.items() if n != "tombstone"}
    _redo(demo, removed)
    assert snapshot(demo) == after
