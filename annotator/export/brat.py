"""brat standoff export: a zip of one ``.txt`` and ``.ann`` per document and coder.

``T`` lines carry code-point offsets into the canonical text (which is what brat counts: Python
string indices), ``A`` lines the choice and yes/no attributes, ``R`` lines the links and ``#``
AnnotatorNotes the memos; ``annotation.conf`` and ``visual.conf`` follow the codebook. What brat
cannot hold is counted and returned as the data-loss report; README.md in the zip says the same
(not README.txt: brat would list that as a document).
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.brat_format import BratNames, escape_note, safe_file_name, span_text
from annotator.brat_format import unique_file_names
from annotator.db.models import Coder, Document
from annotator.db.services.projects import get_project
from annotator.export.atomic import atomic_binary_writer
from annotator.export.brat_conf import annotation_conf, readme, visual_conf
from annotator.db.services.brat_codebook import Codebook, read_codebook
from annotator.export.brat_source import FileKey, ResolvedScope, Span, file_keys, file_links
from annotator.export.brat_source import file_spans, resolve_scope
from annotator.export.scope import ExportScope


@dataclass
class _Tally:
    files: int = 0
    spans: int = 0
    attributes: int = 0
    links: int = 0
    notes: int = 0
    lost_values: Counter[str] = field(default_factory=Counter)  # attribute name -> values
    lost_links: int = 0

    def report(self, out: Path) -> list[str]:
        lines = [f"wrote {out}: {self.files // 2} documents x coders, {self.spans} annotations, "
                 f"{self.attributes} attribute values, {self.links} links, {self.notes} memos"]
        for name, count in sorted(self.lost_values.items()):
            lines.append(f"not carried: {count} value(s) of the text/number attribute {name!r} "
                         "(brat attributes hold one of a fixed list of values)")
        if self.lost_links:
            lines.append(f"not carried: {self.lost_links} link(s) whose ends are in different "
                         "files (other coders or layers) or outside the exported codes")
        return lines


class _AnnWriter:
    """Builds one ``.ann`` file's lines."""

    def __init__(self, names: BratNames, tally: _Tally) -> None:
        self.names, self.tally = names, tally
        self.lines: list[str] = []
        self.ids: dict[str, str] = {}
        self.counts: Counter[str] = Counter()  # A, R and # ids restart in every file

    def _next(self, prefix: str) -> str:
        self.counts[prefix] += 1
        return f"{prefix}{self.counts[prefix]}"

    def span(self, text: str, span: Span) -> None:
        tid = f"T{len(self.ids) + 1}"
        self.ids[span.id] = tid
        self.lines.append(f"{tid}\t{self.names.types[span.code_path]} {span.start} {span.end}"
                          f"\t{span_text(text[span.start:span.end])}")
        self.tally.spans += 1
        for key, value in span.values:
            brat = self.names.attributes.get(key)
            if brat is None:
                self.tally.lost_values[key.name] += 1
                continue
            self.tally.attributes += 1
            self.lines.append(f"{self._next('A')}\t{brat} {tid} "
                              f"{self.names.value(brat, value)}")
        if span.memo:
            self.tally.notes += 1
            self.lines.append(f"{self._next('#')}\tAnnotatorNotes {tid}\t{escape_note(span.memo)}")

    def link(self, kind: str, source: str, target: str) -> None:
        if source not in self.ids or target not in self.ids:
            self.tally.lost_links += 1
            return
        self.tally.links += 1
        self.lines.append(f"{self._next('R')}\t{kind} Arg1:{self.ids[source]} "
                          f"Arg2:{self.ids[target]}")

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)


class _Layout:
    """File names in the zip: ``coding/<coder>/<document>`` and ``gold/<document>``."""

    def __init__(self, session: Session, keys: list[FileKey]) -> None:
        documents = dict(session.execute(select(Document.id, Document.external_id)).all())
        wanted = dict.fromkeys(k.document_id for k in keys)
        self.documents = unique_file_names(
            (d, safe_file_name(documents.get(d) or d, d)) for d in wanted)
        coders = dict(session.execute(select(Coder.id, Coder.name)).all())
        self.coders = unique_file_names(
            (c, safe_file_name(name, "coder")) for c, name in coders.items())

    def stem(self, key: FileKey) -> str:
        folder = "gold" if key.coder_id is None else f"coding/{self.coders[key.coder_id]}"
        return f"{folder}/{self.documents[key.document_id]}"


def _write_file(session: Session, archive: zipfile.ZipFile, stem: str, text: str, key: FileKey,
                scope: ResolvedScope, codebook: Codebook, tally: _Tally) -> None:
    ann = _AnnWriter(codebook.names, tally)
    for span in file_spans(session, key, scope, codebook):
        ann.span(text, span)
    for kind, source, target in file_links(session, key, scope):
        ann.link(kind, source, target)
    archive.writestr(f"{stem}.txt", text.encode("utf-8"))
    archive.writestr(f"{stem}.ann", ann.text().encode("utf-8"))
    tally.files += 2


Step = Callable[[int, int], None]
"""``(files done, files)``, one step per document and coder; may raise to cancel."""


def write_brat(session: Session, out: Path, scope: ExportScope,
               step: Step | None = None) -> list[str]:
    """Write the brat collection for ``scope`` to the zip ``out`` (atomically); returns the
    summary and data-loss lines to print."""
    codebook = read_codebook(session)
    resolved = resolve_scope(session, scope, codebook)
    keys = file_keys(session, resolved)
    layout = _Layout(session, keys)
    project = get_project(session).name
    tally = _Tally()
    with atomic_binary_writer(out) as handle, \
            zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", readme(project))
        archive.writestr("annotation.conf", annotation_conf(
            codebook.codes, codebook.names, codebook.owners, project))
        archive.writestr("visual.conf", visual_conf(codebook.codes, codebook.names))
        document_id, text = "", ""
        for done, key in enumerate(keys):
            if step is not None:
                step(done, len(keys))
            if key.document_id != document_id:
                document_id = key.document_id
                text = session.scalar(select(Document.text).where(Document.id == document_id))
            _write_file(session, archive, layout.stem(key), text or "", key, resolved,
                        codebook, tally)
        if step is not None:
            step(len(keys), len(keys))
    return tally.report(out)
