"""The reply controller: fields to fill, values per customer, the unfilled guard, channels, snippets."""

from __future__ import annotations

import datetime as dt

import pytest

from kb_assistant.core.errors import ArticleNotFoundError, ReplyNotFoundError, UnfilledPlaceholderError
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.settings import Settings
from kb_assistant.core.replies.compose import PlaceholderField, humanize
from kb_assistant.ui.replies.controller import ReplyController

TODAY = dt.date(2026, 11, 27)

KB_FILES = {
    "_kb.yml": (
        "name: Test KB\n"
        "default_lang: en\n"
        "placeholders:\n"
        "  customer_name: {en: Customer name, ru: Имя клиента}\n"
        "  order_id: {en: Order number, ru: Номер заказа}\n"
    ),
    "payments/refund.md": (
        "---\nid: refund\ntitle: Refund to a card\nlang: en\n---\n"
        "# Refund to a card\n\nHow refunds work.\n\n"
        "## Reply: Refund started\n"
        "The refund for order {{order_id}} is on its way, {{customer_name|there}}.\n\n"
        "## Reply: Refund delayed\n"
        "Sorry {{customer_name|there}}, the refund for **order {{order_id}}** takes longer. "
        "Check [the status](https://shop.example/status) on {{today}}.\n"
    ),
    "delivery/tracking.md": (
        "---\nid: tracking\ntitle: Where is my parcel\nlang: en\n---\n"
        "# Where is my parcel\n\n## Reply: Tracking\n"
        "{{customer_name|Hi}}, your tracking number is {{tracking_number}}.\n"
    ),
    "payments/refund.ru.md": (
        "---\nid: refund-ru\ntitle: Возврат на карту\nlang: ru\n---\n"
        "# Возврат на карту\n\n## Ответ: Возврат оформлен\n"
        "{{customer_name|Здравствуйте}}, возврат по заказу {{order_id}} оформлен {{today}}.\n"
    ),
    "snippets/hello.md": (
        "---\nid: hello\ntitle: Greeting\nlang: en\ntype: snippet\n---\n"
        "# Greeting\n\nHello {{customer_name|there}}!\n"
    ),
    "snippets/bye.md": (
        "---\nid: bye\ntitle: Closing\nlang: en\ntype: snippet\n---\n"
        "# Closing\n\nBest regards,\n{{agent_name}}\n"
    ),
    "notes/empty.md": "# No replies here\n\nJust text.\n",
}


def record(controller: ReplyController) -> list[tuple[str, tuple]]:
    """Connect to every signal of ``controller``; return the list that fills up in order."""
    emitted: list[tuple[str, tuple]] = []
    for name in ("preview_changed", "replies_changed", "values_changed", "channel_changed"):
        getattr(controller, name).connect(lambda *args, name=name: emitted.append((name, args)))
    return emitted


@pytest.fixture
def kb(write_kb):
    return load_kb(write_kb(KB_FILES))


@pytest.fixture
def make_controller(kb, qtbot):
    def make(**settings) -> ReplyController:
        return ReplyController(kb, Settings(**settings), today_provider=lambda: TODAY)

    return make


@pytest.fixture
def controller(make_controller):
    return make_controller(agent_name="Maria")


def test_fields_use_kb_labels_and_fallbacks_in_order(controller):
    controller.set_article("refund")
    fields = controller.placeholders_needed()
    assert fields == [
        PlaceholderField("order_id", "Order number", None, ""),
        PlaceholderField("customer_name", "Customer name", "there", ""),
    ]
    assert [f.required for f in fields] == [True, False]


def test_fields_use_the_article_language_and_humanize_undeclared_names(controller):
    controller.set_article("refund-ru")
    assert [(f.name, f.label) for f in controller.placeholders_needed()] == [
        ("customer_name", "Имя клиента"), ("order_id", "Номер заказа"),
    ]
    controller.set_article("tracking")
    assert [f.label for f in controller.placeholders_needed()] == ["Customer name", "Tracking number"]
    assert humanize("tracking_number") == "Tracking number"


