"""The usage log in the agent's window: search, open, copy are kept; the search learns; "did not help" weakens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from kb_assistant.core.usage.insights import insights
from kb_assistant.core.usage.log import UsageEvent, UsageLog
from kb_assistant.ui.menus import mark_not_helpful
from tests.ui.helpers import loaded, type_text

KB = {
    "cards/limits.md": (
        "---\nid: limits\nlang: en\n---\n# Card declined: limits\n\nA card is declined when the daily limit "
        "is reached. Limits for a bank card can be raised.\n\n## Reply: Limits\nYour card's limit can be raised.\n"),
    "cards/travel.md": (
        "---\nid: travel\nlang: en\n---\n# Using your card abroad\n\nTell us before you go abroad.\n\n"
        "## Reply: Travel notice\nWe noted your trip; payments abroad will go through.\n"),
    "account/password.md": "---\nid: password\nlang: en\n---\n# Reset a password\n\nUse the reset link.\n",
}
QUESTION = "card declined in spain"


@pytest.fixture
def window(qtbot, write_kb, tmp_path, monkeypatch):
    monkeypatch.setattr("kb_assistant.ui.replies.copy.ask_copy_weak_match", lambda parent, results: True)
    root = write_kb(KB)
    win, thread = build_window(root, tmp_path / "index", Settings(default_channel="chat"), watch=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    yield win
    thread.stop()
    win.usage.close()


def ask(qtbot, win, text):
    """Type a question into an empty search box and wait for its results."""
    win.search_box.clear()
    type_text(win.search_box, text)
    qtbot.waitUntil(lambda: win.search.latest is not None and win.search.latest.query == text
                    and win.results_pane.model.rowCount() > 0, timeout=5000)
    return [hit.id for hit in win.search.latest.hits]


def settle(win):
    """Wait until the keeper has written and learned what was recorded so far."""
    win.usage.keeper.events().result(timeout=10)


def written_kinds(win):
    return [event.kind for event in UsageLog(win.usage.keeper.log.folder).read()]


def test_search_open_copy_are_kept_and_the_same_question_then_ranks_the_chosen_article_first(qtbot, window):
    before = ask(qtbot, window, QUESTION)
    assert before[0] == "limits" and "travel" in before
    for _ in range(before.index("travel")):
        qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # opened on purpose
    qtbot.waitUntil(lambda: window.preview.current is not None and window.preview.current.id == "travel", timeout=5000)
    window.copy_reply(0)
    assert "Copied" in window.statusBar().currentMessage()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)  # the question is over
    settle(window)
    events = list(UsageLog(window.usage.keeper.log.folder).read())
    copy = next(event for event in events if event.kind == "copy")
    assert (copy.text, copy.article, copy.reply, copy.channel) == (QUESTION, "travel", "Travel notice", "chat")
    assert any(event.kind == "open" and event.article == "travel" for event in events)
    assert ask(qtbot, window, QUESTION)[0] == "travel"

    # "this did not help": the association is weakened below what counts, the editor's ranking is back
    qtbot.waitUntil(lambda: window.preview.current is not None and window.preview.current.id == "travel", timeout=5000)
    mark_not_helpful(window)
    assert "did not help" in window.statusBar().currentMessage()
    settle(window)
    assert "not_helpful" in written_kinds(window)
    assert ask(qtbot, window, QUESTION + " ")[0] == "limits"


def test_a_question_that_found_nothing_is_a_gap_in_the_insights(qtbot, window):
    type_text(window.search_box, "zqxv flux capacitor")
    qtbot.waitUntil(lambda: window.search.latest is not None and window.search.latest.query == "zqxv flux capacitor",
                    timeout=5000)
    assert not window.search.latest.confident
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    settle(window)
    assert written_kinds(window) == ["no_match"]
    found = insights(window.usage.events(), window.kb)
    assert [gap.examples for gap in found.gaps] == [("zqxv flux capacitor",)]


def test_did_not_help_without_an_article_says_what_to_do(qtbot, window):
    mark_not_helpful(window)
    assert "open the article" in window.statusBar().currentMessage()
    settle(window)
    assert written_kinds(window) == []


def test_with_usage_off_nothing_is_written(qtbot, window):
    window.usage.apply_settings(Settings(keep_usage=False))
    ask(qtbot, window, QUESTION)
    window.copy_reply(0)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    settle(window)
    assert not Path(window.usage.keeper.log.folder).exists() or not os.listdir(window.usage.keeper.log.folder)


def test_tools_insights_lists_the_gap_and_adds_it_as_a_question_to_an_article(qtbot, window):
    type_text(window.search_box, "zqxv flux capacitor")
    qtbot.waitUntil(lambda: window.search.latest is not None and window.search.latest.query == "zqxv flux capacitor",
                    timeout=5000)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    settle(window)
    insights_window = window.insights.show()
    qtbot.waitUntil(lambda: insights_window.gaps.table.topLevelItemCount() == 1
                    and bool(insights_window.gaps.gaps), timeout=5000)
    assert "zqxv flux capacitor" in insights_window.gaps.table.topLevelItem(0).text(1)
    insights_window.gaps.table.setCurrentItem(insights_window.gaps.table.topLevelItem(0))
    insights_window.ask_pick = lambda dialog: dialog.filter.setText("password") or True
    insights_window.gaps.add_button.click()
    text = (window.kb.root / "account/password.md").read_text(encoding="utf-8")
    assert "questions:" in text and "zqxv flux capacitor" in text
    qtbot.waitUntil(lambda: "zqxv flux capacitor" in (window.kb.articles["password"].questions or ()), timeout=5000)
    assert ask(qtbot, window, "zqxv flux capacitor")[0] == "password"


def test_create_an_article_from_a_gap_opens_the_new_article_with_the_question(qtbot, window):
    window.usage.keeper.record([UsageEvent("no_match", text="can I pay with bitcoin")]).result(timeout=10)
    insights_window = window.insights.show()
    qtbot.waitUntil(lambda: insights_window.gaps.table.topLevelItemCount() == 1
                    and bool(insights_window.gaps.gaps), timeout=5000)
    window.workbench.ask_new_article = lambda dialog: True
    insights_window.gaps.table.setCurrentItem(insights_window.gaps.table.topLevelItem(0))
    insights_window.gaps.create_button.click()
    [editor] = window.workbench.editors.values()
    text = editor.editor.toPlainText()
    assert "title: Can I pay with bitcoin" in text and "  - can I pay with bitcoin" in text
    editor.ask_unsaved = lambda: "discard"
    editor.close()


def test_what_agents_taught_follows_an_article_the_editor_renames(qtbot, window, monkeypatch):
    window.usage.keeper.record([UsageEvent("copy", text=QUESTION, article="travel", reply="Travel notice")])
    settle(window)
    assert ask(qtbot, window, QUESTION)[0] == "travel"
    bench = window.workbench

    def fill(dialog):
        dialog.new_path.setText("cards/abroad.md")
        dialog.new_id.setText("abroad")
        dialog.update_plan()
        return True

    monkeypatch.setattr(bench, "ask_rename", fill)
    with qtbot.waitSignal(bench.renamed):
        assert bench.rename("cards/travel.md")
    qtbot.waitUntil(lambda: loaded(window, "abroad"), timeout=10000)
    settle(window)
    assert ("rename", "travel", "abroad") in [(e.kind, e.article, e.to) for e in UsageLog(
        window.usage.keeper.log.folder).read()]
    assert ask(qtbot, window, QUESTION + " ")[0] == "abroad"
    for editor in list(bench.editors.values()):
        editor.ask_unsaved = lambda: "discard"
        editor.close()
