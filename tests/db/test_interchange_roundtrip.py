"""Offsets survive export and import: the same code points, the same text, in another project copy."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.db import open_project
from annotator.db.services.annotations import create_annotation, list_annotations
from annotator.db.services.codebook import apply_codebook, code_ids_by_path
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles, document_text
from annotator.db.services.interchange import import_annotations
from annotator.db.services.projects import create_project
from annotator.export.jsonl import export_annotations_jsonl
from annotator.codebook import load_template
from annotator.importers import read_articles
from annotator.resources import resource_path

SOCIAL = resource_path("demo", "social-post-2016-12.txt")


def _project(path: Path) -> tuple[object, str, str, str]:
    store = open_project(path, create=True)
    with store.transaction() as session:
        create_project(session, path.stem)
        apply_codebook(session, load_template("framing-core"))
        coder = add_coder(session, "Layla")
        document = add_articles(session, read_articles(SOCIAL)).added[0]
        code = code_ids_by_path(session)["claim/factual"]
    return store, coder, document, code


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_slices_survive_export_and_import(tmp_path_factory, data) -> None:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("roundtrip")
    source, coder, document, code = _project(folder / "a.fannot")
    with source.reader() as session:
        text = document_text(session, document)
    spans = data.draw(st.lists(
        st.tuples(st.integers(0, len(text) - 1), st.integers(1, 40)), min_size=1, max_size=8))
    with source.transaction() as session:
        for start, width in spans:
            create_annotation(session, document_id=document, coder_id=coder, code_id=code,
                              start=start, end=min(len(text), start + width))
        export_annotations_jsonl(session, folder / "out.jsonl")
    exported = [json.loads(x) for x in (folder / "out.jsonl").read_text("utf-8").splitlines()]
    assert all(row["text"] == text[row["start"]:row["end"]] for row in exported)

    target, *_ = _project(folder / "b.fannot")
    with target.transaction() as session:
        import_annotations(session, folder / "out.jsonl")
    with source.reader() as a, target.reader() as b:
        before = sorted((x.uuid, x.start, x.end) for x in list_annotations(a))
        after = sorted((x.uuid, x.start, x.end) for x in list_annotations(b))
    source.close()
    target.close()
    assert before == after
