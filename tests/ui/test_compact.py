"""The agent's window at the sizes agents use (issue 12): compact mode for calls, the results column's
share, Zoom, the Problems panel and the review queue, on the real window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from kb_assistant.app import build_window
from kb_assistant.core.models import Problem
from kb_assistant.core.settings import Settings
from kb_assistant.ui.layout import ARTICLE_MIN_LINES
from kb_assistant.ui.search.view import MIN_CHARS
from kb_assistant.ui.system.window_state import COMPACT_GEOMETRY, COMPACT_ON, COMPACT_SPLITTER
from tests.ui.helpers import loaded, shown

KB = {
    "returns/refund.md": (
        "---\nid: refund\nlang: en\nowner: Payments team\n---\n# Refund to a bank card\n\n"
        "Refunds take 3-10 business days.\n\n"
        "## Reply: Refund started\nHello! Your refund is on its way and reaches the card in 3-10 business days.\n\n"
        "## Reply: Refund delayed\nSorry, the refund is delayed.\n"
    ),
    "account/password.md": "---\nid: password\nlang: en\n---\n# Reset a password\n\nUse the reset link.\n",
}

FULL = QRect(40, 60, 720, 600)
"""A full layout that fits the offscreen screen (800×800), its title bar included."""


@pytest.fixture
def make_window(qtbot, write_kb, tmp_path):
    """Build real windows on one KB and one QSettings file (a new window is the next run)."""
    root = write_kb(KB)
    threads = []

    def make(show=True):
        state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
        win, thread = build_window(root, tmp_path / "index", Settings(agent_name="Anna"), state=state,
                                   today_provider=lambda: dt.date(2026, 11, 27), watch=False,
                                   data_dir=tmp_path / "data")
        threads.append(thread)
        qtbot.addWidget(win)
        if show:
            win.show()
            qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: loaded(win), timeout=10000)
        return win

    yield make
    for thread in threads:
        thread.stop()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def app_font():
    """Zoom changes the application's font: put it back for the next test."""
    app = QApplication.instance()
    font = app.font()
    yield
    app.setFont(font)


def search(qtbot, win, text="refund", article_id="refund"):
    win.search_box.setText(text)
    qtbot.waitUntil(lambda: shown(win, article_id), timeout=5000)
    qtbot.waitUntil(lambda: win.reply_panel.replies.count() == 2, timeout=5000)


def inside(win, widget) -> bool:
    """``widget`` is drawn whole inside the window (not cut at its right or bottom edge)."""
    top_left = widget.mapTo(win, QPoint(0, 0))
    return win.rect().contains(QRect(top_left, widget.size()))


def settle(qtbot, win, size: QSize) -> None:
    qtbot.waitUntil(lambda: win.size() == size, timeout=3000)
    qtbot.wait(50)  # the splitters follow the window's resize event


# -- compact mode -----------------------------------------------------------------------------

def test_compact_mode_at_480x640_shows_the_search_the_results_the_reply_preview_and_copy(qtbot, window):
    window.setGeometry(FULL)
    search(qtbot, window)
    window.set_compact(True)
    settle(qtbot, window, QSize(480, 640))
    panel, pane = window.reply_panel, window.results_pane
    for widget in (window.search_box, pane.view, panel.replies, panel.channel, panel.preview, panel.copy_button):
        assert widget.isVisible() and inside(window, widget), widget.accessibleName()
    assert pane.view.width() >= 400  # before: 50 px, words broken letter by letter
    assert panel.preview.height() >= 100
    assert panel.copy_button.isEnabled()
    # stacked: the results above the reply
    assert pane.view.mapTo(window, QPoint(0, pane.view.height())).y() <= panel.replies.mapTo(window, QPoint(0, 0)).y()
    bar = window.search_bar
    for widget in (window.article_pane, window.customer_strip, bar.category, bar.tag, bar.language, panel.greeting):
        assert not widget.isVisible()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    assert window.geometry().bottomRight().x() > available.center().x()  # bottom-right of the screen
    assert window.geometry().bottomRight().y() > available.center().y()
    assert window.tray.compact_action.isChecked()
    assert window.window_layout.compact


