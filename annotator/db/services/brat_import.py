"""Importing a brat collection as one coder's annotations (one transaction for the collection).

Each ``.txt`` is matched to a project document by the SHA-256 of its canonical text; brat types,
attributes and values are turned back into code paths and choices (the collection's ``#@map``
lines, else the names the codebook gives); codes, attributes and values are then checked by the
same resolver as the annotation JSONL import and written in bulk by its writer. The whole
collection is checked before anything is written: one bad line imports nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.brat_format import ReverseNames
from annotator.db.models import Annotation, Document, new_uuid
from annotator.db.services.brat_codebook import read_codebook
from annotator.db.services.import_rows import CreatedRows
from annotator.db.services.interchange_plan import RELATION_TYPES, ImportPlan, PlannedRelation
from annotator.db.services.interchange_resolve import ResolvedAnnotation, Resolver
from annotator.db.services.interchange_write import write_plan
from annotator.db.services.lookup import find_coder
from annotator.domain import Layer
from annotator.errors import InputError
from annotator.importers.brat import BratFile, read_brat_collection
from annotator.importers.brat_ann import Attribute, Entity
from annotator.text import text_sha256


@dataclass(frozen=True)
class BratOutcome:
    files: int
    annotations: int
    relations: int
    created: CreatedRows = field(default_factory=CreatedRows)  # what undo removes


def _names(session: Session, from_conf: ReverseNames) -> ReverseNames:
    """The collection's own mapping, completed by the codebook's names for what it lacks."""
    names = ReverseNames.of(read_codebook(session).names)
    names.codes |= from_conf.codes
    names.attributes |= from_conf.attributes
    names.values |= from_conf.values
    return names


class _FilePlanner:
    """Turns one checked brat file into planned annotations and links of one coder."""

    def __init__(self, session: Session, names: ReverseNames, coder_id: str) -> None:
        self.session, self.names, self.coder_id = session, names, coder_id

    def plan(self, file: BratFile, document_id: str, plan: ImportPlan) -> None:
        resolver = Resolver(self.session, Path(file.ann))
        ids: dict[str, str] = {}
        attributes: dict[str, list[Attribute]] = {}
        for attribute in file.parsed.attributes:
            attributes.setdefault(attribute.target, []).append(attribute)
        for entity in file.parsed.entities:
            annotation = self._annotation(resolver, file, entity, document_id,
                                          attributes.get(entity.id, ()))
            ids[entity.id] = annotation.uuid or ""
            plan.annotations.append(annotation)
        for link in file.parsed.links:
            if link.type not in RELATION_TYPES:
                raise resolver.fail(link.line, f"unknown relation {link.type!r}; use one of "
                                    f"{', '.join(RELATION_TYPES)}")
            if link.source == link.target:
                raise resolver.fail(link.line, "an annotation cannot be linked to itself")
            plan.relations.append(PlannedRelation(link.line, new_uuid(), link.type,
                                                  ids[link.source], ids[link.target],
                                                  self.coder_id))

    def _annotation(self, resolver: Resolver, file: BratFile, entity: Entity, document_id: str,
                    attributes: Iterable[Attribute]) -> ResolvedAnnotation:
        path = self.names.codes.get(entity.type)
        if path is None:
            raise resolver.fail(entity.line, f"unknown type {entity.type!r}: not a code of the "
                                "codebook (types are code paths, see annotation.conf)")
        code_id = resolver.code(path, entity.line)
        values: dict[str, str] = {}
        for attribute in attributes:
            name = self.names.attributes.get(attribute.name)
            if name is None:
                raise resolver.fail(attribute.line, f"unknown attribute {attribute.name!r}")
            value = ("yes" if attribute.value is None else
                     self.names.values.get((attribute.name, attribute.value), attribute.value))
            values |= resolver.attributes(code_id, {name: value}, attribute.line)
        start, end = file.spans[entity.id]
        return ResolvedAnnotation(entity.line, new_uuid(), document_id, self.coder_id, code_id,
                                  start, end, Layer.CODING.value,
                                  file.parsed.notes.get(entity.id, ""), values)


def _documents(session: Session, files: list[BratFile]) -> list[str]:
    """The project document of each file, by the SHA-256 of its canonical text."""
    digests = [text_sha256(file.text) for file in files]
    known = dict(session.execute(select(Document.sha256, Document.id)
                                 .where(Document.sha256.in_(set(digests)))).all())
    seen: dict[str, str] = {}
    for file, digest in zip(files, digests):
        if digest not in known:
            raise InputError(file.txt, "its text matches no document of the project (compared "
                             "by the SHA-256 of the canonical text); import the article first")
        if digest in seen:
            raise InputError(file.txt, f"holds the same document as {seen[digest]}")
        seen[digest] = file.txt
    return [known[digest] for digest in digests]


def _refuse_coded(session: Session, file: BratFile, document_id: str, coder_id: str,
                  coder: str) -> None:
    count = session.scalar(select(func.count()).select_from(Annotation).where(
        Annotation.document_id == document_id, Annotation.coder_id == coder_id,
        Annotation.layer == Layer.CODING.value)) or 0
    if count:
        raise InputError(file.ann, f"coder {coder} already has {count} annotation(s) in this "
                         "document; importing would add them twice, so nothing was imported")


def import_brat(session: Session, source: Path, coder: str,
                step: Callable[[int, int], None] | None = None) -> BratOutcome:
    """Import every pair of the collection (for ``coder``) inside the caller's transaction;
    ``step`` hears (documents planned, documents) and may raise to stop before anything is
    written."""
    coder_id = find_coder(session, coder).id
    collection = read_brat_collection(source, coder)
    planner = _FilePlanner(session, _names(session, collection.names), coder_id)
    plan = ImportPlan()
    documents = _documents(session, collection.files)
    for done, (file, document_id) in enumerate(zip(collection.files, documents)):
        if step is not None:
            step(done, len(documents))
        if file.parsed.entities:
            _refuse_coded(session, file, document_id, coder_id, coder)
        planner.plan(file, document_id, plan)
    created = write_plan(session, plan)
    return BratOutcome(len(collection.files), len(plan.annotations), len(plan.relations), created)
