"""Greeting and closing in the replies panel: the article's language first, re-ordered when it changes;
blocks left out because the reply has them are said; the signature per channel in the preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.settings import Settings
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.replies.panel import ReplyPanel

SAMPLE = Path(__file__).resolve().parents[3] / "kb_assistant" / "sample_kb"
TODAY = dt.date(2026, 11, 27)


def items(combo) -> list[tuple[str, str | None]]:
    """(text, data) of every entry; a separator reads ("", None)."""
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


@pytest.fixture
def sample():
    return load_kb(SAMPLE)


@pytest.fixture
def wired(qtbot, sample):
    def make(**settings):
        controller = ReplyController(sample, Settings(**settings), today_provider=lambda: TODAY)
        panel = ReplyPanel()
        qtbot.addWidget(panel)
        panel.bind(controller)
        controller.set_kb(sample)
        return controller, panel

    return make


def russian_article(kb) -> str:
    return next(a.id for a in kb.articles.values() if a.lang == "ru" and a.type == "article" and a.replies)


def english_article(kb) -> str:
    return next(a.id for a in kb.articles.values() if a.lang == "en" and a.type == "article" and a.replies)


def test_under_a_russian_article_the_russian_greetings_come_first(wired, sample):
    controller, panel = wired()
    controller.set_article(russian_article(sample))
    entries = items(panel.greeting)
    assert entries[0] == ("(none)", "")
    assert [text for text, _ in entries[1:3]] == ["Приветствие официальное", "Приветствие дружелюбное"]
    separator = entries.index(("", None))
    russian, english = entries[1:separator], entries[separator + 1:]
    assert len(russian) == len(english) == 8
    assert all(sample.articles[data].lang == "ru" and "(" not in text for text, data in russian)
    assert all(sample.articles[data].lang == "en" and text.endswith(" (en)") for text, data in english)
    assert english[0] == ("Greeting, formal (en)", "greeting-formal")
    tip = panel.greeting.itemData(separator + 1, Qt.ItemDataRole.ToolTipRole)
    assert tip == "In another language: en"
    closings = [data for _, data in items(panel.closing)]
    assert closings[1:3] == ["closing-signature-ru", "closing-standard-ru"]


def test_the_lists_are_reordered_when_the_article_changes_language(wired, sample, qtbot):
    controller, panel = wired()
    controller.set_article(russian_article(sample))
    with qtbot.waitSignal(controller.snippets_changed):
        controller.set_article(english_article(sample))
    assert panel.greeting.itemText(1) == "Greeting, formal"
    assert panel.greeting.itemText(panel.greeting.count() - 1).endswith(" (ru)")
    with qtbot.assertNotEmitted(controller.snippets_changed):
        controller.set_article(next(a.id for a in sample.articles.values()
                                    if a.lang == "en" and a.id != english_article(sample)))
        controller.set_article(None)  # no article: the last language stays


def test_a_chosen_greeting_follows_its_translation(wired, sample):
    controller, panel = wired(greeting_snippet="greeting-friendly", closing_snippet="closing-standard")
    controller.set_article(russian_article(sample))
    assert (controller.greeting_id, controller.closing_id) == ("greeting-friendly-ru", "closing-standard-ru")
    assert panel.greeting.currentData() == "greeting-friendly-ru"
    assert panel.greeting.currentText() == "Приветствие дружелюбное"
    controller.set_article(english_article(sample))
    assert panel.closing.currentData() == "closing-standard"


def test_the_agent_picks_from_the_combo(wired, sample):
    controller, panel = wired()
    controller.set_article(russian_article(sample))
    index = panel.closing.findData("closing-standard-ru")
    panel.closing.setCurrentIndex(index)
    panel.closing.activated.emit(index)
    assert controller.closing_id == "closing-standard-ru"
    controller.set_kb(sample)  # a reload keeps the choice and the order
    assert panel.closing.currentData() == "closing-standard-ru"


def test_a_stale_snippet_id_is_shown_as_such(wired, sample):
    controller, panel = wired(greeting_snippet="gone")
    assert panel.greeting.currentText() == "gone (not in this knowledge base)"
    assert panel.greeting.currentData() == "gone"


def test_a_greeting_the_reply_already_has_is_left_out_and_said(wired, sample, qtbot):
    controller, panel = wired(agent_name="Анна", greeting_snippet="greeting-formal-ru")
    controller.set_channel("chat")
    with qtbot.waitSignal(controller.left_out_changed) as left_out:
        controller.set_article(russian_article(sample))
    assert left_out.args == [["greeting-in-reply"]]
    assert panel.left_out_note.isVisibleTo(panel)
    assert panel.left_out_note.text() == "Greeting not added: the reply already opens with one."
    preview = controller.preview().plain
    assert preview.startswith("Здравствуйте") and "Добрый день" not in preview
    with qtbot.waitSignal(controller.left_out_changed) as left_out:
        controller.set_article("apology-delay-ru")  # a snippet that does not greet: the greeting goes first
    assert left_out.args == [[]] and not panel.left_out_note.isVisibleTo(panel)
    assert controller.preview().plain.startswith("Добрый день, [customer_name]!")


def test_the_signature_in_the_preview_per_channel(wired, sample):
    controller, panel = wired(agent_name="Анна", agent_signature="Анна Петрова\nПоддержка Shopwave",
                              company="Shopwave", closing_snippet="closing-standard-ru")
    controller.set_article(russian_article(sample))
    email = controller.preview()
    assert email.plain.endswith("Хорошего дня!\n\nАнна Петрова\nПоддержка Shopwave")
    assert email.html.endswith("<p>Анна Петрова<br>\nПоддержка Shopwave</p>")
    controller.set_channel("chat")
    assert controller.preview().plain.endswith("Хорошего дня!")
    controller.set_settings(Settings(agent_name="Анна", agent_signature="Анна Петрова", company="Shopwave",
                                     closing_snippet="closing-signature-ru", signature_channels=["chat"]))
    assert controller.left_out() == ["signature-in-reply"]
    assert "Анна Петрова" not in controller.preview().plain  # the closing signs with {{agent_name}}
    assert "Signature not added" in panel.left_out_note.text()


def test_no_ready_replies_is_said_only_of_an_open_article(wired, sample):
    controller, panel = wired()
    panel.show()
    controller.set_article(None)
    assert not panel.empty_label.isVisible()  # nothing is open: nothing to say about its replies
    controller.set_article(english_article(sample))
    assert not panel.empty_label.isVisible()
    panel.set_replies([], has_article=True)  # an open article without replies says so
    assert panel.empty_label.isVisible()
