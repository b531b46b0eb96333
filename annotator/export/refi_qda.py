"""REFI-QDA writers: the codebook as ``.qdc``, the project as ``.qdpx`` (QDA-XML 1.0).

A ``.qdpx`` is a zip of ``project.qde`` and ``sources/<GUID>.txt`` (UTF-8, no BOM, ``\\n`` line
breaks: the canonical text). Positions are code points of that text, 0-based; ``endPosition`` is
the code point *after* the selection (end-exclusive, our own convention, as QualCoder and
MAXQDA exports read). Both files validate against the official schemas (tests/data/refi-qda).
Each writer returns the lines to print: a summary and the data-loss report the standard asks for.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import XMLGenerator

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


Step = Callable[[int, int], None]
"""``(done, total)``: one step per document (its selections, then its text); may raise to
cancel, and the atomic writer removes the file."""


def write_qdc(session: Session, out: Path, scope: ExportScope,
              step: Step | None = None) -> list[str]:
    """Write the codebook (codes under their kinds) to ``out`` as a ``.qdc`` file."""
    export = codebook_for_refi(session, _selection(scope))
    if step is not None:
        step(0, 1)
    with atomic_path(out) as temporary, temporary.open("wb") as stream:
        xml = _XmlStream(stream)
        xml.open("CodeBook", {"xmlns": CODEBOOK_NAMESPACE, "origin": ORIGIN})
        xml.open("Codes", {})
        _codes(xml, export.codes)
        xml.close("Codes")
        xml.close("CodeBook")
        xml.finish(export)
        if step is not None:
            step(1, 1)
    count = sum(1 for _ in _walk(export.codes)) - len(export.codes)
    return [f"wrote {out}: {count} codes under {len(export.codes)} kind(s)", *_loss_report(export)]


def write_qdpx(session: Session, out: Path, scope: ExportScope,
               step: Step | None = None) -> list[str]:
    """Write codebook, coders, documents, annotations and memos to ``out`` as a ``.qdpx``."""
    export = project_for_refi(session, _selection(scope))
    total = 2 * len(export.sources)
    counted = _counted(step, total)
    with atomic_path(out) as temporary, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("project.qde", "w") as stream:
            write_project_xml(_XmlStream(stream), export, counted)
        for done, source in enumerate(export.sources, start=len(export.sources)):
            counted(done)
            archive.writestr(f"sources/{source.guid}.txt", source.text.encode("utf-8"))
        counted(total)
    selections = sum(len(source.selections) for source in export.sources)
    summary = (f"wrote {out}: {len(export.sources)} documents, {selections} coded selections, "
               f"{len(export.users)} users, {len(export.notes)} notes")
    return [summary, *_loss_report(export)]


def _counted(step: Step | None, total: int) -> Callable[[int], None]:
    """``step`` with its total bound (a no-op without one)."""
    return (lambda done: step(done, total)) if step is not None else (lambda done: None)


class _XmlStream:
    """Elements written as they come (memory stays flat however many selections there are).

    Characters XML 1.0 cannot hold even escaped are removed and counted for the data-loss report;
    every other character is written unchanged."""

    def __init__(self, stream: IO[bytes]) -> None:
        # Our own text layer buffers the many small writes (XMLGenerator's own writes through).
        self._text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")  # type: ignore[arg-type]
        self._xml = XMLGenerator(self._text, "utf-8", short_empty_elements=True)
        self._xml.startDocument()
        self.removed = 0

    def open(self, tag: str, attributes: dict[str, str]) -> None:
        self._xml.startElement(tag, {name: self._clean(value) for name, value in attributes.items()})

    def close(self, tag: str) -> None:
        self._xml.endElement(tag)

    def leaf(self, tag: str, attributes: dict[str, str], text: str | None = None) -> None:
        self.open(tag, attributes)
        if text:
            self._xml.characters(self._clean(text))
        self.close(tag)

    def _clean(self, value: str) -> str:
        if _NOT_XML.search(value):
            value, count = _NOT_XML.subn("", value)
            self.removed += count
        return value

    def finish(self, export: QdaExport) -> None:
        self._xml.endDocument()
        self._text.flush()
        self._text.detach()  # the caller closes the binary stream
        if self.removed:
            export.losses.append(f"{self.removed} control character(s) that XML cannot hold, "
                                 "removed from names and notes")


def write_project_xml(xml: _XmlStream, export: QdaExport,
                      step: Callable[[int], None] = lambda done: None) -> None:
    """``project.qde``: Users, CodeBook, Sources, Notes, in the order the schema requires;
    ``step`` hears how many sources are written."""
    xml.open("Project", {"xmlns": PROJECT_NAMESPACE, "name": export.project_name, "origin": ORIGIN})
    if export.users:
        xml.open("Users", {})
        for user in export.users:
            xml.leaf("User", {"guid": user.guid, "name": user.name})
        xml.close("Users")
    xml.open("CodeBook", {})
    xml.open("Codes", {})
    _codes(xml, export.codes)
    xml.close("Codes")
    xml.close("CodeBook")
    sources = iter(range(len(export.sources)))

    def source(xml: _XmlStream, item: QdaSource) -> None:
        step(next(sources))
        _text_source(xml, item)

    _wrapped(xml, "Sources", export.sources, source)
    _wrapped(xml, "Notes", export.notes, _note)
    xml.close("Project")
    xml.finish(export)


def _wrapped(xml: _XmlStream, tag: str, items: list[Any], write: Callable[[_XmlStream, Any], None]) -> None:
    """A container element, written only when it has something in it (the schema wants one)."""
    if items:
        xml.open(tag, {})
        for item in items:
            write(xml, item)
        xml.close(tag)


def _codes(xml: _XmlStream, codes: Iterable[QdaCode]) -> None:
    for code in codes:
        attributes = {"guid": code.guid, "name": code.name, "isCodable": "true" if code.codable else "false"}
        if code.colour:
            attributes["color"] = code.colour
        xml.open("Code", attributes)
        if code.description:
            xml.leaf("Description", {}, code.description)
        _codes(xml, code.children)
        xml.close("Code")


def _text_source(xml: _XmlStream, source: QdaSource) -> None:
    xml.open("TextSource", {"guid": source.guid, "name": source.name,
                            "plainTextPath": f"internal://{source.guid}.txt"})
    for selection in source.selections:
        xml.open("PlainTextSelection", {
            "guid": selection.guid, "name": _excerpt(source.text[selection.start:selection.end]),
            "startPosition": str(selection.start), "endPosition": str(selection.end),
            **({"creatingUser": selection.user} if selection.user else {})})
        for coding in selection.codings:
            xml.open("Coding", {"guid": coding.guid, **({"creatingUser": coding.user} if coding.user else {})})
            xml.leaf("CodeRef", {"targetGUID": coding.code})
            xml.close("Coding")
        for note in selection.notes:
            xml.leaf("NoteRef", {"targetGUID": note})
        xml.close("PlainTextSelection")
    for note in source.notes:
        xml.leaf("NoteRef", {"targetGUID": note})
    xml.close("TextSource")


def _note(xml: _XmlStream, note: QdaNote) -> None:
    attributes = {"guid": note.guid, "name": _excerpt(note.text)}
    if note.user:
        attributes["creatingUser"] = note.user
    xml.open("Note", attributes)
    xml.leaf("PlainTextContent", {}, note.text)
    xml.close("Note")


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _NAME_LENGTH else flat[:_NAME_LENGTH - 1] + "…"


def _walk(codes: Iterable[QdaCode]) -> Iterable[QdaCode]:
    for code in codes:
        yield code
        yield from _walk(code.children)


def _selection(scope: ExportScope) -> Selection:
    return Selection(coders=scope.coders, documents=scope.documents, codes=scope.codes, layer=scope.layer)


def _loss_report(export: QdaExport) -> list[str]:
    if not export.losses:
        return ["data loss: none (everything exported fits REFI-QDA)"]
    return ["data loss: REFI-QDA has no place for these, so they are not in the file:",
            *(f"  - {loss}" for loss in export.losses)]
