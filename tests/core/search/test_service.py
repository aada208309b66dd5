"""The search service: ranking, filters, hits, confidence, any text, refresh, and its lifecycle."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb_assistant.core.errors import SearchIndexError
from kb_assistant.core.models import SearchHit
from kb_assistant.core.search import SearchFilters, SearchService
from kb_assistant.core.search import ranking
from kb_assistant.core.search import service as service_module
from kb_assistant.core.search.query import build_query
from tests.core.search.helpers import ARTICLE_COUNT, KB_FILES, top_ids


def test_whole_words_find_the_article(service):
    assert top_ids(service.search("refund card"))[0] == "refund"
    assert top_ids(service.search("сбросить пароль"))[0] == "password-ru"


def test_filters(service):
    assert {h.lang for h in service.search("refund возврат", filters=SearchFilters(lang="ru")).hits} == {"ru"}
    tagged = service.search("пароль password", filters=SearchFilters(tag="account"))
    assert {h.id for h in tagged.hits} == {"password", "password-ru"}
    in_folder = service.search("refund возврат пароль", filters=SearchFilters(category="account"))
    assert {h.category for h in in_folder.hits} == {"account"}
    assert service.search("hello", filters=SearchFilters(type="snippet")).hits[0].id == "hello"


def test_a_folder_filter_takes_its_subfolders_and_ignores_case_of_values(write_kb, tmp_path):
    root = write_kb({
        "account/login.md": "---\nproduct: Shopwave\ntags: [Login]\n---\n# Login help",
        "account/security/2fa.md": "# Login with two factors",
        "accounting/invoice.md": "# Login to invoices",
    }, tmp_path / "folders")
    with SearchService(root, tmp_path / "folders-index") as svc:
        svc.update()
        found = svc.search("login", filters=SearchFilters(category="/account/"))
        assert {hit.path for hit in found.hits} == {"account/login.md", "account/security/2fa.md"}
        narrowed = svc.search("login", filters=SearchFilters(product="SHOPWAVE", tag="LOGIN"))
        assert [hit.path for hit in narrowed.hits] == ["account/login.md"]


def test_no_filters_mean_no_restriction():
    assert SearchFilters().to_query() is None
    assert SearchFilters(lang="ru").to_query() is not None


def test_hit_fields(service):
    hit = service.search("refund").hits[0]
    assert hit.title == "Refund to a bank card"
    assert hit.path == "payments/refund.en.md"
    assert hit.reply_names == ("Refund started",)
    assert hit.tags == ("refunds", "payments")
    assert hit.lang == "en" and hit.category == "payments" and hit.product == "shopwave"
    assert hit.stale is True
    assert hit.score > 0


def test_stale_is_judged_against_today(kb_root, tmp_path):
    with SearchService(kb_root, tmp_path / "index", today=dt.date(2020, 1, 15)) as svc:
        svc.update()
        assert svc.search("refund").hits[0].stale is False


def test_results_are_plain_data_that_can_cross_threads(service):
    results = service.search("refund card", live=True)
    assert all(type(hit) is SearchHit for hit in results.hits)
    assert pickle.loads(pickle.dumps(results)) == results


def test_hits_come_best_first_up_to_the_limit(service):
    many = service.search("refund возврат пароль password hello coupon", limit=10)
    scores = [hit.score for hit in many.hits]
    assert len(scores) > 3 and scores == sorted(scores, reverse=True)
    assert [hit.id for hit in service.search(many.query, limit=2).hits] == [hit.id for hit in many.hits[:2]]
    assert len(service.search(many.query, limit=0).hits) == 1


def test_confidence_says_no_good_match(service):
    good = service.search("refund to card")
    assert good.confident and good.confidence >= 0.6
    noise = service.search("weather forecast tomorrow refund")
    assert not noise.confident
    stop_only = service.search("how to the")
    assert not stop_only.confident


def test_question_language_is_preferred(service):
    # synonyms link refund and возврат; each language's question opens its own article
    assert top_ids(service.search("refund"))[0] == "refund"
    assert top_ids(service.search("возврат"))[0] == "refund-ru"


@pytest.mark.parametrize("text", ['"', "AND OR (", "*", "😀", "   ", "", "title:x", "a" * 500,
                                  "[[x]]", "\x00", "-", "NOT", "возврат*", "?", "\\"])
def test_odd_text_never_raises(service, text):
    service.search(text, live=True)
    service.search(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60), st.booleans())
def test_any_text_never_raises(service, text, live):
    results = service.search(text, live=live)
    assert results.query == text


def test_an_unexpected_failure_is_a_search_index_error(service, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("segment file vanished")

    monkeypatch.setattr(service_module, "build_query", broken)
    with pytest.raises(SearchIndexError):
        service.search("refund")


def _brute_force_top(svc, text, limit):
    """Score every matching document in full, by the ranking's rule."""
    plan = build_query(svc._stats, text, live=True, synonyms=svc._synonyms)
    if plan is None:
        return []
    same = svc._language_docs(svc._searcher, plan.interpreted or text)

    def full_scores():
        parts = [(svc._ranker.group_scores(g), g.weight) for g in plan.groups]
        parts += [(svc._ranker.pair_scores(p), 0.0) for p, _ in plan.pairs]
        total_weight = sum(g.weight for g in plan.groups) or 1.0
        floor = ranking.COORDINATION_FLOOR
        scores = {}
        for doc in set().union(*(p for p, _ in parts)):
            total = sum(p[doc] for p, _ in parts if doc in p)
            matched = sum(w for p, w in parts if doc in p)
            score = total * (floor + (1 - floor) * matched / total_weight)
            if same and doc in same:
                score *= ranking.LANGUAGE_BOOST
            scores[doc] = score
        return scores

    scores = full_scores()
    best = sorted(scores, key=lambda doc: (-scores[doc], doc))[:ranking.FOCUS_DOCS]
    if svc._ranker.focus_completions(plan, svc._stats, best):
        scores = full_scores()
    return sorted(scores.values(), reverse=True)[:limit]


