"""Tray icon actions, the app icon and the compact always-on-top mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from kb_assistant.ui.system.tray import (
    TrayIcon,
    app_icon,
    apply_compact,
    bring_to_front,
    compact_geometry,
    icon_path,
    is_compact,
    painted_icon,
)


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


def test_app_icon_is_not_null(qapp, tmp_path):
    assert icon_path() is not None and icon_path().suffix == ".svg"
    assert not app_icon().isNull()
    assert not app_icon().pixmap(32, 32).isNull()
    fallback = app_icon(tmp_path / "missing.svg")
    assert not fallback.isNull() and not fallback.pixmap(48, 48).isNull()
    image = painted_icon().pixmap(64, 64).toImage()
    assert image.pixelColor(32, 10).alpha() == 255  # inside the bubble
    assert image.pixelColor(1, 62).alpha() == 0  # outside it


@pytest.mark.qt_log_ignore("Cannot read file")
def test_unreadable_svg_falls_back_to_painted_icon(qapp, tmp_path):
    (tmp_path / "broken.svg").write_text("not an svg", encoding="utf-8")
    assert not app_icon(tmp_path / "broken.svg").pixmap(32, 32).isNull()


def test_bring_to_front_shows_a_minimized_window(qtbot, window):
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()


def test_compact_geometry_bottom_right_with_margin():
    assert compact_geometry(QRect(0, 0, 1920, 1080)) == QRect(1920 - 16 - 420, 1080 - 16 - 320, 420, 320)
    # a screen that does not start at the origin (second monitor, top panel)
    rect = compact_geometry(QRect(1920, 30, 1280, 994), width=300, height=200, margin=10)
    assert rect == QRect(1920 + 1280 - 10 - 300, 30 + 994 - 10 - 200, 300, 200)
    # too small a screen: shrink to fit, stay inside
    small = QRect(0, 0, 400, 300)
    rect = compact_geometry(small)
    assert small.contains(rect) and rect.width() == 400 - 32 and rect.height() == 300 - 32


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    central = QWidget(win)
    layout = QVBoxLayout(central)
    win.keep = QLabel("search", central)
    win.side = QLabel("article", central)
    win.already_hidden = QLabel("hidden", central)
    for widget in (win.keep, win.side, win.already_hidden):
        layout.addWidget(widget)
    win.already_hidden.hide()
    win.setCentralWidget(central)
    qtbot.addWidget(win)
    win.setGeometry(100, 120, 900, 600)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_apply_compact_toggles_flag_and_restores_geometry(qtbot, window):
    normal = window.geometry()
    hidden = [window.side, window.already_hidden]
    apply_compact(window, True, hidden)
    assert is_compact(window)
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.isVisible()
    assert window.side.isHidden() and not window.keep.isHidden()
    screen = window.screen().availableGeometry()
    assert window.geometry() == compact_geometry(screen)

    apply_compact(window, True, hidden)  # twice: no change, the normal geometry is kept
    apply_compact(window, False, hidden)
    assert not is_compact(window)
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.isVisible()
    assert window.geometry() == normal
    assert not window.side.isHidden()
    assert window.already_hidden.isHidden()  # hidden before compact mode: stays hidden


def test_apply_compact_on_hidden_window_keeps_it_hidden(qtbot, window):
    window.hide()
    apply_compact(window, True)
    assert not window.isVisible() and is_compact(window)
    apply_compact(window, False)
    assert not window.isVisible() and not is_compact(window)