def test_builtins_are_not_asked_unless_the_profile_leaves_them_empty(make_controller):
    with_profile = make_controller(agent_name="Maria", closing_snippet="bye")
    with_profile.set_article("refund")
    assert "agent_name" not in [f.name for f in with_profile.placeholders_needed()]
    assert "today" not in [f.name for f in with_profile.placeholders_needed(1)]
    no_profile = make_controller(closing_snippet="bye")
    no_profile.set_article("refund")
    assert [f.name for f in no_profile.placeholders_needed()] == ["order_id", "customer_name", "agent_name"]
    assert no_profile.missing() == ["order_id", "agent_name"]


def test_values_are_kept_across_articles_until_cleared(controller, qtbot):
    controller.set_article("refund")
    with qtbot.waitSignal(controller.values_changed):
        controller.set_values({"customer_name": "Anna", "order_id": "123456789"})
    controller.set_article("tracking")
    fields = {f.name: f.value for f in controller.placeholders_needed()}
    assert fields == {"customer_name": "Anna", "tracking_number": ""}
    assert controller.missing() == ["tracking_number"]
    controller.set_article("refund-ru")
    assert controller.missing() == []
    assert controller.preview().plain.startswith("Anna, возврат по заказу 123456789 оформлен 27.11.2026.")
    with qtbot.waitSignal(controller.values_changed):
        controller.clear_values()
    assert controller.values == {}
    assert controller.missing() == ["order_id"]


def test_a_blank_value_forgets_the_name(controller):
    controller.set_article("refund")
    controller.set_values({"customer_name": "Anna", "order_id": "1"})
    controller.set_values({"customer_name": "  "})
    assert controller.values == {"order_id": "1"}


def test_copy_is_refused_naming_the_unfilled_placeholder(controller):
    controller.set_article("refund")
    controller.set_values({"customer_name": "Anna"})
    with pytest.raises(UnfilledPlaceholderError) as caught:
        controller.payload_for_copy()
    assert caught.value.names == ("order_id",)
    assert "[order_id]" in controller.preview().plain


def test_copy_with_values_gives_the_filled_text(controller):
    controller.set_article("refund")
    controller.set_values({"order_id": "123456789"})
    payload = controller.payload_for_copy()
    assert payload.plain == "The refund for order 123456789 is on its way, there."
    controller.select_reply(1)
    payload = controller.payload_for_copy()
    assert "order 123456789" in payload.plain
    assert "November 27, 2026" in payload.plain
    assert controller.payload_for_copy(0).plain.startswith("The refund for order")


def test_copy_of_a_reply_that_does_not_exist_is_refused_as_the_cli_refuses_it(controller):
    with pytest.raises(ArticleNotFoundError):
        controller.payload_for_copy()
    controller.set_article("notes/empty")
    assert controller.reply_names() == []
    with pytest.raises(ReplyNotFoundError):
        controller.payload_for_copy()
    controller.set_article("refund")
    with pytest.raises(ReplyNotFoundError) as caught:
        controller.payload_for_copy(5)
    assert "1. Refund started; 2. Refund delayed" in str(caught.value)
    assert controller.preview(5).plain == ""
    assert controller.placeholders_needed(5) == []


def test_channel_switch_changes_the_preview_shape(controller, qtbot):
    controller.set_article("refund")
    controller.select_reply(1)
    controller.set_values({"order_id": "42"})
    email = controller.preview()
    assert email.channel == "email"
    assert "<strong>order 42</strong>" in email.html
    emitted = record(controller)
    with qtbot.waitSignals([controller.channel_changed, controller.preview_changed]):
        controller.set_channel("chat")
    chat = controller.preview()
    assert chat.html is None
    assert "the status (https://shop.example/status)" in chat.plain
    assert emitted == [("channel_changed", ("chat",)), ("preview_changed", (chat.plain, ""))]
    controller.set_channel("messenger")
    assert "*order 42*" in controller.payload_for_copy().plain
    with pytest.raises(ValueError):
        controller.set_channel("fax")


def test_default_channel_and_snippets_come_from_settings(make_controller):
    controller = make_controller(agent_name="Maria", default_channel="phone",
                                 greeting_snippet="hello", closing_snippet="bye")
    assert (controller.channel, controller.greeting_id, controller.closing_id) == ("phone", "hello", "bye")


