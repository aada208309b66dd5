"""Raising a window, and the compact always-on-top mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from kb_assistant.ui.system.windowing import (
    apply_compact,
    bring_to_front,
    compact_geometry,
    fit_on_screen,
    full_geometry,
    is_compact,
)


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


def test_bring_to_front_shows_a_minimized_window(qtbot, window):
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()


def test_compact_geometry_bottom_right_with_margin():
    assert compact_geometry(QRect(0, 0, 1920, 1080)) == QRect(1920 - 16 - 480, 1080 - 16 - 640, 480, 640)
    # a screen that does not start at the origin (second monitor, top panel)
    rect = compact_geometry(QRect(1920, 30, 1280, 994), width=300, height=200, margin=10)
    assert rect == QRect(1920 + 1280 - 10 - 300, 30 + 994 - 10 - 200, 300, 200)
    # too small a screen: shrink to fit, stay inside
    small = QRect(0, 0, 400, 300)
    rect = compact_geometry(small)
    assert small.contains(rect) and rect.width() == 400 - 32 and rect.height() == 300 - 32


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


def test_fit_on_screen_brings_a_kept_rectangle_back_whole():
    screen = QRect(0, 0, 1366, 768)
    assert fit_on_screen(QRect(700, 100, 480, 640), screen) == QRect(700, 100, 480, 640)  # already inside
    # kept on a larger screen, off this one: moved in, a margin from the edges
    assert fit_on_screen(QRect(2500, 1400, 480, 640), screen) == QRect(1366 - 16 - 480, 768 - 16 - 640, 480, 640)
    assert fit_on_screen(QRect(-300, -50, 480, 640), screen) == QRect(16, 16, 480, 640)
    # too large for this screen: shrunk to fit
    small = QRect(0, 0, 800, 600)
    rect = fit_on_screen(QRect(100, 100, 480, 900), small)
    assert small.contains(rect) and rect.size() == QSize(480, 600 - 32)


def test_apply_compact_uses_the_kept_rectangle_and_arranges(qtbot, window):
    calls = []
    apply_compact(window, True, [window.side], QRect(200, 150, 300, 250), calls.append)
    assert window.geometry() == QRect(200, 150, 300, 250)
    assert full_geometry(window) is not None
    apply_compact(window, False, [window.side], arrange=calls.append)
    assert calls == [True, False]
    assert full_geometry(window) is None


def test_apply_compact_puts_a_maximized_window_back_maximized(qtbot, window):
    normal = window.geometry()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    apply_compact(window, True)
    assert not window.isMaximized()
    apply_compact(window, False)
    qtbot.waitUntil(window.isMaximized)
    assert window.normalGeometry() == normal
