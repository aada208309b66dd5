"""Insights: content gaps grouped by wording, the most used articles and replies, replies never copied."""

from __future__ import annotations

import datetime as dt

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.usage.insights import gap_key, insights
from kb_assistant.core.usage.log import UsageEvent

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
KB = {
    "refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n\n## Reply: Started\nIt started.\n\n"
                 "## Reply: Delayed\nIt is late.\n",
    "delivery.md": "---\nid: delivery\nlang: ru\n---\n# Доставка\n\nТекст.\n\n## Reply: Срок\nТри дня.\n",
    "about.md": "---\nid: about\nlang: en\n---\n# About\n\nNo replies here.\n",
}


def event(kind, text="", article="", days_ago=1, **more):
    return UsageEvent(kind, at=(NOW - dt.timedelta(days=days_ago)).isoformat(), text=text, article=article, **more)


def test_gaps_group_askings_of_one_missing_answer(write_kb):
    kb = load_kb(write_kb(KB))
    found = insights([
        event("no_match", "деньги не пришли"), event("search", "Не пришли деньги за возврат, мой телефон <phone>"),
        event("import", "деньги не пришли"), event("not_helpful", "can I pay with bitcoin", "refund"),
        event("no_match", "pay with bitcoin?"), event("no_match", "refund card"),
    ], kb, now=NOW)
    assert [(gap.count, gap.languages) for gap in found.gaps] == [(3, {"ru": 3}), (2, {"en": 2}), (1, {"en": 1})]
    assert found.gaps[0].examples[0] in ("деньги не пришли", "Не пришли деньги за возврат, мой телефон <phone>")
    assert "phone" not in gap_key("мой телефон <phone>")  # a mask is not a word of the question
    assert gap_key("Деньги НЕ пришли") == gap_key("деньги пришли")


def test_most_used_articles_and_replies_and_the_replies_never_copied(write_kb):
    kb = load_kb(write_kb(KB))
    found = insights([
        event("copy", "q", "refund", reply="Started", channel="chat"), event("copy", "q", "refund", reply="Started",
                                                                             channel="email"),
        event("open", "q", "delivery", seconds=40), event("open", "q", "delivery"), event("open", "q", "delivery"),
        event("open", "q", "about"), event("copy", "q", "gone-article", reply="x"),
    ], kb, now=NOW)
    assert [(use.id, use.copied, use.opened) for use in found.articles] == [
        ("refund", 2, 0), ("delivery", 0, 3), ("about", 0, 1)]
    assert [(use.article, use.reply, use.copied) for use in found.replies] == [("refund", "Started", 2)]
    assert {(use.article, use.reply) for use in found.unused_replies} == {("refund", "Delayed"), ("delivery", "Срок")}
    assert [use.id for use in found.read_without_reply] == ["delivery"]  # "about" has no replies to copy
    assert found.channels == {"chat": 1, "email": 1}


def test_only_the_period_counts_and_json_is_plain(write_kb):
    kb = load_kb(write_kb(KB))
    found = insights([event("no_match", "old question", days_ago=40), event("no_match", "new question")], kb,
                     since_days=30, now=NOW)
    assert found.events == 1 and [gap.examples for gap in found.gaps] == [("new question",)]
    data = found.as_json()
    assert data["gaps"][0]["examples"] == ["new question"] and data["since_days"] == 30
    assert {"article": "refund", "reply": "Started"} in data["unused_replies"]
