"""Refusing files whose lines mix encodings (a UTF-8 line pasted into a Windows-1256 file).

Such a file decodes without error in a one-byte code page, and the UTF-8 line turns into mojibake
(``ط§ظ„`` for ``ال``) that would be stored as the article. It is refused, naming the line (and
the row), rather than decoded line by line: which encoding an ASCII-only or one-letter line was
written in cannot be told, so a per-line decoding could not be guaranteed right for every line;
saving the file in one encoding is a fix the user can check.

The test is strict: a line is UTF-8 when it decodes as UTF-8 and holds at least two non-ASCII
characters. Text in a one-byte Arabic or Western code page practically never does, since each of
its letters would have to be followed by a byte that is a UTF-8 continuation (0x80-0xBF).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.errors import InputError

_MIN_WIDE_CHARACTERS = 2


def refuse_mixed_encodings(
    data: bytes, text: str, path: str | Path, row_of_line: Callable[[int], int | None] | None = None
) -> None:
    """Raise :class:`InputError` if ``text`` was decoded one byte per character from ``data`` that
    is not UTF-8 as a whole, yet has a line that is UTF-8. ``row_of_line`` maps a line to a row."""
    if len(text) != len(data) or data.isascii() or _is_utf8(data):
        return  # UTF-8, UTF-16/32 or ASCII: one decoding fits the whole file
    line = _first_utf8_line(data)
    if line is None:
        return
    message = (
        "the file mixes text encodings: this line is UTF-8 but other lines are not (read as a legacy "
        "code page such as Windows-1256, it would be stored garbled); save the whole file as UTF-8"
    )
    row = row_of_line(line) if row_of_line else None
    raise InputError(path, message, line=line, row=row)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _first_utf8_line(data: bytes) -> int | None:
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if sum(not ch.isascii() for ch in decoded) >= _MIN_WIDE_CHARACTERS:
            return number
    return None
