"""Confidence: the evidence read from a ranking, the model over it, and the threshold on KBs of any size."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kb_assistant.core.search.analysis import stem_word
from kb_assistant.core.search.confidence import (
    CONFIDENCE_THRESHOLD,
    PASSAGE_LIMIT,
    Evidence,
    confidence,
    is_confident,
    passage_match,
    passages,
    weigh_passages,
)
from kb_assistant.core.search.service import SearchService

REPO = Path(__file__).resolve().parents[3]

STRONG = Evidence(coverage=1.0, strength=1.0, relative=1.0, margin=0.8, known=1.0,
                  passage=1.0, overlap=0.9, overlap2=0.7, content_words=3)


def stems(*words: str) -> frozenset[str]:
    return frozenset(stem_word(word) for word in words)


def test_nothing_found_or_no_known_word_is_never_confident():
    assert confidence(None) == 0.0
    assert confidence(dataclasses.replace(STRONG, content_words=0)) == 0.0


def test_a_question_said_again_by_one_line_of_the_article_is_confident_but_not_certain():
    value = confidence(STRONG)
    assert is_confident(value) and value < 0.999


@pytest.mark.parametrize("weaker", [
    {"overlap": 0.3, "overlap2": 0.1, "passage": 0.4},  # the words are scattered over the article
    {"margin": 0.02},  # another article is as good
    {"same_language": False},  # an answer in another language
])
def test_weaker_evidence_lowers_confidence(weaker):
    assert confidence(dataclasses.replace(STRONG, **weaker)) < confidence(STRONG)


def test_the_threshold_separates_a_stray_word_from_a_reworded_question():
    stray = Evidence(coverage=0.3, strength=0.9, relative=0.5, margin=0.6, known=0.3,
                     passage=0.3, overlap=0.35, overlap2=0.2, content_words=1)
    assert not is_confident(confidence(stray)) and is_confident(confidence(STRONG))
    assert is_confident(CONFIDENCE_THRESHOLD) and not is_confident(CONFIDENCE_THRESHOLD - 1e-9)


def test_passages_are_lines_and_sentences():
    found = passages("# Refund\nRefunds take ten days. Ask the bank!\n\n  \nCall us")
    assert found == [stems("refund"), stems("refunds", "take", "ten", "days"), stems("ask", "the", "bank"),
                     stems("call", "us")]
    assert passages("") == []
    assert len(passages("word.\n" * (PASSAGE_LIMIT + 50))) == PASSAGE_LIMIT


def test_passage_match_reads_the_best_line_both_ways():
    groups = [(2.0, stems("refund")), (1.0, stems("card"))]
    one = lambda stem: 1.0  # noqa: E731
    article = weigh_passages([stems("refund", "to", "a", "card"), stems("refund", "policy", "for", "gift", "orders"),
                              stems("other")])
    assert [passage.weight(one) for passage in article] == [4.0, 5.0, 1.0]
    share, overlap, second = passage_match(groups, article, idf=one)
    assert share == 1.0
    assert overlap == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # the line has 4 words, 2 of them asked
    assert second == pytest.approx(2 * (2 / 3) * 0.2 / (2 / 3 + 0.2))
    assert passage_match(groups, weigh_passages([stems("other")]), idf=one) == (0.0, 0.0, 0.0)
    assert passage_match([], article, idf=lambda stem: 1.0) == (0.0, 0.0, 0.0)


def example_kb(root: Path, padding: int) -> Path:
    """A few intent-like articles, and ``padding`` unrelated ones (a big KB of other topics)."""
    articles = {
        "refund": ("Refund to a bank card", ["how do i get my money back", "when will my refund arrive"]),
        "password": ("Reset a forgotten password", ["i forgot my password", "the reset link has expired"]),
        "tracking": ("Track a parcel", ["where is my parcel", "the tracking number does not work"]),
    }
    for n in range(padding):
        articles[f"topic{n}"] = (f"Topic {n} zeta{n} settings",
                                 [f"how to change the zeta{n} option", f"zeta{n} omega{n} mode explained"])
    root.mkdir(parents=True)
    for article_id, (title, questions) in articles.items():
        body = "\n".join(f"- {q.capitalize()}?" for q in questions)
        (root / f"{article_id}.md").write_text(
            f"---\nid: {article_id}\nlang: en\n---\n# {title}\n\n{body}\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("padding", [0, 300])
def test_the_same_threshold_holds_on_a_small_and_a_big_kb(tmp_path, padding):
    root = example_kb(tmp_path / "kb", padding)
    with SearchService(root, tmp_path / "index") as service:
        service.update()
        right = service.search("I forgot my password")
        assert right.hits[0].id == "password" and right.confident and right.confidence < 0.999
        for question in ("how to cook pasta", "the and of", "qwxz jjkv"):
            assert not service.search(question).confident, question


def test_an_order_number_or_a_size_does_not_make_a_right_answer_doubtful(tmp_path):
    root = example_kb(tmp_path / "kb", 30)
    with SearchService(root, tmp_path / "index") as service:
        service.update()
        plain = service.search("where is my parcel")
        numbered = service.search("where is my parcel 4810275536")
        assert plain.confident and numbered.confident and numbered.hits[0].id == "tracking"
        assert not service.search("12345 678").confident  # nothing but numbers: nothing to vouch for


def test_live_search_ranks_a_second_result_for_the_margin(tmp_path):
    root = example_kb(tmp_path / "kb", 0)
    with SearchService(root, tmp_path / "index") as service:
        service.update()
        one = service.search("my money back", limit=1)
        three = service.search("my money back", limit=3)
        assert len(one.hits) == 1 and one.confidence == three.confidence


@pytest.fixture(scope="module")
def sample_kb(tmp_path_factory):
    with SearchService(REPO / "kb_assistant" / "sample_kb", tmp_path_factory.mktemp("sample-index")) as service:
        service.update()
        yield service


@pytest.mark.parametrize("question", ["не пришёл код подтверждения", "how to cook pasta", "погода в москве"])
def test_the_sample_kb_does_not_vouch_for_a_stray_answer(sample_kb, question):
    assert not sample_kb.search(question).confident


@pytest.mark.parametrize("question, article", [
    ("forgot password", "Resetting a password"),
    ("track my parcel", "Tracking a parcel"),
    ("возврат денег", "Возврат денег на карту"),
])
def test_the_sample_kb_vouches_for_a_right_answer(sample_kb, question, article):
    found = sample_kb.search(question)
    assert found.hits[0].title == article and found.confident and found.confidence < 0.999
