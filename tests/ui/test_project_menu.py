"""Project → Inter-coder agreement: open to leads only (figures would reveal others' coding)."""

from __future__ import annotations

from collections.abc import Callable


def test_a_coder_cannot_open_agreement(open_window: Callable[..., object]) -> None:
    window = open_window(coder="Layla")
    action = window.menu_actions["agreement"]
    assert not action.isEnabled()
    action.trigger()
    assert getattr(window, "agreement_window", None) is None


def test_a_lead_opens_the_agreement_window(open_window: Callable[..., object], qtbot) -> None:  # noqa: ANN001
    window = open_window(coder="Lead")
    action = window.menu_actions["agreement"]
    assert action.isEnabled()
    action.trigger()
    opened = window.agreement_window
    assert opened.objectName() == "agreementWindow" and opened.isVisible()
    qtbot.waitUntil(lambda: opened.report is not None and not opened.busy, timeout=60_000)
    action.trigger()
    assert window.agreement_window is opened
    opened.close()
