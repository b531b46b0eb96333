"""Shared fixtures: paths to the sample corpus and a fresh project with the framing-core codebook."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_support import (  # noqa: F401 - fixtures
    coded_demo_file,
    pg_admin_url,
    pg_demo_team,
    pg_empty_url,
    pg_template,
    pg_url,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read English labels whatever the machine's locale; the Arabic tests ask for Arabic.
os.environ.setdefault("ANNOTATOR_LANGUAGE", "en")
BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_backends: run the module's `store` tests on a "
                            "project file and on a PostgreSQL server (tests/pg_support.py)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Where ``store`` keeps the project: "sqlite" unless the module is marked both_backends."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def project_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> object:
    """A place for a new project: a file path, or a fresh database on the test server."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_url")
    return tmp_path / "test.fannot"

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "resources" / "demo"  # copies of ../shared/corpus shipped with the app
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    return CORPUS


@pytest.fixture
def store(project_location: object) -> Iterator[object]:
    """An empty project (no codebook, no coders): a file, or a server database (``backend``)."""
    from annotator.db import open_project
    from annotator.db.services.projects import create_project

    project = open_project(project_location, create=True)
    with project.transaction() as session:
        create_project(session, "Test project")
    yield project
    project.close()


@pytest.fixture
def seeded(store):  # noqa: ANN001, ANN201 - returns (store, ids) for brevity in tests
    """A project with framing-core, two coders and the three sample articles."""
    from annotator.codebook import load_template
    from annotator.db.services.codebook import apply_codebook
    from annotator.db.services.coders import add_coder
    from annotator.db.services.documents import add_articles, list_documents
    from annotator.importers import iter_article_files, read_articles

    with store.transaction() as session:
        apply_codebook(session, load_template("framing-core"))
        ids = {"coder_a": add_coder(session, "Amina"), "coder_b": add_coder(session, "Basel")}
        for file in iter_article_files([CORPUS]):
            add_articles(session, read_articles(file))
        ids["documents"] = {d.external_id: d.uuid for d in list_documents(session)}
    return store, ids


WordSpan = tuple[str, str, int, int, str]  # (coder, document external id, first word, last word, code)


def _annotate_words(path: Path, spans: list[WordSpan]) -> tuple[dict[str, str], list[tuple]]:
    """Store word-aligned spans (as the annotator's snapping makes them) in the project at
    ``path``; returns the texts by external id and the spans as (coder, doc, start, end, code)."""
    from sqlalchemy import select

    from annotator.db import open_project
    from annotator.db.models import Coder, Document
    from annotator.db.services.annotations import create_annotation
    from annotator.db.services.codebook import code_ids_by_path
    from annotator.text import word_spans

    store = open_project(path)
    stored = []
    with store.transaction() as session:
        codes = code_ids_by_path(session)
        coders = dict(session.execute(select(Coder.name, Coder.id)).all())
        documents = {r.external_id: r for r in session.execute(
            select(Document.id, Document.external_id, Document.text))}
        for coder, doc, first, last, code in spans:
            words = word_spans(documents[doc].text)
            start, end = words[first][0], words[last][1]
            create_annotation(session, document_id=documents[doc].id, coder_id=coders[coder],
                              code_id=codes[code.casefold()], start=start, end=end)
            stored.append((coder, doc, start, end, code))
    store.close()
    return {key: row.text for key, row in documents.items()}, stored


@pytest.fixture(scope="session")
def annotate_words():  # noqa: ANN201 - returns _annotate_words
    """``annotate_words(path, spans)``: add word-aligned spans of named coders to a project."""
    return _annotate_words


@pytest.fixture
def coded_demo(coded_demo_file: Path, tmp_path: Path) -> Path:
    """A fresh copy of the coded demo project (built once per session), free to change."""
    return Path(shutil.copy(coded_demo_file, tmp_path / "coded.fannot"))
