"""Project files the app cannot (or must not) write: each case ends in one line that says what is
wrong; a read-only project opens for reading, refuses writes, and leaves nothing beside the file.

The tests run as root here, and root writes through file permissions. The real read-only cases
therefore run the CLI in a child process without the capabilities that bypass them
(``setpriv --bounding-set=-dac_override,...``), which is exactly an ordinary user's situation.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import annotator
from annotator.db import head_revision, open_project
from annotator.db.services.coders import add_coder, list_coders
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import list_documents
from annotator.errors import ProjectError

TREE = Path(annotator.__file__).resolve().parent.parent
DROP_OVERRIDES = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def _as_ordinary_user() -> list[str]:
    """The command prefix that makes file permissions apply to the child process."""
    return DROP_OVERRIDES if os.geteuid() == 0 else []


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.fannot"
    build_demo_project(path)
    return path


@pytest.fixture(scope="module")
def permissions_apply(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Skip when a child process cannot be made to respect file permissions."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: read-only files cannot be made read-only")
    probe = tmp_path_factory.mktemp("probe") / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    code = "import os, sys; sys.exit(0 if not os.access(sys.argv[1], os.W_OK) else 1)"
    result = subprocess.run([*_as_ordinary_user(), sys.executable, "-c", code, str(probe)],
                            capture_output=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot drop the permission override here: {result.stderr.decode()[:200]}")


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(TREE)}
    return subprocess.run([*_as_ordinary_user(), sys.executable, "-m", "annotator",
                           *map(str, args)], capture_output=True, text=True, env=env,
                          check=False, timeout=120)


def _one_clear_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


@pytest.fixture
def read_only_file(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "shared.fannot"
    shutil.copy(demo_file, path)
    path.chmod(0o444)
    yield path
    path.chmod(0o644)


@pytest.fixture
def file_in_read_only_folder(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    path = folder / "shared.fannot"
    shutil.copy(demo_file, path)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)


@pytest.mark.usefixtures("permissions_apply")
@pytest.mark.parametrize("case", ["read_only_file", "file_in_read_only_folder"])
def test_read_only_project_can_be_read_not_written(case: str, request: pytest.FixtureRequest
                                                   ) -> None:
    path: Path = request.getfixturevalue(case)
    listing = _cli("documents", path)
    assert listing.returncode == 0, listing.stderr
    assert len(listing.stdout.splitlines()) == 3
    agreement = _cli("agreement", path, "--bootstrap", "0")
    assert agreement.returncode == 0, agreement.stderr
    _one_clear_line(_cli("coder", path, "add", "Nadia"), str(path), "read-only",
                    "nothing can be changed")
    assert _beside(path) == []  # no -wal or -shm left behind


def test_read_only_detection_opens_the_file_read_only(demo_file: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the file is not writable for us (os.access), SQLite itself is told so: a write
    through the engine fails too, not only through ``transaction()``."""
    path = tmp_path / "p.fannot"
    shutil.copy(demo_file, path)
    monkeypatch.setattr("annotator.db.access.os.access", lambda _p, mode: not mode & os.W_OK)
    store = open_project(path)
    assert store.read_only_reason == "the file is read-only"
    with store.reader() as session:
        assert len(list_documents(session)) == 3
    with pytest.raises(ProjectError, match="opened read-only"):
        with store.transaction() as session:
            add_coder(session, "Nadia")
    with store.engine.connect() as connection, pytest.raises(Exception, match="readonly"):
        connection.exec_driver_sql("DELETE FROM document")
    store.close()
    assert _beside(path) == []


def test_an_older_read_only_project_is_refused_with_a_way_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.fannot"
    open_project(path, create=True).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    monkeypatch.setattr("annotator.db.access.os.access", lambda _p, mode: not mode & os.W_OK)
    with pytest.raises(ProjectError, match="older version.*read-only.*copy it"):
        open_project(path)


def test_a_folder_is_not_a_project_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="is a folder, not a project file"):
        open_project(tmp_path)
    with pytest.raises(ProjectError, match="is a folder"):
        open_project(tmp_path, create=True)


def test_new_project_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "p.fannot"
    result = _cli("new", path, "--name", "Study")
    _one_clear_line(result, str(path), "the folder", "does not exist")
    assert "damaged" not in result.stderr
    assert not path.parent.exists()


@pytest.mark.usefixtures("permissions_apply")
def test_new_project_in_a_read_only_folder_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _one_clear_line(_cli("new", folder / "p.fannot", "--name", "Study"), "read-only")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_two_rows_in_the_version_table_are_not_a_known_version(demo_file: Path,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "two.fannot"
    shutil.copy(demo_file, path)
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    _one_clear_line(_cli("info", path), "not a project of a known version",
                    f"0001, {head_revision()}")


def test_an_empty_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.fannot"
    path.touch()
    with pytest.raises(ProjectError, match="empty"):
        open_project(path)


def test_a_writable_project_leaves_nothing_beside_it(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.fannot"
    shutil.copy(demo_file, path)
    store = open_project(path)
    with store.transaction() as session:
        add_coder(session, "Nadia")
    store.close()
    assert _beside(path) == []
    store = open_project(path)
    with store.reader() as session:
        assert "Nadia" in {c.name for c in list_coders(session)}
    store.close()


def test_a_full_disk_is_one_line_and_stores_nothing(demo_file: Path, tmp_path: Path) -> None:
    from sqlalchemy import text

    from annotator.db.services.documents import add_articles
    from annotator.importers import ArticleRecord

    path = tmp_path / "p.fannot"
    shutil.copy(demo_file, path)
    store = open_project(path)
    big = ArticleRecord(text="تقرير " * 200_000, title="big", source="big.txt")
    with pytest.raises(ProjectError, match=f"{path.name}: the disk is full; nothing was changed"):
        with store.transaction() as session:
            pages = session.execute(text("PRAGMA page_count")).scalar()
            session.execute(text(f"PRAGMA max_page_count = {pages}"))  # the disk, as SQLite sees it
            add_articles(session, [big])
    store.close()
    assert _document_count(path) == 3


def _document_count(path: Path) -> int:
    store = open_project(path)
    with store.reader() as session:
        count = len(list_documents(session))
    store.close()
    return count
