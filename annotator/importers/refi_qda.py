"""Reading REFI-QDA files: ``.qdc`` codebooks and ``.qdpx`` projects (no database).

Safety first: a ``.qdpx`` is checked as an archive before anything is unpacked (member count,
declared size, no absolute or ``..`` paths: :func:`~annotator.importers.archive.check_archive`),
then read through :class:`~annotator.importers.package.GuardedPackage`, which caps what is
unpacked. XML is parsed by defusedxml with DTDs refused, so no entity is ever expanded.

Lenient where the tools differ: the project may be ``project.qde`` or, as ATLAS.ti writes it,
``<name>.qde``; the sources folder ``sources/`` in any case; sources may use CRLF line breaks.
Strict about meaning: a reference to a code, user or note the file does not define, or a position
outside its source, is refused with one line naming the file and the element.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import IO
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from annotator.errors import InputError
from annotator.importers.archive import check_archive, describe_size
from annotator.importers.package import GuardedPackage, ReadLimits
from annotator.importers.refi_qda_model import (
    QdaCode,
    QdaCodebook,
    QdaNote,
    QdaProject,
    QdaSelection,
    QdaSource,
    QdaUser,
)
from annotator.importers.refi_qda_xml import (
    child,
    children,
    guid_of,
    local,
    read_codes,
    read_notes,
    note_refs,
    read_selection,
    read_users,
    source_text,
)
from annotator.importers.refi_qda_text import CanonicalSource

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_KIND = "REFI-QDA project"
_UNREAD_SOURCES = ("PictureSource", "PDFSource", "AudioSource", "VideoSource")
_UNREAD_PARTS = {"Variables": "variables", "Cases": "cases", "Sets": "sets", "Links": "links",
                 "Graphs": "graphs"}  # fmt: skip


def read_qdc(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> QdaCodebook:
    """The codes of a ``.qdc`` codebook, or :class:`InputError`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= max_bytes else b""
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise InputError(path, f"the file is too large ({describe_size(size)}; the limit is "
                               f"{describe_size(max_bytes)})")
    root = parse_xml(data, str(path), "CodeBook")
    try:
        codes = read_codes(child(root, "Codes"))
        _check_unique_codes(codes)
    except ValueError as problem:
        raise InputError(path, str(problem)) from None
    losses = [f"{len(list(children(child(root, 'Sets'), 'Set')))} code set(s)"] if child(root, "Sets") else []
    return QdaCodebook(codes, tuple(losses))


def read_qdpx(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> QdaProject:
    """Everything of a ``.qdpx`` project we can store, or :class:`InputError`."""
    path = Path(path)
    check_archive(path, _KIND, max_bytes)
    limits = ReadLimits(text_part=max_bytes, other_part=max_bytes, total=2 * max_bytes,
                        article=max_bytes, all_articles=2 * max_bytes)
    with GuardedPackage(path, _KIND, limits) as package:
        members = [info.filename for info in package.infolist() if not info.is_dir()]
        project_member = _project_member(path, members)
        sources = {PurePosixPath(m).name.casefold(): m for m in members
                   if len(PurePosixPath(m).parts) == 2 and PurePosixPath(m).parts[0].casefold() == "sources"}
        def load_text(element: Element) -> str:
            return _source_text(package, path, sources, element)

        try:
            with package.open(project_member) as stream:
                return _project(stream, f"{path}: {project_member}", load_text)
        except ValueError as problem:
            raise InputError(path, f"{project_member}: {problem}") from None


def parse_xml(data: bytes, where: str, root_name: str) -> Element:
    """Parse without DTDs or entities; the root must be ``root_name`` (in any namespace)."""
    try:
        root = SafeTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise InputError(where, "its XML declares a DTD or entities, which are refused for safety") from None
    except SafeTree.ParseError as exc:
        raise InputError(where, f"not well-formed XML ({exc})") from None
    if local(root) != root_name:
        raise InputError(where, f"the root element is <{local(root)}>, expected <{root_name}>")
    return root


def _project_member(path: Path, members: list[str]) -> str:
    """``project.qde`` at the top of the archive, or the one ``<name>.qde`` there (ATLAS.ti)."""
    candidates = [m for m in members if "/" not in m and m.casefold().endswith(".qde")]
    exact = [m for m in candidates if m.casefold() == "project.qde"]
    if exact:
        return exact[0]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise InputError(path, "not a REFI-QDA project: the archive holds no project.qde")
    raise InputError(path, f"the archive holds several .qde files ({', '.join(sorted(candidates))}) "
                           "and none is named project.qde")


def _source_text(package: GuardedPackage, path: Path, sources: dict[str, str], element: Element) -> str:
    inline = child(element, "PlainTextContent")
    reference = (element.get("plainTextPath") or "").strip()
    if inline is not None and not reference:
        return inline.text or ""
    if not reference.startswith("internal://"):
        what = f"plainTextPath {reference!r}" if reference else "no plainTextPath or PlainTextContent"
        raise ValueError(f"<TextSource guid={element.get('guid', '?')}> has {what}; only sources inside "
                         "the .qdpx (internal://) can be imported")
    name = reference.removeprefix("internal://")
    member = sources.get(name.casefold())
    if member is None or "/" in name or "\\" in name:
        raise ValueError(f"<TextSource guid={element.get('guid', '?')}>: sources/{name} is not in the archive")
    try:
        return package.read(member).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"{member}: not UTF-8 text (byte {exc.start})") from None


