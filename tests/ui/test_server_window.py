"""The coding window on a server project: the login decides the coder, and row-level security
shows only that coder's work. Saves tests/artifacts/server-coding-window.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from annotator.errors import ProjectError

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def test_a_coder_login_opens_its_own_coding_only(qtbot, open_window, pg_demo_team,  # noqa: ANN001
                                                 code_named) -> None:  # noqa: ANN001
    window = open_window(None, path=pg_demo_team["Layla"])  # no coder asked: the login decides
    assert window.workspace.coder.name == "Layla"
    store = window.workspace.store
    with store.reader() as session:
        from annotator.db.services.annotations import list_annotations

        coders = {a.coder_id for a in list_annotations(session)}
    assert coders == {window.workspace.coder.uuid}
    window.view.select_span(0, 5)
    assert window.apply_code(code_named(window, "Claim/Factual"))
    assert not window.menu_actions["agreement"].isEnabled()
    window.resize(QSize(1440, 900))
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.view.layout_complete)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "server-coding-window.png"
    assert window.grab().save(str(target))


def test_a_coder_login_cannot_pose_as_another(qtbot, pg_demo_team) -> None:  # noqa: ANN001
    from annotator.ui import open_main_window

    with pytest.raises(ProjectError, match="codes as Layla, not as Omar"):
        open_main_window(pg_demo_team["Layla"], coder="Omar")
