"""Canonical document text, byte decoding, UTF-16 offset maps, Arabic search and word snapping.

Offsets are code-point indices into the canonical text (DESIGN.md §3); :class:`Utf16Map` converts
to Qt's UTF-16 units at the UI boundary. Search and word snapping (§4) use camel-tools' data-free
utilities, imported lazily (the import takes ~0.5 s) and replaced by built-in equivalents if it fails.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import logging
import math
import re
import unicodedata
from array import array
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from annotator.errors import InputError

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


# --- decoding bytes
# UTF-32 LE first: its BOM starts with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
# What charset-normalizer may choose from: the legacy code pages of Arabic and Western sources.
_LEGACY_CODEPAGES = ["cp1256", "iso8859_6", "cp1252", "iso8859_15"]
_SAMPLE = 65536
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # not \t \n \v \f \r


def decode_bytes(
    data: bytes, path: str | Path, encoding: str | None = None, *, canonical: bool = True
) -> str:
    """Decode a file's bytes to canonical text, or raise :class:`InputError` naming the file.

    Without ``encoding``: a BOM decides, then BOM-less UTF-16, strict UTF-8, Windows-1256 vs
    ISO-8859-6 by an Arabic letter model (charset-normalizer misreads short Arabic text), and last
    charset-normalizer limited to a few legacy code pages. Binary data and empty files are refused.
    ``canonical=False`` only drops the BOM, for CSV and JSON lines: they must be parsed before a
    U+2028 inside a value becomes a line break, so their readers canonicalise each value instead.
    """
    codec = _codec_name(encoding, path) if encoding else None
    text = _decode_strict(data, path, codec) if codec else _detect_and_decode(data, path)
    _reject_binary(text, path)
    text = canonicalize(text) if canonical else text.lstrip("\ufeff")
    if not text:
        raise InputError(path, "the file is empty")
    return text


def _codec_name(encoding: str, path: str | Path) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None


def _decode_strict(data: bytes, path: str | Path, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _decode_error(path, data, codec, exc) from None


def _decode_error(path: str | Path, data: bytes, codec: str, exc: UnicodeDecodeError) -> InputError:
    line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
    where = f"byte 0x{data[exc.start]:02x} at byte offset {exc.start}"
    return InputError(path, f"cannot decode as {codec}: {where} ({exc.reason})", line=line)


def _detect_and_decode(data: bytes, path: str | Path) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data, path, codec)
    text = _bomless_utf16(data)
    if text is not None:
        return text
    if 0 in data:
        raise InputError(path, f"this looks like a binary file, not text (NUL byte at {data.index(0)})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):  # a damaged UTF-8 file: say where, rather than decode it as mojibake
        raise _decode_error(path, data, "utf-8", utf8_error)
    text = _arabic_codepage(data) or _charset_normalizer(data)
    if text is None:
        error = _decode_error(path, data, "utf-8", utf8_error)
        hint = "save the file as UTF-8 or choose its encoding"
        raise InputError(path, f"cannot tell the text encoding ({error.message}); {hint}", line=error.line)
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of each pair is nearly always 0x00 (Latin) or 0x06 (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = ((part.count(0) + part.count(6)) / len(part) for part in (data[0:4096:2], data[1:4096:2]))
    if max(even, odd) < 0.9 or min(even, odd) >= 0.5:
        return None
    return _try_decode(data, "utf-16-le" if odd > even else "utf-16-be")


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    sample = data[: 4 * _SAMPLE].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    good = len(re.findall("[^\x00-\x7f]", sample)) - bad
    return good >= 4 * bad


# Approximate letter frequencies (per mille) of Modern Standard Arabic news text. Under the wrong
# code page of the two, common letters turn into rarer ones (ل→ن, ي→ê or a tanween), which scores lower.
_AR_FREQ = {
    "ا": 125, "ل": 110, "ي": 90, "م": 62, "و": 60, "ن": 58, "ر": 45, "ت": 42, "ب": 40, "ع": 33,
    "ة": 30, "ه": 28, "ف": 28, "د": 25, "س": 25, "أ": 25, "ك": 22, "ق": 22, "ح": 20, "ج": 14,
    "إ": 10, "ش": 10, "ص": 9, "ط": 9, "خ": 9, "ى": 9, "ذ": 7, "ث": 6, "ز": 6, "ض": 6, "غ": 5,
    "ئ": 5, "ء": 4, "ظ": 2, "ؤ": 2, "آ": 2,
}  # fmt: skip
_AR_LOGP = {ch: math.log(n / 1000) for ch, n in _AR_FREQ.items()}
_AR_RARE = math.log(0.5 / 1000)
_AR = "\u0621-\u064a"
_IMPLAUSIBLE = re.compile(
    "[\u0080-\u009f\u00c0-\u024f]"  # C1 controls, accented Latin letters
    f"|[a-zA-Z](?=[{_AR}])|(?<=[{_AR}])[a-zA-Z]"  # Latin and Arabic letters in one word
    f"|[\u064b-\u064d](?=[{_AR}])"  # tanween inside a word
    f"|(?<![{_AR}\u064b-\u0652])[\u064b-\u0652]"  # a diacritic after no letter
)
_AR_WORD = re.compile(rf"(?<![^\W\d_])[{_AR}\u064b-\u0652]{{2,}}(?![^\W\d_])")


def _arabic_codepage(data: bytes) -> str | None:
    """Decode as Windows-1256 or ISO-8859-6, whichever reads as Arabic better; None if not Arabic."""
    # cp1256 defines all 256 bytes; ISO-8859-6 leaves 0xDB-0xDF and more undefined, so often fails.
    decoded = [text for text in (_try_decode(data, c) for c in ("cp1256", "iso8859_6")) if text]
    best = max(decoded, key=lambda text: _arabic_score(text[:_SAMPLE]))  # a tie keeps cp1256
    return best if _reads_as_arabic(best[:_SAMPLE]) else None


def _arabic_score(text: str) -> float:
    counts = Counter(ch for ch in text if "\u0621" <= ch <= "\u06ff")
    letters = sum(_AR_LOGP.get(ch, _AR_RARE) * n for ch, n in counts.items())
    return letters - 8 * len(_IMPLAUSIBLE.findall(text))


def _reads_as_arabic(text: str) -> bool:
    """Arabic letters are 30% of all letters, or two whole words are Arabic (English with quotes)."""
    arabic = len(re.findall(f"[{_AR}]", text))
    return arabic >= max(1, 0.3 * len(re.findall(r"[^\W\d_]", text))) or len(_AR_WORD.findall(text)) >= 2


def _charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_LEGACY_CODEPAGES).best()
    return None if best is None else str(best)


def _reject_binary(text: str, path: str | Path) -> None:
    sample = text[:_SAMPLE]
    if "\0" in sample:
        raise InputError(path, "this looks like a binary file, not text (it contains NUL characters)")
    if len(_CONTROLS.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(path, "this looks like a binary file, not text (too many control characters)")


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
