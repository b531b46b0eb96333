"""Reading the elements of a REFI-QDA ``.qde``/``.qdc`` document into :mod:`refi_qda_model` data.

Elements are matched by local name, so a file in the project namespace, the codebook namespace or
none is read alike. Every problem is a :class:`ValueError` whose text names the element (its tag
and GUID); :mod:`annotator.importers.refi_qda` adds the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element

from annotator.importers.refi_qda_model import (
    QdaCode,
    QdaCoding,
    QdaNote,
    QdaSelection,
    QdaUser,
    normal_guid,
)
from annotator.importers.refi_qda_text import CanonicalSource

_COLOUR_DIGITS = frozenset("0123456789abcdefABCDEF")


def local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def children(element: Element | None, name: str) -> Iterator[Element]:
    if element is not None:
        yield from (child for child in element if local(child) == name)


def child(element: Element | None, name: str) -> Element | None:
    return next(children(element, name), None)


def child_text(element: Element, name: str) -> str:
    found = child(element, name)
    return "" if found is None or found.text is None else found.text


def guid_of(element: Element, attribute: str = "guid", *, required: bool = True) -> str | None:
    raw = element.get(attribute)
    if raw is None:
        if required:
            raise ValueError(f"<{local(element)}> has no {attribute}")
        return None
    guid = normal_guid(raw)
    if guid is None:
        raise ValueError(f"<{local(element)}> {attribute}={raw!r} is not a GUID")
    return guid


def describe(element: Element) -> str:
    return f"<{local(element)} guid={element.get('guid', '?')}>"


def read_codes(codes: Element | None) -> tuple[QdaCode, ...]:
    return tuple(_code(code) for code in children(codes, "Code"))


def _code(element: Element) -> QdaCode:
    guid = guid_of(element)
    name = (element.get("name") or "").strip()
    if not name:
        raise ValueError(f"{describe(element)} has no name")
    codable = (element.get("isCodable") or "true").strip().lower() in ("true", "1")
    return QdaCode(guid=guid or "", name=name, codable=codable, colour=_colour(element),
                   description=child_text(element, "Description").strip(),
                   children=tuple(_code(sub) for sub in children(element, "Code")))


def _colour(element: Element) -> str | None:
    raw = (element.get("color") or "").strip()
    digits = raw[1:]
    if not raw.startswith("#") or len(digits) not in (3, 6) or not set(digits) <= _COLOUR_DIGITS:
        return None
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits)).lower()


def read_users(users: Element | None) -> tuple[QdaUser, ...]:
    found = []
    for user in children(users, "User"):
        guid = guid_of(user) or ""
        name = (user.get("name") or user.get("id") or "").strip() or f"User {guid[:8]}"
        found.append(QdaUser(guid, name))
    return tuple(found)


def read_notes(notes: Element | None) -> dict[str, QdaNote]:
    found = {}
    for note in children(notes, "Note"):
        guid = guid_of(note) or ""
        found[guid] = QdaNote(guid, child_text(note, "PlainTextContent"),
                              guid_of(note, "creatingUser", required=False))
    return found


def note_refs(element: Element) -> tuple[str, ...]:
    return tuple(guid_of(ref, "targetGUID") or "" for ref in children(element, "NoteRef"))


def source_text(element: Element, load_text: Callable[[Element], str]) -> CanonicalSource:
    """The text of a ``<TextSource>`` (its attributes and any PlainTextContent read so far)."""
    try:
        return CanonicalSource(load_text(element))
    except ValueError as problem:
        raise ValueError(f"{describe(element)}: {problem}") from None


def read_selection(element: Element, source: CanonicalSource) -> QdaSelection:
    start, end = _position(element, "startPosition"), _position(element, "endPosition")
    if not 0 <= start <= end <= source.raw_length:
        raise ValueError(f"{describe(element)}: positions {start}-{end} are outside the source text "
                         f"(0-{source.raw_length} characters)")
    user = guid_of(element, "creatingUser", required=False)
    codings = tuple(QdaCoding(guid_of(coding) or "", _code_ref(coding),
                              guid_of(coding, "creatingUser", required=False) or user)
                    for coding in children(element, "Coding"))
    return QdaSelection(guid=guid_of(element) or "", start=source.position(start),
                        end=source.position(end), user=user, codings=codings,
                        notes=note_refs(element))


def _position(element: Element, attribute: str) -> int:
    raw = element.get(attribute)
    try:
        return int(raw or "")
    except ValueError:
        raise ValueError(f"{describe(element)}: {attribute}={raw!r} is not a whole number") from None


def _code_ref(coding: Element) -> str:
    ref = child(coding, "CodeRef")
    if ref is None:
        raise ValueError(f"{describe(coding)} has no <CodeRef>")
    return guid_of(ref, "targetGUID") or ""
