"""Blocks around a reply, never twice: greeting and closing skipped when the reply has them, the signature
per channel, and the greeting and closing lists ordered by the reply's language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.replies.blocks import (
    LEFT_OUT,
    SnippetChoice,
    ends_with_closing,
    has_signature,
    opens_with_greeting,
    snippet_choices,
    snippet_in_language,
    wants_signature,
)
from kb_assistant.core.replies.compose import ReplyRequest, builtins_for, compose, render, render_request
from kb_assistant.core.settings import Settings

TODAY = dt.date(2026, 11, 27)
SAMPLE = Path(__file__).resolve().parents[3] / "kb_assistant" / "sample_kb"

FILES = {
    "_kb.yml": "default_lang: en\n",
    "refund.md": (
        "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n\n"
        "## Reply: Plain\nThe refund for order {{order_id}} is on its way.\n\n"
        "## Reply: Greets\nHello {{customer_name|there}}! The refund is on its way.\n\n"
        "## Reply: Signs\nThe refund is on its way.\n\nBest regards,\n{{agent_name}}\n\n"
        "## Reply: Places the signature\nThe refund is on its way.\n\n{{agent_signature}}\n"
    ),
    "vozvrat.ru.md": (
        "---\nid: vozvrat\nlang: ru\n---\n# Возврат\n\n"
        "## Ответ: Здоровается\n**Здравствуйте**, {{customer_name}}! Возврат оформлен.\n\n"
        "## Ответ: Без приветствия\nВозврат оформлен. Хорошего дня!\n"
    ),
    "snippets/hello.md": (
        "---\nid: hello\nlang: en\ntype: snippet\ntags: [greeting]\ntranslations: {ru: privet}\n---\n"
        "# Greeting\n\nGood day, {{customer_name|there}}!\n"
    ),
    "snippets/privet.md": (
        "---\nid: privet\nlang: ru\ntype: snippet\ntags: [greeting]\ntranslations: {en: hello}\n---\n"
        "# Приветствие\n\nДобрый день, {{customer_name}}!\n"
    ),
    "snippets/sorry.md": "---\nid: sorry\nlang: en\ntype: snippet\n---\n# Apology\n\nI'm sorry.\n",
    "snippets/izvinite.md": "---\nid: izvinite\nlang: ru\ntype: snippet\n---\n# Извинение\n\nПростите.\n",
    "snippets/bye.md": (
        "---\nid: bye\nlang: en\ntype: snippet\ntags: [closing]\n---\n# Closing\n\n"
        "Thank you for choosing {{company}}.\n\nKind regards, the {{company}} team\n"
    ),
}


@pytest.fixture
def kb(write_kb):
    return load_kb(write_kb(FILES))


def agent(**changes) -> Settings:
    values = {"agent_name": "Anna", "agent_signature": "Anna Petrova\nShopwave <Support>", "company": "Shopwave"}
    values.update(changes)
    return Settings(**values)


def plain(kb, request: ReplyRequest, settings: Settings) -> str:
    return render_request(kb, request, settings, TODAY).plain


# -- greeting ------------------------------------------------------------------

@pytest.mark.parametrize("reply", [
    "Здравствуйте, {{customer_name}}! Заказ в пути.",
    "{{customer_name}}, здравствуйте! Заказ в пути.",
    "Добрый день! Заказ в пути.",
    "ДОБРЫЙ ДЕНЬ, Анна.",
    "Hello {{customer_name|there}}! The order is on its way.",
    "Hi! The order is on its way.",
    "hi {{customer_name}},\n\nThe order is on its way.",
    "**Hello**, _Anna_!",
    "\n\n  Good evening, Anna.",
    "Dear customer,\nThe order is on its way.",
    "Приветствуем! Заказ в пути.",
    "Доброго времени суток! Заказ в пути.",
    "Уважаемый клиент! Заказ в пути.",
])
def test_a_reply_that_opens_with_a_greeting(reply):
    assert opens_with_greeting(reply)


@pytest.mark.parametrize("reply", [
    "The order is on its way, {{customer_name|there}}.",
    "Sorry, {{customer_name|there}}, it is late.",
    "History of your order: shipped.",  # "hi" is a word, not a prefix
    "Заказ в пути. Здравствуйте!",  # a greeting later in the text is not how it opens
    "{{customer_name|Здравствуйте}}, возврат оформлен.",  # placeholders (and their fallbacks) are ignored
    "",
    "{{customer_name}}",
])
def test_a_reply_that_does_not_open_with_a_greeting(reply):
    assert not opens_with_greeting(reply)


def test_a_reply_that_opens_with_the_greeting_snippets_own_words():
    greeting = "Good tidings, {{customer_name|friend}}!\n\nThank you for writing."
    assert opens_with_greeting("GOOD TIDINGS, Anna! Your order ...", greeting)
    assert opens_with_greeting("Good tidings! Your order ...", greeting)
    assert not opens_with_greeting("Good news: your order ...", greeting)
    assert opens_with_greeting("Всё ещё ждёте? Всё в порядке.", "Все еще ждете?")  # ё as е


def test_the_greeting_is_left_out_when_the_reply_greets(kb):
    greets = compose(kb, ReplyRequest("refund", "Greets", greeting_id="hello"))
    assert greets.greeting is None and greets.left_out == ("greeting-in-reply",)
    assert plain(kb, ReplyRequest("refund", "Greets", channel="chat", greeting_id="hello"), agent()) == (
        "Hello there! The refund is on its way."
    )
    plain_reply = compose(kb, ReplyRequest("refund", "Plain", greeting_id="hello"))
    assert plain_reply.greeting == "Good day, {{customer_name|there}}!" and plain_reply.left_out == ()
    russian = compose(kb, ReplyRequest("vozvrat", "Здоровается", greeting_id="privet"))
    assert russian.greeting is None and russian.left_out == ("greeting-in-reply",)
    assert compose(kb, ReplyRequest("vozvrat", "Без приветствия", greeting_id="privet")).greeting is not None


def test_a_left_out_greeting_is_not_asked_for(kb):
    from kb_assistant.core.replies.compose import placeholders_needed

    composition = compose(kb, ReplyRequest("vozvrat", "Без приветствия", greeting_id="privet"))
    builtins = builtins_for(composition, agent(), TODAY)
    assert [f.name for f in placeholders_needed(kb, composition, {}, builtins)] == ["customer_name"]
    greets = compose(kb, ReplyRequest("refund", "Greets", greeting_id="privet"))
    assert [f.name for f in placeholders_needed(kb, greets, {}, builtins)] == ["customer_name"]  # its own, with fallback


# -- closing -------------------------------------------------------------------

@pytest.mark.parametrize("reply", [
    "Done.\n\nBest regards,\n{{agent_name}}",
    "Done.\n\nС уважением,\nслужба поддержки",
    "Заказ в пути. Хорошего дня!",
    "The order is on its way. Have a great day!",
    "Done.\n\nThank you for choosing {{company}}.",
    "Done.\n\nСпасибо, что выбираете нас!",
    "Done. Kind regards, Anna",
])
def test_a_reply_that_ends_with_a_closing(reply):
    assert ends_with_closing(reply)


@pytest.mark.parametrize("reply", [
    "The order is on its way.",
    "Best regards from the warehouse team: your parcel left today.\n\nTrack it in the app.",  # not the ending
    "With regards to your order, it left today.",
    "",
])
def test_a_reply_that_does_not_end_with_a_closing(reply):
    assert not ends_with_closing(reply)


def test_a_reply_that_ends_with_the_closing_snippets_own_words():
    closing = "If anything else comes up, write to us.\n\nYour {{company}} crew"
    assert ends_with_closing("Done. If anything else comes up, write to us!", closing)
    assert ends_with_closing("Done.\n\nYour Shopwave crew", "Your Shopwave crew")
    assert ends_with_closing("Done.\n\nYour {{company}} crew", closing)
    assert not ends_with_closing("Done. Anything else?", closing)


def test_the_closing_is_left_out_when_the_reply_closes(kb):
    signs = compose(kb, ReplyRequest("refund", "Signs", closing_id="bye"))
    assert signs.closing is None and signs.left_out == ("closing-in-reply",)
    russian = compose(kb, ReplyRequest("vozvrat", "Без приветствия", closing_id="bye"))
    assert russian.closing is None
    assert compose(kb, ReplyRequest("refund", "Plain", closing_id="bye")).closing is not None
    assert set(LEFT_OUT) == {"greeting-in-reply", "closing-in-reply", "signature-in-reply"}


# -- signature -----------------------------------------------------------------

def test_the_signature_goes_under_the_closing_for_e_mail_only_by_default(kb):
    request = ReplyRequest("refund", "Plain", {"order_id": "7"}, "email", "hello", "bye")
    payload = render_request(kb, request, agent(), TODAY)
    assert payload.plain == (
        "Good day, there!\n\nThe refund for order 7 is on its way.\n\nThank you for choosing Shopwave.\n\n"
        "Kind regards, the Shopwave team\n\nAnna Petrova\nShopwave <Support>"
    )
    assert payload.html.endswith("<p>Anna Petrova<br>\nShopwave &lt;Support&gt;</p>")  # a value: escaped, lines kept
    assert "<Support>" not in payload.html
    for channel in ("chat", "messenger", "phone"):
        text = plain(kb, ReplyRequest("refund", "Plain", {"order_id": "7"}, channel, "", "bye"), agent())
        assert "Anna Petrova" not in text and text.endswith("Kind regards, the Shopwave team")


def test_the_signature_follows_the_settings_channels(kb):
    settings = agent(signature_channels=["chat", "phone"])
    chat = plain(kb, ReplyRequest("refund", "Plain", {"order_id": "7"}, "chat"), settings)
    assert chat == "The refund for order 7 is on its way.\n\nAnna Petrova\nShopwave <Support>"
    messenger = plain(kb, ReplyRequest("refund", "Plain", {"order_id": "7"}, "messenger"), settings)
    assert messenger == "The refund for order 7 is on its way."
    email = render_request(kb, ReplyRequest("refund", "Plain", {"order_id": "7"}), settings, TODAY)
    assert "Anna Petrova" not in email.plain and "Anna Petrova" not in email.html
    none = agent(signature_channels=[])
    assert "Anna Petrova" not in plain(kb, ReplyRequest("refund", "Plain", {"order_id": "7"}), none)


def test_a_per_copy_choice_wins_over_the_channels(kb):
    forced = ReplyRequest("refund", "Plain", {"order_id": "7"}, "chat", signature=True)
    assert plain(kb, forced, agent()).endswith("\n\nAnna Petrova\nShopwave <Support>")
    refused = ReplyRequest("refund", "Plain", {"order_id": "7"}, "email", signature=False)
    assert "Anna Petrova" not in plain(kb, refused, agent())
    assert wants_signature(agent(), "chat", True) and not wants_signature(agent(), "email", False)


def test_no_signature_without_one_in_the_profile_and_none_asked_for(kb):
    from kb_assistant.core.replies.compose import placeholders_needed

    composition = compose(kb, ReplyRequest("refund", "Plain"), agent(agent_signature="  "))
    assert composition.signature is None and composition.left_out == ()
    builtins = builtins_for(composition, agent(agent_signature=""), TODAY)
    assert [f.name for f in placeholders_needed(kb, composition, {}, builtins)] == ["order_id"]
    assert compose(kb, ReplyRequest("refund", "Plain")).signature is None  # no settings: no signature


def test_the_signature_is_not_added_twice(kb):
    places = compose(kb, ReplyRequest("refund", "Places the signature"), agent())
    assert places.signature is None and places.left_out == ("signature-in-reply",)
    assert plain(kb, ReplyRequest("refund", "Places the signature", channel="email"), agent()).count(
        "Anna Petrova") == 1
    signs = compose(kb, ReplyRequest("refund", "Signs"), agent())  # "Best regards,\n{{agent_name}}"
    assert signs.signature is None and signs.left_out == ("signature-in-reply",)
    assert has_signature("Anna", reply="Text.", closing="Regards,\n{{agent_signature|Support}}")
    assert has_signature("Anna", reply="Text.", greeting="{{agent_signature}} here")
    written = "Regards,\nAnna Petrova\nShopwave <Support>"
    assert has_signature("anna petrova\n shopwave support", reply="Text.", closing=written)  # words in a row
    assert has_signature("anna petrova\n shopwave support", reply="Text.\n\n" + written)
    with_company = "Regards, the {{company}} team"
    assert has_signature("The Shopwave team", reply="Text.", closing=with_company, known={"company": "Shopwave"})
    assert not has_signature("The Shopwave team", reply="Text.", closing=with_company)
    # the agent's name or signature elsewhere than at the end does not sign the reply
    assert not has_signature("Anna", reply="Hi! I'm {{agent_name}}.\n\nYour order left.", closing="Bye.")
    assert not has_signature("Anna Petrova", reply="Anna Petrova checked it.\n\nYour order left.")
    assert not has_signature("Anna Petrova", reply="Text.", greeting="Anna Petrova here.", closing="Bye.")
    assert not has_signature("Anna", reply="Text about Annabel.")


def test_a_greeting_with_the_agents_name_does_not_drop_the_signature(kb, write_kb):
    files = dict(FILES)
    files["snippets/intro.md"] = "---\nid: intro\nlang: en\ntype: snippet\n---\n# Intro\n\nI'm {{agent_name}}.\n"
    other = load_kb(write_kb(files, kb.root.parent / "kb2"))
    composition = compose(other, ReplyRequest("refund", "Plain", greeting_id="intro"), agent())
    assert composition.signature == "{{agent_signature}}" and composition.left_out == ()


def test_the_closing_and_the_signature_both_left_out(kb):
    composition = compose(kb, ReplyRequest("refund", "Signs", closing_id="bye"), agent())
    assert composition.left_out == ("closing-in-reply", "signature-in-reply")
    assert composition.blocks() == ("The refund is on its way.\n\nBest regards,\n{{agent_name}}",)


def test_render_puts_the_signature_last_in_html_too(kb):
    composition = compose(kb, ReplyRequest("vozvrat", "Здоровается", closing_id="bye"), agent())
    builtins = builtins_for(composition, agent(), TODAY)
    payload = render(composition, {"customer_name": "Мария"}, "email", builtins)
    paragraphs = payload.html.split("\n<p>")
    assert paragraphs[0] == "<p><strong>Здравствуйте</strong>, Мария! Возврат оформлен.</p>"
    assert paragraphs[-1] == "Anna Petrova<br>\nShopwave &lt;Support&gt;</p>"
    assert "-- " not in payload.plain


# -- the lists -----------------------------------------------------------------

def test_snippets_of_the_reply_language_first_and_fitting_the_role_first(kb):
    greeting_ru = snippet_choices(kb, "ru", "greeting")
    assert [(c.id, c.same_language) for c in greeting_ru] == [
        ("privet", True), ("izvinite", True), ("hello", False), ("bye", False), ("sorry", False),
    ]
    assert greeting_ru[0] == SnippetChoice("privet", "Приветствие", "ru", True, True)
    closing_en = snippet_choices(kb, "en-GB", "closing")
    assert [c.id for c in closing_en] == ["bye", "hello", "sorry", "izvinite", "privet"]
    assert [c.same_language for c in closing_en] == [True, True, True, False, False]
    assert all(c.same_language for c in snippet_choices(kb, "", "greeting"))
    assert [c.id for c in snippet_choices(kb, "en")] == ["bye", "hello", "sorry", "izvinite", "privet"]  # KB order


def test_a_snippet_follows_the_reply_language_when_it_has_a_translation(kb):
    assert snippet_in_language(kb, "hello", "ru") == "privet"
    assert snippet_in_language(kb, "privet", "en") == "hello"
    assert snippet_in_language(kb, "hello", "en") == "hello"
    assert snippet_in_language(kb, "sorry", "ru") == "sorry"  # no translation: kept
    assert snippet_in_language(kb, "gone", "ru") == "gone"
    assert snippet_in_language(kb, "", "ru") == ""
    assert snippet_in_language(kb, "hello", "") == "hello"


def test_the_sample_kb_under_a_russian_article(kb):
    sample = load_kb(SAMPLE)
    choices = snippet_choices(sample, "ru", "greeting")
    assert [c.id for c in choices[:2]] == ["greeting-formal-ru", "greeting-friendly-ru"]
    assert all(c.lang == "ru" for c in choices if c.same_language)
    assert [c.same_language for c in choices] == sorted((c.same_language for c in choices), reverse=True)
    assert sum(c.same_language for c in choices) == 8
    assert snippet_choices(sample, "ru", "closing")[0].id.startswith("closing-")
    russian = next(a for a in sample.articles.values() if a.lang == "ru" and a.replies)
    request = ReplyRequest(russian.id, channel="chat", greeting_id="greeting-formal-ru",
                           closing_id="closing-standard-ru")
    composition = compose(sample, request, agent())
    assert composition.left_out == ("greeting-in-reply",)  # every sample reply says «Здравствуйте» itself
