"""``annotator server copy``: file -> server -> file gives back the same project, row for row."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Base


def _utc(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _snapshot(location: object) -> dict[str, list[tuple]]:
    store = open_project(location)
    try:
        with store.reader() as session:
            return {table.name: sorted(tuple(_utc(v) for v in row) for row in
                                       session.execute(select(table)))
                    for table in Base.metadata.sorted_tables}
    finally:
        store.close()


def test_file_to_server_to_file_gives_back_the_same_project(tmp_path: Path, pg_empty_url: str,
                                                            coded_demo_file: Path) -> None:
    original = coded_demo_file
    back = tmp_path / "back.fannot"
    assert main(["server", "copy", str(original), pg_empty_url]) == 0
    assert main(["server", "copy", pg_empty_url, str(back)]) == 0
    before, on_server, after = _snapshot(original), _snapshot(pg_empty_url), _snapshot(back)
    assert before["annotation"] and before["relation"] and before["document"]
    assert on_server == before
    assert after == before


def test_copy_refuses_a_destination_that_holds_a_project(pg_empty_url: str, coded_demo_file: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    original = coded_demo_file
    assert main(["server", "copy", str(original), pg_empty_url]) == 0
    assert main(["server", "copy", str(original), pg_empty_url]) == 1
    assert "already holds a project" in capsys.readouterr().err
    assert main(["server", "copy", pg_empty_url, str(original)]) == 1
    assert "a file already exists there" in capsys.readouterr().err
