"""Reading paths: read counts, resuming, missing articles, overall progress."""

from __future__ import annotations

import math

import pytest

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.progress import (
    READ_SECONDS,
    ArticleReading,
    overall_progress,
    path_progress,
)

KB_YML = """\
paths:
  - id: start
    title: First steps
    lang: en
    articles: [a, b, ghost, c, d, b]
  - id: money
    title: Money
    lang: en
    articles: [c, e]
  - id: ru
    title: Начало
    lang: ru
    articles: [r]
"""


@pytest.fixture
def kb(write_kb):
    files = {name + ".md": f"---\nlang: en\n---\n# {name.upper()}\n" for name in "abcde"}
    files["r.md"] = "---\nlang: ru\n---\n# Р\n"
    files["_kb.yml"] = KB_YML
    return load_kb(write_kb(files))


def reading(seconds=0.0, learned=False, opened=0):
    return ArticleReading(seconds, learned, opened)


def test_read_after_enough_time_in_total_or_when_marked():
    r = ArticleReading()
    r = r.after_reading(12, 1).after_reading(7.5, 2)
    assert not r.is_read() and r.opened == 2
    assert r.after_reading(0.5, 3).is_read()
    assert r.is_read(threshold=15) and READ_SECONDS == 20
    assert ArticleReading(learned=True).is_read()
    for bad in (-1, math.nan, math.inf):
        with pytest.raises(ValueError):
            r.after_reading(bad, 4)


def test_nothing_read_starts_at_the_beginning(kb):
    progress = path_progress(kb.config.paths[0], kb, {})
    assert progress.articles == ("a", "b", "c", "d")
    assert progress.missing == ("ghost",)
    assert (progress.read_count, progress.total, progress.fraction) == (0, 4, 0.0)
    assert (progress.next_article, progress.last_opened) == ("a", None)


def test_continue_where_you_stopped(kb):
    path = kb.config.paths[0]
    readings = {"a": reading(30, opened=1), "c": reading(25, opened=3), "b": reading(5, opened=2)}
    progress = path_progress(path, kb, readings)
    assert progress.read == ("a", "c") and progress.unread() == ("b", "d")
    assert progress.last_opened == "c"
    assert progress.next_article == "d"  # the first unread after the last one opened
    readings["d"] = reading(40, opened=4)
    progress = path_progress(path, kb, readings)
    assert progress.next_article == "b"  # wrapped round to the start
    readings["b"] = reading(3, opened=5)
    progress = path_progress(path, kb, readings)
    assert (progress.last_opened, progress.next_article) == ("b", "b")  # stopped in the middle of it
    readings["b"] = reading(3, learned=True, opened=5)
    progress = path_progress(path, kb, readings)
    assert progress.done and progress.next_article is None and progress.fraction == 1.0


def test_overall_counts_each_article_once(kb):
    readings = {"c": reading(60, opened=1), "r": reading(learned=True)}
    overall = overall_progress(kb, readings, lang="en")
    assert [p.path.id for p in overall.paths] == ["start", "money"]
    assert (overall.read_count, overall.total) == (1, 5)
    assert overall.fraction == pytest.approx(0.2)
    everything = overall_progress(kb, readings)
    assert (everything.read_count, everything.total) == (2, 6)


def test_path_of_only_missing_articles(write_kb):
    kb = load_kb(write_kb({"_kb.yml": "paths:\n  - {title: Gone, articles: [x, y]}\n", "a.md": "# A"}))
    progress = path_progress(kb.config.paths[0], kb, {})
    assert progress.total == 0 and progress.missing == ("x", "y")
    assert progress.next_article is None and progress.fraction == 1.0


def test_reading_json_round_trip_and_bad_records():
    r = ArticleReading(21.5, True, 7)
    assert ArticleReading.from_json(r.to_json()) == r
    assert ArticleReading.from_json({}) == ArticleReading()
    for bad in ("x", {"seconds": "1"}, {"seconds": -2}, {"learned": "yes"}, {"opened": 1.5}, {"seconds": True}):
        with pytest.raises(ValueError):
            ArticleReading.from_json(bad)
