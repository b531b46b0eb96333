"""The text of a Word body part, read as a stream of XML events (flat memory, however large).

Every paragraph of the body is one line, in reading order: paragraphs in tables (a vertically
merged cell once), in content controls and in tracked insertions included; text boxes (paragraphs
inside a paragraph), deleted text and the fallback copies of alternate content left out. A run's
tab is ``\\t``, a line break ``\\n``, a non-breaking hyphen ``-`` (as python-docx reads them).

The part is fed to expat in chunks and no tree is built. As in defusedxml (which wraps the same
parser, through slower layers), a DTD, an entity declaration or an external reference is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO
from xml.parsers import expat

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOCUMENT = _W + "document"
_P, _T, _BR, _TC, _VMERGE = _W + "p", _W + "t", _W + "br", _W + "tc", _W + "vMerge"
_RUN_CHARACTERS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_SKIPPED = {_W + "del", _W + "moveFrom", _MC + "Fallback"}
_CHUNK = 1 << 16


class NotWordprocessing(ValueError):
    """The part's root element is not ``w:document``."""


class DeclarationRefused(ValueError):
    """The XML declares a DTD or entities, or refers to an external entity."""


class BodyReader:
    """Yields the paragraphs of one body part; :meth:`paragraphs` is a single pass over the XML."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._parser = expat.ParserCreate(namespace_separator="}")
        self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self._parser.StartDoctypeDeclHandler = self._refuse
        self._parser.EntityDeclHandler = self._refuse
        self._parser.ExternalEntityRefHandler = self._refuse
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end
        self._parser.CharacterDataHandler = self._characters
        self._tags: list[str] = []
        self._skip_depth = 0  # while > 0, the depth of the element whose content is left out
        self._paragraph_depth = 0  # the depth of the paragraph being read, 0 outside one
        self._in_text = False
        self._runs: list[str] = []
        self._done: list[str] = []

    def paragraphs(self) -> Iterator[str]:
        while chunk := self._stream.read(_CHUNK):
            self._parser.Parse(chunk, False)
            yield from self._drain()
        self._parser.Parse(b"", True)
        yield from self._drain()

    def _drain(self) -> list[str]:
        done, self._done = self._done, []
        return done

    def _refuse(self, *_: object) -> None:
        raise DeclarationRefused("a DTD, an entity declaration or an external entity")

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        if not self._tags and tag != DOCUMENT:
            raise NotWordprocessing(tag)
        self._tags.append(tag)
        if self._skip_depth:
            return
        depth = len(self._tags)
        if tag in _SKIPPED or (tag == _P and self._paragraph_depth):
            self._skip_depth = depth
        elif tag == _P:
            self._paragraph_depth = depth
        elif tag == _VMERGE and attributes.get(_W + "val", "continue") != "restart":
            self._skip_merged_cell()
        elif self._paragraph_depth:
            self._run_content(tag, attributes)

    def _run_content(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == _T:
            self._in_text = True
        elif tag in _RUN_CHARACTERS:
            self._runs.append(_RUN_CHARACTERS[tag])
        elif tag == _BR and attributes.get(_W + "type", "textWrapping") == "textWrapping":
            self._runs.append("\n")

    def _skip_merged_cell(self) -> None:
        """A cell continuing a vertical merge (``w:tc/w:tcPr/w:vMerge``) shows the first cell's text."""
        if len(self._tags) >= 3 and self._tags[-3] == _TC:
            self._skip_depth = len(self._tags) - 2

    def _end(self, tag: str) -> None:
        depth = len(self._tags)
        self._tags.pop()
        if self._skip_depth:
            if depth == self._skip_depth:
                self._skip_depth = 0
        elif tag == _T:
            self._in_text = False
        elif depth == self._paragraph_depth:
            self._paragraph_depth = 0
            self._done.append("".join(self._runs))
            self._runs = []

    def _characters(self, data: str) -> None:
        if self._in_text and not self._skip_depth:
            self._runs.append(data)
