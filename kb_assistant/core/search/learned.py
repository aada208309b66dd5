"""Learned questions: what agents' answers taught the search, scored like a field of the index.

The questions each article answered in use (see :mod:`kb_assistant.core.usage.learned`)
are one user's data, not the KB's: they live in memory beside the open index and
change without a re-index. They are cut and stemmed as the index's own fields are,
and scored with BM25 under :data:`LEARNED_BOOST`, below an editor's ``questions:``
(2.5) and title (1.5): what agents found never outweighs what editors wrote.
A question's weight (how often and how recently it was answered there) scales its
word's frequency, so one glance months ago says less than a dozen copies this week;
a word counts once per question (in how many different questions an article was
found by it is the evidence, not how often one question repeats it), and BM25's
length normalisation applies within the field: of two articles found by the same
questions, the one whose learned questions are mostly about something else gets less.
Their word pairs with a stop word in them (``PairTokenizer``) count beside the
index's own pairs, under the same ratio: "what can you do" is in its stop words'
order, which the words alone do not say.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from functools import lru_cache

from kb_assistant.core.search.analysis import index_form, pair_terms, tokenize
from kb_assistant.core.search.schema import PAIR_BOOST, PAIR_FIELD, TEXT_FIELDS
from kb_assistant.core.search.scoring import B

LEARNED_BOOST = 2.0
"""The field weight of learned questions: less than an editor's questions (2.5); with each word's part bounded
(see ``TermScorer``), a learned word never outweighs one of theirs. On
`clinc150` with its history, hit@3 went 0.881 -> 0.934 at 1.4 and 0.937 at 2.0."""
LEARNED_PAIR_BOOST = PAIR_BOOST * LEARNED_BOOST / TEXT_FIELDS["questions"]
"""The weight of a learned word pair: the index's pair weight, scaled as the learned words are below the editor's
questions (a pair of theirs never outweighs the same pair in the editor's text). On `clinc150` with its history,
hit@3 went 0.937 -> 0.940, on half of `vkcloud_faq_ru` as history 0.485 -> 0.495 (both with each word's part
bounded as before)."""
MAX_WEIGHT = 5.0
"""A question's weight counts up to this: the most popular question must not swamp an article."""
QUESTIONS_KEPT = 50_000
"""Learned questions whose analysis is kept between learned sets."""


class LearnedField:
    """The learned questions of the open index's documents, as postings in memory.

    Args:
        questions: docnum -> its learned questions as ``(text, weight)``.
    """

    def __init__(self, questions: Mapping[int, Sequence[tuple[str, float]]]) -> None:
        self.postings: dict[str, dict[int, float]] = {}
        self.pairs: dict[str, dict[int, float]] = {}
        """Word pair (as in the index's :data:`PAIR_FIELD`) -> docnum -> weight of the questions that have it."""
        self.lengths: dict[int, float] = {}
        """Docnum -> its questions' distinct words, each counted by its question's weight."""
        for docnum, asked in questions.items():
            length = 0.0
            for text, weight in asked:
                share = min(max(weight, 0.0), MAX_WEIGHT)
                words, pairs = analysed(text)
                for word in words:
                    found = self.postings.setdefault(word, {})
                    found[docnum] = found.get(docnum, 0.0) + share
                length += share * len(words)
                for pair in pairs:
                    found = self.pairs.setdefault(pair, {})
                    found[docnum] = found.get(docnum, 0.0) + share
            if length:
                self.lengths[docnum] = length
        self.average = (sum(self.lengths.values()) / len(self.lengths)) if self.lengths else 1.0
        self.norms = {docnum: 1 - B + B * length / self.average for docnum, length in self.lengths.items()}
        """Docnum -> BM25's length factor within the learned field (1 at the average length, at least ``1 - B``)."""
        self._frequencies: dict[str, int] | None = None

    pair_field = PAIR_FIELD
    """The index field whose scores the learned pairs add to."""

    def __bool__(self) -> bool:
        return bool(self.postings)

    def df(self, term: str) -> int:
        """How many documents have ``term`` in their learned questions."""
        return len(self.postings.get(term, ()))

    def frequencies(self) -> dict[str, int]:
        """Term -> documents, for the term statistics (a learned-only word is a known word); worked out once."""
        if self._frequencies is None:
            self._frequencies = {term: len(docs) for term, docs in self.postings.items()}
        return self._frequencies


@lru_cache(maxsize=QUESTIONS_KEPT)
def analysed(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A question's distinct index terms and word pairs, as the index's analyzers make them (kept: the same
    questions come again with every new learned set)."""
    words = tokenize(text)
    return frozenset(index_form(word) for word in words), frozenset(pair_terms(words))


_DOCNUMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def docnums_by_id(reader) -> dict[str, int]:
    """Article id -> docnum of the live document, for every document of ``reader`` (kept per reader).

    One pass over the id terms: each id's term entry holds its only document (looking
    the ids up one by one took 0.2 s for 6,000 articles at 10,000 documents).
    """
    found = _DOCNUMS.get(reader)
    if found is None:
        found = {}
        for leaf, offset in reader.leaf_readers():
            for term, info in leaf.iter_field("id"):
                if info.doc_frequency() == 1:
                    docs = [info.min_id()]
                else:  # an updated document's old version is still counted
                    docs = list(leaf.postings("id", term).all_ids())
                live = [doc for doc in docs if not leaf.is_deleted(doc)]
                if live:
                    found.setdefault(term.decode("utf-8"), live[0] + offset)
        _DOCNUMS[reader] = found
    return found


def learned_for_index(searcher, by_article: Mapping[str, Sequence[tuple[str, float]]]) -> LearnedField:
    """The learned field of ``searcher``'s documents from article id -> questions (unknown ids left out)."""
    docnums = docnums_by_id(searcher.reader())
    questions: dict[int, Sequence[tuple[str, float]]] = {}
    for article_id, asked in by_article.items():
        docnum = docnums.get(article_id)
        if docnum is not None and asked:
            questions[docnum] = asked
    return LearnedField(questions)
