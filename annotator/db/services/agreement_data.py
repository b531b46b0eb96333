"""Reading what the agreement report needs out of a project, in a few lean queries.

The result is plain data (no ORM objects) so the report can be computed in a worker thread or a
separate process, and so the pure ``annotator.agreement`` package never sees the database.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.agreement.report_input import AgreementInput, DocumentUnits, SpanRow
from annotator.db.models import AdjudicationDecision, Annotation, Assignment, Coder, Document
from annotator.db.services.codebook import list_codes
from annotator.domain import AssignmentStatus, Layer
from annotator.errors import ProjectError

__all__ = ["AgreementInput", "DocumentUnits", "SpanRow", "add_gold", "agreement_input"]


def _parent_paths(paths: Sequence[str]) -> dict[str, str]:
    """Map each code path to its top-level code (``Kind/Code``)."""
    return {path: "/".join(path.split("/")[:2]) for path in paths}


def _check_known(kind: str, wanted: Sequence[str] | None, known: Sequence[str]) -> None:
    missing = sorted(set(wanted or ()) - set(known))
    if missing:
        raise ProjectError(f"unknown {kind}: {', '.join(missing)}; known: {', '.join(known)}")


def _selected_codes(session: Session, wanted: Sequence[str] | None) -> dict[str, str]:
    """code id -> path for the chosen codes; a chosen parent brings its sub-codes along, and a
    kind (``Claim``) all of its codes."""
    rows = list_codes(session)
    paths = [row.path for row in rows]
    known = list(dict.fromkeys([path.split("/", 1)[0] for path in paths])) + paths
    lowered = {path.casefold(): path for path in known}
    chosen = [lowered.get(w.casefold(), w) for w in wanted or ()]
    _check_known("codes", chosen, known)
    if not chosen:
        return {row.uuid: row.path for row in rows}
    return {row.uuid: row.path for row in rows
            if any(row.path == c or row.path.startswith(c + "/") for c in chosen)}


def marked_done(session: Session, layer: Layer = Layer.CODING) -> list[tuple[str, str]]:
    """(document id, coder id) of each document a coder marked done: it counts as coded even with
    no span in it. One still to do (or in progress without a span) is not coded yet, so it counts
    as missing, not as "marked nothing" (which would understate agreement in the middle of a
    round). Assignments are for coding: in the gold layer, whoever adjudicated counts."""
    if Layer(layer) is not Layer.CODING:
        return []
    done = select(Assignment.document_id, Assignment.coder_id).where(
        Assignment.status == AssignmentStatus.DONE.value)
    return [(document_id, coder_id) for document_id, coder_id in session.execute(done)]


def agreement_input(
    session: Session, *, coders: Sequence[str] | None = None, codes: Sequence[str] | None = None,
    documents: Sequence[str] | None = None, layer: Layer = Layer.CODING,
) -> AgreementInput:
    """Spans per document for the chosen coders (names), codes (paths) and documents (UUIDs or
    external ids). A document counts for a coder if they marked it done or coded spans in it."""
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    _check_known("coders", coders, sorted(names.values()))
    chosen_coders = set(coders) if coders else set(names.values())
    code_paths = _selected_codes(session, codes)
    query = select(Document.id, Document.external_id, Document.title, Document.text)
    rows = session.execute(query.order_by(Document.position)).all()
    if documents:
        keys = set(documents)
        rows = [r for r in rows if r.id in keys or r.external_id in keys]
        missing = keys - {r.id for r in rows} - {r.external_id for r in rows}
        if missing:
            raise ProjectError(f"unknown documents: {', '.join(sorted(missing))}")
    by_id = {r.id: DocumentUnits(r.id, r.title, r.text) for r in rows}
    for document_id, coder_id in marked_done(session, layer):
        if document_id in by_id and names[coder_id] in chosen_coders:
            by_id[document_id].coders.add(names[coder_id])
    _add_spans(session, by_id, {i: n for i, n in names.items() if n in chosen_coders},
               code_paths, Layer(layer).value)
    paths = list(dict.fromkeys(code_paths.values()))  # codebook order
    return AgreementInput(list(by_id.values()), sorted(chosen_coders), paths, _parent_paths(paths))


def _add_spans(session: Session, by_id: dict[str, DocumentUnits], coders: dict[str, str],
               code_paths: dict[str, str], layer: str) -> None:
    """Each document's spans by the chosen coders (ids -> names) in the chosen codes; a coder
    with spans in a document coded it, even if only with codes outside the filter. Plain
    rows from the connection (no ORM loading), one lookup per row: a large project has
    hundreds of thousands of spans."""
    connection = session.connection()
    coded = select(Annotation.document_id, Annotation.coder_id).where(
        Annotation.layer == layer).distinct()
    for document_id, coder_id in connection.execute(coded):
        if document_id in by_id and coder_id in coders:
            by_id[document_id].coders.add(coders[coder_id])
    spans = select(Annotation.document_id, Annotation.coder_id, Annotation.code_id,
                   Annotation.start, Annotation.end).where(Annotation.layer == layer)
    for document_id, coder_id, code_id, start, end in connection.execute(spans):
        document, path = by_id.get(document_id), code_paths.get(code_id)
        if document is not None and path is not None and coder_id in coders:
            document.spans.append(SpanRow(coders[coder_id], start, end, path))


def add_gold(session: Session, data: AgreementInput, name: str) -> AgreementInput:
    """``data`` with the gold layer as one more coder called ``name``: its spans in the chosen
    codes, and every document with an adjudication decision counted as coded by it."""
    by_id = {document.uuid: document for document in data.documents}
    decided = session.execute(select(AdjudicationDecision.document_id).distinct()).scalars()
    for document_id in decided:
        if document_id in by_id:
            by_id[document_id].coders.add(name)
    paths = dict(zip(*_code_ids(session, data.codes)))
    spans = select(Annotation.document_id, Annotation.code_id, Annotation.start,
                   Annotation.end).where(Annotation.layer == Layer.GOLD.value)
    for document_id, code_id, start, end in session.connection().execute(spans):
        document, path = by_id.get(document_id), paths.get(code_id)
        if document is not None and path is not None:
            document.spans.append(SpanRow(name, start, end, path))
            document.coders.add(name)
    return AgreementInput(data.documents, sorted({*data.coders, name}), data.codes,
                          data.parents)


def _code_ids(session: Session, paths: Sequence[str]) -> tuple[list[str], list[str]]:
    wanted = set(paths)
    rows = [(row.uuid, row.path) for row in list_codes(session) if row.path in wanted]
    return [uuid for uuid, _ in rows], [path for _, path in rows]
