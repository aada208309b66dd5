"""In the agent's window: Back and Forward (Alt+Left, Alt+Right), Go to section (Ctrl+Shift+O),
and an article opened from a search scrolled to the question's first match."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kb_assistant.app import build_window
from kb_assistant.core.render.mdext.wikilinks import wikilink_href
from kb_assistant.core.settings import Settings
from kb_assistant.ui.help.palette import CommandPalette
from kb_assistant.ui.menus import shortcuts_sheet
from tests.ui.helpers import loaded, shown, type_text

ALT, CTRL_SHIFT = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
FILLER = "".join(f"## Step {n}\n\n" + "Check the order page and wait a little.\n\n" * 6 for n in range(1, 9))
KB = {
    "a.md": "---\nid: alpha\nlang: en\n---\n# Alpha\n\nSee [[beta]].\n",
    "b.md": "---\nid: beta\nlang: en\n---\n# Beta\n\nSee [[gamma]] or [[delta]].\n",
    "c.md": "---\nid: gamma\nlang: en\n---\n# Gamma\n\nSee [[beta]].\n",
    "d.md": "---\nid: delta\nlang: en\n---\n# Delta\n\nThe end.\n",
    "guide.md": f"---\nid: guide\nlang: en\n---\n# Long guide\n\n{FILLER}## Last resort\n\nCall zanzibar support.\n",
}


@pytest.fixture
def window(qtbot, write_kb, tmp_path):
    win, thread = build_window(write_kb(KB), tmp_path / "index", Settings(), data_dir=tmp_path / "data",
                               today_provider=lambda: dt.date(2026, 11, 27), watch=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    yield win
    thread.stop()


def on_screen(window, article_id):
    """``article_id`` is current and its text is shown (it renders off the GUI thread)."""
    return window.preview.is_current(article_id) and window.article.article is not None \
        and window.article.article.id == article_id


def open_in_turn(qtbot, window, *ids):
    """Open ``alpha`` from a search with Enter, then each of ``ids`` by a link of the one before."""
    qtbot.keyClicks(window.search_box, "alpha")
    qtbot.waitUntil(lambda: shown(window, "alpha"), timeout=5000)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # the keyboard goes into the article
    for article_id in ids:
        window.article.link_clicked.emit(wikilink_href(article_id))
        qtbot.waitUntil(lambda: on_screen(window, article_id), timeout=5000)


def key(qtbot, window, key_code, modifiers, expected):
    qtbot.keyClick(window.focusWidget(), key_code, modifiers)
    qtbot.waitUntil(lambda: on_screen(window, expected), timeout=5000)


def test_alt_left_and_alt_right_go_back_and_forward(qtbot, window):
    open_in_turn(qtbot, window, "beta", "gamma")
    assert window.focusWidget() is window.article
    key(qtbot, window, Qt.Key.Key_Left, ALT, "beta")
    key(qtbot, window, Qt.Key.Key_Left, ALT, "alpha")
    assert not window.article_pane.can_go_back() and window.article_pane.can_go_forward()
    key(qtbot, window, Qt.Key.Key_Right, ALT, "beta")
    key(qtbot, window, Qt.Key.Key_Right, ALT, "gamma")
    assert window.article_pane.history.entries() == ["alpha", "beta", "gamma"]  # going back added nothing
    window.search_bar.focus()  # the keys work from the search box too
    key(qtbot, window, Qt.Key.Key_Left, ALT, "beta")


def test_opening_another_article_after_going_back_drops_the_forward_ones(qtbot, window):
    open_in_turn(qtbot, window, "beta", "gamma")
    key(qtbot, window, Qt.Key.Key_Left, ALT, "beta")
    window.article.link_clicked.emit(wikilink_href("delta"))
    qtbot.waitUntil(lambda: on_screen(window, "delta"), timeout=5000)
    assert window.article_pane.history.entries() == ["alpha", "beta", "delta"]
    assert not window.article_pane.can_go_forward()
    key(qtbot, window, Qt.Key.Key_Left, ALT, "beta")


def test_an_article_removed_from_the_kb_is_skipped(qtbot, window):
    open_in_turn(qtbot, window, "beta", "gamma")
    (window.kb.root / "b.md").unlink()
    window.refresh_requested.emit()
    qtbot.waitUntil(lambda: loaded(window) and "beta" not in window.kb.articles, timeout=10000)
    key(qtbot, window, Qt.Key.Key_Left, ALT, "alpha")
    key(qtbot, window, Qt.Key.Key_Right, ALT, "gamma")


def test_results_passed_over_while_typing_do_not_fill_the_history(qtbot, window):
    window.article_pane.history.clock = lambda: 0.0  # every preview within the glance time
    type_text(window.search_box, "alpha")
    qtbot.waitUntil(lambda: shown(window, "alpha"), timeout=5000)
    window.search_box.clear()
    type_text(window.search_box, "delta")
    qtbot.waitUntil(lambda: shown(window, "delta"), timeout=5000)
    assert window.article_pane.history.entries() == ["delta"]
    qtbot.keyClick(window.search_box, Qt.Key.Key_Left, ALT)
    assert window.preview.is_current("delta")  # nowhere to go back to


def test_the_navigate_menu_shows_what_is_possible(qtbot, window):
    menu = next(item.menu() for item in window.menuBar().actions() if item.text() == "&Navigate")
    actions = (window.back_action, window.forward_action, window.outline_action)
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in actions] == [False, False, False]
    menu.aboutToHide.emit()
    assert all(a.isEnabled() for a in actions)  # the keys and the palette always reach them
    open_in_turn(qtbot, window, "beta")
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in actions] == [True, False, True]
    menu.aboutToHide.emit()


def test_the_keys_are_in_the_f1_sheet_and_the_palette(qtbot, window):
    sheet = shortcuts_sheet(window)
    qtbot.addWidget(sheet)
    rows = {(keys, what) for heading, rows in sheet.groups for keys, what in rows if heading.endswith("Navigate")}
    assert rows == {("Alt+Left", "Back"), ("Alt+Right", "Forward"), ("Ctrl+Shift+O", "Go to section…")}
    palette = CommandPalette(window)
    qtbot.addWidget(palette)
    type_text(palette.field, "section")
    assert palette.visible_texts() == ["Go to section…"]


def test_ctrl_shift_o_lists_the_sections_and_enter_scrolls_to_one(qtbot, window):
    qtbot.keyClicks(window.search_box, "guide")
    qtbot.waitUntil(lambda: shown(window, "guide"), timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL_SHIFT)
    dialog = window.article_pane.outline
    assert dialog is not None and dialog.isVisible()
    assert dialog.visible_texts() == ["Long guide", *(f"Step {n}" for n in range(1, 9)), "Last resort"]
    bar = window.article.verticalScrollBar()
    before = bar.value()
    type_text(dialog.field, "step 6")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert not dialog.isVisible() and window.article_pane.outline is None
    assert bar.value() > before and window.article.textCursor().block().text() == "Step 6"
    assert window.focusWidget() is window.article  # Page Down reads on from the section


def test_an_article_opened_from_a_search_shows_the_first_match_far_down(qtbot, window):
    qtbot.keyClicks(window.search_box, "zanzibar")
    qtbot.waitUntil(lambda: shown(window, "guide"), timeout=5000)
    view = window.article
    assert view.verticalScrollBar().value() > 0
    match = view.document().find("zanzibar")
    top = view.cursorRect(match).top()
    assert view.fontMetrics().lineSpacing() <= top < view.viewport().height()  # on screen, lines above it
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "guide")  # the title matches: the article opens at its top
    qtbot.waitUntil(lambda: window.search.text == "guide", timeout=5000)
    window.preview.show("guide")
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() == 0, timeout=5000)


def test_the_mouses_back_and_forward_buttons(qtbot, window):
    open_in_turn(qtbot, window, "beta")
    viewport = window.article.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.BackButton)
    qtbot.waitUntil(lambda: on_screen(window, "alpha"), timeout=5000)
    qtbot.mouseClick(viewport, Qt.MouseButton.ForwardButton)
    qtbot.waitUntil(lambda: on_screen(window, "beta"), timeout=5000)
