"""Creating a ready project in one step: the file, its codebook template and its coders, or nothing.

What ``annotator new``, ``codebook PATH template NAME`` and ``coder add`` do one by one, for the
GUI's New project dialog. The project is built in a hidden file beside the target and moved onto
the target name only once it is complete, so a failure (a bad coder name, a full disk) leaves no
file behind and never a half-made project under the name the user chose.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.codebook import load_template
from annotator.db.access import check_new_project
from annotator.db.engine import open_project
from annotator.db.services.codebook import apply_codebook
from annotator.db.services.coders import add_coder
from annotator.db.services.projects import create_project
from annotator.domain import Role
from annotator.errors import ProjectError

PROJECT_SUFFIX = ".fannot"


@dataclass(frozen=True)
class NewProject:
    """What the New project dialog asks for."""

    path: Path
    name: str
    template: str | None  # a name from annotator.codebook.template_names(), or None for no codebook
    coders: Sequence[str]
    lead: str  # one of ``coders``


def project_file(folder: Path, name: str) -> Path:
    """The file a project called ``name`` gets in ``folder``: its name with characters that are
    not allowed in file names replaced, and the ``.fannot`` suffix."""
    stem = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(" .")
    return folder / f"{stem or 'project'}{PROJECT_SUFFIX}"


def check_new(spec: NewProject) -> None:
    """Refuse, with one line, what would make the project fail: before any file is written."""
    names = [c.strip() for c in spec.coders]
    if not spec.name.strip():
        raise ProjectError("the project needs a name")
    if not names or any(not n for n in names):
        raise ProjectError("every coder needs a name, and the project needs at least one")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ProjectError(f"coder names must differ: {', '.join(duplicates)} is given twice")
    if spec.lead.strip() not in names:
        raise ProjectError("choose which coder is the project lead")
    check_new_project(spec.path)


def create_new_project(spec: NewProject) -> Path:
    """Create the project file of ``spec`` complete (one transaction), or leave no file at all."""
    check_new(spec)
    target = spec.path.absolute()
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        _build(temporary, spec)
        _move_into_place(temporary, target)
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return target


def _build(path: Path, spec: NewProject) -> None:
    store = open_project(path, create=True)
    try:
        with store.transaction() as session:
            create_project(session, spec.name)
            if spec.template:
                apply_codebook(session, load_template(spec.template))
            for name in spec.coders:
                role = Role.LEAD if name.strip() == spec.lead.strip() else Role.CODER
                add_coder(session, name, role)
    finally:
        store.close()  # the last connection checkpoints the WAL into the file


def _move_into_place(temporary: Path, target: Path) -> None:
    """Give the finished file its name without replacing a file that appeared there meanwhile."""
    try:
        os.link(temporary, target)  # fails if the target exists
    except FileExistsError:
        raise ProjectError(f"{target}: a file already exists there") from None
    except OSError:  # a file system without hard links (FAT on a USB stick)
        if target.exists():
            raise ProjectError(f"{target}: a file already exists there") from None
        os.replace(temporary, target)
