"""QuestionSession: the window's happenings become the events a usage log keeps."""

from __future__ import annotations

from kb_assistant.core.usage.learned import READ_SECONDS
from kb_assistant.core.usage.session import GLANCE_SECONDS, QuestionSession


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def kinds(events):
    return [event.kind for event in events]


def test_previews_while_typing_are_not_opens():
    clock = Clock()
    session = QuestionSession(clock)
    for text, article in (("ref", "a"), ("refu", "b"), ("refund", "a")):
        session.searched(text, True)
        clock.now += 0.3
        assert session.shown(article) == []
    clock.now += 1
    assert session.hidden() == []


def test_a_chosen_article_is_an_open_with_the_seconds_it_was_shown():
    clock = Clock()
    session = QuestionSession(clock)
    session.searched("refund  policy", True)
    session.chosen("refunds")
    clock.now += 2.5
    [opened] = session.hidden()
    assert (opened.kind, opened.article, opened.seconds, opened.text) == ("open", "refunds", 2, "refund policy")
    assert opened.lang == "en"


def test_a_preview_looked_at_is_an_open():
    clock = Clock()
    session = QuestionSession(clock)
    session.searched("вернуть деньги", True)
    session.shown("refunds")
    clock.now += GLANCE_SECONDS
    [opened] = session.shown("other")
    assert (opened.kind, opened.article, opened.lang) == ("open", "refunds", "ru")


def test_copy_carries_question_article_reply_and_channel_and_answers_the_question():
    session = QuestionSession(Clock())
    session.searched("refund", False)
    session.shown("refunds")
    [copied] = session.copied("refunds", "Refund started", "chat")
    assert (copied.kind, copied.text, copied.article, copied.reply, copied.channel) == (
        "copy", "refund", "refunds", "Refund started", "chat")
    assert kinds(session.ended()) == []  # answered: no gap, and a glance is no open
    assert session.text == ""


def test_giving_up_on_no_good_match_is_a_gap():
    session = QuestionSession(Clock())
    session.searched("how to fly to mars", False)
    [gap] = session.ended()
    assert (gap.kind, gap.text) == ("no_match", "how to fly to mars")


def test_giving_up_on_a_confident_answer_not_even_looked_at_is_a_search_gap():
    session = QuestionSession(Clock())
    session.searched("change my address", True)
    assert kinds(session.ended()) == ["search"]


def test_an_article_read_long_answers_the_question():
    clock = Clock()
    session = QuestionSession(clock)
    session.searched("change my address", False)
    session.shown("address")
    clock.now += READ_SECONDS
    [opened] = session.ended()
    assert (opened.kind, opened.seconds) == ("open", READ_SECONDS)


def test_looked_at_but_not_answered_on_a_confident_answer_is_not_a_gap():
    clock = Clock()
    session = QuestionSession(clock)
    session.searched("change my address", True)
    session.chosen("address")
    clock.now += 3
    assert kinds(session.ended()) == ["open"]


def test_not_helpful_is_kept_and_reading_that_article_then_teaches_nothing():
    clock = Clock()
    session = QuestionSession(clock)
    session.searched("card blocked", True)
    session.chosen("cards")
    [unhelpful] = session.not_helpful()
    assert (unhelpful.kind, unhelpful.article, unhelpful.text) == ("not_helpful", "cards", "card blocked")
    clock.now += READ_SECONDS * 2
    events = session.ended()
    assert kinds(events) == ["open"] and events[0].seconds == 0


def test_not_helpful_needs_an_article_and_a_question():
    session = QuestionSession(Clock())
    assert session.not_helpful() == []
    session.shown("cards")
    assert session.not_helpful() == []  # the home list: no question to weaken
    session.searched("ab", True)
    assert session.not_helpful() == []  # too short to be a question


def test_typing_another_question_over_the_old_one_ends_it():
    session = QuestionSession(Clock())
    session.searched("password reset", False)
    assert session.searched("password reset link", False) == []  # edited: the same question
    events = session.searched("refund", True)
    assert [(event.kind, event.text) for event in events] == [("no_match", "password reset link")]
    assert session.text == "refund"


def test_a_stray_key_is_no_question():
    session = QuestionSession(Clock())
    session.searched("ы", False)
    assert session.ended() == []
    session.searched("???", False)
    assert session.ended() == []


def test_a_copy_from_the_home_list_has_no_question():
    session = QuestionSession(Clock())
    [copied] = session.copied("greeting", "Hello", "email")
    assert copied.text == "" and copied.lang == ""


def test_typing_on_the_wrong_layout_is_one_question_though_its_reading_changes():
    session = QuestionSession(Clock())
    assert session.searched("как", False, typed="rfr") == []
    assert session.searched("rfr от", False, typed="rfr jn") == []  # read another way for a moment
    assert session.searched("как отменить заказ", True, typed="rfr jnvtybnm pfrfp") == []
    [gap] = session.ended()
    assert (gap.kind, gap.text) == ("search", "как отменить заказ")