def test_leaving_compact_mode_restores_the_full_layout_exactly_and_the_compact_one_is_kept(qtbot, window):
    window.setGeometry(FULL)
    window.problems.show()
    qtbot.waitUntil(lambda: window.problems.isVisible())
    settle(qtbot, window, FULL.size())
    window.splitter.setSizes([300, 400])
    full = (window.geometry(), window.splitter.sizes(), window.right_splitter.sizes())
    window.set_compact(True)
    settle(qtbot, window, QSize(480, 640))
    assert not window.problems.isVisible()
    window.resize(520, 600)  # the agent makes it a bit larger
    settle(qtbot, window, QSize(520, 600))
    compact_split = window.splitter.sizes()
    window.set_compact(False)
    settle(qtbot, window, FULL.size())
    assert (window.geometry(), window.splitter.sizes(), window.right_splitter.sizes()) == full
    assert window.splitter.orientation() == Qt.Orientation.Horizontal
    assert window.problems.isVisible() and window.article_pane.isVisible() and window.search_bar.category.isVisible()
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert not window.tray.compact_action.isChecked()
    window.set_compact(True)  # again: as the agent left it, not the default
    settle(qtbot, window, QSize(520, 600))
    assert window.splitter.sizes() == compact_split
    assert window.splitter.orientation() == Qt.Orientation.Vertical


def test_the_tray_and_menu_action_switches_compact_mode(qtbot, window):
    window.setGeometry(FULL)
    window.tray.compact_action.trigger()  # Ctrl+Shift+M and the tray's menu
    settle(qtbot, window, QSize(480, 640))
    assert window.window_layout.compact
    window.tray.compact_action.trigger()
    settle(qtbot, window, FULL.size())
    assert not window.window_layout.compact


def test_compact_and_full_layouts_are_saved_apart_and_come_back_next_run(qtbot, make_window, tmp_path):
    first = make_window()
    first.setGeometry(FULL)
    settle(qtbot, first, FULL.size())
    full_split = first.splitter.sizes()
    first.set_compact(True)
    first.setGeometry(QRect(260, 140, 500, 620))  # moved and made larger by the agent
    settle(qtbot, first, QSize(500, 620))
    compact_rect = first.geometry()
    first.save_state()  # quit in compact mode
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    assert state.value(COMPACT_GEOMETRY) == compact_rect
    assert state.value(COMPACT_ON, type=bool) is True
    assert state.value(COMPACT_SPLITTER) is not None
    first.close()

    second = make_window()  # the next run: compact again, where it was
    assert second.window_layout.compact and second.tray.compact_action.isChecked()
    settle(qtbot, second, QSize(500, 620))
    assert second.geometry() == compact_rect
    second.set_compact(False)  # the full layout is the one saved, not the compact rectangle
    settle(qtbot, second, FULL.size())
    assert second.geometry().size() == FULL.size()
    assert abs(second.splitter.sizes()[0] - full_split[0]) <= 2
    second.save_state()  # quit in the full layout
    second.close()

    third = make_window()
    assert not third.window_layout.compact
    assert third.geometry().size() == FULL.size()
    third.set_compact(True)
    settle(qtbot, third, QSize(500, 620))


def test_compact_mode_fits_a_small_screen(qtbot, window):
    # a kept rectangle from a larger screen comes back whole onto this one
    window.window_layout.kept.geometry = QRect(2500, 1400, 480, 640)
    window.set_compact(True)
    available = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()), timeout=3000)
    assert window.size() == QSize(480, 640)


# -- the panes adapt --------------------------------------------------------------------------

