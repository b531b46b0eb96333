"""Annotation JSONL in and out of a project (DESIGN.md §6).

Import checks every line first (``interchange_plan``) and only then writes, in bulk
(``interchange_write``), inside the caller's transaction: a file with one bad line imports nothing,
and the error names the file, the line and what is wrong. Export streams (``interchange_export``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from annotator.db.services.interchange_export import iter_annotation_objects
from annotator.db.services.interchange_plan import plan_import
from annotator.db.services.interchange_write import write_plan
from annotator.importers.annotations_jsonl import read_annotation_lines

__all__ = ["InterchangeOutcome", "import_annotations", "iter_annotation_objects"]


@dataclass(frozen=True)
class InterchangeOutcome:
    annotations: int
    relations: int
    skipped: int
    skipped_relations: int = 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file's lines become objects.

    Hundreds of thousands of new tuples and dicts (none of them in reference cycles) would
    otherwise set off repeated full collections that scan them all again, about a fifth of the
    time of a large import. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_annotations(session: Session, path: Path) -> InterchangeOutcome:
    """Import one JSONL file inside the caller's transaction.

    Every line is checked first (shapes, documents, offsets, codes, coders, attributes, link ends,
    ids already present); the first bad line raises InputError before anything is written.
    """
    with _collector_paused():
        annotation_lines, relation_lines = read_annotation_lines(path)
        plan = plan_import(session, path, annotation_lines, relation_lines)
    write_plan(session, plan)
    return InterchangeOutcome(len(plan.annotations), len(plan.relations),
                              plan.skipped_annotations, plan.skipped_relations)