def _project(stream: IO[bytes], where: str, load_text: Callable[[Element], str]) -> QdaProject:
    """The project read element by element (defusedxml's iterparse, DTDs refused): each
    ``<PlainTextSelection>`` becomes a plain record as soon as it is read and is dropped from
    the tree, and so is each ``<TextSource>`` once complete; neither the file's bytes nor its
    tree are held beside the sources. (The schema puts a source's PlainTextContent before its
    selections, so its text is known when the first selection ends.)"""
    parts = _Parts()
    stack: list[Element] = []
    try:
        for event, element in SafeTree.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                if not stack and local(element) != "Project":
                    raise InputError(where, f"the root element is <{local(element)}>, expected "
                                            "<Project>")
                stack.append(element)
                continue
            stack.pop()
            if len(stack) == 3 and local(stack[1]) == "Sources" and local(stack[2]) == "TextSource":
                if local(element) == "PlainTextSelection":
                    parts.selection(stack[2], element, load_text)
                    stack[2].remove(element)
            elif len(stack) == 2 and local(stack[1]) == "Sources":
                parts.source(element, load_text)
                stack[1].remove(element)
            elif len(stack) == 1:
                parts.part(element)
                stack[0].remove(element)
            elif not stack:
                parts.root = element
    except DefusedXmlException:
        raise InputError(where, "its XML declares a DTD or entities, which are refused for safety") from None
    except SafeTree.ParseError as exc:
        raise InputError(where, f"not well-formed XML ({exc})") from None
    return parts.project()


@dataclass
class _Parts:
    """What :func:`_project` has read so far, and what it met that cannot be stored."""

    root: Element | None = None
    users: tuple[QdaUser, ...] = ()
    codes: tuple[QdaCode, ...] = ()
    notes: dict[str, QdaNote] = field(default_factory=dict)
    sources: list[QdaSource] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    unread: Counter[str] = field(default_factory=Counter)
    whole_source_codings: int = 0
    text: CanonicalSource | None = None
    """The text of the source being read, loaded at its first selection."""
    selections: list[QdaSelection] = field(default_factory=list)

    def selection(self, source: Element, element: Element,
                  load_text: Callable[[Element], str]) -> None:
        if self.text is None:
            self.text = source_text(source, load_text)
        self.selections.append(read_selection(element, self.text))

    def source(self, element: Element, load_text: Callable[[Element], str]) -> None:
        tag = local(element)
        if tag == "TextSource":
            self.whole_source_codings += len(list(children(element, "Coding")))
            text = self.text or source_text(element, load_text)
            self.sources.append(QdaSource(
                guid=guid_of(element) or "", name=(element.get("name") or "").strip(),
                text=text.text, user=guid_of(element, "creatingUser", required=False),
                selections=tuple(self.selections), notes=note_refs(element)))
        elif tag in _UNREAD_SOURCES:
            self.unread[tag] += 1
        self.text, self.selections = None, []

    def part(self, element: Element) -> None:
        tag = local(element)
        if tag == "Users":
            self.users = read_users(element)
        elif tag == "CodeBook":
            self.codes = read_codes(child(element, "Codes"))
            _check_unique_codes(self.codes)
        elif tag == "Notes":
            self.notes = read_notes(element)
        elif tag in _UNREAD_PARTS:
            self.losses.append(f"{len(list(element))} {_UNREAD_PARTS[tag]} ({tag})")

    def project(self) -> QdaProject:
        root = self.root
        fallback_user = guid_of(root, "creatingUserGUID", required=False) if root is not None else None
        sources = tuple(_with_users(source, fallback_user) for source in self.sources)
        _check_references(sources, self.codes, {u.guid for u in self.users}, set(self.notes))
        losses = [f"{count} {tag} element(s) (only text sources are imported)"
                  for tag in _UNREAD_SOURCES if (count := self.unread[tag])]
        losses += self.losses + _losses(self.whole_source_codings, sources, self.notes)
        return QdaProject(name=root.get("name", "") if root is not None else "", users=self.users,
                          codes=self.codes, sources=sources, notes=self.notes,
                          losses=tuple(losses))