WORDS = ["refund", "card", "возврат", "денег", "пароль", "how", "to", "the", "coupon", "по",
         "посылки", "hello", "business", "days", "ещё", "в", "ret", "пар", "djpdhfn"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.integers(min_value=1, max_value=4))
def test_the_ranking_equals_full_scoring(service, words, limit):
    text = " ".join(words)
    got = [hit.score for hit in service.search(text, live=True, limit=limit).hits]
    expected = _brute_force_top(service, text, limit)
    assert got == pytest.approx([round(s, 4) for s in expected], abs=1e-3)


# -- lifecycle ------------------------------------------------------------------------------


def test_before_the_first_update_the_index_is_empty_not_broken(kb_root, tmp_path):
    with SearchService(kb_root, tmp_path / "index") as svc:
        assert svc.search("refund").hits == ()
        assert svc.doc_count() == 0
        svc.update()
        assert svc.doc_count() == ARTICLE_COUNT


def test_refresh_sees_what_another_process_committed(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    with SearchService(kb_root, index_dir) as reader, SearchService(kb_root, index_dir) as writer:
        reader.update()
        assert reader.refresh() is False
        (kb_root / "new.md").write_text("# Narwhal care", encoding="utf-8")
        writer.update()
        assert reader.search("narwhal").hits == ()  # the old generation, until refreshed
        assert reader.refresh() is True
        assert top_ids(reader.search("narwhal")) == ["new"]


def test_a_closed_service_opens_again_when_asked(service):
    service.close()
    assert top_ids(service.search("refund"))[0] == "refund"
    assert service.doc_count() == len(KB_FILES) - 1


def test_the_term_table_read_at_once_gives_the_same_answers(kb_root, tmp_path):
    """read_terms() reads every term's frequency in one pass; a search then gives what lookups one by one give."""
    from kb_assistant.core.search.service import SearchService

    questions = ["refund card", "как вернуть деньги", "djpdhfn", "coupon", "zzzz unknown", "пароль"]
    with SearchService(kb_root, tmp_path / "one") as plain:
        plain.update()
        expected = [(r.hits, r.confidence, r.interpreted) for r in map(plain.search, questions)]
    with SearchService(kb_root, tmp_path / "two") as warmed:
        warmed.update()
        assert warmed.read_terms()
        assert [(r.hits, r.confidence, r.interpreted) for r in map(warmed.search, questions)] == expected
