"""Insights test set-up: a small KB and usage events, as tests/core/usage/test_insights.py makes them."""

from __future__ import annotations

import datetime as dt

import pytest

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.usage.insights import insights
from kb_assistant.core.usage.log import UsageEvent

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
KB = {
    "refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n\n## Reply: Started\nIt started.\n\n"
                 "## Reply: Delayed\nIt is late.\n",
    "delivery.md": "---\nid: delivery\nlang: ru\n---\n# Доставка\n\nТекст.\n\n## Reply: Срок\nТри дня.\n",
    "about.md": "---\nid: about\nlang: en\n---\n# About\n\nNo replies here.\n",
    "hello.md": "---\nid: hello\ntype: snippet\n---\n# Hello\n\nHello!\n",
}


def event(kind, text="", article="", days_ago=1, **more):
    return UsageEvent(kind, at=(NOW - dt.timedelta(days=days_ago)).isoformat(), text=text, article=article, **more)


EVENTS = [
    event("no_match", "деньги не пришли"), event("search", "Не пришли деньги за возврат, мой телефон <phone>"),
    event("import", "деньги не пришли"), event("no_match", "pay with bitcoin?"),
    event("not_helpful", "can I pay with bitcoin", "refund"),
    event("copy", "q", "refund", reply="Started", channel="chat"),
    event("copy", "q", "refund", reply="Started", channel="email"),
    event("open", "q", "delivery", seconds=40), event("open", "q", "delivery"), event("open", "q", "delivery"),
]


@pytest.fixture
def kb(write_kb):
    return load_kb(write_kb(KB))


@pytest.fixture
def found(kb):
    """Real insights, worked out by the core on the small KB."""
    return insights(EVENTS, kb, since_days=30, now=NOW)
