"""Leitner flashcards: boxes, due dates, what to ask today, stats, the deck."""

from __future__ import annotations

import datetime as dt
import random

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.flashcards import (
    INTERVALS,
    CardState,
    build_deck,
    deck_stats,
    due_cards,
    schedule,
)
from kb_assistant.core.learning.quiz import QuizItem

DAY = dt.date(2026, 11, 27)


def days(n):
    return DAY + dt.timedelta(days=n)


def card(name):
    return QuizItem(f"a#{name}", "a", "open", f"{name}?", answer="yes")


def test_right_answers_climb_the_boxes_with_growing_intervals():
    state = None
    today = DAY
    seen = []
    for _ in range(6):
        state = schedule(state, True, today)
        seen.append((state.box, (state.due - today).days))
        today = state.due
    assert seen == [(2, 3), (3, 7), (4, 14), (5, 30), (5, 30), (5, 30)]
    assert state.right == 6 and state.wrong == 0 and state.answered == today - dt.timedelta(days=30)


def test_wrong_answer_goes_back_to_box_one_due_tomorrow():
    state = CardState(box=4, due=DAY, answered=days(-14), right=3)
    after = schedule(state, False, DAY)
    assert after == CardState(box=1, due=days(1), answered=DAY, right=3, wrong=1)
    assert schedule(None, False, DAY).box == 1


def test_custom_intervals():
    state = schedule(None, True, DAY, intervals=(0, 2))
    assert (state.box, state.due) == (2, days(2))
    assert schedule(state, True, DAY, intervals=(0, 2)).box == 2
    assert schedule(None, False, DAY, intervals=(0, 2)).due == DAY


def test_due_cards_reviews_most_overdue_first_then_new():
    cards = [card(n) for n in "abcdef"]
    states = {
        "a#a": CardState(box=3, due=days(1)),       # not yet
        "a#b": CardState(box=2, due=DAY),
        "a#c": CardState(box=1, due=days(-2)),
        "a#d": CardState(box=4, due=days(-2)),
    }
    assert [c.id for c in due_cards(cards, states, DAY)] == ["a#c", "a#d", "a#b", "a#e", "a#f"]
    assert [c.id for c in due_cards(cards, states, DAY, new_limit=1)] == ["a#c", "a#d", "a#b", "a#e"]
    assert [c.id for c in due_cards(cards, states, days(1), new_limit=0)] == ["a#c", "a#d", "a#b", "a#a"]


def test_stats_per_box():
    cards = [card(n) for n in "abcde"]
    states = {
        "a#a": CardState(box=5, due=days(30)),
        "a#b": CardState(box=5, due=DAY),
        "a#c": CardState(box=1, due=days(1)),
        "gone#x": CardState(box=3, due=DAY),  # a question deleted since: not counted
    }
    stats = deck_stats(cards, states, DAY)
    assert (stats.total, stats.new, stats.due, stats.learned) == (5, 2, 1, 2)
    assert stats.boxes == (1, 0, 0, 0, 2) and len(stats.boxes) == len(INTERVALS)
    assert stats.to_study == 3


def test_state_json_round_trip_and_bad_records():
    state = CardState(box=2, due=DAY, answered=days(-3), right=1, wrong=2)
    assert CardState.from_json(state.to_json()) == state
    assert CardState.from_json(CardState().to_json()) == CardState()
    for bad in ([], {"box": "2"}, {"box": True}, {"due": "tomorrow"}, {"right": -1}, {"answered": 5}):
        try:
            CardState.from_json(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_deck_holds_quiz_and_which_article_cards(write_kb):
    def art(name, questions=(), quiz=""):
        q = "".join(f"  - {x}\n" for x in questions)
        return f"---\nlang: en\nquestions:\n{q}---\n# {name}\n\ntext\n{quiz}"

    root = write_kb({
        "a.md": art("Alpha", ["alpha how"], "\n## Quiz\n1. One?\n   > 1\n2. Bad\n"),
        "b.md": art("Beta"), "c.md": art("Gamma"), "d.md": art("Delta"),
    })
    deck = build_deck(load_kb(root), random.Random(0))
    assert [(c.kind, c.question) for c in deck.cards] == [("open", "One?"), ("which-article", "alpha how")]
    assert [p.code for p in deck.problems] == ["quiz-no-answer"]
    assert deck.card(deck.cards[1].id) == deck.cards[1] and deck.card("nope") is None
    assert build_deck(load_kb(root), random.Random(0), lang="ru").cards == ()
