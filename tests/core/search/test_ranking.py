"""Ranking: every document scored by the rule, and a short unfinished word completed with what the best results so far contain."""

from __future__ import annotations

import pytest

from kb_assistant.core.search import SearchService
from kb_assistant.core.search.query import build_query
from kb_assistant.core.search.ranking import COORDINATION_FLOOR, FOCUS_DOCS, LANGUAGE_BOOST

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


def reference_rank(ranker, plan, limit, allowed, same_language):
    """The ranking's rule, document by document: the sum of its words' scores, scaled by the share of the
    question's weight it matches and raised for the question's language; ties to the lower docnum."""
    parts = [(ranker.group_scores(group), group.weight) for group in plan.groups]
    parts += [(ranker.pair_scores(pair), 0.0) for pair, _ in plan.pairs]
    total_weight = sum(group.weight for group in plan.groups) or 1.0
    scored = []
    for doc in set().union(*(scores for scores, _ in parts)):
        if allowed is not None and doc not in allowed:
            continue
        total = sum(scores[doc] for scores, _ in parts if doc in scores)
        matched = sum(weight for scores, weight in parts if doc in scores)
        score = total * (COORDINATION_FLOOR + (1 - COORDINATION_FLOOR) * matched / total_weight)
        if same_language and doc in same_language:
            score *= LANGUAGE_BOOST
        scored.append((round(score, 9), doc, score))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(doc, score) for _, doc, score in scored[:limit]]


@pytest.mark.parametrize("text, live", [
    ("cdn certificate let's en", True), ("how to enable the entry", False), ("en", True),
    ("settings endpoint env", False), ("upload your own cert", True), ("nothing matches zzz", False),
])
def test_the_ranking_is_its_rule_for_every_document(focus_kb, text, live):
    plan = build_query(focus_kb._stats, text, live=live)
    ranker = focus_kb._ranker
    everyone = set(range(focus_kb.doc_count()))
    odd = {doc for doc in everyone if doc % 2}
    for allowed, same_language in [(None, None), (odd, None), (None, odd), (odd, everyone - odd), (set(), None)]:
        for limit in (1, 2, 3, 10, 50):
            found = ranker.rank(plan, limit, allowed, same_language)
            expected = reference_rank(ranker, plan, limit, allowed, same_language)
            assert [doc for doc, _ in found] == [doc for doc, _ in expected], (allowed, same_language, limit)
            assert [score for _, score in found] == pytest.approx([score for _, score in expected])


def test_equal_scores_go_to_the_lower_docnum_at_the_last_place(write_kb, tmp_path):
    body = "---\nid: copy-{n}\nlang: en\n---\n# Printer\n\nThe printer jams.\n"
    files = {f"copies/{n}.md": body.format(n=n) for n in range(6)}
    with SearchService(write_kb(files, tmp_path / "kb"), tmp_path / "index") as service:
        service.update()
        plan = build_query(service._stats, "printer jams", live=False)
        everyone = service._ranker.rank(plan, 6, None, None)
        assert len({score for _, score in everyone}) == 1
        assert [doc for doc, _ in everyone] == sorted(doc for doc, _ in everyone)
        assert service._ranker.rank(plan, 2, None, None) == everyone[:2]
        assert service._ranker.rank(plan, 0, None, None) == []
