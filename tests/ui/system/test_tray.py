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




def test_putting_the_window_away_without_a_tray_minimizes_it(qtbot):
    from PySide6.QtWidgets import QWidget

    tray = TrayIcon(available=False)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    tray.put_away(window)
    assert window.isVisible()  # in the task bar, never an invisible process


def test_going_to_the_tray_is_said_once_and_remembered(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    told = []
    tray = TrayIcon(available=True)
    monkeypatch.setattr(tray, "notify", lambda title, text, msecs=4000: told.append(text) or True)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    tray.put_away(window, state)
    assert not window.isVisible() and len(told) == 1 and "tray" in told[0]
    window.show()
    tray.put_away(window, state)
    assert len(told) == 1
    later = TrayIcon(available=True)  # the next start of the app
    monkeypatch.setattr(later, "notify", lambda title, text, msecs=4000: told.append(text) or True)
    later.tell_where_once(state)
    assert len(told) == 1
    tray.hide()
    later.hide()