def test_the_results_take_about_a_third_of_1366x768(qtbot, window):
    window.resize(1366, 768)
    settle(qtbot, window, QSize(1366, 768))
    search(qtbot, window)
    share = window.results_pane.width() / window.splitter.width()
    assert 0.28 <= share <= 0.38  # before: 160-250 px, four results
    view = window.results_pane.view
    assert view.minimumSizeHint().width() >= MIN_CHARS * view.fontMetrics().averageCharWidth()


@pytest.mark.parametrize("compact", [False, True])
def test_zoom_in_twice_and_out_twice_keeps_the_window_size(qtbot, window, app_font, compact):
    window.setGeometry(FULL)
    search(qtbot, window)
    if compact:
        window.set_compact(True)
    size = QSize(480, 640) if compact else FULL.size()
    settle(qtbot, window, size)
    for step in (1, 1):
        window.zoom(step)
        qtbot.wait(100)
        assert window.size() == size
        assert window.minimumSizeHint().width() <= size.width()
        assert window.minimumSizeHint().height() <= size.height()
    assert window.search_box.width() >= window.search_bar.width() / 3
    for step in (-1, -1):
        window.zoom(step)
        qtbot.wait(100)
    assert window.size() == size
    assert window.screen().availableGeometry().contains(window.frameGeometry())


def test_a_font_too_large_for_the_window_grows_it_only_while_it_needs_to(qtbot, window, app_font):
    window.setGeometry(FULL)
    settle(qtbot, window, FULL.size())
    for _ in range(6):  # 9 pt to 15 pt: the minimum width passes the window's, not the screen's
        window.zoom(1)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: window.width() > FULL.width(), timeout=3000)
    assert window.screen().availableGeometry().contains(window.frameGeometry())  # never off the screen
    for _ in range(6):
        window.zoom(-1)
        qtbot.wait(20)
    settle(qtbot, window, FULL.size())  # before: as wide as at 15 pt, for good
    window.resize(700, 580)  # the agent's own size is the one kept from now on
    settle(qtbot, window, QSize(700, 580))
    window.zoom(1)
    window.zoom(-1)
    qtbot.wait(100)
    assert window.size() == QSize(700, 580)


def test_a_larger_font_does_not_squeeze_the_search_box(qtbot, window, app_font):
    window.resize(1366, 768)
    settle(qtbot, window, QSize(1366, 768))
    bar = window.search_bar
    tags = [f"a-rather-long-tag-name-{number}" for number in range(5)]
    for tag in tags:  # long labels do not widen the filters
        bar.tag.addItem(tag, tag)
    window.zoom(2)
    qtbot.wait(100)
    assert window.size() == QSize(1366, 768)
    assert window.search_box.width() >= 0.6 * bar.width()


def test_the_problems_panel_leaves_the_article_room(qtbot, window):
    window.resize(1366, 768)
    window.problems.set_problems([Problem(f"a{i}.md", i, "warning", "no-title") for i in range(1, 40)])
    window.problems.show()
    settle(qtbot, window, QSize(1366, 768))
    qtbot.waitUntil(lambda: window.problems.height() > 0)
    assert window.problems.height() <= window.height() / 3
    lines = window.article_pane.height() / window.article.fontMetrics().lineSpacing()
    assert lines >= ARTICLE_MIN_LINES  # before: about 100 px


def test_the_article_keeps_its_minimum_height_after_zoom(qtbot, window, app_font):
    before = window.article_pane.minimumHeight()
    window.zoom(2)
    qtbot.waitUntil(lambda: window.article_pane.minimumHeight() > before, timeout=2000)
    assert window.article_pane.minimumHeight() == ARTICLE_MIN_LINES * window.fontMetrics().lineSpacing()


def test_the_review_queue_fits_its_titles_and_closes_with_close_and_esc(qtbot, window):
    panel = window.workbench.show_review_queue()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=5000)
    assert panel.isVisible()
    header = panel.tree.header()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(header.count() - 1) == QHeaderView.ResizeMode.ResizeToContents
    panel.close_button.click()
    assert not panel.isVisible()
    window.workbench.show_review_queue()
    assert panel.isVisible()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Escape)
    assert not panel.isVisible()
