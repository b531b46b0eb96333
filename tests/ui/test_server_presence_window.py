"""The lead's progress window on a server shows who is connected now and each coder's last
change; a coder connecting or leaving (no notification) shows on the slow timer, in a worker.
Saves tests/artifacts/server-presence.png and server-presence-ar.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.ui.bidi import plain
from tests.pg_support import HeldConnection

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def _layla_changed_now_omar_two_hours_ago(owner_url: str) -> None:
    import psycopg

    from tests.pg_support import _admin_dsn

    with psycopg.connect(_admin_dsn(owner_url), autocommit=True) as connection:
        for table in ("annotation", "document_answer"):  # the demo file may be minutes old
            for coder, age in (("Omar", "2 hours 5 minutes"), ("Layla", "0 seconds")):
                connection.execute(
                    f"UPDATE {table} SET updated_at = now() - interval '{age}' "  # noqa: S608
                    f"WHERE coder_id = (SELECT id FROM coder WHERE name = '{coder}')")


def _connected(progress, name: str) -> bool:  # noqa: ANN001
    return any(p.name == name and p.connected for p in progress.presence.coders.values())


def _header(progress, name: str, role: Qt.ItemDataRole) -> object:  # noqa: ANN001
    column = 1 + progress.model.matrix.coder_names.index(name)
    return progress.model.headerData(column, Qt.Orientation.Horizontal, role)


def test_who_is_connected_shows_and_follows_connects_and_leaves(
        qtbot, open_window, pg_demo_team, monkeypatch) -> None:  # noqa: ANN001
    from annotator.ui.progress import open_progress_window, presence

    monkeypatch.setattr(presence, "POLL_MS", 300)  # the 30 s timer, shortened
    _layla_changed_now_omar_two_hours_ago(pg_demo_team["owner"])
    window = open_window(None, path=pg_demo_team["Lead"])
    layla = HeldConnection(pg_demo_team["Layla"])
    try:
        progress = open_progress_window(window)
        qtbot.waitUntil(lambda: _connected(progress, "Layla"), timeout=10_000)
        strip = plain(progress.presence.text())
        assert strip.startswith("Online now: ") and "Layla since " in strip
        assert "Lead since " in strip and "Omar" not in strip  # the lead's own window counts
        assert "last change" in _header(progress, "Layla", Qt.ItemDataRole.DisplayRole)
        assert "Online since" in _header(progress, "Layla", Qt.ItemDataRole.ToolTipRole)
        assert "Not connected" in _header(progress, "Omar", Qt.ItemDataRole.ToolTipRole)
        assert "last change: just now" in _header(progress, "Layla", Qt.ItemDataRole.DisplayRole)
        assert "last change: 2 hours ago" in _header(progress, "Omar", Qt.ItemDataRole.DisplayRole)
        assert _header(progress, "Layla", Qt.ItemDataRole.DecorationRole) is not None
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        progress.resize(980, 420)
        assert progress.grab().save(str(ARTIFACTS / "server-presence.png"))
    finally:
        layla.release()
    qtbot.waitUntil(lambda: not _connected(progress, "Layla"), timeout=10_000)  # the timer
    assert "Layla" not in plain(progress.presence.text())
    progress.close()
    assert not progress.presence.timer.isActive()


def test_the_presence_query_never_runs_on_the_ui_thread(qtbot, open_window, pg_demo_team,  # noqa: ANN001
                                                         monkeypatch) -> None:
    import threading

    from annotator.db import presence as service
    from annotator.ui.progress import open_progress_window

    threads: list[threading.Thread] = []
    original = service.coder_presence

    def recording(session):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread())
        return original(session)

    monkeypatch.setattr("annotator.ui.progress.presence.coder_presence", recording)
    progress = open_progress_window(open_window(None, path=pg_demo_team["Lead"]))
    qtbot.waitUntil(lambda: bool(progress.presence.coders), timeout=10_000)
    assert threads and threading.main_thread() not in threads
    progress.close()


def test_a_project_file_shows_no_presence(qtbot, open_window) -> None:  # noqa: ANN001
    from annotator.ui.progress import open_progress_window

    progress = open_progress_window(open_window("Lead"))
    assert progress.presence is None
    assert progress.findChild(object, "presenceStrip") is None
    assert progress.model.headerData(1, Qt.Orientation.Horizontal,
                                     Qt.ItemDataRole.DecorationRole) is None
    progress.close()



def test_presence_in_arabic(qtbot, open_window, pg_demo_team, arabic) -> None:  # noqa: ANN001
    from annotator.ui.progress import open_progress_window

    _layla_changed_now_omar_two_hours_ago(pg_demo_team["owner"])
    layla = HeldConnection(pg_demo_team["Layla"])
    try:
        progress = open_progress_window(open_window(None, path=pg_demo_team["Lead"]))
        qtbot.waitUntil(lambda: _connected(progress, "Layla"), timeout=10_000)
        assert plain(progress.presence.text()).startswith("متصل الآن: ")
        assert "آخر تغيير: الآن" in _header(progress, "Layla", Qt.ItemDataRole.DisplayRole)
        assert "آخر تغيير: منذ ساعتين" in _header(progress, "Omar", Qt.ItemDataRole.DisplayRole)
        assert "غير متصل" in _header(progress, "Omar", Qt.ItemDataRole.ToolTipRole)
        progress.resize(980, 420)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert progress.grab().save(str(ARTIFACTS / "server-presence-ar.png"))
        progress.close()
    finally:
        layla.release()


@pytest.mark.parametrize(("seconds", "text"), [
    (5, "just now"), (60, "1 minute ago"), (150, "2 minutes ago"), (3600, "1 hour ago"),
    (3 * 86400 + 10, "3 days ago")])
def test_how_long_ago_reads(qapp, seconds: int, text: str) -> None:  # noqa: ANN001
    from datetime import UTC, datetime, timedelta

    from annotator.ui.progress.presence import ago_text

    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    assert ago_text(now - timedelta(seconds=seconds), now) == text
