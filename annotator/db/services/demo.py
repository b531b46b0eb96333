"""The demo project: the sample Arabic articles, the framing-core codebook, two coders and a lead.

``with_coding=True`` adds both coders' independent coding of the Aleppo report (shipped as phrases in
``resources/demo/sample-coding.json``), so agreement, review and export can be tried at once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from annotator.codebook import CodebookSpec, find_code, load_template
from annotator.db.engine import open_project
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import apply_codebook
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles, assign, list_documents, set_status
from annotator.db.services.lookup import find_document
from annotator.db.services.projects import create_project
from annotator.db.services.relations import create_relation
from annotator.domain import AssignmentStatus, RelationType, Role
from annotator.errors import ProjectError
from annotator.importers import iter_article_files, read_articles
from annotator.resources import resource_path

DEMO_CODERS = (("Layla", Role.CODER), ("Omar", Role.CODER), ("Lead", Role.LEAD))
SAMPLE_CODING = resource_path("demo", "sample-coding.json")


def build_demo_project(path: Path, *, with_coding: bool = False) -> None:
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
            if with_coding:
                add_sample_coding(session, dict(zip((n for n, _ in DEMO_CODERS), coder_ids)))
    finally:
        store.close()


def _offsets(text: str, phrase: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(phrase, start + 1)
        if start < 0:
            raise ProjectError(f"{SAMPLE_CODING}: phrase {phrase!r} does not occur {occurrence} "
                               "time(s) in the document")
    return start, start + len(phrase)


def _attribute_ids(spec: CodebookSpec, code_path: str,
                   values: dict[str, str]) -> tuple[str, dict[str, str]]:
    code = find_code(spec, code_path)
    if code is None:
        raise ProjectError(f"{SAMPLE_CODING}: no code {code_path!r} in framing-core")
    by_name = {attribute.name: attribute.uuid for attribute in code.attributes}
    return code.uuid, {by_name[name]: value for name, value in values.items()}


def add_sample_coding(session: Session, coders: dict[str, str]) -> int:
    """Store the shipped sample coding; returns the number of annotations written."""
    sample: dict[str, Any] = json.loads(SAMPLE_CODING.read_text(encoding="utf-8"))
    document = find_document(session, sample["document"])
    spec = load_template("framing-core")
    ids: dict[str, str] = {}
    owners: dict[str, str] = {}
    for item in sample["annotations"]:
        start, end = _offsets(document.text, item["phrase"], item["occurrence"])
        code_id, attributes = _attribute_ids(spec, item["code"], item.get("attributes", {}))
        owners[item["key"]] = coders[item["coder"]]
        ids[item["key"]] = create_annotation(
            session, document_id=document.id, coder_id=owners[item["key"]], code_id=code_id,
            start=start, end=end, attributes=attributes).uuid
    for link in sample["links"]:
        create_relation(session, type=RelationType(link["relation"]), source_id=ids[link["from"]],
                        target_id=ids[link["to"]], coder_id=owners[link["from"]])
    for coder_id in set(owners.values()):
        set_status(session, document.id, coder_id, AssignmentStatus.DONE)
    return len(ids)
