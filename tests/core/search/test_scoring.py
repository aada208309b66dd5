"""BM25F scoring term at a time: the bounded LRU cache, partial scores, and ranking built on them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import index as whoosh_index

from kb_assistant.core.search import SearchService
from kb_assistant.core.search import scoring
from kb_assistant.core.search.indexer import INDEX_NAME, live_generation, update_index
from kb_assistant.core.search.schema import TEXT_FIELDS
from kb_assistant.core.search.scoring import B, K1, BoundedCache, TermScorer

# one language, so the ranking adds no language boost; "wombat" in four bodies and one question
SCORING_KB = {
    "short.md": "# Alpha\n\nwombat",
    "twice.md": "# Beta\n\nwombat wombat and a few more words here",
    "once.md": "# Gamma\n\nwombat and a few more words here, plus",
    "long.md": "# Delta\n\nwombat " + " ".join(f"filler{n}" for n in range(60)),
    "none.md": "# Epsilon\n\nnothing about the animal",
    "question.md": "---\nquestions: ['Where do wombats live?']\n---\n# Facts\n\nThe animal again.",
}


@pytest.fixture
def reader(open_reader, write_kb):
    return open_reader(write_kb(SCORING_KB))


def scorer_for(reader):
    return TermScorer(reader, TEXT_FIELDS)


def path_of(reader, docnum):
    return reader.stored_fields(docnum)["path"]


# -- BoundedCache -------------------------------------------------------------------


def test_bounded_cache_drops_least_recently_used():
    cache = BoundedCache(10)
    cache.put("a", 1, 4)
    cache.put("b", 2, 4)
    assert cache.get_fresh("a") == 1  # "b" is now the oldest
    cache.put("c", 3, 4)
    assert list(cache) == ["a", "c"] and cache.used == 8
    cache.put("c", 4, 2)
    assert cache.used == 6
    cache.clear()
    assert cache.used == 0 and not cache.sizes


def test_one_value_larger_than_the_budget_is_still_kept():
    cache = BoundedCache(5)
    cache.put("small", 1, 2)
    cache.put("huge", 2, 50)
    assert list(cache) == ["huge"] and cache.used == 50
    assert cache.get_fresh("small") is None


def test_a_replaced_value_counts_its_new_size_only():
    cache = BoundedCache(10)
    cache.put("a", 1, 6)
    cache.put("b", 2, 3)
    cache.put("a", 3, 1)  # shrinking "a" makes room: nothing is dropped
    assert dict(cache) == {"b": 2, "a": 3} and cache.used == 4


def test_replacing_a_value_counts_as_use():
    cache = BoundedCache(2)
    cache.put("a", 1, 1)
    cache.put("b", 2, 1)
    cache.put("a", 3, 1)  # "a" is now the most recently used
    cache.put("c", 4, 1)
    assert list(cache) == ["a", "c"]


KEYS = st.sampled_from("abcdefg")
ACTIONS = st.lists(
    st.one_of(st.tuples(st.just("put"), KEYS, st.integers(1, 8)), st.tuples(st.just("get"), KEYS, st.just(0))),
    max_size=60,
)


@given(st.integers(1, 20), ACTIONS)
def test_cache_stays_in_budget_and_drops_only_the_least_recently_used(budget, actions):
    cache = BoundedCache(budget)
    model: list[tuple[str, int]] = []  # a plain LRU list, oldest first: what the cache must hold
    for action, key, size in actions:
        present = [k for k, _ in model]
        if action == "put":
            if key in present:
                continue  # the service puts only after a miss
            cache.put(key, size, size)
            model.append((key, size))
            while sum(s for _, s in model) > budget and len(model) > 1:
                model.pop(0)
        else:
            assert cache.get_fresh(key) == (size_of(model, key) if key in present else None)
            if key in present:
                model.append(model.pop(present.index(key)))
        assert list(cache) == [k for k, _ in model]
        assert cache.used == sum(s for _, s in model) == sum(cache.sizes.values())
        assert cache.used <= budget or len(cache) == 1


def size_of(model, key):
    return dict(model)[key]


# -- BM25 partial scores ---------------------------------------------------------------


def test_partial_scores_are_bm25_of_each_document(reader):
    scores = scorer_for(reader).field_scores("body", "wombat")
    tf = {"short.md": 1, "twice.md": 2, "once.md": 1, "long.md": 1}
    assert {path_of(reader, doc) for doc in scores} == set(tf)
    count = reader.doc_count()  # live documents
    df = max(reader.doc_frequency(field, "wombat") for field in TEXT_FIELDS)  # BM25F: over all fields
    idf = math.log(1 + (count - df + 0.5) / (df + 0.5))
    # the average of the lengths as stored (one byte each): the only total that an updated
    # index, which cannot subtract a deleted document's exact length, shares with a fresh one
    average = sum(reader.doc_field_length(doc, "body") for doc in reader.all_doc_ids()) / count
    for doc, score in scores.items():
        length = reader.doc_field_length(doc, "body")
        freq = tf[path_of(reader, doc)]
        expected = idf * (K1 + 1) * TEXT_FIELDS["body"] * freq / (freq + K1 * (1 - B + B * length / average))
        assert score == pytest.approx(expected)


def test_more_occurrences_and_shorter_documents_score_higher(reader):
    by_path = {path_of(reader, doc): score for doc, score in scorer_for(reader).field_scores("body", "wombat").items()}
    assert by_path["twice.md"] > by_path["once.md"]  # same length, twice the word
    assert by_path["short.md"] > by_path["once.md"] > by_path["long.md"]  # one occurrence, longer and longer


def test_rare_words_weigh_more_than_common_ones(reader):
    scorer = scorer_for(reader)
    # "few" is in two documents, "wombat" in five; in once.md each occurs once
    once = next(doc for doc in range(reader.doc_count_all()) if path_of(reader, doc) == "once.md")
    assert scorer.term_scores("few")[once] > scorer.term_scores("wombat")[once]


def test_term_scores_add_up_the_boosted_fields(reader):
    scorer = scorer_for(reader)
    total = scorer.term_scores("wombat")
    per_field = [scorer.field_scores(field, "wombat") for field in TEXT_FIELDS]
    assert set(total) == set().union(*per_field)
    for doc, score in total.items():
        assert score == pytest.approx(sum(part.get(doc, 0.0) for part in per_field))
    question = next(doc for doc in total if path_of(reader, doc) == "question.md")
    assert per_field[list(TEXT_FIELDS).index("questions")][question] > 0


def test_unknown_terms_and_fields_score_nothing(reader):
    scorer = scorer_for(reader)
    assert scorer.term_scores("zzzz") == {}
    assert scorer.field_scores("tagtext", "wombat") == {}


def test_deleted_documents_are_not_scored(tmp_path, write_kb):
    index_dir = tmp_path / "index"
    update_index(index_dir, write_kb(SCORING_KB))
    index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    try:
        writer = index.writer()
        writer.delete_by_term("path", "twice.md")
        writer.commit(merge=False)
        with index.reader() as reader:
            assert reader.has_deletions()  # the document is only marked deleted
            scores = scorer_for(reader).term_scores("wombat")
            assert {path_of(reader, doc) for doc in scores} == {"short.md", "once.md", "long.md", "question.md"}
    finally:
        index.close()


def arrays_as_mapping(arrays):
    ids, values = arrays
    assert list(ids) == sorted(ids)
    return dict(zip(ids.tolist(), values.tolist()))


def test_the_arrays_of_a_term_are_its_scores_to_the_last_bit(reader):
    scorer = scorer_for(reader)
    for word in ("wombat", "few", "animal", "alpha", "live", "zzzz"):
        assert arrays_as_mapping(scorer.term_arrays(word)) == scorer.term_scores(word)


def test_the_arrays_skip_deleted_documents_across_segments(tmp_path, write_kb):
    kb = write_kb(SCORING_KB)
    index_dir = tmp_path / "index"
    update_index(index_dir, kb)
    (kb / "twice.md").write_text("# Beta\n\nwombat once, and other words\n", encoding="utf-8")
    update_index(index_dir, kb)  # the old version stays, deleted, in the first segment
    index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    try:
        with index.reader() as reader:
            assert reader.has_deletions() and len(list(reader.leaf_readers())) > 1
            scorer = scorer_for(reader)
            for word in ("wombat", "word", "few"):
                assert arrays_as_mapping(scorer.term_arrays(word)) == scorer.term_scores(word)
    finally:
        index.close()


def test_a_small_cache_gives_the_same_scores(reader, monkeypatch):
    full = scorer_for(reader)
    expected = {word: dict(full.term_scores(word)) for word in ("wombat", "few", "animal", "alpha")}
    monkeypatch.setattr(scoring, "TERM_CACHE_POSTINGS", 3)
    small = scorer_for(reader)
    for _ in range(2):  # the second round finds most terms dropped and scores them again
        for word, scores in expected.items():
            assert small.term_scores(word) == pytest.approx(scores)
    assert len(small._cache) <= 2  # noqa: SLF001 - the bound is what is under test


def test_single_word_ranking_follows_the_partial_scores(write_kb, tmp_path, reader):
    expected = sorted(scorer_for(reader).term_scores("wombat").items(), key=lambda item: -item[1])
    with SearchService(write_kb(SCORING_KB), tmp_path / "ranked") as service:
        service.update()
        hits = service.search("wombat").hits
    assert [hit.path for hit in hits] == [path_of(reader, doc) for doc, _ in expected]
    assert [hit.score for hit in hits] == pytest.approx([round(score, 4) for _, score in expected], abs=1e-4)


def test_an_updated_index_scores_exactly_as_one_built_anew(write_kb, tmp_path):
    """Deleted documents (left by updates until a merge) count in no statistic: N, df, average length."""
    from kb_assistant.core.search import SearchService

    files = {f"a{n}.md": f"# Article {n}\n\n" + " ".join(["wombat"] * (n % 4 + 1) + ["burrow"] * n) + "\n"
             for n in range(12)}
    kb = write_kb(files)
    updated, fresh = tmp_path / "updated", tmp_path / "fresh"
    update_index(updated, kb)
    for n in range(0, 12, 3):  # rewritten: each leaves its old version deleted in the first segment
        (kb / f"a{n}.md").write_text(files[f"a{n}.md"] + "\nwombat\n", encoding="utf-8")
    (kb / "a1.md").unlink()
    update_index(updated, kb)
    update_index(fresh, kb)

    def scores(index_dir):
        with SearchService(kb, index_dir) as service:
            return {q: [(h.id, h.score) for h in service.search(q, limit=20).hits] for q in ("wombat", "burrow wombat")}

    assert scores(updated) == scores(fresh)
