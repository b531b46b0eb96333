"""Annotations JSONL export (DESIGN.md §6), readable back by ``annotator annotations import``."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.orm import Session

from annotator.db.services.interchange import iter_annotation_objects
from annotator.domain import Layer
from annotator.export.atomic import atomic_text_writer


def export_annotations_jsonl(session: Session, path: Path, layer: Layer | None = None) -> int:
    """Write every annotation and relation; returns the number of lines written."""
    count = 0
    with atomic_text_writer(path) as handle:
        for obj in iter_annotation_objects(session, layer):
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
            count += 1
    return count