def test_greeting_and_closing_compose_around_the_reply(make_controller):
    controller = make_controller(agent_name="Maria", greeting_snippet="hello", closing_snippet="bye")
    controller.set_channel("chat")
    controller.set_article("refund")
    controller.set_values({"customer_name": "Anna", "order_id": "7"})
    assert controller.payload_for_copy().plain == (
        "Hello Anna!\n\nThe refund for order 7 is on its way, Anna.\n\nBest regards,\nMaria"
    )
    controller.set_greeting("")
    controller.set_closing("")
    assert controller.payload_for_copy().plain == "The refund for order 7 is on its way, Anna."


@pytest.mark.parametrize(("greeting", "closing"), [("gone", ""), ("", "tracking")])
def test_a_snippet_that_is_not_in_the_kb_is_refused_with_the_cli_message(make_controller, kb, qtbot, greeting, closing):
    """The core path wins: a stale greeting or closing in the settings is named, never dropped silently."""
    from kb_assistant.core.replies.compose import ReplyRequest, compose

    controller = make_controller(greeting_snippet=greeting, closing_snippet=closing)
    with qtbot.waitSignal(controller.preview_failed) as failed:
        controller.set_article("refund")
    controller.set_values({"order_id": "7"})
    with pytest.raises(ArticleNotFoundError) as caught:
        controller.payload_for_copy()
    with pytest.raises(ArticleNotFoundError) as cli:
        compose(kb, ReplyRequest("refund", greeting_id=greeting, closing_id=closing))
    assert str(caught.value) == str(cli.value) == str(failed.args[0])
    assert controller.preview().plain == ""
    controller.set_greeting("")
    controller.set_closing("")
    assert controller.payload_for_copy().plain.startswith("The refund for order 7")


def test_a_snippet_is_its_own_single_reply(make_controller):
    controller = make_controller(agent_name="Maria", greeting_snippet="hello", closing_snippet="bye")
    controller.set_channel("chat")
    controller.set_article("bye")
    assert controller.reply_names() == ["Closing"]
    assert controller.payload_for_copy().plain == "Hello there!\n\nBest regards,\nMaria"


def test_signals_follow_article_reply_and_values(controller, qtbot):
    emitted = record(controller)
    with qtbot.waitSignals([controller.replies_changed, controller.preview_changed]):
        controller.set_article("refund")
    assert [name for name, _ in emitted] == ["replies_changed", "preview_changed"]
    assert emitted[0][1] == (["Refund started", "Refund delayed"],)
    with qtbot.waitSignal(controller.preview_changed) as preview:
        controller.select_reply(1)
    plain, html = preview.args
    assert plain.startswith("Sorry there, the refund for order [order_id]")
    assert "<strong>order [order_id]</strong>" in html
    with qtbot.waitSignal(controller.preview_changed) as preview:
        controller.set_values({"order_id": "99"})
    assert "order 99" in preview.args[0]
    with qtbot.assertNotEmitted(controller.preview_changed):
        assert controller.select_reply(-1) is False
        assert controller.select_reply(2) is False
    with qtbot.waitSignal(controller.replies_changed) as replies:
        assert controller.set_article("no-such-article") is False
    assert replies.args == [[]]
    assert controller.article is None


def test_set_kb_keeps_the_article_when_it_still_exists(controller, kb, write_kb, qtbot):
    controller.set_article("refund")
    controller.select_reply(1)
    controller.set_values({"customer_name": "Anna"})
    changed = dict(KB_FILES)
    changed["payments/refund.md"] = changed["payments/refund.md"].replace("takes longer", "is late")
    new_kb = load_kb(write_kb(changed))
    with qtbot.waitSignal(controller.replies_changed):
        controller.set_kb(new_kb)
    assert controller.article.id == "refund"
    assert controller.reply_index == 1
    assert "is late" in controller.preview().plain
    assert controller.values == {"customer_name": "Anna"}
    del changed["payments/refund.md"]
    new_kb = load_kb(write_kb(changed, kb.root.parent / "kb2"))
    controller.set_kb(new_kb)
    assert controller.article is None
