"""The bilingual analyzer: words, ё as е, a stemmer per script, stop words, word pairs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb_assistant.core.search.analysis import (
    TOKEN_PATTERN,
    BilingualTokenizer,
    PairTokenizer,
    index_form,
    is_stop_word,
    pair_terms,
    stem_word,
    tokenize,
)
from tests.core.search.helpers import top_ids

# letters of both scripts (with ё/Ё), digits, apostrophes and separators: what agents type
TEXTS = st.text(
    alphabet=st.sampled_from("abcxyzABCабвежёЁЕкуПР019 '’-_.,?!\n\t«»"),
    max_size=80,
)


def analyzed(text: str) -> list[str]:
    return [token.text for token in BilingualTokenizer()(text)]


def token_tuples(tokens) -> list[tuple[str, int, int, int]]:
    """Copy each token as it comes: Whoosh tokenizers reuse one Token object."""
    return [(t.text, t.pos, t.startchar, t.endchar) for t in tokens]


def test_words_split_at_punctuation_hyphens_and_underscores():
    assert tokenize("E-mail_адрес ЁЛКА, don't 3.5 x’y") == ["e", "mail", "адрес", "елка", "don't", "3", "5", "x’y"]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("возврата", "возврат"),
        ("возвратом", "возврат"),  # Russian Snowball on Cyrillic
        ("refunds", "refund"),
        ("refunding", "refund"),  # English Snowball on Latin
        ("ёлка", "елк"),  # ё folded before stemming
        ("по", "по"),
        ("ая", "ая"),  # two letters: left alone (Snowball would make "а")
        ("12345", "12345"),
        ("abcабв", "abcабв"),
        ("x200ами", "x200ами"),  # mixed scripts (product codes) match exactly
        ("λόγος", "λόγος"),  # other scripts too
    ],
)
def test_each_script_has_its_own_stemmer(word, stem):
    assert stem_word(word) == stem


def test_index_form_folds_case_and_yo():
    assert index_form("ЕЩЁ") == index_form("еще") == stem_word("еще")
    assert index_form("Refunds") == "refund"


@pytest.mark.parametrize(("word", "stop"), [("The", True), ("how", True), ("ещё", True), ("Не", True),
                                            ("refund", False), ("возврат", False)])
def test_stop_words_of_both_languages_whatever_the_case_or_yo(word, stop):
    assert is_stop_word(word) is stop


@given(TEXTS)
def test_tokenizer_gives_the_stems_of_the_words(text):
    tokens = token_tuples(BilingualTokenizer()(text, positions=True, chars=True))
    assert [term for term, *_ in tokens] == [stem_word(word) for word in tokenize(text)]
    assert [pos for _, pos, _, _ in tokens] == list(range(len(tokens)))
    for term, _, start, end in tokens:
        # character offsets point at the word in the original text (for highlighting)
        assert index_form(text[start:end]) == term


@given(st.text(alphabet=st.sampled_from("aБёЁİΣσΑ '’.-_9"), max_size=40) | TEXTS)
def test_words_are_those_of_the_text_each_folded_on_its_own(text):
    expected = [m.group(0).lower().replace("ё", "е") for m in re.finditer(TOKEN_PATTERN, text)]
    assert tokenize(text) == expected


@given(TEXTS)
def test_yo_and_ye_are_one_letter(text):
    assert analyzed(text.replace("е", "ё").replace("Е", "Ё")) == analyzed(text.replace("ё", "е").replace("Ё", "Е"))


def test_pairs_are_kept_only_when_they_hold_a_stop_word():
    pairs = [t.text for t in PairTokenizer()("How do I get my money back? Не пришли деньги")]
    assert pairs == ["how do", "do i", "i get", "get my", "my money", "back не", "не пришл"]
    assert [t.text for t in PairTokenizer()("refund card payment")] == []


@given(TEXTS)
def test_query_pairs_are_the_pairs_the_index_holds(text):
    # the query side (pair_terms) must build exactly the terms PairTokenizer indexed
    words = re.findall(TOKEN_PATTERN, text)
    assert [t.text for t in PairTokenizer()(text)] == pair_terms(words)


def test_untokenized_value_is_one_token():
    [token] = BilingualTokenizer()("Payments/Refunds", tokenize=False, chars=True)
    assert token.text == "Payments/Refunds" and (token.startchar, token.endchar) == (0, 16)


def test_russian_morphology_and_yo(service):
    # "денег" / "деньги" differ after stemming, but the title has "денег"
    assert top_ids(service.search("возврата денег"))[0] == "refund-ru"
    assert top_ids(service.search("посылку"))[0] == "tracking-ru"
    # ё and е are the same letter
    assert "tracking-ru" in top_ids(service.search("еще в приложении"))
