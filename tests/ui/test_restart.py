"""Quitting and starting again restores layout, geometry, zoom, the document and the coder."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt

from annotator.ui import settings as keys
from annotator.ui.settings import AppSettings


def test_restart_restores_everything(qtbot, demo_path, open_window, open_doc) -> None:  # noqa: ANN001
    window = open_window("Omar")
    qtbot.waitExposed(window)
    window.resize(QSize(1280, 820))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.codebook_dock)
    window.links_dock.hide()
    window.zoom(1)
    window.zoom(1)
    window.menu_actions["snap"].setChecked(False)
    document = open_doc(window, "social-post-2016-12")
    qtbot.wait(50)
    window.close()

    again = open_window(None)  # no coder given: the one remembered for this project
    qtbot.waitExposed(again)
    assert again.workspace.coder.name == "Omar"
    assert again.size() == QSize(1280, 820)
    assert again.dockWidgetArea(again.codebook_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.links_dock.isHidden() and not again.documents_dock.isHidden()
    assert again.view.point_size == keys.FONT_SIZE.default + 2
    assert again.view.document().defaultFont().pointSize() == keys.FONT_SIZE.default + 2
    assert not again.menu_actions["snap"].isChecked()
    assert again.document_id == document


def test_settings_are_typed_and_isolated(isolated_settings) -> None:  # noqa: ANN001
    settings = AppSettings()
    assert str(isolated_settings) in settings.file_name
    assert settings.get(keys.FONT_SIZE) == keys.FONT_SIZE.default
    settings.set(keys.FONT_SIZE, 21)
    settings.set(keys.SNAP_TO_WORDS, False)
    settings.sync()
    fresh = AppSettings()
    assert fresh.get(keys.FONT_SIZE) == 21 and fresh.get(keys.SNAP_TO_WORDS) is False
    fresh.set(keys.FONT_SIZE, 500)
    assert fresh.font_size() == keys.MAX_FONT_SIZE
