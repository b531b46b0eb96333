"""Document order: documents keep the order they were imported in (files, then rows of a CSV), across
restarts; older projects whose positions repeat get their import order back; the statements an
import issues do not multiply with the number of articles."""

from __future__ import annotations

import pytest

import sqlite3
from pathlib import Path

from sqlalchemy import event, select, text

from annotator.db import open_project
from annotator.db.engine import _alembic_config
from annotator.db.models import Document
from annotator.db.services.article_import import import_article_files
from annotator.db.services.documents import add_articles, list_documents
from annotator.importers import ArticleRecord


pytestmark = pytest.mark.both_backends

def _titles(path: Path) -> list[str]:
    store = open_project(path)
    with store.reader() as session:
        titles = [d.title for d in list_documents(session)]
    store.close()
    return titles


def test_documents_keep_the_order_of_files_and_csv_rows(store, tmp_path: Path) -> None:  # noqa: ANN001
    files = []
    for name in ("zeta", "alpha", "mu"):  # one file per transaction, not in name order
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(f"{name}\n\nنص المقال {name}.\n", encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("title,text\nthird,نص ثالث\nfirst,نص أول\nsecond,نص ثان\n", encoding="utf-8")
    for batch in ([files[0]], [files[1]], [files[2], rows]):
        assert import_article_files(store, batch).failed == []
    expected = ["zeta", "alpha", "mu", "third", "first", "second"]
    with store.reader() as session:
        assert [d.title for d in list_documents(session)] == expected
        assert list(session.scalars(select(Document.position).order_by(Document.position))) == [
            0, 1, 2, 3, 4, 5]
    store.close()
    assert _titles(store.location) == expected  # after a restart


def _record(title: str) -> ArticleRecord:
    return ArticleRecord(source=f"{title}.txt", text=f"نص {title}", title=title)


def test_statements_per_import_do_not_grow_with_the_articles(store) -> None:  # noqa: ANN001
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_: statements.append(statement.split()[0]))
    counts = []
    for size in (5, 50):
        statements.clear()
        with store.transaction() as session:
            add_articles(session, [_record(f"{size}-{i}") for i in range(size)])
        counts.append(sum(1 for s in statements if s == "SELECT"))
    assert counts[0] == counts[1] <= 2


def _old_project_with_tied_positions(path: Path) -> None:
    """A schema-0002 file as the old import left it: positions repeat (0 0 0, then a CSV's 0 1)."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    engine.dispose()
    documents = [  # (title, position, created_at), in rowid order
        ("second file", 0, "2016-12-02 10:00:00.000000"),
        ("first file", 0, "2016-12-01 10:00:00.000000"),
        ("third file", 0, "2016-12-03 10:00:00.000000"),
        ("csv row 1", 0, "2016-12-04 10:00:00.000001"),
        ("csv row 2", 1, "2016-12-04 10:00:00.000002"),
    ]
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO project (id, name, created_at, settings) VALUES "
                           "('p', 'Old', '2016-12-01 00:00:00', '{}')")
        connection.executemany(
            "INSERT INTO document (id, title, text, length, sha256, metadata, position, "
            "created_at) VALUES (?, ?, ?, 1, ?, '{}', ?, ?)",
            [(f"id-{i}", title, title, f"{i:064d}", position, created)
             for i, (title, position, created) in enumerate(documents)])


def test_older_projects_get_their_import_order_back(tmp_path: Path) -> None:
    path = tmp_path / "old.fannot"
    _old_project_with_tied_positions(path)
    assert _titles(path) == ["first file", "second file", "third file", "csv row 1", "csv row 2"]
    store = open_project(path)
    with store.reader() as session:
        positions = session.execute(text("SELECT title, position FROM document ORDER BY position"))
        assert [p for _, p in positions] == [0, 1, 2, 3, 4]
    with store.transaction() as session:
        add_articles(session, [_record("new")])
    store.close()
    assert _titles(path)[-1] == "new"
