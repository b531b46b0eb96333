"""Storing a parsed REFI-QDA codebook or project in the project (one call, one transaction).

Matching: documents by the SHA-256 of their canonical text, codes and coders by GUID (a user
whose GUID is new but whose name is taken is that coder). What is already there is kept as it is.

Kinds: a top-level code named like one of our four kinds (``Claim``, ``Source``, ``Actor``,
``Framing device``, as our own export writes them) stands for that kind: its sub-codes become
top-level codes of the kind, and it is not stored itself. Every other top-level code, with its
sub-codes, is placed under ``default_kind`` (Framing device unless the caller says otherwise).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from annotator.db.models import (
    Annotation,
    Assignment,
    Code,
    Codebook,
    Coder,
    Document,
    DocumentMemo,
    utcnow,
)
from annotator.db.services.coders import add_coder
from annotator.db.services.documents import assign, next_position
from annotator.db.services.import_rows import CreatedRows
from annotator.domain import CodeKind, Layer
from annotator.importers.refi_qda_model import QdaCode, QdaCodebook, QdaProject, QdaSource
from annotator.text import text_sha256

DEFAULT_COLOUR = "#ffe08a"
_IDS_PER_QUERY = 500  # under every database's limit on bound parameters


@dataclass
class QdaImportOutcome:
    counts: Counter[str] = field(default_factory=Counter)
    losses: list[str] = field(default_factory=list)
    rows: CreatedRows = field(default_factory=CreatedRows)  # what was added (what undo removes)

    def report(self) -> list[str]:
        """Lines to show: what was added and matched, then what could not be kept."""
        c = self.counts
        lines = [f"{c['codes added']} codes added, {c['codes present']} already present"]
        if c["sources"]:
            lines.append(f"{c['documents added']} documents added, {c['documents matched']} matched by text; "
                         f"{c['coders added']} coders added, {c['coders matched']} matched; "
                         f"{c['annotations added']} annotations added, {c['annotations present']} "
                         f"already present; {c['memos']} memos")
        if not self.losses:
            return [*lines, "data loss: none"]
        return [*lines, "data loss: not imported, the project has no place for these:",
                *(f"  - {loss}" for loss in self.losses)]


def import_qda_codebook(session: Session, book: QdaCodebook,
                        default_kind: CodeKind = CodeKind.FRAMING_DEVICE) -> QdaImportOutcome:
    outcome = QdaImportOutcome(losses=list(book.losses))
    _store_codes(session, book.codes, default_kind, outcome)
    _note_uncodable(outcome)
    return outcome


def import_qda_project(session: Session, project: QdaProject,
                       default_kind: CodeKind = CodeKind.FRAMING_DEVICE,
                       step: Callable[[int, int], None] | None = None) -> QdaImportOutcome:
    """Store ``project`` inside the caller's transaction; ``step`` hears (sources stored,
    sources) and may raise to stop (the caller's transaction then stores nothing)."""
    outcome = QdaImportOutcome(losses=list(project.losses))
    kind_nodes = _store_codes(session, project.codes, default_kind, outcome)
    coders = _store_coders(session, project, outcome)
    skipped: Counter[str] = Counter()
    for done, source in enumerate(project.sources):
        if step is not None:
            step(done, len(project.sources))
        outcome.counts["sources"] += 1
        document_id = _store_document(session, source, outcome)
        _store_annotations(session, project, source, document_id, coders, kind_nodes, outcome, skipped)
        _store_document_notes(session, project, source, document_id, coders, outcome, skipped)
    _note_uncodable(outcome)
    if skipped["kind"]:
        outcome.losses.append(f"{skipped['kind']} coding(s) of a kind itself (only codes beneath a kind are codable)")
    if skipped["memo user"]:
        outcome.losses.append(f"{skipped['memo user']} source note(s) with no creatingUser (a memo belongs to a coder)")
    return outcome


def _store_codes(session: Session, codes: tuple[QdaCode, ...], default_kind: CodeKind,
                 outcome: QdaImportOutcome) -> set[str]:
    """Store new codes; returns the GUIDs of the top-level codes that stand for a kind."""
    codebook_id = _codebook_id(session, outcome)
    kind_nodes, placed = set(), []
    for code in codes:
        kind = _kind_named(code.name)
        if kind is None:
            placed.append((code, default_kind))
        else:
            kind_nodes.add(code.guid)
            placed.extend((sub, kind) for sub in code.children)
    top = session.scalar(select(func.count()).select_from(Code).where(Code.parent_id.is_(None))) or 0
    for position, (code, kind) in enumerate(placed, start=top):
        _store_code(session, codebook_id, code, kind, None, position, outcome)
    return kind_nodes


def _note_uncodable(outcome: QdaImportOutcome) -> None:
    if count := outcome.counts["uncodable"]:
        outcome.losses.append(f"the mark 'not codable' of {count} code(s): every code can be coded here")


def _kind_named(name: str) -> CodeKind | None:
    try:
        return CodeKind.from_label(name)
    except ValueError:
        return None


def _codebook_id(session: Session, outcome: QdaImportOutcome) -> str:
    codebook = session.scalar(select(Codebook))
    if codebook is None:
        codebook = Codebook(name="Codebook", description="", version="1")
        session.add(codebook)
        session.flush()
        outcome.rows.add("codebook", [codebook.id])
    return codebook.id


def _store_code(session: Session, codebook_id: str, code: QdaCode, kind: CodeKind, parent: str | None,
                position: int, outcome: QdaImportOutcome) -> None:
    existing = session.get(Code, code.guid)
    if existing is not None:
        outcome.counts["codes present"] += 1
        kind = CodeKind(existing.kind)
    else:
        arabic = code.name if any("\u0600" <= ch <= "\u06ff" for ch in code.name) else ""
        session.add(Code(id=code.guid, codebook_id=codebook_id, parent_id=parent, kind=kind.value,
                         name_en=code.name, name_ar=arabic, colour=code.colour or DEFAULT_COLOUR,
                         definition=code.description, position=position))
        session.flush()
        outcome.rows.add("code", [code.guid])
        outcome.counts["codes added"] += 1
        outcome.counts["uncodable"] += not code.codable
    for index, child in enumerate(code.children):
        _store_code(session, codebook_id, child, kind, code.guid, index, outcome)


def _store_coders(session: Session, project: QdaProject, outcome: QdaImportOutcome) -> dict[str, str]:
    """Map each user GUID to the coder id that stands for it."""
    coders = {}
    for user in project.users:
        coder = session.get(Coder, user.guid) or session.scalar(select(Coder).where(Coder.name == user.name))
        if coder is not None:
            coders[user.guid] = coder.id
            outcome.counts["coders matched"] += 1
        else:
            coders[user.guid] = add_coder(session, user.name, uuid=user.guid)
            outcome.rows.add("coder", [coders[user.guid]])
            outcome.counts["coders added"] += 1
    return coders


def _store_document(session: Session, source: QdaSource, outcome: QdaImportOutcome) -> str:
    digest = text_sha256(source.text)
    existing = session.scalar(select(Document.id).where(Document.sha256 == digest))
    if existing is not None:
        outcome.counts["documents matched"] += 1
        return existing
    document = Document(text=source.text, length=len(source.text), sha256=digest, meta={},
                        title=source.name or source.text.strip().split("\n", 1)[0][:120],
                        position=next_position(session))
    if session.get(Document, source.guid) is None:
        document.id = source.guid
    session.add(document)
    session.flush()
    outcome.rows.add("document", [document.id])
    outcome.counts["documents added"] += 1
    return document.id


def _store_annotations(session: Session, project: QdaProject, source: QdaSource, document_id: str,
                       coders: dict[str, str], kind_nodes: set[str], outcome: QdaImportOutcome,
                       skipped: Counter[str]) -> None:
    """One bulk INSERT per source of the annotations not yet in the project (matched by id)."""
    wanted = []
    for selection in source.selections:
        if selection.start == selection.end:
            continue
        memo = "\n\n".join(project.notes[ref].text for ref in selection.notes)
        for coding in selection.codings:
            if coding.code in kind_nodes:
                skipped["kind"] += 1
                continue
            annotation_id = selection.guid if len(selection.codings) == 1 else coding.guid
            wanted.append({"id": annotation_id, "document_id": document_id, "coder_id": coders[coding.user or ""],
                           "code_id": coding.code, "start": selection.start, "end": selection.end,
                           "layer": Layer.CODING.value, "memo": memo})
    present = _present_ids(session, [row["id"] for row in wanted])
    rows = [row for row in {row["id"]: row for row in wanted}.values() if row["id"] not in present]
    outcome.counts["annotations present"] += len(wanted) - len(rows)
    outcome.counts["annotations added"] += len(rows)
    outcome.counts["memos"] += sum(1 for row in rows if row["memo"])
    if rows:
        now = utcnow()
        session.connection().execute(insert(Annotation.__table__),
                                     [{**row, "created_at": now, "updated_at": now} for row in rows])
        outcome.rows.add("annotation", [row["id"] for row in rows])
    for coder_id in sorted({row["coder_id"] for row in rows}):
        if assign(session, [document_id], coder_id):
            session.flush()
            outcome.rows.add("assignment", session.scalars(select(Assignment.id).where(
                Assignment.document_id == document_id, Assignment.coder_id == coder_id)))


def _present_ids(session: Session, ids: list[str]) -> set[str]:
    present: set[str] = set()
    for start in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[start:start + _IDS_PER_QUERY]
        present.update(session.scalars(select(Annotation.id).where(Annotation.id.in_(chunk))))
    return present


def _store_document_notes(session: Session, project: QdaProject, source: QdaSource, document_id: str,
                          coders: dict[str, str], outcome: QdaImportOutcome, skipped: Counter[str]) -> None:
    for ref in source.notes:
        note = project.notes[ref]
        user = note.user or source.user
        if user is None or user not in coders:
            skipped["memo user"] += 1
            continue
        coder_id = coders[user]
        memo = session.scalar(select(DocumentMemo).where(
            DocumentMemo.document_id == document_id, DocumentMemo.coder_id == coder_id))
        if memo is None:
            memo = DocumentMemo(document_id=document_id, coder_id=coder_id, text=note.text)
            if session.get(DocumentMemo, note.guid) is None:
                memo.id = note.guid
            session.add(memo)
            session.flush()
            outcome.rows.add("document_memo", [memo.id])
        elif note.text not in memo.text:
            outcome.rows.changing(session, "document_memo", memo.id)
            memo.text, memo.updated_at = f"{memo.text}\n\n{note.text}", utcnow()
        else:
            continue
        session.flush()
        outcome.counts["memos"] += 1