def _with_users(source: QdaSource, fallback: str | None) -> QdaSource:
    """Every coding needs its coder: the coding's creatingUser, else its selection's, else the
    source's, else the project's."""
    selections = []
    for selection in source.selections:
        codings = []
        for coding in selection.codings:
            user = coding.user or selection.user or source.user or fallback
            if user is None:
                raise ValueError(f"<Coding guid={coding.guid}> names no creatingUser, so its coder is unknown")
            codings.append(replace(coding, user=user))
        selections.append(replace(selection, codings=tuple(codings)))
    return replace(source, selections=tuple(selections))


def _all_codes(codes: tuple[QdaCode, ...]) -> list[QdaCode]:
    found: list[QdaCode] = []
    for code in codes:
        found.append(code)
        found.extend(_all_codes(code.children))
    return found


def _check_unique_codes(codes: tuple[QdaCode, ...]) -> None:
    seen: set[str] = set()
    for code in _all_codes(codes):
        if code.guid in seen:
            raise ValueError(f"<Code guid={code.guid}> appears twice in the codebook")
        seen.add(code.guid)


def _check_references(sources: tuple[QdaSource, ...], codes: tuple[QdaCode, ...], users: set[str],
                      notes: set[str]) -> None:
    code_ids = {code.guid for code in _all_codes(codes)}
    for source in sources:
        _check_notes(f"<TextSource guid={source.guid}>", source.notes, notes)
        if source.user is not None and source.user not in users:
            raise ValueError(f"<TextSource guid={source.guid}> names creatingUser {source.user}, "
                             "which <Users> does not define")
        for selection in source.selections:
            _check_notes(f"<PlainTextSelection guid={selection.guid}>", selection.notes, notes)
            for coding in selection.codings:
                if coding.code not in code_ids:
                    raise ValueError(f"<Coding guid={coding.guid}> refers to code {coding.code}, "
                                     "which the codebook does not define")
                if coding.user not in users:
                    raise ValueError(f"<Coding guid={coding.guid}> names creatingUser {coding.user}, "
                                     "which <Users> does not define")


def _check_notes(where: str, refs: tuple[str, ...], notes: set[str]) -> None:
    for ref in refs:
        if ref not in notes:
            raise ValueError(f"{where} refers to note {ref}, which <Notes> does not define")


def _losses(whole: int, sources: tuple[QdaSource, ...], notes: dict[str, QdaNote]) -> list[str]:
    """What the sources and notes hold that a Framing Annotator project has no place for."""
    losses = []
    if whole:
        losses.append(f"{whole} coding(s) of a whole source (only codings of text selections are kept)")
    attached = {ref for s in sources for ref in s.notes}
    attached |= {ref for s in sources for sel in s.selections for ref in sel.notes}
    if loose := len(set(notes) - attached):
        losses.append(f"{loose} note(s) not attached to a source or text selection")
    uncoded = sum(1 for s in sources for sel in s.selections if not sel.codings)
    if uncoded:
        losses.append(f"{uncoded} text selection(s) without a coding")
    empty = sum(1 for s in sources for sel in s.selections if sel.codings and sel.start == sel.end)
    if empty:
        losses.append(f"{empty} empty text selection(s) (start = end)")
    return losses
