"""The project's codebook: loading a template or JSON spec, exporting it, editing codes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.codebook import AttributeSpec, CodebookSpec, CodeSpec, QuestionSpec, validate_codebook
from annotator.db.models import Annotation, AttributeDefinition, Code, Codebook, Tombstone
from annotator.db.services.codebook_labels import all_labels, set_choice_labels
from annotator.db.services.packages import refuse_in_package
from annotator.db.services.questions import list_questions, write_questions
from annotator.domain import AttributeType, CodeKind
from annotator.errors import ProjectError


@dataclass(frozen=True)
class CodeRow:
    """A code as the UI and exporters see it: flat, with its path ``Kind/Code/Sub-code``."""

    uuid: str
    parent: str | None
    kind: CodeKind
    path: str
    name_en: str
    name_ar: str
    colour: str
    shortcut: str
    definition: str


def _get_codebook(session: Session) -> Codebook | None:
    return session.scalar(select(Codebook))


def apply_codebook(session: Session, spec: CodebookSpec) -> int:
    """Load a codebook spec into the project, merging by UUID. Returns the number of codes written.

    Codes already in the project with the same UUID are updated in place, so re-applying an edited
    codebook JSON keeps every annotation attached to its code.
    """
    refuse_in_package(session, "the codebook can be changed")
    codebook = _get_codebook(session)
    if codebook is None:
        codebook = Codebook(id=spec.uuid, name=spec.name, description=spec.description,
                            version=spec.version)
        session.add(codebook)
    else:
        codebook.name, codebook.description = spec.name, spec.description
        codebook.version = spec.version
    session.flush()
    written = 0
    for position, code in enumerate(spec.codes):
        written += _write_code(session, codebook.id, None, code, position)
    _check_unique_shortcuts(session)
    _apply_questions(session, codebook.id, spec)
    return written


def _apply_questions(session: Session, codebook_id: str, spec: CodebookSpec) -> None:
    """The spec's questions first, in its order, then any the project has that the spec lacks."""
    listed = {q.uuid for q in spec.questions}
    kept = [q for q in list_questions(session) if q.uuid not in listed]
    keys = {q.key.casefold() for q in spec.questions}
    clash = [q.key for q in kept if q.key.casefold() in keys]
    if clash:
        raise ProjectError(f"question key(s) {', '.join(clash)} already used by other questions of the project")
    write_questions(session, codebook_id, [*spec.questions, *kept])


def add_question(session: Session, spec: QuestionSpec) -> str:
    """Append a question, checked by the codebook file rules (``InputError``), to the codebook."""
    refuse_in_package(session, "the codebook can be changed")
    current = export_codebook(session)
    checked = validate_codebook(replace(current, questions=[*current.questions, spec]), "new question")
    write_questions(session, current.uuid, checked.questions)
    return checked.questions[-1].uuid


_CODE_FIELDS = ("name_en", "name_ar", "colour", "shortcut", "definition", "include", "exclude")


def _write_code(session: Session, codebook_id: str, parent_id: str | None, spec: CodeSpec,
                position: int) -> int:
    code = session.get(Code, spec.uuid) or Code(id=spec.uuid, codebook_id=codebook_id)
    for name in _CODE_FIELDS:
        setattr(code, name, getattr(spec, name))
    code.kind, code.parent_id = spec.kind.value, parent_id
    code.examples, code.position = list(spec.examples), position
    session.add(code)
    session.flush()
    for index, attribute in enumerate(spec.attributes):
        _write_attribute(session, code.id, attribute, index)
    return 1 + sum(_write_code(session, codebook_id, code.id, child, index)
                   for index, child in enumerate(spec.children))


def _write_attribute(session: Session, code_id: str, spec: AttributeSpec, position: int) -> None:
    attribute = session.get(AttributeDefinition, spec.uuid) or AttributeDefinition(id=spec.uuid)
    attribute.code_id, attribute.name, attribute.type = code_id, spec.name, spec.type.value
    attribute.choices, attribute.required = list(spec.choices), spec.required
    attribute.description, attribute.position = spec.description, position
    session.add(attribute)
    set_choice_labels(session, spec.uuid, spec.labels)


def _check_unique_shortcuts(session: Session) -> None:
    duplicates = session.execute(
        select(Code.shortcut, func.count()).where(Code.shortcut != "")
        .group_by(Code.shortcut).having(func.count() > 1)
    ).all()
    if duplicates:
        keys = ", ".join(f"{key!r}" for key, _ in duplicates)
        raise ProjectError(f"shortcut used by more than one code: {keys}")


