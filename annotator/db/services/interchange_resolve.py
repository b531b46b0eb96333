"""Resolving one annotation JSONL line against the project: document, coder, code, attributes.

Every look-up is cached for the file (one query per distinct document, coder and code, not per
line), and every failure is an InputError naming the file and the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import AttributeDefinition, Document
from annotator.db.services.annotations import normalise_value
from annotator.db.services.codebook import code_ids_by_path, list_codes
from annotator.db.services.lookup import find_coder, find_document
from annotator.domain import Layer
from annotator.errors import AnnotatorError, InputError
from annotator.importers.annotations_jsonl import AnnotationLine

LAYERS = frozenset(layer.value for layer in Layer)


class ResolvedAnnotation(NamedTuple):
    """One annotation line in the project's terms; ``attributes`` maps attribute id to value.

    ``line`` is 0 for an annotation read from the project rather than from the file."""

    line: int
    uuid: str | None
    document_id: str
    coder_id: str
    code_id: str
    start: int
    end: int
    layer: str
    memo: str
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class _DocumentText:
    id: str
    text: str


class Resolver:
    """Caches look-ups of documents, coders, codes and attributes for one import."""

    def __init__(self, session: Session, path: Path) -> None:
        self.session, self.path = session, path
        self.codes = code_ids_by_path(session)
        self.code_paths = {code_id: path for path, code_id in self.codes.items()}
        self._documents: dict[tuple[str, str | None], _DocumentText] = {}
        self._coders: dict[str, str] = {}
        self._codes: dict[str, str] = {}
        self._normalised: dict[tuple[str, str], str] = {}  # (attribute id, value) -> stored form
        self._attributes: dict[str, dict[str, AttributeDefinition]] = {}

    def fail(self, line: int, message: str) -> InputError:
        return InputError(self.path, message, line=line)

    def document(self, key: str, fallback: str | None, line: int) -> _DocumentText:
        """The document named by UUID or external id; ``fallback`` is tried when ``key`` is the
        UUID of a document in another copy of the project."""
        if (key, fallback) not in self._documents:
            if fallback and self.session.get(Document, key) is None:
                key_used = fallback
            else:
                key_used = key
            try:
                found = find_document(self.session, key_used)
            except AnnotatorError as error:
                raise self.fail(line, str(error)) from None
            self._documents[(key, fallback)] = _DocumentText(found.id, found.text)
        return self._documents[(key, fallback)]

    def coder(self, key: str, line: int) -> str:
        if key not in self._coders:
            try:
                self._coders[key] = find_coder(self.session, key).id
            except AnnotatorError as error:
                raise self.fail(line, str(error)) from None
        return self._coders[key]

    def code(self, path: str, line: int) -> str:
        if path not in self._codes:
            code_id = self.codes.get(path.strip().strip("/").casefold())
            if code_id is None:
                known = ", ".join(row.path for row in list_codes(self.session)[:15])
                raise self.fail(line, f"unknown code {path!r}; codes are paths such as: {known}")
            self._codes[path] = code_id
        return self._codes[path]

    def attributes(self, code_id: str, values: Mapping[str, str], line: int) -> Mapping[str, str]:
        if not values:
            return values
        if code_id not in self._attributes:  # one query per code, not per line
            self._attributes[code_id] = {a.name.casefold(): a for a in self.session.scalars(
                select(AttributeDefinition).where(AttributeDefinition.code_id == code_id))}
        defined = self._attributes[code_id]
        resolved: dict[str, str] = {}
        for name, value in values.items():
            attribute = defined.get(name.casefold())
            if attribute is None:
                known = ", ".join(a.name for a in defined.values()) or "none"
                raise self.fail(line, f"unknown attribute {name!r} for this code; it has: {known}")
            key = (attribute.id, value)
            if key not in self._normalised:
                try:
                    self._normalised[key] = normalise_value(attribute, value)
                except AnnotatorError as error:
                    raise self.fail(line, str(error)) from None
            resolved[attribute.id] = self._normalised[key]
        return resolved

    def annotation(self, item: AnnotationLine) -> ResolvedAnnotation:
        document = self.document(item.document, item.external_id, item.line)
        if item.end > len(document.text):
            raise self.fail(item.line, f"span [{item.start}, {item.end}) ends after the "
                            f"document's {len(document.text)} characters")
        if item.text is not None and document.text[item.start:item.end] != item.text:
            found = document.text[item.start:item.end]
            raise self.fail(item.line, f"'text' {item.text!r} differs from the document's "
                            f"characters {item.start}–{item.end}: {found!r}")
        if item.layer not in LAYERS:
            raise self.fail(item.line, f"unknown layer {item.layer!r}; use coding or gold")
        code_id = self.code(item.code, item.line)
        return ResolvedAnnotation(
            line=item.line, uuid=item.uuid or None, document_id=document.id,
            coder_id=self.coder(item.coder, item.line), code_id=code_id, start=item.start,
            end=item.end, layer=item.layer, memo=item.memo,
            attributes=self.attributes(code_id, item.attributes, item.line))
