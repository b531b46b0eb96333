"""Annotations JSONL export (DESIGN.md §6), readable back by ``annotator annotations import``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from annotator.db.services.export_rows import count_annotations
from annotator.db.services.interchange import iter_annotation_objects
from annotator.domain import Layer
from annotator.export.atomic import atomic_text_writer
from annotator.export.scope import ExportScope
from annotator.export.selection import resolve_selection


def write_annotations_jsonl(session: Session, handle: TextIO, layer: Layer | None = None) -> int:
    """Stream every annotation and relation to ``handle``; returns the number of lines written."""
    count = 0
    for obj in iter_annotation_objects(session, layer):
        handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_annotations_jsonl(session: Session, path: Path, layer: Layer | None = None) -> int:
    """Write every annotation and relation to ``path`` (atomically); returns the line count."""
    with atomic_text_writer(path) as handle:
        return write_annotations_jsonl(session, handle, layer)



Step = Callable[[int, int], None]
"""``(done, total)`` after each step; may raise to cancel (the atomic writer removes the file)."""
STEP_LINES = 500
"""Lines between two progress reports: finer than a document of the densest project."""


def write_scoped_jsonl(session: Session, handle: TextIO, scope: ExportScope,
                       step: Step | None = None) -> tuple[int, int]:
    """The annotations in ``scope`` and the links between two of them, in the import format;
    returns (annotations, links). ``step`` hears (annotations written, annotations chosen)."""
    selection = resolve_selection(session, scope)
    total = count_annotations(session, selection.documents, list(selection.coders),
                              list(selection.codes), selection.layers) if step else 0
    if step is not None:
        step(0, total)
    documents = set(selection.documents)
    coders = set(selection.coders.values())
    paths = {row.path for row in selection.codes.values()}
    layer = None if scope.layer == "all" else Layer(scope.layer)
    kept: set[str] = set()
    annotations = links = 0
    for obj in iter_annotation_objects(session, layer):
        if "relation" in obj:
            if obj["from"] not in kept or obj["to"] not in kept:
                continue
            links += 1
        elif obj["document"] in documents and obj["coder"] in coders and obj["code"] in paths:
            kept.add(obj["id"])
            annotations += 1
        else:
            continue
        handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
        if step is not None and (annotations + links) % STEP_LINES == 0:
            step(min(annotations, total), total)
    if step is not None:
        step(total, total)
    return annotations, links


def export_scoped_jsonl(session: Session, path: Path, scope: ExportScope,
                        step: Step | None = None) -> tuple[int, int]:
    """:func:`write_scoped_jsonl` to ``path``, atomically."""
    with atomic_text_writer(path) as handle:
        return write_scoped_jsonl(session, handle, scope, step)
