"""Word .docx files: one article each, the body streamed from the package after the archive checks.

The package's relationships name the main document part (usually ``word/document.xml``) and the
core properties (the Title). Every XML part is parsed by defusedxml with DTDs refused: a document
that declares entities is refused by name rather than read with part of its text silently lost.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from annotator.errors import InputError
from annotator.importers.archive import check_archive
from annotator.importers.package import GuardedPackage, ReadLimits, open_package
from annotator.importers.records import ArticleRecord, TextBudget
from annotator.importers.titles import first_visible_line, visible_title
from annotator.importers.wordml import BodyReader, DeclarationRefused, NotWordprocessing
from annotator.text import canonicalize

_KIND = ".docx"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_CORE_PROPERTIES = "/metadata/core-properties"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_T = TypeVar("_T")


def read_docx(path: Path, *, max_bytes: int) -> list[ArticleRecord]:
    """Body paragraphs (and table cells, in reading order) joined by ``\\n``; the title is the
    document's Title property, else its first visible paragraph, else the file name."""
    check_archive(path, _KIND, max_bytes)
    limits = ReadLimits.for_file_limit(max_bytes)
    with open_package(path, _KIND, limits) as package:
        targets = _read_part(package, "_rels/.rels", _relationship_targets)
        main = targets.get(_OFFICE_DOCUMENT)
        if main is None:
            raise _unreadable(path, "it has no main document part")
        budget = TextBudget(path, limits.article, limits.all_articles)
        text = canonicalize(_read_part(package, main, lambda data: _body_text(data, budget)))
        core = targets.get(_CORE_PROPERTIES)
        property_title = _read_part(package, core, _core_title) if core in package.NameToInfo else None
    if not text.strip():
        raise InputError(path, "the document contains no text")
    title = visible_title(canonicalize(property_title or "")) or first_visible_line(text) or path.name
    return [ArticleRecord(text=text, title=title, external_id=path.stem, source=path.name)]


def _read_part(package: GuardedPackage, part: str, parse: Callable[[IO[bytes]], _T]) -> _T:
    """Parse one part; a missing part or bad XML becomes one line naming the part."""
    path = package.path
    if part not in package.NameToInfo:
        raise _unreadable(path, f"part {part!r} is missing")
    try:
        with package.open(part) as stream:
            return parse(stream)
    except NotWordprocessing:
        raise _unreadable(path, f"its main part {part!r} is not a Word document") from None
    except (DefusedXmlException, DeclarationRefused):
        why = f"part {part!r} declares a DTD or entities, which are refused for safety"
        raise InputError(path, f"{why}; open and save it again in Word") from None
    except (ParseError, ExpatError) as exc:
        raise _unreadable(path, f"part {part!r} is not well-formed XML ({exc})") from None


def _unreadable(path: Path, why: str) -> InputError:
    return InputError(path, f"not a readable Word .docx file ({why})")


def _relationship_targets(stream: IO[bytes]) -> dict[str, str]:
    """Relationship type suffix → part name, for the package-level relationships."""
    targets: dict[str, str] = {}
    for relationship in fromstring(stream.read(), forbid_dtd=True).iter(_RELATIONSHIP):
        kind, target = relationship.get("Type", ""), relationship.get("Target", "")
        if relationship.get("TargetMode") == "External" or not target:
            continue
        name = posixpath.normpath(target.lstrip("/"))
        known = next((suffix for suffix in (_OFFICE_DOCUMENT, _CORE_PROPERTIES) if kind.endswith(suffix)), kind)
        targets.setdefault(known, name)
    return targets


def _body_text(stream: IO[bytes], budget: TextBudget) -> str:
    lines: list[str] = []
    length = 0
    for line in BodyReader(stream).paragraphs():
        lines.append(line)
        length += len(line) + 1
        budget.check(length)
    return "\n".join(lines)


def _core_title(stream: IO[bytes]) -> str | None:
    title = fromstring(stream.read(), forbid_dtd=True).find(_DC_TITLE)
    return None if title is None else title.text
