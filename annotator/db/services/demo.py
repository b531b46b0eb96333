"""The demo project: the sample Arabic articles, the framing-core codebook, two coders and a lead."""

from __future__ import annotations

from pathlib import Path

from annotator.codebook import load_template
from annotator.db.engine import open_project
from annotator.db.services.codebook import apply_codebook
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles, assign, list_documents
from annotator.db.services.projects import create_project
from annotator.domain import Role
from annotator.importers import iter_article_files, read_articles
from annotator.resources import resource_path

DEMO_CODERS = (("Layla", Role.CODER), ("Omar", Role.CODER), ("Lead", Role.LEAD))


def build_demo_project(path: Path) -> None:
    """Create ``path`` as a ready-to-code project; every document is assigned to both coders."""
    store = open_project(path, create=True)
    try:
        with store.transaction() as session:
            create_project(session, "Demo: Aleppo, December 2016")
            apply_codebook(session, load_template("framing-core"))
            coder_ids = [add_coder(session, name, role) for name, role in DEMO_CODERS]
            for file in iter_article_files([resource_path("demo")]):
                add_articles(session, read_articles(file))
            document_ids = [d.uuid for d in list_documents(session)]
            for coder_id in coder_ids[:2]:
                assign(session, document_ids, coder_id)
    finally:
        store.close()
