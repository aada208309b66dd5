"""Learning from use: which questions each article answered, from what agents did.

A search followed by copying a reply from an article, or by reading it for a
while, is an association *question → article*; a past question imported from a
help desk export is one too. Associations are weighted by how often and how
recently they happened, followed through renames, forgotten with the article,
capped per article, and weakened by "this did not help". The search reads them
as learned questions of the article, weighted below the editor's own
``questions:`` (see :mod:`kb_assistant.core.search`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kb_assistant.core.usage.log import UsageEvent

EVENT_WEIGHTS = {"copy": 1.0, "import": 1.0, "open": 0.5}
"""How much one event says that its text was answered by its article: a copied reply is the
agent's own verdict; an article read for a while (:data:`READ_SECONDS`) is a weaker one."""
READ_SECONDS = 20
"""An article opened for this long counts as read (a glance does not)."""
NOT_HELPFUL_WEIGHT = -1.5
""""This did not help" outweighs one copy: the agent said so in as many words."""
HALF_LIFE_DAYS = 90
"""An association counts half after this long: the KB and the products change."""
PER_ARTICLE = 20
"""Learned questions kept per article, the strongest first: a popular article must not become a
bag of every word agents ever typed."""
MIN_WEIGHT = 0.25
"""A weaker association is dropped (one glance months ago)."""
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LearnedQuestion:
    """A question agents answered with one article, and how strongly."""

    text: str
    weight: float
    count: int


def question_key(text: str) -> str:
    """The form two askings of one question share: case, ``ё`` and spacing folded."""
    return _SPACES.sub(" ", text.casefold().replace("ё", "е")).strip()


def learned_questions(events: Iterable[UsageEvent], article_ids: Iterable[str] | None = None,
                      now: dt.datetime | None = None) -> dict[str, list[LearnedQuestion]]:
    """Article id → its learned questions, strongest first.

    Args:
        events: the usage log's events (any order; renames apply to what came before them).
        article_ids: the KB's articles now; associations of any other article are
            forgotten (None keeps every one, e.g. for a report).
        now: the time recency is measured from.
    """
    now = now or dt.datetime.now(dt.UTC)
    ordered = sorted(events, key=lambda event: event.at)
    renamed: dict[str, str] = {}
    for event in ordered:
        if event.kind == "rename" and event.article and event.to and event.article != event.to:
            renamed[event.article] = event.to
    weights: dict[tuple[str, str], float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    texts: dict[tuple[str, str], str] = {}
    for event in ordered:
        weight = _event_weight(event)
        key_text = question_key(event.text)
        if not weight or not key_text or not event.article:
            continue
        article = _follow(renamed, event.article)
        key = (article, key_text)
        weights[key] += weight * event.times * _recency(event, now)
        if weight > 0:
            counts[key] += event.times
            texts[key] = event.text.strip()  # the latest wording shown
    keep = set(article_ids) if article_ids is not None else None
    found: dict[str, list[LearnedQuestion]] = defaultdict(list)
    for (article, key_text), weight in weights.items():
        if weight < MIN_WEIGHT or (keep is not None and article not in keep):
            continue
        found[article].append(LearnedQuestion(texts.get((article, key_text), key_text), round(weight, 4),
                                              counts[(article, key_text)]))
    return {article: sorted(questions, key=lambda q: (-q.weight, q.text))[:PER_ARTICLE]
            for article, questions in found.items()}


def _event_weight(event: UsageEvent) -> float:
    if event.kind == "open":
        return EVENT_WEIGHTS["open"] if event.seconds >= READ_SECONDS else 0.0
    if event.kind == "not_helpful":
        return NOT_HELPFUL_WEIGHT
    return EVENT_WEIGHTS.get(event.kind, 0.0)


def _recency(event: UsageEvent, now: dt.datetime) -> float:
    when = event.when
    if when is None:
        return 0.0
    age_days = max(0.0, (now - when).total_seconds() / 86400)
    return math.pow(0.5, age_days / HALF_LIFE_DAYS)


def _follow(renamed: dict[str, str], article: str) -> str:
    seen = {article}
    while article in renamed and renamed[article] not in seen:
        article = renamed[article]
        seen.add(article)
    return article
