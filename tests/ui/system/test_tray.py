"""Tray icon actions, the app icon and the compact always-on-top mode."""

from __future__ import annotations

import pytest

from kb_assistant.ui.system.tray import TrayIcon


@pytest.fixture
def tray(qtbot):
    icon = TrayIcon()
    yield icon
    icon.hide()


def test_tray_reports_availability_and_has_menu(tray):
    assert isinstance(tray.available, bool)
    assert (tray.tray is not None) == tray.available
    texts = [action.text().replace("&", "") for action in tray.menu.actions() if not action.isSeparator()]
    assert texts == ["Show window", "Quick search", "Compact mode", "Quit"]
    tray.show()  # harmless without a system tray


@pytest.mark.parametrize(
    ("action", "signal"),
    [
        ("show_action", "show_requested"),
        ("quick_search_action", "quick_search_requested"),
        ("quit_action", "quit_requested"),
    ],
)
def test_actions_emit_their_signals(qtbot, tray, action, signal):
    with qtbot.waitSignal(getattr(tray, signal), timeout=1000):
        getattr(tray, action).trigger()


def test_compact_action_toggles(qtbot, tray):
    assert tray.compact_action.isCheckable()
    with qtbot.waitSignal(tray.compact_toggled, timeout=1000) as blocker:
        tray.compact_action.trigger()
    assert blocker.args == [True]
    with qtbot.waitSignal(tray.compact_toggled, timeout=1000) as blocker:
        tray.compact_action.trigger()
    assert blocker.args == [False]


def test_set_compact_syncs_without_emitting(qtbot, tray):
    with qtbot.assertNotEmitted(tray.compact_toggled):
        tray.set_compact(True)
    assert tray.compact_action.isChecked()


