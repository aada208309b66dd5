"""Result snippets: the window with most matched words, spans of the matches, "…" cuts, ё as е."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.models import KbConfig
from kb_assistant.core.search.analysis import index_form, tokenize
from kb_assistant.core.search.analysis import TOKEN_PATTERN
from kb_assistant.core.search.snippets import SNIPPET_CHARS, SnippetSource, article_hit, make_snippet, mark_spans


def terms(*words: str) -> frozenset[str]:
    return frozenset(index_form(word) for word in words)


def marked(snippet: str, spans) -> list[str]:
    return [snippet[a:b] for a, b in spans]


def test_the_window_with_the_most_distinct_matched_words_wins():
    text = (
        "Refund policy. " + "Intro words. " * 40 + "The refund goes to the card in days. "
        + "Filler text here. " * 30 + "Refund refund refund refund. " + "more " * 50
    )
    snippet, spans = make_snippet(text, terms("refund", "card", "days"))
    assert "The refund goes to the card in days." in snippet
    assert [word.lower() for word in marked(snippet, spans)] == ["refund", "card", "days"]
    assert snippet.startswith("… ") and snippet.endswith(" …")


def test_the_window_opens_a_little_before_the_first_match_at_a_word():
    text = "alpha beta gamma delta " * 20 + "zebra crossing " + "omega " * 60
    snippet, spans = make_snippet(text, terms("zebra"))
    assert marked(snippet, spans) == ["zebra"]
    lead = snippet[2:spans[0][0]].split()
    assert 0 < len(lead) and lead[0] in {"alpha", "beta", "gamma", "delta"}  # whole words before it
    assert spans[0][0] < len(snippet) // 2


def test_a_match_at_the_start_is_not_cut_and_a_short_text_not_at_all():
    snippet, spans = make_snippet("Refunds take days. " + "more words " * 40, terms("refund"))
    assert snippet.startswith("Refunds") and snippet.endswith(" …")
    assert marked(snippet, spans) == ["Refunds"]
    assert make_snippet("Short   text,\n\nnothing   to cut.", frozenset()) == ("Short text, nothing to cut.", ())


def test_without_matches_the_snippet_is_the_start_of_the_text():
    snippet, spans = make_snippet("word " * 100, terms("absent"))
    assert spans == ()
    assert snippet.startswith("word word") and snippet.endswith(" …")
    assert len(snippet) <= SNIPPET_CHARS + 2


def test_yo_and_ye_match_each_other_and_the_text_keeps_its_letter():
    snippet, spans = make_snippet("Ещё   его\n видно в приложении.", terms("еще", "приложение"))
    assert snippet == "Ещё его видно в приложении."
    assert marked(snippet, spans) == ["Ещё", "приложении"]
    snippet, spans = make_snippet("Еще раз", terms("ещё"))
    assert marked(snippet, spans) == ["Еще"]


def test_only_words_with_the_same_stem_are_marked():
    snippet, spans = make_snippet("Card, cards, cardigan, discard: carded.", terms("card"))
    assert marked(snippet, spans) == ["Card", "cards", "carded"]


@pytest.mark.parametrize("width", [40, 80, 180])
def test_the_width_bounds_the_snippet(width):
    text = " ".join(f"w{n}" for n in range(400)) + " needle " + " ".join(f"v{n}" for n in range(400))
    snippet, spans = make_snippet(text, terms("needle"), width=width)
    assert marked(snippet, spans) == ["needle"]
    assert len(snippet) <= width + len("… ") + len(" …")


WORDS = st.sampled_from(["refund", "Refunds", "card", "карта", "карту", "ещё", "еще", "Ёлка", "the", "a",
                         "в", "days", "payment", "возврат", "возврата", "x"])
TEXTS = st.lists(WORDS, max_size=150).map(" ".join) | st.text(max_size=400)


@given(TEXTS, st.sets(WORDS, max_size=4), st.integers(20, 300))
def test_spans_always_mark_matched_words_inside_the_snippet(text, words, width):
    wanted = terms(*words)
    snippet, spans = make_snippet(text, wanted, width=width)
    assert "  " not in snippet
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(snippet)
        assert index_form(snippet[start:end]) in wanted
        previous_end = end
    body = snippet.removeprefix("… ").removesuffix(" …")
    assert body in " ".join(text.split())


@given(st.lists(WORDS, min_size=1, max_size=150).map(" ".join), st.sets(WORDS, max_size=4))
def test_every_marked_word_of_the_window_is_found(text, words):
    wanted = terms(*words)
    snippet, spans = make_snippet(text, wanted)
    body_start = 2 if snippet.startswith("… ") else 0
    body = snippet[body_start:len(snippet) - (2 if snippet.endswith(" …") else 0)]
    offset = body_start
    expected = []
    for word in body.split(" "):
        if tokenize(word) and index_form(word) in wanted:
            expected.append((offset, offset + len(word)))
        offset += len(word) + 1
    assert spans == tuple(expected)


PIECES = st.sampled_from(["don", "t", "a", "b", "c", "ab", "abc", "Ёлка", "елки", "İ", "x", "'", "’", " ", ",", "_", "-", "9"])


@given(st.lists(PIECES, max_size=60).map("".join), st.sets(PIECES, max_size=5))
def test_matches_are_exactly_the_index_words_whose_form_is_wanted(text, words):
    # the reference: every word as the index cuts the text (apostrophe chains such as
    # "a'b'c" are "a'b" and "c"), kept when its own index form is among the terms
    wanted = frozenset(index_form(w) for w in words if re.fullmatch(TOKEN_PATTERN, w))
    source = SnippetSource(text)
    folded = source.head.replace("ё", "е").replace("Ё", "Е")
    expected = [m.span() for m in re.finditer(TOKEN_PATTERN, folded) if index_form(m.group(0)) in wanted]
    assert source.matches(wanted) == expected


def test_a_letter_longer_in_lower_case_keeps_every_span_in_place():
    source = SnippetSource("İ x İİ don't a'b'c")
    assert source.matches(terms("İ", "İİ", "c")) == [(0, 1), (4, 6), (17, 18)]


def test_spans_are_marked_and_the_rest_shaped_its_own_way():
    text = "Refund <b> to a card & more"
    spans = ((0, 6), (16, 20))
    assert mark_spans(text, spans, lambda word: f"[{word}]") == "[Refund] <b> to a [card] & more"
    assert mark_spans(text, spans, lambda word: f"<b>{html.escape(word)}</b>", html.escape) == (
        "<b>Refund</b> &lt;b&gt; to a <b>card</b> &amp; more"
    )
    assert mark_spans(text, (), str.upper) == text


@given(TEXTS, st.sets(WORDS, max_size=4))
def test_marking_walks_every_piece_once_in_order(text, words):
    snippet, spans = make_snippet(text, terms(*words))
    pieces = []
    shown = mark_spans(snippet, spans, lambda word: pieces.append(("mark", word)) or word,
                       lambda piece: pieces.append(("plain", piece)) or piece)
    assert shown == snippet
    assert [word for kind, word in pieces if kind == "mark"] == marked(snippet, spans)
    assert "".join(piece for _, piece in pieces) == snippet


def test_a_listed_article_shows_the_start_of_its_text():
    data = (
        "---\nid: refund\nlang: en\ntags: [refunds]\nproduct: Shopwave\nreviewed: 2020-01-01\nreview_every: 30\n---\n"
        "# Refund to a bank card\n\nRefunds reach the **[card](https://x.example)** in 3 to 10 days.\n\n"
        "## Reply: Refund started\nHello {{customer_name|there}}!\n"
    ).encode()
    article = parse_article_bytes(data, "payments/refund.md").article
    hit = article_hit(article, today=dt.date(2026, 11, 27))
    assert (hit.id, hit.title, hit.path) == ("refund", "Refund to a bank card", "payments/refund.md")
    assert hit.score == 0.0 and hit.highlights == ()
    assert "Refunds reach the card in 3 to 10 days." in hit.snippet
    assert "**" not in hit.snippet and "https" not in hit.snippet and "{{" not in hit.snippet
    assert hit.reply_names == ("Refund started",) and hit.tags == ("refunds",)
    assert (hit.lang, hit.category, hit.product, hit.type) == ("en", "payments", "Shopwave", "article")
    assert hit.stale is True
    assert article_hit(article, today=dt.date(2020, 1, 2)).stale is False
    # the snippet is the readable text: the title heading is shown above it, placeholders are named
    assert hit.snippet.startswith("Refunds reach") and hit.snippet.endswith("Reply: Refund started. Hello [there]!")
    config = KbConfig(placeholders=(("customer_name", (("en", "Customer name"),)),))
    assert article_hit(article, config=config).snippet.endswith("Hello [customer name]!")


def test_a_window_opens_at_a_word_never_in_the_tail_of_a_long_one():
    # the window would open 45 characters before "needle", 24 letters into the long token
    text = "word " * 30 + "(see-the-article-on-resetting-a-forgotten-password). Login by code needle " + "x " * 80
    snippet, spans = make_snippet(text, terms("needle"))
    assert snippet.startswith("… Login by code needle")
    assert marked(snippet, spans) == ["needle"]


def test_snippet_highlights_matched_words(service):
    hit = service.search("business days").hits[0]
    marked_words = [hit.snippet[a:b].lower() for a, b in hit.highlights]
    assert "business" in marked_words and "days" in marked_words
