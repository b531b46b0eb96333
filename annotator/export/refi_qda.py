"""REFI-QDA writers: the codebook as ``.qdc``, the project as ``.qdpx`` (QDA-XML 1.0).

A ``.qdpx`` is a zip of ``project.qde`` and ``sources/<GUID>.txt`` (UTF-8, no BOM, ``\\n`` line
breaks: the canonical text). Positions are code points of that text, 0-based; ``endPosition`` is
the code point *after* the selection (end-exclusive, our own convention, as QualCoder and
MAXQDA exports read). Both files validate against the official schemas (tests/data/refi-qda).
Each writer returns the lines to print: a summary and the data-loss report the standard asks for.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from sqlalchemy.orm import Session

from annotator import __version__
from annotator.db.services.refi_qda_export import (
    QdaExport,
    Selection,
    codebook_for_refi,
    project_for_refi,
)
from annotator.export.atomic import atomic_path
from annotator.export.scope import ExportScope
from annotator.importers.refi_qda_model import (
    CODEBOOK_NAMESPACE,
    PROJECT_NAMESPACE,
    QdaCode,
    QdaNote,
    QdaSource,
)

ORIGIN = f"Framing Annotator {__version__}"
_NAME_LENGTH = 60
# Characters XML 1.0 cannot hold even escaped (C0 controls but tab and line breaks, lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_qdc(session: Session, out: Path, scope: ExportScope) -> list[str]:
    """Write the codebook (codes under their kinds) to ``out`` as a ``.qdc`` file."""
    export = codebook_for_refi(session, _selection(scope))
    root = Element("CodeBook", {"xmlns": CODEBOOK_NAMESPACE, "origin": ORIGIN})
    _codes(SubElement(root, "Codes"), export.codes, with_notes=False)
    with atomic_path(out) as temporary:
        temporary.write_bytes(_xml_bytes(root, export))
    count = sum(1 for _ in _walk(export.codes)) - len(export.codes)
    return [f"wrote {out}: {count} codes under {len(export.codes)} kind(s)", *_loss_report(export)]


def write_qdpx(session: Session, out: Path, scope: ExportScope) -> list[str]:
    """Write codebook, coders, documents, annotations and memos to ``out`` as a ``.qdpx``."""
    export = project_for_refi(session, _selection(scope))
    with atomic_path(out) as temporary, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", _xml_bytes(project_element(export), export))
        for source in export.sources:
            archive.writestr(f"sources/{source.guid}.txt", source.text.encode("utf-8"))
    selections = sum(len(source.selections) for source in export.sources)
    summary = (f"wrote {out}: {len(export.sources)} documents, {selections} coded selections, "
               f"{len(export.users)} users, {len(export.notes)} notes")
    return [summary, *_loss_report(export)]


def project_element(export: QdaExport) -> Element:
    root = Element("Project", {"xmlns": PROJECT_NAMESPACE, "name": export.project_name, "origin": ORIGIN})
    if export.users:
        users = SubElement(root, "Users")
        for user in export.users:
            SubElement(users, "User", {"guid": user.guid, "name": user.name})
    _codes(SubElement(SubElement(root, "CodeBook"), "Codes"), export.codes, with_notes=True)
    if export.sources:
        sources = SubElement(root, "Sources")
        for source in export.sources:
            _text_source(sources, source)
    if export.notes:
        notes = SubElement(root, "Notes")
        for note in export.notes:
            _note(notes, note)
    return root


def _codes(parent: Element, codes: Iterable[QdaCode], *, with_notes: bool) -> None:
    for code in codes:
        attributes = {"guid": code.guid, "name": code.name, "isCodable": "true" if code.codable else "false"}
        if code.colour:
            attributes["color"] = code.colour
        element = SubElement(parent, "Code", attributes)
        if code.description:
            SubElement(element, "Description").text = code.description
        _codes(element, code.children, with_notes=with_notes)


def _text_source(parent: Element, source: QdaSource) -> None:
    element = SubElement(parent, "TextSource", {
        "guid": source.guid, "name": source.name, "plainTextPath": f"internal://{source.guid}.txt"})
    for selection in source.selections:
        selected = SubElement(element, "PlainTextSelection", {
            "guid": selection.guid, "name": _excerpt(source.text[selection.start:selection.end]),
            "startPosition": str(selection.start), "endPosition": str(selection.end),
            **({"creatingUser": selection.user} if selection.user else {})})
        for coding in selection.codings:
            coded = SubElement(selected, "Coding", {"guid": coding.guid, **(
                {"creatingUser": coding.user} if coding.user else {})})
            SubElement(coded, "CodeRef", {"targetGUID": coding.code})
        for note in selection.notes:
            SubElement(selected, "NoteRef", {"targetGUID": note})
    for note in source.notes:
        SubElement(element, "NoteRef", {"targetGUID": note})


def _note(parent: Element, note: QdaNote) -> None:
    attributes = {"guid": note.guid, "name": _excerpt(note.text)}
    if note.user:
        attributes["creatingUser"] = note.user
    SubElement(SubElement(parent, "Note", attributes), "PlainTextContent").text = note.text


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _NAME_LENGTH else flat[:_NAME_LENGTH - 1] + "…"


def _walk(codes: Iterable[QdaCode]) -> Iterable[QdaCode]:
    for code in codes:
        yield code
        yield from _walk(code.children)


def _xml_bytes(root: Element, export: QdaExport) -> bytes:
    """The document, with characters XML cannot hold removed from every text and attribute
    (counted in the data-loss report: memos and descriptions are otherwise written unchanged)."""
    text = tostring(root, encoding="unicode")
    if _NOT_XML.search(text):  # rare: one scan of the whole text decides
        text, removed = _NOT_XML.subn("", text)
        export.losses.append(f"{removed} control character(s) that XML cannot hold, removed from names and notes")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + text.encode("utf-8")


def _selection(scope: ExportScope) -> Selection:
    return Selection(coders=scope.coders, documents=scope.documents, codes=scope.codes, layer=scope.layer)


def _loss_report(export: QdaExport) -> list[str]:
    if not export.losses:
        return ["data loss: none (everything exported fits REFI-QDA)"]
    return ["data loss: REFI-QDA has no place for these, so they are not in the file:",
            *(f"  - {loss}" for loss in export.losses)]
