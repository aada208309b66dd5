"""Ranking: which documents answer a query plan best, and the scores behind it.

A document's score is the sum of its words' best alternative scores (BM25F per
field, see :mod:`~kb_assistant.core.search.scoring`), scaled by the share of the
question's weight it matches and raised for the question's language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kb_assistant.core.search.analysis import STOP_WORDS, stem_word
from kb_assistant.core.search.query import QueryPlan, TermGroup
from kb_assistant.core.search.schema import PAIR_FIELD
from kb_assistant.core.search.scoring import BoundedCache, Scores, TermScorer
from kb_assistant.core.search.terms import TermStats

LANGUAGE_BOOST = 1.3
"""Score factor for articles written in the language of the question."""
COORDINATION_FLOOR = 0.5
"""Score share kept by a document matching one word of a many-word question."""
MASK_CACHE_ENTRIES = 16
"""Document sets (a filter's, a language's) kept as arrays; the service keeps a few per index."""
FOCUS_DOCS = 10
"""The best results so far whose words choose the completions of a short unfinished word."""


class WordScores(Mapping):
    """Docnum -> score of one word (or word pair) in the documents that have it.

    Kept as two numpy arrays, docnums ascending and their scores, so that a
    ranking sums whole words at once; ``get`` finds one document by bisection.
    ``best`` is the word's best score in any document (0 when none has it).
    """

    __slots__ = ("ids", "values", "best")

    def __init__(self, ids, values) -> None:
        self.ids = ids
        self.values = values
        self.best = float(values.max()) if len(values) else 0.0

    @classmethod
    def of(cls, scores: Scores) -> WordScores:
        """The arrays of a docnum -> score mapping."""
        import numpy as np

        ids = np.fromiter(scores.keys(), dtype=np.intp, count=len(scores))
        values = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
        order = np.argsort(ids, kind="stable")
        return cls(ids[order], values[order])

    def get(self, doc: int, default=None):
        """The document's score, or ``default`` when the word is not in it."""
        ids = self.ids
        position = int(ids.searchsorted(doc))
        if position < len(ids) and ids[position] == doc:
            return float(self.values[position])
        return default

    def __contains__(self, doc) -> bool:
        return self.get(doc) is not None

    def __getitem__(self, doc: int) -> float:
        found = self.get(doc)
        if found is None:
            raise KeyError(doc)
        return found

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids.tolist())

    def __len__(self) -> int:
        return len(self.ids)


