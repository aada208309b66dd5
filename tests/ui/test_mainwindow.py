"""The agent's window end to end: typing, keyboard contract, copying, accessibility."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListView,
    QTextEdit,
    QWidget,
)

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from kb_assistant.ui.system.theme import apply_appearance
from tests.ui.helpers import loaded, shown, type_text

KB = {
    "_kb.yml": "placeholders:\n  order_id: {en: Order number, ru: Номер заказа}\n",
    "returns/refund.md": (
        "---\nid: refund\nlang: en\n---\n# Refund to a bank card\n\nRefunds take 3-10 business days. "
        "See [[password]] or [the web](https://shop.example) or [bad](javascript:alert(1)).\n\n"
        "## Reply: Refund started\nHello {{customer_name|there}}! Your refund for order **{{order_id}}** is on its way.\n\n"
        "## Reply: Refund delayed\nSorry, the refund is delayed.\n"
    ),
    "returns/refund.ru.md": (
        "---\nid: refund-ru\nlang: ru\n---\n# Возврат денег на карту\n\nДеньги вернутся за 3–10 дней.\n\n"
        "## Ответ: Возврат оформлен\nЗдравствуйте! Возврат оформлен.\n"
    ),
    "account/password.md": "---\nid: password\nlang: en\n---\n# Reset a password\n\nUse the reset link.\n",
}


@pytest.fixture
def window(qtbot, write_kb, tmp_path):
    root = write_kb(KB)
    settings = Settings(agent_name="Anna", company="Shopwave", default_channel="email")
    win, thread = build_window(root, tmp_path / "index", settings, today_provider=lambda: dt.date(2026, 11, 27))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    yield win
    thread.stop()


def test_search_box_has_focus_and_typing_updates_results(qtbot, window):
    # focusWidget(), not hasFocus(): the window's focus child is known whether or not the
    # (offscreen) window is active
    assert window.focusWidget() is window.search_box
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)


def test_cyrillic_typing_and_layout_repair(qtbot, window):
    type_text(window.search_box, "возврат")
    qtbot.waitUntil(lambda: shown(window, "refund-ru"), timeout=5000)
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "djpdhfn")
    qtbot.waitUntil(lambda: shown(window, "refund-ru"), timeout=5000)


def test_down_and_enter_from_the_search_box(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund password")
    qtbot.waitUntil(lambda: window.results_pane.model.rowCount() >= 2, timeout=5000)
    first = window.current_hit_id()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.current_hit_id() != first
    qtbot.keyClick(window.search_box, Qt.Key.Key_Up)
    assert window.current_hit_id() == first
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.article.hasFocus()


def test_ctrl_enter_copies_first_reply_through_the_fill_in_form(qtbot, window, monkeypatch):
    asked = []

    def fake_ask(parent, fields):
        asked.append([f.name for f in fields])
        return {"order_id": "A-17 <b>&"}

    monkeypatch.setattr("kb_assistant.ui.replies.copy.ask_values", fake_ask)
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked and "order_id" in asked[0]
    mime = QGuiApplication.clipboard().mimeData()
    assert set(mime.formats()) >= {"text/html", "text/plain"}
    assert "A-17 &lt;b&gt;&amp;" in mime.html()
    assert "Hello there! Your refund for order A-17 <b>&" in mime.text()
    assert "Copied" in window.statusBar().currentMessage()


def test_chat_channel_puts_plain_text_only(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    window.reply_panel.set_channel("chat")
    qtbot.keyClick(window.search_box, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert "text/html" not in mime.formats()
    assert mime.text() == "Sorry, the refund is delayed."


def test_unfilled_placeholder_is_never_copied_silently(qtbot, window, monkeypatch):
    monkeypatch.setattr("kb_assistant.ui.replies.copy.ask_values", lambda parent, fields: None)
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    window.copy_reply(0)
    assert QGuiApplication.clipboard().text() == "before"
    assert "Not copied" in window.statusBar().currentMessage()


def test_links(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    window.follow_link("javascript:alert(1)")
    assert "not opened" in window.statusBar().currentMessage()
    from kb_assistant.core.render.mdext.wikilinks import wikilink_href

    window.follow_link(wikilink_href("password"))
    assert window.preview.current.id == "password"  # current at once; its text follows from the thread pool
    qtbot.waitUntil(lambda: window.article.article is not None and window.article.article.id == "password",
                    timeout=5000)


def test_escape_clears_then_hides_to_the_tray_and_says_so_once(qtbot, window, monkeypatch):
    told = []
    monkeypatch.setattr(window.tray, "available", True)
    monkeypatch.setattr(window.tray, "notify", lambda title, text, msecs=4000: told.append(title) or True)
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert told == ["KB Assistant is still running"]
    window.show()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert not window.isVisible() and len(told) == 1  # said once


def test_without_a_tray_escape_minimizes_and_closing_quits(qtbot, window, monkeypatch):
    monkeypatch.setattr(window.tray, "available", False)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.isVisible()  # minimized, never an invisible process
    quits = []
    window.quit_requested.connect(lambda: quits.append(True))
    window.close()
    assert quits == [True] and window.isVisible()  # quitting asks the editors first (app.quit_app)
    window.prepare_to_quit()
    window.close()
    assert not window.isVisible() and quits == [True]


def test_with_a_tray_closing_hides_and_says_where_once(qtbot, window, monkeypatch):
    told = []
    monkeypatch.setattr(window.tray, "available", True)
    monkeypatch.setattr(window.tray, "notify", lambda title, text, msecs=4000: told.append(title) or True)
    quits = []
    window.quit_requested.connect(lambda: quits.append(True))
    window.close()
    assert not window.isVisible() and quits == [] and len(told) == 1


def test_ctrl_l_focuses_the_search_box(qtbot, window):
    window.article.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()


def test_no_good_match_is_said_plainly(qtbot, window):
    qtbot.keyClicks(window.search_box, "weather tomorrow zzzz")
    qtbot.waitUntil(lambda: window.results_pane.no_match.isVisible(), timeout=5000)


def test_every_interactive_widget_has_an_accessible_name(window):
    kinds = (QLineEdit, QComboBox, QAbstractButton, QListView, QTextEdit)
    unnamed = [
        f"{type(w).__name__}:{w.objectName()}"
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(window) and not w.accessibleName() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert unnamed == []


def test_a_file_changed_on_disk_becomes_searchable(qtbot, window):
    root = window.kb.root
    (root / "returns" / "gift.md").write_text("---\nid: gift\nlang: en\n---\n# Gift wrapping\n\nZanzibar ribbons.\n",
                                              encoding="utf-8")
    qtbot.waitUntil(lambda: loaded(window, "gift"), timeout=10000)
    qtbot.keyClicks(window.search_box, "zanzibar")
    qtbot.waitUntil(lambda: shown(window, "gift"), timeout=5000)


def test_recent_and_pinned_articles_when_the_box_is_empty(qtbot, window):
    qtbot.keyClicks(window.search_box, "password")
    qtbot.waitUntil(lambda: shown(window, "password"), timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.home.pinned == ["password"]
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.results_pane.model.rowCount() >= 1, timeout=2000)
    assert window.results_pane.model.hit(0).id == "password"


def test_category_filter(qtbot, window):
    window.search_bar.category.setCurrentIndex(window.search_bar.category.findData("account"))
    qtbot.keyClicks(window.search_box, "refund password")
    qtbot.waitUntil(lambda: window.results_pane.model.rowCount() > 0, timeout=5000)
    assert {window.results_pane.model.hit(r).category for r in range(window.results_pane.model.rowCount())} == {"account"}


def test_find_in_article(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "business")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.article.textCursor().selectedText() == "business"
    window.find_bar.field.setText("nowhere-to-be-found")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.status.text()


def test_problems_panel_lists_bad_files(qtbot, write_kb, tmp_path):
    root = write_kb({"good.md": "# Good", "bad.md": "---\ntitle: [\n---\n# Bad\n", "broken.md": "# B\n\n[[ghost]]"},
                    root=tmp_path / "bad-kb")
    win, thread = build_window(root, tmp_path / "bad-index", Settings(), watch=False)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: loaded(win), timeout=10000)
        texts = [win.problems.list.item(i).text() for i in range(win.problems.list.count())]
        assert any("bad.md" in t and "YAML" in t for t in texts)
        assert any("broken.md" in t and "ghost" in t for t in texts)
    finally:
        thread.stop()


def test_window_layout_and_channel_are_remembered(qtbot, write_kb, tmp_path):
    from PySide6.QtCore import QSettings

    root = write_kb(KB)
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win, thread = build_window(root, tmp_path / "index", Settings(), state=state, watch=False)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    win.reply_panel.set_channel("phone")
    win.close()
    thread.stop()
    again = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    assert again.value("channel") == "phone"
    win2, thread2 = build_window(root, tmp_path / "index", Settings(), state=again, watch=False)
    qtbot.addWidget(win2)
    try:
        assert win2.replies.channel == "phone"
    finally:
        thread2.stop()


def test_f1_opens_the_sheet_of_keys(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr("kb_assistant.ui.menus.ShortcutsSheet.exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown
    keys = " ".join(k for _, rows in shown[0].groups for k, _ in rows)
    for expected in ("Ctrl+L", "Enter", "Ctrl+Return", "Alt+1", "Ctrl+F", "Esc"):
        assert expected in keys


def test_esc_in_the_find_bar_closes_it_and_gives_the_focus_back_to_the_article(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    window.article.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.field.hasFocus()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.focusWidget() is window.article
    assert window.search_box.text() == "refund" and window.isVisible()  # Esc elsewhere is still "clear"
    qtbot.keyClick(window.article, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""


def test_the_reply_menu_lists_the_articles_replies_only(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    actions = window.copy_reply_actions
    assert [a.text() for a in actions if a.isVisible()] == ["Copy reply 1: Refund started", "Copy reply 2: Refund delayed"]
    assert [a.shortcut().toString() for a in actions if a.isVisible()] == ["Alt+1", "Alt+2"]
    window.preview.show("password")  # no replies
    assert not any(a.isVisible() for a in actions)
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(window.search_box, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert QGuiApplication.clipboard().text() == "before"


def test_alt_2_shows_reply_2_in_the_preview_before_copying_it(qtbot, window):
    window.reply_panel.set_channel("chat")
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    assert window.reply_panel.replies.currentRow() == 0
    qtbot.keyClick(window.search_box, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert QGuiApplication.clipboard().text() == "Sorry, the refund is delayed."
    assert window.reply_panel.replies.currentRow() == 1 and window.replies.reply_index == 1
    assert window.reply_panel.preview.toPlainText() == "Sorry, the refund is delayed."


def _tab_walk(qtbot, window, start, presses, key=Qt.Key.Key_Tab):
    start.setFocus()
    walked = []
    for _ in range(presses):
        qtbot.keyClick(window.focusWidget(), key)
        walked.append(window.focusWidget())
    return walked


def test_tab_goes_question_results_article_customer_then_the_reply(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    window.replies.set_values({"customer_name": "Anna"})  # New customer is enabled with values
    panel, strip = window.reply_panel, window.customer_strip
    expected = [window.results_pane.view, window.article, strip.new_button, panel.replies, panel.channel,
                panel.greeting, panel.closing, panel.copy_button, panel.preview]
    assert "[[" not in window.article.toPlainText() and window.article.document().toHtml().count("<a ") >= 2
    walked = _tab_walk(qtbot, window, window.search_box, len(expected))
    assert [w.accessibleName() for w in walked] == [w.accessibleName() for w in expected]
    assert walked == expected  # the article is one stop: its links are not Tab stops
    back = _tab_walk(qtbot, window, panel.preview, len(expected), Qt.Key.Key_Backtab)
    assert back == [*expected[-2::-1], window.search_box]
    chain, widget = [], window.search_box
    for _ in range(200):  # the same order in the focus chain itself
        widget = widget.nextInFocusChain()
        if widget in expected and widget not in chain:
            chain.append(widget)
    assert chain == expected


def test_alt_down_walks_the_articles_links_and_enter_opens_one(qtbot, window):
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.focusWidget() is window.article
    assert window.article.textCursor().selectedText() == "Reset a password"
    qtbot.keyClick(window.article, Qt.Key.Key_Return)
    assert window.preview.current.id == "password"


@pytest.fixture
def restore_appearance(qapp):
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    for name in ("kb_assistant_system_style", "kb_assistant_system_font_size", "kb_assistant_theme"):
        qapp.setProperty(name, None)


def test_light_theme_frames_the_focused_results_list_and_article(qtbot, window, restore_appearance):
    apply_appearance(restore_appearance, "light", 0)
    sheet = restore_appearance.styleSheet()
    highlight = restore_appearance.palette().color(QPalette.ColorRole.Highlight).name()
    assert "QAbstractItemView:focus" in sheet and "QTextEdit:focus" in sheet and f"2px solid {highlight}" in sheet
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    for widget in (window.results_pane.view, window.article):
        unfocused = widget.grab().toImage().pixelColor(1, 1)
        widget.setFocus()
        assert widget.hasFocus()
        focused = widget.grab().toImage().pixelColor(1, 1)
        assert focused.name() == highlight and unfocused.name() != highlight


def test_greeting_and_closing_per_copy(qtbot, write_kb, tmp_path):
    files = dict(KB)
    files["snippets/hi.md"] = "---\nid: hi\ntype: snippet\nlang: en\n---\n# Hi\n\nGood day!\n"
    files["snippets/bye.md"] = "---\nid: bye\ntype: snippet\nlang: en\n---\n# Bye\n\nRegards, {{agent_name}}\n"
    root = write_kb(files, root=tmp_path / "kb-snippets")
    win, thread = build_window(root, tmp_path / "idx-snippets", Settings(agent_name="Anna", greeting_snippet="hi"),
                               watch=False)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: loaded(win), timeout=10000)
        assert win.reply_panel.greeting.currentData() == "hi"
        win.reply_panel.closing.setCurrentIndex(win.reply_panel.closing.findData("bye"))
        win.reply_panel.closing.activated.emit(win.reply_panel.closing.currentIndex())
        win.reply_panel.set_channel("chat")
        win.preview.show("refund")
        win.copy_reply(1)
        assert QGuiApplication.clipboard().text() == "Good day!\n\nSorry, the refund is delayed.\n\nRegards, Anna"
    finally:
        thread.stop()


def test_home_list_snippets_are_plain_text(qtbot, window):
    window.preview.show("refund")
    window.show_home()
    snippet = window.results_pane.model.hit(0).snippet
    assert snippet.startswith("Refunds take 3-10 business days.") and "#" not in snippet and "[[" not in snippet


def test_a_question_handed_over_by_the_hotkey_never_carries_the_last_customers_name(qtbot, window, monkeypatch):
    answers = [{"customer_name": "Анна", "order_id": "12345"}, {"order_id": "777"}]
    monkeypatch.setattr("kb_assistant.ui.replies.copy.ask_values", lambda parent, fields: answers.pop(0))
    window.reply_panel.set_channel("chat")
    qtbot.keyClicks(window.search_box, "refund")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Анна" in QGuiApplication.clipboard().text()
    assert "Анна" in window.customer_strip.text.text()
    window.hand_over("refund delayed")  # kb-assistant --show "refund delayed"
    assert window.search_box.text() == "refund delayed"
    assert "Анна" not in window.replies.preview().plain
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    window.copy_reply(0)
    assert "Анна" not in QGuiApplication.clipboard().text() and "12345" not in QGuiApplication.clipboard().text()
    assert "777" in QGuiApplication.clipboard().text()
    assert "Previous customer, not used" in window.customer_strip.text.text()
    window.customer_strip.take_button.click()  # the agent confirms: it is the same customer after all
    window.copy_reply(0)
    assert "Анна" in QGuiApplication.clipboard().text() and "777" in QGuiApplication.clipboard().text()


def test_a_plain_second_launch_keeps_the_conversation(qtbot, window):
    window.replies.set_values({"customer_name": "Анна"})
    window.hand_over(None)  # kb-assistant started again without --show: just raise the window
    assert window.replies.values == {"customer_name": "Анна"}


def test_copying_from_no_good_match_asks_first(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr("kb_assistant.ui.replies.copy.ask_copy_weak_match",
                        lambda parent, results: asked.append(results.query) or False)
    monkeypatch.setattr("kb_assistant.ui.replies.copy.ask_values", lambda parent, fields: {"order_id": "1"})
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClicks(window.search_box, "refund pasta")
    qtbot.waitUntil(lambda: shown(window, "refund"), timeout=5000)
    # the search thread's answer, as it comes when the closest article is a weak match
    weak = dataclasses.replace(window.search.latest, confident=False, query="how to cook pasta refund")
    window.search.latest = weak
    window.search.results_changed.emit(weak)
    assert window.results_pane.no_match.text() == "No good match. Closest:"
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["how to cook pasta refund"]
    assert QGuiApplication.clipboard().text() == "before"
    assert "Not copied" in window.statusBar().currentMessage()


def test_index_progress_says_the_agent_can_search_meanwhile(qtbot, window):
    """The search thread answers while the loader indexes (the first part of a first build too)."""
    window.show_progress(100, 1472)
    assert window.statusBar().currentMessage() == "Updating the index: 100 of 1472 files; you can search meanwhile"
