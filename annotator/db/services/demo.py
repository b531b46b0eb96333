"""The demo project: the sample Arabic articles, the framing-core codebook, two coders and a lead.

``with_coding=True`` adds both coders' independent coding of the three demo articles (shipped as
phrases in ``resources/demo/sample-coding.json``, one block per document), so agreement, review and
export can be tried at once; with several documents the uα family gets its document-bootstrap
intervals. The sample is checked strictly: a phrase that does not occur, an unknown coder, code,
attribute or link key stops the build with one line naming the file, document and annotation key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from annotator.codebook import CodebookSpec, find_code, load_template
from annotator.db.engine import open_project
from annotator.db.models import Document
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import apply_codebook
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import add_articles, assign, list_documents, set_status
from annotator.db.services.lookup import find_document
from annotator.db.services.projects import create_project
from annotator.db.services.questions import set_answer
from annotator.db.services.relations import create_relation
from annotator.domain import AssignmentStatus, RelationType, Role
from annotator.errors import ProjectError
from annotator.importers import iter_article_files, read_articles
from annotator.project_location import ProjectLocation
from annotator.resources import resource_path

DEMO_CODERS = (("Layla", Role.CODER), ("Omar", Role.CODER), ("Lead", Role.LEAD))
SAMPLE_CODING = resource_path("demo", "sample-coding.json")


def build_demo_project(path: ProjectLocation, *, with_coding: bool = False) -> None:
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
    """Code-point span of the ``occurrence``-th (1-based) match of ``phrase`` in ``text``."""
    if not phrase or not isinstance(occurrence, int) or occurrence < 1:
        raise ProjectError("needs a non-empty phrase and an occurrence of 1 or more")
    start = -1
    for _ in range(occurrence):
        start = text.find(phrase, start + 1)
        if start < 0:
            raise ProjectError(f"phrase {phrase!r} does not occur {occurrence} time(s) "
                               "in the document")
    return start, start + len(phrase)


def _attribute_ids(spec: CodebookSpec, code_path: str,
                   values: dict[str, str]) -> tuple[str, dict[str, str]]:
    code = find_code(spec, code_path)
    if code is None:
        raise ProjectError(f"no code {code_path!r} in framing-core")
    by_name = {attribute.name: attribute.uuid for attribute in code.attributes}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise ProjectError(f"{code_path} has no attribute {unknown[0]!r}")
    return code.uuid, {by_name[name]: value for name, value in values.items()}


class _Block:
    """One document's sample coding being written: keys to annotation ids and their coders."""

    def __init__(self, session: Session, spec: CodebookSpec, coders: dict[str, str],
                 block: dict[str, Any]) -> None:
        self.session, self.spec, self.coders = session, spec, coders
        self.document: Document = find_document(session, block["document"])
        self.ids: dict[str, str] = {}
        self.owners: dict[str, str] = {}

    def annotate(self, item: dict[str, Any]) -> None:
        key = item["key"]
        if key in self.ids:
            raise ProjectError("key used twice in this document")
        if item["coder"] not in self.coders:
            raise ProjectError(f"unknown coder {item['coder']!r}")
        start, end = _offsets(self.document.text, item["phrase"], item["occurrence"])
        code_id, attributes = _attribute_ids(self.spec, item["code"], item.get("attributes", {}))
        self.owners[key] = self.coders[item["coder"]]
        self.ids[key] = create_annotation(
            self.session, document_id=self.document.id, coder_id=self.owners[key], code_id=code_id,
            start=start, end=end, attributes=attributes).uuid

    def link(self, link: dict[str, str]) -> None:
        missing = [key for key in (link["from"], link["to"]) if key not in self.ids]
        if missing:
            raise ProjectError(f"link names unknown key {missing[0]!r}")
        create_relation(self.session, type=RelationType(link["relation"]),
                        source_id=self.ids[link["from"]], target_id=self.ids[link["to"]],
                        coder_id=self.owners[link["from"]])

    def finish(self) -> None:
        for coder_id in set(self.owners.values()):
            set_status(self.session, self.document.id, coder_id, AssignmentStatus.DONE)


def _add_block(session: Session, spec: CodebookSpec, coders: dict[str, str],
               block: dict[str, Any], source: Path) -> int:
    where = f"{source}: {block.get('document', '?')}"
    try:
        writer = _Block(session, spec, coders, block)
        for item in block["annotations"]:
            where = f"{source}: {block['document']}, {item.get('key', '?')}"
            writer.annotate(item)
        for link in block["links"]:
            where = f"{source}: {block['document']}, link {link.get('from')} -> {link.get('to')}"
            writer.link(link)
    except ProjectError as error:
        raise ProjectError(f"{where}: {error}") from None
    except (KeyError, TypeError, ValueError) as error:
        raise ProjectError(f"{where}: malformed entry ({type(error).__name__}: {error})"
                           ) from None
    writer.finish()
    _add_answers(session, coders, writer.document.id, block.get("answers", {}), where)
    return len(writer.ids)


def _add_answers(session: Session, coders: dict[str, str], document_id: str,
                 answers: dict[str, dict[str, Any]], where: str) -> None:
    """Each coder's answers to the document questions (``{coder: {question key: value}}``)."""
    try:
        for coder, values in answers.items():
            for key, value in values.items():
                set_answer(session, document_id, coders[coder], key, value)
    except (ProjectError, KeyError, AttributeError) as error:
        raise ProjectError(f"{where}, answers: {error}") from None


def add_sample_coding(session: Session, coders: dict[str, str],
                      source: Path = SAMPLE_CODING) -> int:
    """Store the coding of every document block in ``source``; returns the annotations written.

    ``coders`` maps the sample's coder names to coder ids. Raises ProjectError on the first bad
    entry; the caller's transaction then rolls everything back.
    """
    try:
        sample: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
        blocks: list[dict[str, Any]] = sample["documents"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ProjectError(f"{source}: not a sample coding file ({error})") from None
    spec = load_template("framing-core")
    return sum(_add_block(session, spec, coders, block, source) for block in blocks)
