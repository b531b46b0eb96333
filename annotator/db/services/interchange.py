"""Annotation JSONL in and out of a project (DESIGN.md §6).

Import checks every line first (``interchange_plan``) and only then writes, in bulk
(``interchange_write``), inside the caller's transaction: a file with one bad line imports nothing,
and the error names the file, the line and what is wrong. Export streams (``interchange_export``).
"""

from __future__ import annotations

from collections.abc import Callable

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from annotator.db.services.import_rows import CreatedRows
from annotator.db.services.interchange_export import iter_annotation_objects
from annotator.db.services.interchange_plan import plan_import
from annotator.db.services.interchange_write import write_plan
from annotator.gc_pause import collector_paused
from annotator.importers.annotations_jsonl import read_annotation_lines

__all__ = ["InterchangeOutcome", "import_annotations", "iter_annotation_objects"]


@dataclass(frozen=True)
class InterchangeOutcome:
    annotations: int
    relations: int
    skipped: int
    skipped_relations: int = 0
    documents: int = 0  # documents and coders the imported annotations belong to
    coders: int = 0
    created: CreatedRows = field(default_factory=CreatedRows)  # what undo removes


def import_annotations(session: Session, path: Path,
                       step: Callable[[int, int], None] | None = None) -> InterchangeOutcome:
    """Import one JSONL file inside the caller's transaction; ``step`` hears (bytes read,
    file size) while the lines are read and may raise to stop (nothing is written then).

    Every line is checked first (shapes, documents, offsets, codes, coders, attributes, link ends,
    ids already present); the first bad line raises InputError before anything is written.
    """
    with collector_paused():
        annotation_lines, relation_lines = read_annotation_lines(path, step)
        plan = plan_import(session, path, annotation_lines, relation_lines)
    created = write_plan(session, plan)
    return InterchangeOutcome(len(plan.annotations), len(plan.relations),
                              plan.skipped_annotations, plan.skipped_relations,
                              len({a.document_id for a in plan.annotations}),
                              len({a.coder_id for a in plan.annotations}), created)
