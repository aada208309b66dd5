"""Learned questions: agents' answers teach the search in memory, below the editor's own questions."""

from __future__ import annotations

import pytest

from kb_assistant.core.search import SearchService

KB = {
    "translate.md": "---\nid: translate\nlang: en\n---\n# Translate a phrase\n\nTranslations into other languages.\n",
    "flights.md": "---\nid: flights\nlang: en\n---\n# Book a flight\n\nFlights and airlines.\n",
    "fly.md": "---\nid: fly\nlang: en\nquestions:\n  - how would you say fly in italian\n---\n# Flying lessons\n\n"
              "Lessons for pilots.\n",
}


@pytest.fixture
def service(write_kb, tmp_path):
    with SearchService(write_kb(KB), tmp_path / "index") as found:
        found.update()
        yield found


def top(service, text, **kw):
    return [hit.id for hit in service.search(text, **kw).hits]


def test_a_question_agents_answered_finds_its_article_by_words_the_kb_lacks(service):
    assert "translate" not in top(service, "what is ciao in portuguese")[:1]
    service.set_learned({"translate": [("what is hello in portuguese", 2.0), ("ciao means what", 1.0)]})
    assert top(service, "what is ciao in portuguese")[0] == "translate"
    assert top(service, "ciao in portug", live=True)[0] == "translate"  # live, the last word unfinished
    service.set_learned({})
    assert "translate" not in top(service, "what is ciao in portuguese")[:1]


def test_learned_questions_never_outweigh_the_editors_own(service):
    service.set_learned({"translate": [("how would you say fly in italian", 5.0)] * 3})
    assert top(service, "how would you say fly in italian")[0] == "fly"


def test_unknown_articles_are_left_out_and_a_reload_keeps_the_learned(service, write_kb):
    service.set_learned({"gone": [("portuguese ciao", 1.0)], "translate": [("portuguese ciao", 1.0)]})
    assert top(service, "portuguese ciao")[0] == "translate"
    service.refresh()  # a new view of the index: learned questions still apply
    assert top(service, "portuguese ciao")[0] == "translate"


def test_a_learned_word_is_known_to_the_term_table(service):
    service.set_learned({"translate": [("ciao portuguese", 1.0)]})
    assert service.read_terms()
    assert top(service, "portuguese")[0] == "translate"
    assert top(service, "portugese")[0] == "translate"  # a typo of a learned word is corrected too


def test_the_word_order_of_learned_questions_counts_through_their_word_pairs(service):
    # the same words, a little stronger in the other article: only the pairs ("what can", "can you") tell them apart
    service.set_learned({"translate": [("what can you do", 1.0)], "flights": [("you can do what", 1.2)]})
    assert top(service, "what can you do")[0] == "translate"


def test_a_learned_pair_never_outweighs_the_same_pair_in_the_editors_questions():
    from kb_assistant.core.search.learned import LEARNED_PAIR_BOOST, LearnedField
    from kb_assistant.core.search.schema import PAIR_BOOST

    field = LearnedField({0: [("can you say it, can you", 5.0)]})
    assert field.pairs["can you"] == {0: 5.0}  # once per question, however often it says it
    assert LEARNED_PAIR_BOOST < PAIR_BOOST


def test_a_word_counts_once_per_learned_question(service):
    # found by it in two different questions says more than one question saying it four times
    service.set_learned({"translate": [("ciao ciao ciao ciao", 1.0)], "flights": [("ciao", 1.0), ("ciao ciao", 1.0)]})
    assert top(service, "ciao")[0] == "flights"


def test_learned_questions_mostly_about_something_else_say_less_of_a_word(service):
    service.set_learned({"translate": [("ciao", 1.0)], "flights": [
        ("ciao", 1.1), ("book cheap tickets to rome", 1.0), ("baggage allowance rules", 1.0)]})
    assert top(service, "ciao")[0] == "translate"
    assert top(service, "baggage")[0] == "flights"


def test_a_learned_word_stays_below_its_bound_however_short_or_strong():
    from kb_assistant.core.search.learned import MAX_WEIGHT, LearnedField

    field = LearnedField({0: [("ciao", 100.0)], 1: [("a much longer question about other things", 1.0)] * 9})
    weight = field.postings["ciao"][0]
    assert weight == MAX_WEIGHT and field.norms[0] < 1
    assert weight / (weight + field.norms[0]) < 1


def test_learned_terms_are_cut_as_the_index_cuts_its_fields():
    from kb_assistant.core.search.analysis import PairTokenizer, bilingual_analyzer
    from kb_assistant.core.search.learned import analysed

    text = "Как вернуть ДЕНЬГИ за ёлку? What's the e-mail of O'Brien, how do I say it"
    words, pairs = analysed(text)
    assert words == {token.text for token in bilingual_analyzer()(text)}
    assert pairs == {token.text for token in PairTokenizer()(text)}


def test_an_edited_article_keeps_its_learned_questions(service, write_kb):
    service.set_learned({"translate": [("portuguese ciao", 1.0)]})
    assert top(service, "portuguese ciao")[0] == "translate"
    write_kb({"translate.md": KB["translate.md"].replace("other languages", "other languages and dialects")})
    service.update_files(["translate.md"])  # the old version is a deleted document of the index now
    assert top(service, "portuguese ciao")[0] == "translate"
    assert top(service, "dialects")[0] == "translate"


def test_new_learned_questions_keep_the_index_scores_of_words_they_do_not_change(service):
    service.set_learned({"translate": [("ciao portuguese", 1.0)]})
    before = service.search("flights airlines", limit=3)
    scorer = service._ranker._scorer
    scorer.term_arrays("hello")
    scorer.term_scores("hello")
    assert ("arrays", "flight") in scorer._cache  # the arrays the ranking sums
    service.set_learned({"translate": [("ciao portuguese", 1.0), ("hello in portuguese", 1.0)]})
    assert ("arrays", "flight") in scorer._cache
    assert ("arrays", "hello") not in scorer._cache and ("*", "hello") not in scorer._cache  # its count changed
    assert service.search("flights airlines", limit=3).hits == before.hits
    with SearchService(service.kb_root, service.index_dir) as fresh:  # the same answers as given them at once
        fresh.set_learned({"translate": [("ciao portuguese", 1.0), ("hello in portuguese", 1.0)]})
        for text in ("portuguese", "hello portuguese ciao", "flights in portuguese"):
            assert fresh.search(text).hits == service.search(text).hits
