"""The insights window: real insights shown, the gap's actions by keyboard, empty states, names and Alt keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kb_assistant.core.usage.insights import Insights
from kb_assistant.ui.insights.controller import InsightsController
from kb_assistant.ui.insights.window import ARTICLES, CHANNELS, GAPS, REPLIES, InsightsWindow
from tests.ui.insights.conftest import EVENTS, NOW
from tests.ui.test_accessibility import unnamed
from tests.ui.test_mnemonics import assert_no_clashes, check

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, kb, found):
    win = InsightsWindow()
    qtbot.addWidget(win)
    win.set_kb(kb)
    win.show_insights(found)
    win.show()
    return win


def texts(table, column=0):
    return [table.topLevelItem(i).text(column) for i in range(table.topLevelItemCount())]


def test_a_gap_from_the_core_is_listed_with_its_count_examples_and_languages(window, found):
    table = window.gaps.table
    assert window.tabs.currentIndex() == GAPS
    assert texts(table) == [str(gap.count) for gap in found.gaps] and found.gaps[0].count == 3
    assert "деньги не пришли" in table.topLevelItem(0).text(1) and table.topLevelItem(0).text(2) == "Russian 3"
    assert "10 events in the last 30 days" in window.summary.text()


def test_enter_on_a_gap_or_the_button_asks_for_a_new_article(qtbot, window):
    table = window.gaps.table
    table.setFocus()
    with qtbot.waitSignal(window.create_article_requested) as asked:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert asked.args == ["деньги не пришли", "ru"]  # the wording without the masked phone number
    table.setCurrentItem(table.topLevelItem(1))
    with qtbot.waitSignal(window.create_article_requested) as asked:
        window.gaps.create_button.click()
    assert asked.args[1] == "en" and "bitcoin" in asked.args[0]


def test_add_as_a_question_asks_for_the_article_and_names_it(qtbot, window, monkeypatch):
    seen = []

    def pick(dialog):
        seen.append(dialog.list.count())
        dialog.filter.setText("refund")
        return True

    monkeypatch.setattr(window, "ask_pick", pick)
    with qtbot.waitSignal(window.add_question_requested) as asked:
        window.gaps.add_button.click()
    assert asked.args == ["деньги не пришли", "refund"] and seen == [3]
    monkeypatch.setattr(window, "ask_pick", lambda dialog: False)
    with qtbot.assertNotEmitted(window.add_question_requested):
        window.gaps.add_button.click()


def test_the_buttons_need_a_selected_gap(window):
    gaps = window.gaps
    assert gaps.create_button.isEnabled() and gaps.add_button.isEnabled()
    gaps.table.clearSelection()
    assert not gaps.create_button.isEnabled() and not gaps.add_button.isEnabled()


def test_articles_replies_and_channels_tabs(window):
    window.tabs.setCurrentIndex(ARTICLES)
    assert texts(window.articles.table) == ["Refund", "Доставка"]
    assert window.articles.chart.rows() == [("Refund", 2)]
    assert texts(window.articles.unread) == ["Доставка"]
    window.tabs.setCurrentIndex(REPLIES)
    assert texts(window.replies.table) == ["Started"] and texts(window.replies.table, 1) == ["Refund"]
    assert "Started — Refund: 2" in window.replies.chart.accessibleDescription()
    assert sorted(texts(window.replies.unused)) == ["Delayed", "Срок"]
    window.tabs.setCurrentIndex(CHANNELS)
    assert window.channels.channels.rows() == [("chat", 1), ("email", 1)]
    assert dict(window.channels.languages.rows())["Russian"] == 3


def test_an_empty_period_says_what_will_appear(qtbot, kb):
    win = InsightsWindow()
    qtbot.addWidget(win)
    assert "Working out" in win.summary.text()
    win.show_insights(Insights(since_days=30))
    assert "No usage recorded in this period yet" in win.summary.text()
    item = win.gaps.table.topLevelItem(0)
    assert "No content gaps" in item.text(0) and not item.flags() & Qt.ItemFlag.ItemIsSelectable
    assert "No content gaps" in win.gaps.table.accessibleDescription()
    assert not win.gaps.create_button.isEnabled()
    assert "No reply was copied" in win.channels.channels.accessibleDescription()


def test_the_period_asks_the_controller_and_the_answer_is_shown(qtbot, kb):
    controller = InsightsController(lambda: EVENTS, kb, now=lambda: NOW)
    win = InsightsWindow()
    qtbot.addWidget(win)
    win.attach(controller)
    assert win.since_days() == 30
    with qtbot.waitSignal(win.period_changed) as changed, qtbot.waitSignal(controller.ready, timeout=5000):
        win.period.setCurrentIndex(win.period.findData(7))
    assert changed.args == [7] and win.insights.since_days == 7
    with qtbot.waitSignal(controller.ready, timeout=5000):
        win.refresh_button.click()
    controller.load_events = lambda: (_ for _ in ()).throw(OSError("gone"))
    with qtbot.waitSignal(controller.failed, timeout=5000):
        win.refresh_button.click()
    assert "could not be worked out" in win.summary.text()
    controller.runner.wait()


def test_every_control_has_a_name_no_alt_key_twice_and_esc_closes(qtbot, window):
    assert unnamed(window) == []
    assert_no_clashes(check(window, "insights"))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_tab_goes_through_the_window_in_reading_order(qtbot, window):
    window.activateWindow()
    window.period.setFocus()
    order = []
    for _ in range(8):
        order.append(QApplication.focusWidget())
        window.focusNextChild()
    gaps = window.gaps
    names = [w for w in order if w in (window.period, window.refresh_button, window.tabs.tabBar(), gaps.table,
                                       gaps.create_button, gaps.add_button, window.close_button)]
    assert names[:7] == [window.period, window.refresh_button, window.tabs.tabBar(), gaps.table,
                         gaps.create_button, gaps.add_button, window.close_button]
