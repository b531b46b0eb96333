"""Lost updates are caught: on a file and on a PostgreSQL server, an update of an annotation that
someone else changed since it was read is refused in one line, never silently overwritten."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from annotator.db import open_project
from annotator.db.models import Coder, Document
from annotator.db.services.annotations import create_annotation, get_annotation, update_annotation
from annotator.db.services.codebook import code_ids_by_path
from annotator.errors import ChangedMeanwhile

pytestmark = pytest.mark.both_backends


def _gold(store) -> str:  # noqa: ANN001
    with store.transaction() as session:
        document_id = session.scalar(select(Document.id))
        coder_id = session.scalar(select(Coder.id))
        code_id = next(iter(code_ids_by_path(session).values()))
        return create_annotation(session, document_id=document_id, coder_id=coder_id,
                                 code_id=code_id, start=0, end=4, layer="gold").uuid


def test_an_update_of_a_row_changed_meanwhile_is_refused(seeded) -> None:  # noqa: ANN001
    store, _ids = seeded
    annotation_id = _gold(store)
    other = open_project(store.location)  # a second lead's copy of the app
    try:
        with store.reader() as session:
            read = get_annotation(session, annotation_id)  # lead A reads version 1
        with other.transaction() as session:  # lead B changes it
            update_annotation(session, annotation_id, memo="B's reason",
                              expected_version=read.version)
        with pytest.raises(ChangedMeanwhile, match="changed by someone else meanwhile"):
            with store.transaction() as session:  # lead A's edit of what it read
                update_annotation(session, annotation_id, end=6, expected_version=read.version)
        with store.reader() as session:
            now = get_annotation(session, annotation_id)
        assert (now.memo, now.end, now.version) == ("B's reason", 4, 2)
    finally:
        other.close()
