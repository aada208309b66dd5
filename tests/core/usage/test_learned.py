"""Learning from use: copies and reads make learned questions; recency, renames, deletions and "did not help"."""

from __future__ import annotations

import datetime as dt

from kb_assistant.core.usage.learned import PER_ARTICLE, learned_questions, question_key
from kb_assistant.core.usage.log import UsageEvent

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def at(days_ago: float) -> str:
    return (NOW - dt.timedelta(days=days_ago)).isoformat()


def event(kind, text, article, days_ago=1.0, **more):
    return UsageEvent(kind, at=at(days_ago), text=text, article=article, **more)


def test_a_copied_reply_teaches_the_question_and_a_glance_does_not():
    learned = learned_questions([
        event("copy", "Где мои деньги?", "refund"),
        event("open", "как сменить пароль", "password", seconds=45),
        event("open", "доставка", "delivery", seconds=2),
        event("search", "no article here", ""),
    ], now=NOW)
    assert [q.text for q in learned["refund"]] == ["Где мои деньги?"]
    assert learned["password"][0].weight < learned["refund"][0].weight  # reading says less than copying
    assert "delivery" not in learned


def test_askings_of_one_question_add_up_whatever_the_case_spacing_or_yo():
    learned = learned_questions([event("copy", "Ещё  вернуть", "refund"), event("copy", "еще вернуть", "refund"),
                                 event("import", "ЕЩЁ вернуть ", "refund")], now=NOW)
    assert len(learned["refund"]) == 1 and learned["refund"][0].count == 3
    assert question_key("Ещё  Вернуть ") == "еще вернуть"


def test_recent_use_counts_more_than_old():
    learned = learned_questions([event("copy", "old way", "a", days_ago=120), event("copy", "new way", "a")], now=NOW)
    assert [q.text for q in learned["a"]] == ["new way", "old way"]


def test_did_not_help_weakens_and_can_cancel_an_association():
    learned = learned_questions([event("copy", "q", "a"), event("copy", "q", "b"), event("copy", "q", "b"),
                                 event("not_helpful", "q", "a"), event("not_helpful", "q", "b")], now=NOW)
    assert "a" not in learned
    assert learned["b"][0].weight < 2


def test_renames_carry_associations_over_and_deleted_articles_forget_them():
    events = [event("copy", "q1", "old-id", days_ago=5), event("rename", "", "old-id", days_ago=3, to="new-id"),
              event("copy", "q2", "new-id"), event("copy", "q3", "gone")]
    learned = learned_questions(events, article_ids={"new-id"}, now=NOW)
    assert set(learned) == {"new-id"}
    assert {q.text for q in learned["new-id"]} == {"q1", "q2"}


def test_learned_questions_are_capped_per_article_strongest_first():
    events = [event("copy", f"question {n}", "a", days_ago=n) for n in range(PER_ARTICLE + 15)]
    learned = learned_questions(events, now=NOW)["a"]
    assert len(learned) == PER_ARTICLE and learned[0].text == "question 0"


def test_an_unreadable_time_counts_for_nothing():
    assert learned_questions([UsageEvent("copy", at="yesterday", text="q", article="a")], now=NOW) == {}


def test_a_copy_a_year_old_is_forgotten():
    assert learned_questions([event("copy", "long ago", "a", days_ago=365)], now=NOW) == {}
