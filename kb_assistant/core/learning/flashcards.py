"""Flashcards with spaced repetition: the Leitner system with five boxes.

Every quiz item is a card. A new card is due at once. A right answer moves the
card one box up, a wrong one back to box 1; the box decides when it is due
again (:data:`INTERVALS`: 1, 3, 7, 14 and 30 days). A card in the top box is
*learned*; it still comes back every 30 days.

Leitner rather than SM-2: five boxes are easy to show ("12 cards in box 3")
and to explain to a new hire, and a two-week onboarding has too few reviews
for SM-2's per-card ease factor to pay off.

Nothing here reads the clock: the caller passes ``today``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kb_assistant.core.errors import RecordError
from kb_assistant.core.messages import short_value
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning.quiz import QuizItem, parse_article_quiz
from kb_assistant.core.learning.which_article import which_article_items
from kb_assistant.core.models import Problem

INTERVALS: tuple[int, ...] = (1, 3, 7, 14, 30)
"""Days until a card in box 1, 2, 3, 4, 5 is due again; the number of boxes is its length."""


@dataclass(frozen=True)
class CardState:
    """Where one card stands.

    Attributes:
        box: 1 to ``len(INTERVALS)``; 0 for a card never answered.
        due: the day it is due again (None for a new card: due at once).
        answered: the day of the last answer.
        right: how many answers were right.
        wrong: how many were wrong.
    """

    box: int = 0
    due: dt.date | None = None
    answered: dt.date | None = None
    right: int = 0
    wrong: int = 0

    def is_due(self, today: dt.date) -> bool:
        """Whether the card should be asked on ``today``."""
        return self.due is None or self.due <= today

    def to_json(self) -> dict[str, Any]:
        """The state as JSON values."""
        return {
            "box": self.box,
            "due": self.due.isoformat() if self.due else None,
            "answered": self.answered.isoformat() if self.answered else None,
            "right": self.right,
            "wrong": self.wrong,
        }

    @classmethod
    def from_json(cls, data: object) -> CardState:
        """Read :meth:`to_json`'s output.

        Raises:
            RecordError: (a ValueError) when ``data`` is not such a record.
        """
        if not isinstance(data, dict):
            raise RecordError("json-not-object")
        numbers = {name: data.get(name, 0) for name in ("box", "right", "wrong")}
        for name, value in numbers.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise RecordError("json-not-whole-number", name=name, value=short_value(value))
        return cls(numbers["box"], _date(data.get("due"), "due"), _date(data.get("answered"), "answered"),
                   numbers["right"], numbers["wrong"])


def _date(value: object, name: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError("json-not-date", name=name, value=short_value(value))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RecordError("json-not-date", name=name, value=short_value(value)) from None


def schedule(state: CardState | None, correct: bool, today: dt.date,
             intervals: tuple[int, ...] = INTERVALS) -> CardState:
    """The state of a card after an answer on ``today``.

    A new card counts as being in box 1, so a first right answer puts it in box 2.

    Args:
        state: the card's state before the answer (None: a new card).
        correct: whether the answer was right.
        today: the day of the answer.
        intervals: days until due again, per box.
    """
    state = state or CardState()
    top = len(intervals)
    box = min(max(state.box, 1) + 1, top) if correct else 1
    return CardState(
        box=box,
        due=today + dt.timedelta(days=intervals[box - 1]),
        answered=today,
        right=state.right + bool(correct),
        wrong=state.wrong + (not correct),
    )


def due_cards(
    cards: Iterable[QuizItem],
    states: Mapping[str, CardState],
    today: dt.date,
    *,
    new_limit: int | None = None,
) -> list[QuizItem]:
    """The cards to ask on ``today``: reviews first, then new cards.

    Reviews come most overdue first, then lowest box first (the shakiest); new
    cards keep the order of ``cards`` (article order), at most ``new_limit`` of
    them when given, so a first session is not 400 cards long.
    """
    reviews: list[tuple[dt.date, int, int, QuizItem]] = []
    new: list[QuizItem] = []
    for order, card in enumerate(cards):
        state = states.get(card.id)
        if state is None or state.box == 0:
            new.append(card)
        elif state.is_due(today):
            reviews.append((state.due or today, state.box, order, card))
    reviews.sort(key=lambda entry: entry[:3])
    if new_limit is not None:
        new = new[: max(new_limit, 0)]
    return [entry[3] for entry in reviews] + new


@dataclass(frozen=True)
class DeckStats:
    """How a deck stands on one day.

    Attributes:
        total: cards in the deck.
        new: cards never answered.
        due: answered cards due on the day (overdue included).
        learned: cards in the top box.
        boxes: answered cards per box, box 1 first.
    """

    total: int
    new: int
    due: int
    learned: int
    boxes: tuple[int, ...]

    @property
    def to_study(self) -> int:
        """Cards to ask on the day: due reviews and new cards."""
        return self.due + self.new


def deck_stats(cards: Iterable[QuizItem], states: Mapping[str, CardState], today: dt.date,
               intervals: tuple[int, ...] = INTERVALS) -> DeckStats:
    """Count the deck's cards by state on ``today``.

    States of cards no longer in the deck (a question deleted or reworded) are
    not counted; they stay stored, so a question put back keeps its progress.
    """
    top = len(intervals)
    boxes = [0] * top
    total = new = due = 0
    for card in cards:
        total += 1
        state = states.get(card.id)
        if state is None or state.box == 0:
            new += 1
            continue
        boxes[min(state.box, top) - 1] += 1
        due += state.is_due(today)
    return DeckStats(total, new, due, boxes[-1], tuple(boxes))


@dataclass(frozen=True)
class Deck:
    """Every card of a KB and the problems of its quiz sections."""

    cards: tuple[QuizItem, ...]
    problems: tuple[Problem, ...]

    def card(self, card_id: str) -> QuizItem | None:
        """The card with ``card_id``, or None."""
        return next((card for card in self.cards if card.id == card_id), None)


def build_deck(kb: KnowledgeBase, rng: random.Random, lang: str | None = None) -> Deck:
    """All cards of ``kb``: each article's quiz questions, then its "which article" items.

    Args:
        kb: the knowledge base.
        rng: randomness for the "which article" options (see :func:`which_article_items`).
        lang: only articles in this language (None: all).
    """
    by_article: dict[str, list[QuizItem]] = {}
    problems: list[Problem] = []
    for article in kb.articles.values():
        if lang is not None and article.lang != lang:
            continue
        items, found = parse_article_quiz(article)
        by_article[article.id] = items
        problems.extend(found)
    for item in which_article_items(kb, rng, lang):
        by_article.setdefault(item.article_id, []).append(item)
    cards = tuple(card for items in by_article.values() for card in items)
    return Deck(cards, tuple(problems))
