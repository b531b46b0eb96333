"""How long undoing and redoing an import takes: 1,000 articles, and 20,000 annotations (with an
attribute value each) from a JSONL file, in a fresh demo project on disk.

    python bench/bench_import_undo.py [--articles 1000] [--annotations 20000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from annotator.db import open_project
from annotator.db.engine import ProjectStore
from annotator.db.models import Document
from annotator.db.services.annotation_import import AnnotationRequest, import_annotation_file
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import add_articles
from annotator.db.services.import_rows import CreatedRows, ImportRecord, seal
from annotator.db.services.import_undo import redo_import, undo_import
from annotator.importers.records import ArticleRecord

SENTENCE = "قال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في جنيف. "


def _timed(label: str, action) -> object:  # noqa: ANN001
    started = time.perf_counter()
    result = action()
    print(f"{label:<40} {1000 * (time.perf_counter() - started):8.0f} ms")
    return result


def _articles(store: ProjectStore, count: int) -> ImportRecord:
    records = [ArticleRecord(text=f"{number} {SENTENCE * 40}", source=f"bench {number}")
               for number in range(count)]
    with store.transaction() as session:
        outcome = add_articles(session, records)
        return seal(session, CreatedRows({"document": list(outcome.added)}))


def _annotations_file(store: ProjectStore, folder: Path, count: int) -> Path:
    with store.reader() as session:
        documents = session.execute(select(Document.id, Document.length)).all()
    lines = []
    for number in range(count):
        document, length = documents[number % len(documents)]
        start = number % (length - 10)
        lines.append({"id": str(uuid.uuid4()), "document": document, "coder": "Layla",
                      "code": "Claim/Factual", "start": start, "end": start + 8,
                      "attributes": {"Reporting mode": "Indirect speech"}, "layer": "coding"})
    path = folder / "bench.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    return path


def _round(store: ProjectStore, what: str, record: ImportRecord) -> None:
    def undo():  # noqa: ANN202
        with store.transaction() as session:
            return undo_import(session, record)

    removed = _timed(f"undo import of {what}", undo)

    def redo():  # noqa: ANN202
        with store.transaction() as session:
            return redo_import(session, removed)  # type: ignore[arg-type]

    _timed(f"redo import of {what}", redo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=20000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.fannot"
        build_demo_project(path)
        store = open_project(path)
        try:
            record = _timed(f"import {arguments.articles} articles",
                            lambda: _articles(store, arguments.articles))
            _round(store, f"{arguments.articles} articles", record)  # type: ignore[arg-type]
            source = _annotations_file(store, Path(folder), arguments.annotations)
            result = _timed(f"import {arguments.annotations} annotations", lambda: (
                import_annotation_file(store, AnnotationRequest(source, "jsonl"))))
            _round(store, f"{arguments.annotations} annotations", result.record)  # type: ignore[attr-defined]
        finally:
            store.close()


if __name__ == "__main__":
    main()
