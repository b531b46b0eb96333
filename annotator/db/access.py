"""What the app may do with a project path, decided before SQLite touches it.

SQLite's own errors for a folder, a missing folder or a read-only file are misleading ("unable to
open database file", "attempt to write a readonly database"), so the path is checked first and
each case gets one clear line. A project the app cannot write is opened read-only: ``immutable``
when no ``-wal`` file is beside it (nothing is created next to the file, nothing is left behind),
``mode=ro`` when one is (another copy may be writing through it, and its changes must be seen).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from annotator.errors import ProjectError

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileAccess:
    """How to open a project file: the SQLite URI and, when read-only, why."""

    uri: str
    exists: bool
    read_only_reason: str | None = None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None


def sqlite_uri(path: Path, **parameters: str) -> str:
    """A ``file:`` URI for ``sqlite3.connect(uri, uri=True)``; the path is percent-encoded."""
    query = "&".join(f"{key}={value}" for key, value in parameters.items())
    return f"file:{quote(str(path.absolute()))}?{query}"


def check_new_project(path: Path) -> FileAccess:
    """Where ``annotator new`` (or the demo) may create a project file, or why not."""
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder; give the name of the project file to create")
    folder = path.absolute().parent
    if not folder.is_dir():
        raise ProjectError(f"{path}: the folder {folder} does not exist")
    if path.exists() and path.stat().st_size > 0:
        raise ProjectError(f"{path}: a file already exists there")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ProjectError(f"{path}: cannot create a project there, the folder is read-only")
    return FileAccess(sqlite_uri(path, mode="rwc"), exists=False)


def check_existing_project(path: Path) -> FileAccess:
    """How to open an existing project file: read-write, or read-only with the reason."""
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    if not path.exists():
        raise ProjectError(f"{path}: no such project file")
    if not os.access(path, os.R_OK):
        raise ProjectError(f"{path}: permission denied, the file cannot be read")
    if path.stat().st_size == 0:
        raise ProjectError(f"{path}: the file is empty, not a Framing Annotator project file")
    if not _has_sqlite_header(path):
        raise ProjectError(f"{path}: not a Framing Annotator project file")
    reason = _read_only_reason(path)
    if reason is None:
        return FileAccess(sqlite_uri(path, mode="rw"), exists=True)
    if Path(f"{path}-wal").exists():
        return FileAccess(sqlite_uri(path, mode="ro"), exists=True, read_only_reason=reason)
    return FileAccess(sqlite_uri(path, mode="ro", immutable="1"), exists=True,
                      read_only_reason=reason)


def _has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _read_only_reason(path: Path) -> str | None:
    """Why the app cannot write the file (SQLite in WAL mode also needs to create files beside
    it, so a read-only folder makes the project read-only too); None when it can."""
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.absolute().parent, os.W_OK | os.X_OK):
        return "its folder is read-only"
    return None