class Ranker:
    """Ranks documents of one open reader for query plans, caching per-word scores.

    The service makes a new one whenever the index changes; the cache is bounded
    in document scores (see :class:`~kb_assistant.core.search.scoring.BoundedCache`).
    """

    def __init__(self, scorer: TermScorer, cache: BoundedCache) -> None:
        self._scorer = scorer
        self._cache = cache
        self._size = max(scorer.reader.doc_count_all(), 1)  # every docnum, deleted ones too
        self._masks: dict[int, tuple[set[int], object]] = {}

    def rank(self, plan: QueryPlan, limit: int, allowed: set[int] | None,
             same_language: set[int] | None) -> list[tuple[int, float]]:
        """The ``limit`` best documents, best first, as (docnum, score); ties go to the lower docnum.

        A document's score is the sum of its words' (and word pairs') scores,
        scaled by the share of the question's weight it matches, and raised for
        the question's language. The sums are taken over whole arrays of every
        document at once: a two-letter word completes to terms found in most of
        the KB, and a loop over their documents in Python cost most of such a
        keystroke (at 10,000 articles, 11.9 million dictionary lookups in 1,000
        keystrokes).
        """
        import numpy as np

        if limit <= 0:
            return []
        parts: list[tuple[float, object, object, float]] = []
        for group in plan.groups:
            scores = self.group_scores(group)
            if scores:
                parts.append((scores.best, scores.ids, scores.values, group.weight))
        for pair, _ in plan.pairs:
            scores = self.pair_scores(pair)
            if scores:
                parts.append((scores.best, scores.ids, scores.values, 0.0))
        if not parts:
            return []
        # the strongest word first, as the scores have always been summed: the same floats to the last bit
        parts.sort(key=lambda part: -part[0])
        total = np.zeros(self._size)
        matched = np.zeros(self._size)
        found = np.zeros(self._size, dtype=bool)
        for _, ids, values, weight in parts:
            total[ids] += values
            matched[ids] += weight
            found[ids] = True
        docs = np.flatnonzero(found)
        if allowed is not None:
            docs = docs[self._mask(allowed)[docs]]
        if not len(docs):
            return []
        total_weight = sum(group.weight for group in plan.groups) or 1.0
        floor = COORDINATION_FLOOR
        scores = total[docs] * (floor + (1 - floor) * matched[docs] / total_weight)
        if same_language:
            scores = np.where(self._mask(same_language)[docs], scores * LANGUAGE_BOOST, scores)
        if len(docs) > limit:
            # every document that scores at least the limit-th best: its ties are ordered below
            kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            keep = scores >= kth
            docs, scores = docs[keep], scores[keep]
        order = np.lexsort((docs, -scores))[:limit]
        return [(int(doc), float(score)) for doc, score in zip(docs[order], scores[order])]

    def _term_scores(self, text: str) -> WordScores:
        """One index term's scores over the searched fields, as arrays (cached beside the scorer's mapping)."""
        key = ("term", text)
        found = self._cache.get_fresh(key)
        if found is None:
            scorer = self._scorer
            if scorer.has_learned(text):
                found = WordScores.of(scorer.term_scores(text))
            else:
                found = WordScores(*scorer.term_arrays(text))
            # a docnum and a score in arrays take a fifth of a dictionary entry's memory
            self._cache.put(key, found, len(found) // 5 + 1)
        return found

    def _mask(self, docs: set[int]):
        """A boolean array over every docnum: whether it is in ``docs`` (cached while ``docs`` lives)."""
        import numpy as np

        found = self._masks.get(id(docs))
        if found is None or found[0] is not docs:
            if len(self._masks) >= MASK_CACHE_ENTRIES:
                self._masks.clear()
            mask = np.zeros(self._size, dtype=bool)
            mask[np.fromiter(docs, dtype=np.intp, count=len(docs))] = True
            found = (docs, mask)
            self._masks[id(docs)] = found
        return found[1]

    def group_scores(self, group: TermGroup) -> WordScores:
        """Docnum -> score of the best-scoring alternative of one word (cached).

        The alternatives (a short word's completions, corrections, synonyms) are
        merged over an array of every docnum, not document by document.
        """
        key = group.key
        cached = self._cache.get_fresh(key)
        if cached is not None:
            return cached
        import numpy as np

        alternatives = [(self._term_scores(text), boost) for text, boost in group.alternatives.items()]
        alternatives = [(scores, boost) for scores, boost in alternatives if scores]
        if len(alternatives) == 1 and not group.phrases:
            scores, boost = alternatives[0]
            found = WordScores(scores.ids, scores.values * boost) if boost != 1.0 else scores
        else:
            best = np.zeros(self._size)
            for scores, boost in alternatives:
                best[scores.ids] = np.maximum(best[scores.ids], scores.values * boost)
            for phrase, boost in group.phrases:
                parts = [self._scorer.term_scores(stem) for stem in phrase]
                for doc in set(parts[0]).intersection(*parts[1:]):
                    best[doc] = max(best[doc], boost * sum(part[doc] for part in parts))
            ids = np.flatnonzero(best)
            found = WordScores(ids, best[ids])
        self._cache.put(key, found, len(found) // 5 + 1)
        return found

    def pair_scores(self, pair: str) -> WordScores:
        """Docnum -> score of one word pair (see ``PairTokenizer``; cached)."""
        key = ("pair", pair)
        found = self._cache.get_fresh(key)
        if found is None:
            found = WordScores.of(self._scorer.field_scores(PAIR_FIELD, pair))
            self._cache.put(key, found, len(found) // 5 + 1)
        return found

    def focus_completions(self, plan: QueryPlan, stats: TermStats, best: list[int]) -> bool:
        """Complete a short unfinished last word with what the best results so far contain.

        Two or three letters start many terms; the most frequent in the whole KB
        need not be the ones this question goes on with ("CDN certificate Let's En"
        means "encrypt", not the KB's most frequent "enable", "entry", "endpoint",
        "env"). Of twice as many frequent completions, those found in most of the
        ``best`` documents (ranked on the question so far) that the question's other
        words find are kept, as many as before; ties keep the KB's frequency order. Returns whether they changed
        (the plan is then ranked again). A question of one word, or of stop words
        and one word, keeps the KB's most frequent completions.
        """
        last = plan.groups[-1] if plan.groups else None
        if last is None or not last.completions or not best:
            return False
        others = [self.group_scores(group) for group in plan.groups[:-1] if not group.stop]
        # the documents the rest of the question finds, not those the completions brought in
        best = [doc for doc in best if any(doc in scores for scores in others)]
        if not best:
            return False
        stem = stem_word(last.word)
        pool = [term for term in stats.completion_pool(last.word) if term != stem and term not in STOP_WORDS]
        if len(pool) <= len(last.completions):
            return False
        order = {term: n for n, term in enumerate(pool)}
        found = {term: sum(1 for doc in best if doc in self._term_scores(term)) for term in pool}
        chosen = sorted(pool, key=lambda term: (-found[term], order[term]))[:len(last.completions)]
        if set(chosen) == set(last.completions):
            return False
        last.complete_with(sorted(chosen, key=order.__getitem__))
        return True
