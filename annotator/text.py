"""Canonical document text, UTF-16 offset maps, Arabic search and word snapping.

Offsets are code-point indices into the canonical text (DESIGN.md §3); :class:`Utf16Map` converts
to Qt's UTF-16 units at the UI boundary. Search and word snapping (§4) use camel-tools' data-free
utilities, imported lazily (the import takes ~0.5 s) and replaced by built-in equivalents if it fails.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import unicodedata
from array import array
from types import SimpleNamespace

import numpy as np


log = logging.getLogger(__name__)

# --- canonical text
# U+2028/U+2029 are line/paragraph breaks to Qt and to Python's splitlines; making them "\n" keeps
# "every line break is \n" true. U+0085 (NEL) is left alone: it is a C1 control, not a break to Qt.
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")


def canonicalize(text: str) -> str:
    """Leading BOMs removed, ``\\r\\n``, ``\\r``, U+2028 and U+2029 made ``\\n``, then NFC. Idempotent."""
    return unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text.lstrip("\ufeff")))


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 of the canonical form, so equal articles hash alike however read."""
    return hashlib.sha256(canonicalize(text).encode("utf-8")).hexdigest()


# --- decoding bytes: in annotator.decoding, still importable from here
def __getattr__(name: str) -> object:
    if name in ("decode_bytes", "decode_bytes_named"):
        from annotator import decoding

        return getattr(decoding, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- UTF-16 offsets
class Utf16Map:
    """Code-point offsets ↔ UTF-16 offsets (Qt) of one text: O(n) to build, O(1) per lookup.

    Valid positions are ``0..len(text)`` and ``0..utf16_length``. A UTF-16 position between the two
    halves of a surrogate pair maps to the start of that character (rounds down). Text without
    characters outside the BMP (most Arabic news) uses no tables. Lone surrogates, which decoded
    text never holds, raise UnicodeEncodeError.
    """

    __slots__ = ("_to_cp", "_to_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        units = text.encode("utf-16-le")
        self.length, self.utf16_length = len(text), len(units) // 2
        self._to_u16: array[int] | None = None
        self._to_cp: array[int] | None = None
        if self.utf16_length == self.length:
            return
        u16 = np.frombuffer(units, dtype="<u2")
        low = (u16 >= 0xDC00) & (u16 <= 0xDFFF)  # second halves of surrogate pairs
        self._to_u16 = _int_array(np.append(np.flatnonzero(~low), self.utf16_length))
        # round down: the low half of a pair counts itself, so it maps to its pair's character
        self._to_cp = _int_array(np.arange(self.utf16_length + 1) - np.append(np.cumsum(low), low.sum()))

    @property
    def is_identity(self) -> bool:
        """True when the text has no characters outside the BMP."""
        return self._to_u16 is None

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= self.length:
            raise IndexError(f"code-point offset {cp} outside 0..{self.length}")
        return cp if self._to_u16 is None else self._to_u16[cp]

    def to_codepoint(self, u16: int) -> int:
        if not 0 <= u16 <= self.utf16_length:
            raise IndexError(f"UTF-16 offset {u16} outside 0..{self.utf16_length}")
        return u16 if self._to_cp is None else self._to_cp[u16]


def _int_array(values: np.ndarray) -> array[int]:
    """A machine-int array: lookups return plain ints about 4x faster than numpy scalars."""
    return array("q", values.astype(np.int64).tobytes())


# --- camel-tools, lazily
@functools.cache
def _arabic_tools() -> SimpleNamespace:
    """camel-tools' data-free functions, or built-in equivalents (logged once) if it cannot load."""
    try:
        from camel_tools.tokenizers.word import simple_word_tokenize
        from camel_tools.utils import normalize
        from camel_tools.utils.dediac import dediac_ar
    except Exception as exc:  # missing or broken install: degrade, never crash the app
        log.warning("camel-tools unavailable (%s): using built-in Arabic normalisation and tokeniser", exc)
        return _builtin_tools()
    return SimpleNamespace(
        normalize_unicode=normalize.normalize_unicode,
        dediac_ar=dediac_ar,
        normalize_alef_ar=normalize.normalize_alef_ar,
        normalize_alef_maksura_ar=normalize.normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar=normalize.normalize_teh_marbuta_ar,
        simple_word_tokenize=simple_word_tokenize,
    )


def _builtin_tools() -> SimpleNamespace:
    diacritics = re.compile("[\u064b-\u0652\u0670]")
    alef = re.compile("[\u0625\u0623\u0671\u0622]")
    words = str.maketrans({"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"})
    return SimpleNamespace(
        normalize_unicode=lambda s: unicodedata.normalize("NFKC", s.translate(words)),
        dediac_ar=lambda s: diacritics.sub("", s),
        normalize_alef_ar=lambda s: alef.sub("\u0627", s),
        normalize_alef_maksura_ar=lambda s: s.replace("\u0649", "\u064a"),
        normalize_teh_marbuta_ar=lambda s: s.replace("\u0629", "\u0647"),
        simple_word_tokenize=None,
    )


# --- search
@functools.cache
def _fold_char(ch: str) -> str:
    """Search form of one character: camel-tools' NFKC, dediacritisation, alef, alef maqsura and
    teh marbuta rules, plus tatweel, other Arabic marks and format characters (RLM, ZWNJ…) removed,
    whitespace made a space and Latin case-folded. Applied per character so offsets map back."""
    tools = _arabic_tools()
    s = tools.normalize_teh_marbuta_ar(
        tools.normalize_alef_maksura_ar(tools.normalize_alef_ar(tools.dediac_ar(tools.normalize_unicode(ch))))
    )
    kept = []
    for c in s:
        category = unicodedata.category(c)
        if c == "\u0640" or category == "Cf" or (category == "Mn" and "\u0600" <= c <= "\u08ff"):
            continue
        kept.append(" " if c.isspace() else c)
    return "".join(kept).casefold()


def _key_and_index(text: str) -> tuple[str, np.ndarray]:
    table = {ord(ch): _fold_char(ch) for ch in set(text)}
    key = text.translate(table)
    if all(len(folded) == 1 for folded in table.values()):
        return key, np.arange(len(text), dtype=np.int64)
    widths = text.translate({o: chr(len(folded)) for o, folded in table.items()})
    counts = np.frombuffer(widths.encode("latin-1"), dtype=np.uint8)
    return key, np.repeat(np.arange(len(text), dtype=np.int64), counts)


@functools.lru_cache(maxsize=4)
def _document_key(text: str) -> tuple[str, np.ndarray]:
    """Cached per document text, so typing a query does not rebuild the key each keystroke."""
    key, index = _key_and_index(text)
    index.flags.writeable = False
    return key, index


def search_key(text: str) -> tuple[str, list[int]]:
    """The search form of ``text`` and, for each of its characters, the index of the original
    character it came from (pass canonical text; see :func:`_fold_char` for the rules)."""
    key, index = _key_and_index(text)
    return key, index.tolist()


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` matches of ``query`` in ``text``, diacritic-, hamza-,
    teh-marbuta-, alef-maqsura- and case-insensitive; ends take in trailing diacritics."""
    query_key = _key_and_index(unicodedata.normalize("NFC", query))[0]
    if not query_key:
        return []
    key, index = _document_key(text)
    matches: list[tuple[int, int]] = []
    pos = key.find(query_key)
    while pos >= 0:
        end = pos + len(query_key)
        if _on_char_boundaries(index, pos, end):
            matches.append((int(index[pos]), _past_marks(text, int(index[end - 1]) + 1)))
            pos = key.find(query_key, end)
        else:
            pos = key.find(query_key, pos + 1)
    return matches


def _on_char_boundaries(index: np.ndarray, start: int, end: int) -> bool:
    """False when a match would split the folded form of one character (e.g. ``ß`` → ``ss``)."""
    clean_start = start == 0 or index[start - 1] != index[start]
    return clean_start and (end == len(index) or index[end] != index[end - 1])


def _past_marks(text: str, end: int) -> int:
    while end < len(text) and unicodedata.category(text[end]) in ("Mn", "Me") and not _fold_char(text[end]):
        end += 1
    return end


# --- words
# Used only without camel-tools: runs of letters, digits and marks; any other non-space alone.
_FALLBACK_TOKEN = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed])+|\S"
)


def _token_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of camel-tools' ``simple_word_tokenize`` tokens: its tokens are pieces of the
    whitespace-separated words, in order, so each is found right after the previous one."""
    tokenize = _arabic_tools().simple_word_tokenize
    if tokenize is None:
        return [(m.start() + offset, m.end() + offset) for m in _FALLBACK_TOKEN.finditer(text)]
    spans = []
    pos = 0
    for token in tokenize(text):
        start = text.find(token, pos)
        if start < 0:  # cannot happen with camel-tools 1.5/1.6; never mis-map if it changes
            return [(m.start() + offset, m.end() + offset) for m in _FALLBACK_TOKEN.finditer(text)]
        pos = start + len(token)
        spans.append((start + offset, pos + offset))
    return spans


@functools.lru_cache(maxsize=8)
def _document_words(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_token_spans(text))


def token_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Like :func:`word_spans`, uncached, shifted by ``offset``: for the few words around a point."""
    return _token_spans(text, offset)


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every token: words, and punctuation, symbols and emoji on their own."""
    return list(_document_words(text))