def export_codebook(session: Session) -> CodebookSpec:
    codebook = _get_codebook(session)
    if codebook is None:
        raise ProjectError("the project has no codebook yet")
    codes = list(session.scalars(select(Code).order_by(Code.position)))
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    labels = all_labels(session)

    def build(code: Code) -> CodeSpec:
        return CodeSpec(
            uuid=code.id, kind=CodeKind(code.kind), name_en=code.name_en, name_ar=code.name_ar,
            colour=code.colour, shortcut=code.shortcut, definition=code.definition,
            include=code.include, exclude=code.exclude, examples=list(code.examples),
            attributes=[_attribute_spec(a, labels.get(a.id, {})) for a in code.attributes],
            children=[build(child) for child in children.get(code.id, [])],
        )

    return CodebookSpec(uuid=codebook.id, name=codebook.name, description=codebook.description,
                        version=codebook.version,
                        codes=[build(code) for code in children.get(None, [])],
                        questions=list_questions(session))


def _attribute_spec(attribute: AttributeDefinition,
                    labels: dict[str, Any] | None = None) -> AttributeSpec:
    """The spec of a stored attribute; ``labels`` as stored (value → [english, arabic])."""
    return AttributeSpec(uuid=attribute.id, name=attribute.name,
                         type=AttributeType(attribute.type), choices=list(attribute.choices),
                         required=attribute.required, description=attribute.description,
                         labels={v: (p[0], p[1]) for v, p in (labels or {}).items()
                                 if v in attribute.choices})


def list_codes(session: Session) -> list[CodeRow]:
    """Every code, depth first in codebook order, with its path."""
    codes = list(session.scalars(select(Code).order_by(Code.position)))
    by_parent: dict[str | None, list[Code]] = {}
    for code in codes:
        by_parent.setdefault(code.parent_id, []).append(code)
    rows: list[CodeRow] = []

    def visit(code: Code, prefix: str) -> None:
        path = f"{prefix}/{code.name_en}"
        rows.append(CodeRow(code.id, code.parent_id, CodeKind(code.kind), path, code.name_en,
                            code.name_ar, code.colour, code.shortcut, code.definition))
        for child in by_parent.get(code.id, []):
            visit(child, path)

    for kind in CodeKind:
        for code in by_parent.get(None, []):
            if code.kind == kind.value:
                visit(code, kind.label)
    return rows


def code_ids_by_path(session: Session) -> dict[str, str]:
    """Map ``Kind/Code/Sub-code`` (case-insensitive keys) to code UUIDs."""
    return {row.path.casefold(): row.uuid for row in list_codes(session)}


def update_code(session: Session, code_id: str, **changes: Any) -> dict[str, Any]:
    """Change fields of a code; returns the previous values of the changed fields (for undo)."""
    refuse_in_package(session, "the codebook can be changed")
    code = session.get(Code, code_id)
    if code is None:
        raise ProjectError(f"no code with id {code_id}")
    allowed = set(_CODE_FIELDS) | {"examples"}
    unknown = set(changes) - allowed
    if unknown:
        raise ProjectError(f"cannot change {', '.join(sorted(unknown))} of a code")
    previous = {name: getattr(code, name) for name in changes}
    for name, value in changes.items():
        setattr(code, name, value)
    session.flush()
    _check_unique_shortcuts(session)
    return previous


def add_code(session: Session, spec: CodeSpec, parent_id: str | None = None) -> str:
    refuse_in_package(session, "the codebook can be changed")
    codebook = _get_codebook(session)
    if codebook is None:
        codebook = Codebook(name="Codebook", description="", version="1")
        session.add(codebook)
        session.flush()
    position = session.scalar(select(func.count()).select_from(Code)
                              .where(Code.parent_id == parent_id)) or 0
    _write_code(session, codebook.id, parent_id, spec, position)
    _check_unique_shortcuts(session)
    return spec.uuid


def delete_code(session: Session, code_id: str) -> None:
    """Delete an unused code (and its sub-codes), leaving tombstones for merges."""
    refuse_in_package(session, "the codebook can be changed")
    ids = _subtree_ids(session, code_id)
    used = session.scalar(select(func.count()).select_from(Annotation)
                          .where(Annotation.code_id.in_(ids))) or 0
    if used:
        raise ProjectError(f"the code is used by {used} annotation(s); recode them first")
    for entity_id in ids:
        session.add(Tombstone(id=entity_id, entity="code"))
    session.delete(session.get(Code, code_id))


def _subtree_ids(session: Session, code_id: str) -> list[str]:
    ids, frontier = [code_id], [code_id]
    while frontier:
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
        ids.extend(frontier)
    return ids

