"""The one reply path: picking, composing greeting + reply + closing, what to ask, rendering."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from kb_assistant.cli import main as cli_main
from kb_assistant.core.errors import ArticleNotFoundError, ReplyNotFoundError, UnfilledPlaceholderError
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.replies.compose import (
    PlaceholderField,
    ReplyRequest,
    builtins_for,
    compose,
    pick_reply,
    placeholders_needed,
    render,
    render_request,
    reply_names,
    unfilled_names,
)
from kb_assistant.core.settings import Settings

TODAY = dt.date(2026, 11, 27)
FILES = {
    "_kb.yml": "placeholders:\n  order_id: {en: Order number, ru: Номер заказа}\n",
    "refund.md": (
        "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n\n"
        "## Reply: Started\nThe refund for order {{order_id}} is on its way, {{customer_name|there}}.\n\n"
        "## Reply: Delayed\nSorry, order {{order_id}} is late. {{agent_name}}\n"
    ),
    "vozvrat.ru.md": "---\nid: vozvrat\nlang: ru\n---\n# Возврат\n\n## Ответ: Готово\nЗаказ {{order_id}}, {{today}}.\n",
    "none.md": "# No replies\n\nJust text.\n",
    "hello.md": "---\nid: hello\nlang: en\ntype: snippet\n---\n# Greeting\n\nHello {{customer_name|there}}!\n",
    "bye.md": "---\nid: bye\nlang: en\ntype: snippet\n---\n# Closing\n\nBest regards,\n{{agent_name}}\n",
}


@pytest.fixture
def kb(write_kb):
    return load_kb(write_kb(FILES))


def test_pick_reply_by_name_number_and_default(kb):
    assert pick_reply(kb, "refund").name == "Started"
    assert pick_reply(kb, "refund", "2").name == "Delayed"
    assert pick_reply(kb, "refund", "delayed").name == "Delayed"
    assert pick_reply(kb, "hello").template == "Hello {{customer_name|there}}!"
    assert reply_names(kb.get("hello")) == ["Greeting"]
    assert reply_names(None) == []


@pytest.mark.parametrize(("article", "which", "error"), [
    ("missing", "", ArticleNotFoundError),
    ("none", "", ReplyNotFoundError),
    ("refund", "3", ReplyNotFoundError),
    ("refund", "0", ReplyNotFoundError),
    ("refund", "Refunded", ReplyNotFoundError),
    ("hello", "2", ReplyNotFoundError),
])
def test_pick_reply_refuses_what_is_not_there(kb, article, which, error):
    with pytest.raises(error):
        pick_reply(kb, article, which)


def test_an_unknown_reply_lists_the_ones_the_article_has(kb):
    with pytest.raises(ReplyNotFoundError) as caught:
        pick_reply(kb, "refund", "9")
    assert "1. Started; 2. Delayed" in str(caught.value)


def test_compose_puts_greeting_and_closing_around_the_reply(kb):
    composition = compose(kb, ReplyRequest("refund", greeting_id="hello", closing_id="bye"))
    assert composition.blocks() == (
        "Hello {{customer_name|there}}!",
        "The refund for order {{order_id}} is on its way, {{customer_name|there}}.",
        "Best regards,\n{{agent_name}}",
    )
    assert composition.lang == "en"


def test_a_snippet_copied_as_its_own_greeting_is_said_once(kb):
    composition = compose(kb, ReplyRequest("hello", greeting_id="hello", closing_id="bye"))
    assert composition.blocks() == ("Hello {{customer_name|there}}!", "Best regards,\n{{agent_name}}")


@pytest.mark.parametrize(("greeting", "closing"), [("gone", ""), ("", "vozvrat")])
def test_a_greeting_or_closing_that_is_no_snippet_is_refused(kb, greeting, closing):
    with pytest.raises(ArticleNotFoundError) as caught:
        compose(kb, ReplyRequest("refund", greeting_id=greeting, closing_id=closing))
    assert (greeting or closing) in str(caught.value)


def test_placeholders_needed_in_order_with_labels_fallbacks_and_values(kb):
    composition = compose(kb, ReplyRequest("refund", closing_id="bye"))
    builtins = builtins_for(composition, Settings(), TODAY)
    assert placeholders_needed(kb, composition, {"order_id": "7"}, builtins) == [
        PlaceholderField("order_id", "Order number", None, "7"),
        PlaceholderField("customer_name", "Customer name", "there", ""),
        PlaceholderField("agent_name", "Your name", None, ""),  # the profile leaves it empty
    ]
    with_profile = builtins_for(composition, Settings(agent_name="Maria"), TODAY)
    assert [f.name for f in placeholders_needed(kb, composition, {}, with_profile)] == ["order_id", "customer_name"]
    assert unfilled_names(composition, {}, with_profile) == ["order_id"]
    assert unfilled_names(composition, {"order_id": "7"}, with_profile) == []


def test_render_is_strict_for_copying_and_lenient_for_previews(kb):
    composition = compose(kb, ReplyRequest("vozvrat"))
    builtins = builtins_for(composition, Settings(), TODAY)
    with pytest.raises(UnfilledPlaceholderError) as caught:
        render(composition, {}, "chat", builtins)
    assert caught.value.names == ("order_id",)
    assert render(composition, {}, "chat", builtins, strict=False).plain == "Заказ [order_id], 27.11.2026."
    assert render(composition, {"order_id": "42"}, "chat", builtins).plain == "Заказ 42, 27.11.2026."


def test_the_command_line_prints_what_render_request_gives(kb, monkeypatch):
    """One path: ``kb-assistant reply`` and the window's controller render through the same function."""
    request = ReplyRequest("refund", "2", {"order_id": "7"}, "chat", "hello", "bye")
    expected = render_request(kb, request, Settings(agent_name="Maria"), dt.date.today()).plain
    (kb.root.parent / "config").mkdir()
    (kb.root.parent / "config" / "settings.json").write_text('{"agent_name": "Maria"}', encoding="utf-8")
    monkeypatch.setenv("KB_ASSISTANT_CONFIG_DIR", str(kb.root.parent / "config"))
    out = io.StringIO()
    code = cli_main(["reply", "--kb", str(kb.root), "refund", "2", "--var", "order_id=7", "--channel", "chat",
                     "--greeting", "hello", "--closing", "bye"], stdout=out, stderr=io.StringIO())
    assert code == 0
    assert out.getvalue() == expected + "\n"
    assert expected == "Hello there!\n\nSorry, order 7 is late. Maria\n\nBest regards,\nMaria"
