"""Ranking: a short unfinished word is completed with what the best results so far contain."""

from __future__ import annotations

import pytest

from kb_assistant.core.search import SearchService
from kb_assistant.core.search.query import build_query
from kb_assistant.core.search.ranking import FOCUS_DOCS

FREQUENT = ["enable", "entry", "endpoint", "env", "environment", "engine"]


@pytest.fixture
def focus_kb(write_kb, tmp_path):
    """Many articles of the KB's frequent "en" words, a few on CDN certificates and Let's Encrypt."""
    files = {}
    for n in range(40):
        words = " ".join(FREQUENT[(n + k) % len(FREQUENT)] for k in range(4))
        files[f"general/{n}.md"] = f"---\nid: general-{n}\nlang: en\n---\n# Settings {n}\n\nHow to {words} here.\n"
    for n in range(3):
        files[f"cdn/{n}.md"] = (f"---\nid: cdn-{n}\nlang: en\n---\n# CDN certificate {n}\n\n"
                                "Issue a CDN certificate with Let's Encrypt.\n")
    files["cdn/plain.md"] = "---\nid: cdn-plain\nlang: en\n---\n# CDN certificate upload\n\nUpload your own certificate.\n"
    with SearchService(write_kb(files, tmp_path / "kb"), tmp_path / "index") as service:
        service.update()
        yield service


def ranked_plan(service, text):
    plan = build_query(service._stats, text, live=True)
    top = service._ranker.rank(plan, FOCUS_DOCS, None, None)
    return plan, [doc for doc, _ in top]


def test_the_question_so_far_chooses_the_completions_of_a_short_word(focus_kb):
    plan, best = ranked_plan(focus_kb, "cdn certificate let's en")
    assert "encrypt" not in plan.groups[-1].completions  # not among the KB's four most frequent
    assert focus_kb._ranker.focus_completions(plan, focus_kb._stats, best)
    last = plan.groups[-1]
    assert "encrypt" in last.completions and last.alternatives["encrypt"] > 0
    assert len(last.completions) == 4 and not set(last.completions) - set(last.alternatives)
    found = focus_kb.search("cdn certificate let's en", live=True, limit=3)
    assert {hit.id for hit in found.hits} == {"cdn-0", "cdn-1", "cdn-2"}


def test_a_word_alone_keeps_the_kb_s_most_frequent_completions(focus_kb):
    plan, best = ranked_plan(focus_kb, "en")
    before = plan.groups[-1].completions
    assert not focus_kb._ranker.focus_completions(plan, focus_kb._stats, best)
    assert plan.groups[-1].completions == before
    plan, best = ranked_plan(focus_kb, "how to en")  # stop words say nothing of what follows
    assert not focus_kb._ranker.focus_completions(plan, focus_kb._stats, best)


def test_a_finished_question_is_not_refocused(focus_kb):
    plan, best = ranked_plan(focus_kb, "cdn certificate let's en ")
    assert not focus_kb._ranker.focus_completions(plan, focus_kb._stats, best)
