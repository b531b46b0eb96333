"""Write a file so that a crash leaves either the old file or the complete new one, never half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _usual_mode(path: Path) -> int:
    """The mode ``path`` keeps (if it exists) or a new file gets under the umask; mkstemp's own
    0600 would hide an export from the colleagues it is meant for."""
    if path.exists():
        return path.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_text_writer(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file (``\n`` line ends) that replaces ``path`` only when complete."""
    with atomic_path(path) as temporary, \
            open(temporary, "w", encoding=encoding, newline="\n") as handle:
        yield handle


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for a library that writes files itself; on success it
    replaces ``path``, on any error or cancellation it is removed and ``path`` is untouched."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix,
                                             dir=path.parent or ".")
    os.close(descriptor)
    try:
        yield Path(temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temporary, _usual_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_binary_writer(path: Path) -> Iterator[IO[bytes]]:
    """Like :func:`atomic_text_writer`, for bytes (a zip archive): the old file or the new one."""
    with atomic_path(path) as temporary, open(temporary, "wb") as handle:
        yield handle
