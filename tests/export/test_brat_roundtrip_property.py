"""Any spans of the social post (emoji, flags, line breaks inside spans, nesting) survive a brat
export and import with the same code points, and every T line equals its slice."""

from __future__ import annotations

from pathlib import Path

from tests.export.brat_strict import read_zip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from annotator.codebook import load_template
from annotator.db import open_project
from annotator.db.models import Annotation
from annotator.db.services.annotations import create_annotation
from annotator.db.services.brat_import import import_brat
from annotator.db.services.codebook import apply_codebook, code_ids_by_path
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles, document_text
from annotator.db.services.projects import create_project
from annotator.export.brat import write_brat
from annotator.export.scope import ExportScope
from annotator.importers import read_articles
from annotator.resources import resource_path

SOCIAL = resource_path("demo", "social-post-2016-12.txt")


def _project(path: Path) -> tuple[object, str, str]:
    store = open_project(path, create=True)
    with store.transaction() as session:
        create_project(session, path.stem)
        apply_codebook(session, load_template("framing-core"))
        coder = add_coder(session, "Layla")
        document = add_articles(session, read_articles(SOCIAL)).added[0]
    return store, coder, document


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_spans_survive_brat(tmp_path_factory, data) -> None:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("brat-property")
    source, coder, document = _project(folder / "a.fannot")
    with source.reader() as session:
        text = document_text(session, document)
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 60),
                                         st.sampled_from(["claim/factual", "actor/state"])),
                               min_size=1, max_size=8))
    with source.transaction() as session:
        codes = code_ids_by_path(session)
        for start, width, code in spans:
            create_annotation(session, document_id=document, coder_id=coder,
                              code_id=codes[code], start=start,
                              end=min(len(text), start + width))
        write_brat(session, folder / "out.zip", ExportScope())
    _, files, _ = read_zip(folder / "out.zip")  # asserts every T text equals its slice
    target, *_ = _project(folder / "b.fannot")
    with target.transaction() as session:
        import_brat(session, folder / "out.zip", "Layla")
    query = select(Annotation.start, Annotation.end, Annotation.code_id)
    with source.reader() as a, target.reader() as b:
        before, after = sorted(a.execute(query).all()), sorted(b.execute(query).all())
    source.close()
    target.close()
    assert len(files["coding/Layla/social-post-2016-12"].spans) == len(spans)
    assert [(s, e) for s, e, _ in before] == [(s, e) for s, e, _ in after]
    assert [c for *_, c in before] == [c for *_, c in after]
