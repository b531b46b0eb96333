"""Annotations JSONL export (DESIGN.md §6), readable back by ``annotator annotations import``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from annotator.db.services.interchange import iter_annotation_objects
from annotator.domain import Layer
from annotator.export.atomic import atomic_text_writer


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
