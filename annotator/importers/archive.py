"""Checks on a .docx/.xlsx zip archive before it is read (DESIGN.md §8), and its errors as one line.

The declared sizes bound what can be read: :mod:`zipfile` never returns more bytes than a
member's header declares (and fails its CRC check if the data disagrees). They are checked here
in total (10 x the file limit); :mod:`annotator.importers.package` caps what is actually unpacked,
part by part, while the .docx body (expat) and the workbook (openpyxl) are read. XML is parsed
without entity expansion: the Word reader refuses DTDs; openpyxl uses lxml with
``resolve_entities=False`` and, for sheets and shared strings, defusedxml (checked by
:func:`require_defused_openpyxl`).
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from annotator.errors import InputError

MAX_MEMBERS = 10_000
UNPACKED_FACTOR = 10  # an archive may unpack to 10 x the per-file size limit (500 MB by default)
_UNREADABLE_HINT = "password-protected files and old .doc/.xls files cannot be read; save as .docx/.xlsx"
_RESAVE_HINT = "open and save it again in Word or Excel"
# What zipfile raises on a damaged or foreign archive besides BadZipFile. Opening it: unsupported
# zip versions (NotImplementedError), names flagged UTF-8 that are not (UnicodeDecodeError).
# Unpacking a part: truncated or corrupt data (zlib.error, lzma.LZMAError, EOFError, OSError from
# bz2); unsupported methods and encryption are refused before (see package.GuardedPackage).
ARCHIVE_OPEN_ERRORS = (zipfile.BadZipFile, NotImplementedError, UnicodeDecodeError, EOFError, ValueError)
MEMBER_READ_ERRORS = (zipfile.BadZipFile, EOFError, OSError, zlib.error, lzma.LZMAError)


def check_archive(path: Path, kind: str, max_bytes: int) -> None:
    """Raise :class:`InputError` unless ``path`` is a zip of sane size with safe member names."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except OSError as exc:  # before BadZipFile: it is not an OSError, but the file may be unreadable
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    except ARCHIVE_OPEN_ERRORS as exc:
        raise archive_error(path, kind, exc) from None
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"the {kind} archive has {len(members):,} parts (at most {MAX_MEMBERS:,})")
    for member in members:
        if _unsafe_name(member.filename):
            raise InputError(path, f"the {kind} archive holds an unsafe path: {member.filename!r}")
    unpacked = sum(m.file_size for m in members)
    limit = UNPACKED_FACTOR * max_bytes
    if unpacked > limit:
        sizes = f"{describe_size(unpacked)}, more than the limit of {describe_size(limit)}"
        raise InputError(path, f"the {kind} archive unpacks to {sizes} (a damaged file or a zip bomb)")


def archive_error(path: Path, kind: str, exc: BaseException) -> InputError:
    """The zip archive as a whole cannot be opened: why, in one line."""
    if isinstance(exc, UnicodeDecodeError):
        return _unreadable(path, kind, f"a part name is marked as UTF-8 but is not; {_RESAVE_HINT}")
    if isinstance(exc, NotImplementedError) and "version" in str(exc):
        version = str(exc).rsplit(" ", 1)[-1]
        return _unreadable(path, kind, f"it needs zip version {version}, which cannot be read; {_RESAVE_HINT}")
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in str(exc):
        return InputError(path, f"not a valid {kind} file: it is not a zip archive ({_UNREADABLE_HINT})")
    return _unreadable(path, kind, f"the zip archive is damaged ({_short(exc)})")


def member_error(path: Path, kind: str, part: str, exc: BaseException) -> InputError:
    """One part of the archive cannot be unpacked: why, in one line."""
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return InputError(path, f"the {kind} file is encrypted; save it without a password")
    if isinstance(exc, UnicodeDecodeError):
        return _unreadable(path, kind, f"a part name is marked as UTF-8 but is not; {_RESAVE_HINT}")
    if isinstance(exc, NotImplementedError):
        feature = f"part {part!r} uses a zip feature that cannot be read ({exc})"
        return _unreadable(path, kind, f"{feature}; {_RESAVE_HINT}")
    return InputError(path, f"the {kind} file is damaged: part {part!r} cannot be unpacked ({_short(exc)})")


def _unreadable(path: Path, kind: str, why: str) -> InputError:
    return InputError(path, f"not a readable {kind} file: {why}")


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    text = text if len(text) <= 160 else text[:159] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _unsafe_name(name: str) -> bool:
    posix = PurePosixPath(name.replace("\\", "/"))
    return posix.is_absolute() or ".." in posix.parts or (len(name) > 1 and name[1] == ":")


def describe_size(size: int) -> str:
    """Bytes in megabytes for messages: ``52.4 MB``."""
    return f"{size / 1_000_000:,.1f} MB"


def require_defused_openpyxl(path: Path) -> None:
    """openpyxl parses worksheets with the standard library unless defusedxml is active in it."""
    import openpyxl.xml.functions as xml_functions

    if not xml_functions.iterparse.__module__.startswith("defusedxml"):
        raise InputError(
            path, "cannot read .xlsx files safely: defusedxml is not installed or OPENPYXL_DEFUSEDXML=False"
        )


def describe_error(exc: BaseException) -> str:
    """A library's exception as one short line: the innermost cause says most (openpyxl wraps)."""
    root = exc
    for _ in range(10):
        if (inner := root.__cause__ or root.__context__) is None:
            break
        root = inner
    if type(root).__module__.startswith("defusedxml"):
        return "its XML declares entities or a DTD, which are refused for safety"
    text = " ".join(str(root).split())
    text = text if len(text) <= 200 else text[:199] + "…"
    return f"{type(root).__name__}: {text}" if text else type(root).__name__
