"""Which coders, documents, codes and layers an export covers, resolved to ids.

Names the user gives (coder names, document UUIDs or external ids, code paths) are checked here:
an unknown one raises ProjectError with one line listing what is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from annotator.db.services.codebook import CodeRow, list_codes
from annotator.db.services.export_rows import coder_names, document_keys
from annotator.errors import ProjectError
from annotator.export.scope import ExportScope, layers_of

GOLD_CODER = "gold"
"""What the coder column shows for an annotation of the gold layer in per-coder tables."""


@dataclass(frozen=True)
class Selection:
    """An export scope resolved against a project: ids in project order."""

    scope: ExportScope
    coders: dict[str, str]
    """coder id -> name of the chosen coders"""
    documents: list[str]
    """document ids, in project order"""
    codes: dict[str, CodeRow]
    """code id -> code of the chosen codes, codebook order"""
    all_codes: list[CodeRow]
    """every code of the codebook, for value codes and the codebook table"""
    layers: tuple[str, ...]
    filtered: bool
    """True when some coder, document or code is left out"""
    value_codes: dict[str, int]
    """code id -> numeric code: its 1-based place in codebook order (stable across filters)"""


def resolve_selection(session: Session, scope: ExportScope) -> Selection:
    """Check every name in ``scope`` and return the ids it stands for."""
    try:
        layers = layers_of(scope)
    except ValueError as error:
        raise ProjectError(str(error)) from None
    coders = _chosen_coders(session, scope.coders)
    documents = _chosen_documents(session, scope.documents)
    all_codes = list_codes(session)
    codes = {row.uuid: row for row in chosen_codes(all_codes, scope.codes)}
    filtered = bool(scope.coders or scope.documents or scope.codes)
    value_codes = {row.uuid: index for index, row in enumerate(all_codes, start=1)}
    return Selection(scope, coders, documents, codes, all_codes, layers, filtered, value_codes)


def _chosen_coders(session: Session, wanted: tuple[str, ...]) -> dict[str, str]:
    names = coder_names(session)
    unknown = sorted(set(wanted) - set(names.values()))
    if unknown:
        raise ProjectError(f"unknown coders: {', '.join(unknown)}; "
                           f"known: {', '.join(names.values()) or 'none'}")
    return {key: name for key, name in names.items() if not wanted or name in wanted}


def _chosen_documents(session: Session, wanted: tuple[str, ...]) -> list[str]:
    rows = document_keys(session)
    if not wanted:
        return [uuid for uuid, _ in rows]
    keys = set(wanted)
    chosen = [uuid for uuid, external in rows if uuid in keys or external in keys]
    found = set(chosen)
    missing = keys - found - {external for uuid, external in rows if uuid in found}
    if missing:
        raise ProjectError(f"unknown documents: {', '.join(sorted(missing))}")
    return chosen


def chosen_codes(rows: list[CodeRow], wanted: tuple[str, ...]) -> list[CodeRow]:
    """The codes under the chosen paths (any case); a parent brings its sub-codes along and a
    kind (``Claim``) every code of that kind."""
    if not wanted:
        return list(rows)
    known = list(dict.fromkeys([row.path.split("/", 1)[0] for row in rows]))
    known += [row.path for row in rows]
    lowered = {path.casefold(): path for path in known}
    unknown = [path for path in wanted if path.casefold() not in lowered]
    if unknown:
        raise ProjectError(f"unknown codes: {', '.join(unknown)}; known: {', '.join(known)}")
    paths = [lowered[path.casefold()] for path in wanted]
    return [row for row in rows
            if any(row.path == path or row.path.startswith(path + "/") for path in paths)]
