"""Reading the parts of a .docx/.xlsx zip package with a cap on what is unpacked (DESIGN.md §8).

:func:`~annotator.importers.archive.check_archive` bounds the total size a package *declares*;
this module bounds what is *read*. A part is refused when it is opened if it declares more than
its cap (zipfile never yields more than a part declares, and checks its CRC), so a small file
holding a 400 MB XML part is refused before anything is unpacked. Every part is then unpacked
through a counter, and reading stops with :class:`PackageLimitError` as soon as the package as a
whole (or a part, should it ever yield more than declared) crosses its cap.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from annotator.errors import InputError
from annotator.importers.archive import (
    ARCHIVE_OPEN_ERRORS,
    MEMBER_READ_ERRORS,
    archive_error,
    describe_size,
    member_error,
)

_CHUNK = 1 << 16
_SUPPORTED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
# Parts that carry an article's text (named so by Word, Excel, LibreOffice and the Python writers)
# are read as a stream and may be larger; every other part is parsed whole by the libraries.
_TEXT_PART = re.compile(r"(^|/)(worksheets/[^/]+|sharedStrings[^/]*|document[^/]*)\.xml$", re.IGNORECASE)
# A part parsed whole may unpack to a tenth of the per-file limit, and at least 256 KiB (Word and
# Excel style sheets are often a few hundred kB, whatever the size of the text).
STRUCTURE_SHARE = 10
STRUCTURE_FLOOR = 256 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """Caps in bytes unpacked (``text_part``, ``other_part``, ``total``) and in characters of
    text produced (``article``, ``all_articles``), all derived from the per-file size limit."""

    text_part: int
    other_part: int
    total: int
    article: int
    all_articles: int

    @classmethod
    def for_file_limit(cls, max_bytes: int) -> ReadLimits:
        # A text file within the limit holds at most max_bytes characters; no package may yield more.
        other_part = max(max_bytes // STRUCTURE_SHARE, STRUCTURE_FLOOR)
        return cls(text_part=max_bytes, other_part=other_part, total=2 * max_bytes,
                   article=max_bytes, all_articles=2 * max_bytes)  # fmt: skip


class PackageLimitError(InputError):
    """A part, or the package, unpacked to more than its cap while being read."""


class GuardedPackage(zipfile.ZipFile):
    """A read-only :class:`zipfile.ZipFile` whose parts are unpacked through byte counters.

    Libraries that read the package (openpyxl) go through :meth:`open` too, so the caps hold for
    them; a breach is also kept in :attr:`breach` in case a library swallows the exception.
    """

    def __init__(self, path: Path, kind: str, limits: ReadLimits) -> None:
        super().__init__(path)
        self.path, self.kind, self.limits = path, kind, limits
        self.unpacked = 0
        self.breach: PackageLimitError | None = None

    def open(  # type: ignore[override]
        self, name: str | zipfile.ZipInfo, mode: str = "r", pwd: bytes | None = None, **kwargs: Any  # noqa: ANN401
    ) -> IO[bytes]:
        if mode != "r":
            raise ValueError("a guarded package is read-only")
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        self._check_member(info)
        limit = self.limits.text_part if _TEXT_PART.search(info.filename) else self.limits.other_part
        if info.file_size > limit:  # zipfile never yields more than declared: refuse before unpacking
            self._refuse(f"part {info.filename!r} unpacks to {describe_size(info.file_size)}, more than "
                         f"{describe_size(limit)}")  # fmt: skip
        try:
            stream = super().open(info, mode, pwd, **kwargs)
        except (NotImplementedError, RuntimeError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
            raise member_error(self.path, self.kind, info.filename, exc) from None
        return _CountingStream(stream, self, info.filename, limit)  # type: ignore[return-value]

    def _check_member(self, info: zipfile.ZipInfo) -> None:
        if info.flag_bits & 0x1:
            raise InputError(self.path, f"the {self.kind} file is encrypted; save it without a password")
        if info.compress_type not in _SUPPORTED_METHODS:
            raise InputError(
                self.path,
                f"not a readable {self.kind} file: part {info.filename!r} uses zip compression method "
                f"{info.compress_type}, which cannot be read; open and save it again in Word or Excel",
            )

    def count(self, part: str, read: int, limit: int, part_total: int) -> None:
        """Add ``read`` bytes; refuse once the package (or, should a part yield more than it
        declared, the part) is over its cap."""
        self.unpacked += read
        if part_total > limit:
            self._refuse(f"part {part!r} unpacks to more than {describe_size(limit)}")
        if self.unpacked > self.limits.total:
            self._refuse(f"its parts unpack to more than {describe_size(self.limits.total)}")

    def _refuse(self, what: str) -> None:
        why = f"the {self.kind} file is too large once unpacked: {what} (a damaged file or a zip bomb)"
        self.breach = PackageLimitError(self.path, why)
        raise self.breach

    def raise_breach(self) -> None:
        """Re-raise a breach a library may have caught and hidden."""
        if self.breach is not None:
            raise self.breach


class _CountingStream:
    """A part's stream that counts what it hands out and never reads far past its cap."""

    def __init__(self, stream: IO[bytes], package: GuardedPackage, part: str, limit: int) -> None:
        self._stream, self._package, self._part, self._limit = stream, package, part, limit
        self._read = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(_CHUNK), b""))
        data = self._member_call(self._stream.read, size)
        self._read += len(data)
        self._package.count(self._part, len(data), self._limit, self._read)
        return data

    def _member_call(self, function: Callable[[int], bytes], size: int) -> bytes:
        try:
            return function(size)
        except MEMBER_READ_ERRORS as exc:
            raise member_error(self._package.path, self._package.kind, self._part, exc) from None

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> _CountingStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_package(path: Path, kind: str, limits: ReadLimits) -> GuardedPackage:
    """Open a package already passed by :func:`~annotator.importers.archive.check_archive`."""
    try:
        return GuardedPackage(path, kind, limits)
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    except ARCHIVE_OPEN_ERRORS as exc:
        raise archive_error(path, kind, exc) from None
