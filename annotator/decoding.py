"""Decoding a file's bytes to text: BOMs, UTF-16, UTF-8, the Arabic code pages and charset-normalizer.

Moved out of :mod:`annotator.text` (which still offers ``decode_bytes``) when the importers' preview
came to need the name of the encoding found, not only the text.
"""

from __future__ import annotations

import codecs
import math
import re
from collections import Counter
from pathlib import Path

from annotator.errors import InputError
from annotator.text import canonicalize

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
    return decode_bytes_named(data, path, encoding, canonical=canonical)[0]


def decode_bytes_named(
    data: bytes, path: str | Path, encoding: str | None = None, *, canonical: bool = True
) -> tuple[str, str]:
    """:func:`decode_bytes` and the name of the codec it used (given or detected), e.g. ``cp1256``."""
    codec = _codec_name(encoding, path) if encoding else None
    if codec:
        text = _decode_strict(data, path, codec)
    else:
        text, codec = _detect_and_decode(data, path)
    _reject_binary(text, path)
    text = canonicalize(text) if canonical else text.lstrip("\ufeff")
    if not text:
        raise InputError(path, "the file is empty")
    return text, codec


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


def _detect_and_decode(data: bytes, path: str | Path) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data, path, codec), codec
    found = _bomless_utf16(data)
    if found is not None:
        return found
    if 0 in data:
        raise InputError(path, f"this looks like a binary file, not text (NUL byte at {data.index(0)})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):  # a damaged UTF-8 file: say where, rather than decode it as mojibake
        raise _decode_error(path, data, "utf-8", utf8_error)
    found = _arabic_codepage(data) or _charset_normalizer(data)
    if found is None:
        error = _decode_error(path, data, "utf-8", utf8_error)
        hint = "save the file as UTF-8 or choose its encoding"
        raise InputError(path, f"cannot tell the text encoding ({error.message}); {hint}", line=error.line)
    return found


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: one byte of each pair is nearly always 0x00 (Latin) or 0x06 (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = ((part.count(0) + part.count(6)) / len(part) for part in (data[0:4096:2], data[1:4096:2]))
    if max(even, odd) < 0.9 or min(even, odd) >= 0.5:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    text = _try_decode(data, codec)
    return None if text is None else (text, codec)


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


def _arabic_codepage(data: bytes) -> tuple[str, str] | None:
    """Decode as Windows-1256 or ISO-8859-6, whichever reads as Arabic better; None if not Arabic."""
    # cp1256 defines all 256 bytes; ISO-8859-6 leaves 0xDB-0xDF and more undefined, so often fails.
    decoded = [(text, c) for c in ("cp1256", "iso8859_6") if (text := _try_decode(data, c))]
    best = max(decoded, key=lambda found: _arabic_score(found[0][:_SAMPLE]))  # a tie keeps cp1256
    return best if _reads_as_arabic(best[0][:_SAMPLE]) else None


def _arabic_score(text: str) -> float:
    counts = Counter(ch for ch in text if "\u0621" <= ch <= "\u06ff")
    letters = sum(_AR_LOGP.get(ch, _AR_RARE) * n for ch, n in counts.items())
    return letters - 8 * len(_IMPLAUSIBLE.findall(text))


def _reads_as_arabic(text: str) -> bool:
    """Arabic letters are 30% of all letters, or two whole words are Arabic (English with quotes)."""
    arabic = len(re.findall(f"[{_AR}]", text))
    return arabic >= max(1, 0.3 * len(re.findall(r"[^\W\d_]", text))) or len(_AR_WORD.findall(text)) >= 2


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_LEGACY_CODEPAGES).best()
    return None if best is None else (str(best), best.encoding)


def _reject_binary(text: str, path: str | Path) -> None:
    sample = text[:_SAMPLE]
    if "\0" in sample:
        raise InputError(path, "this looks like a binary file, not text (it contains NUL characters)")
    if len(_CONTROLS.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(path, "this looks like a binary file, not text (too many control characters)")
