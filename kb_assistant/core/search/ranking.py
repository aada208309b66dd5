"""Ranking: which documents answer a query plan best, and the scores behind it.

A document's score is the sum of its words' best alternative scores (BM25F per
field, see :mod:`~kb_assistant.core.search.scoring`), scaled by the share of the
question's weight it matches and raised for the question's language.
"""

from __future__ import annotations

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
                parts.append((self.group_max(group, scores), *self._arrays(group.key, scores), group.weight))
        for pair, _ in plan.pairs:
            scores = self.pair_scores(pair)
            if scores:
                ids, values = self._arrays(("pair", pair), scores)
                parts.append((float(values.max()), ids, values, 0.0))
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

    def _arrays(self, key, scores: Scores):
        """``scores`` as two numpy arrays, docnums and scores (cached beside the mapping)."""
        import numpy as np

        cache_key = ("arrays", key)
        found = self._cache.get_fresh(cache_key)
        if found is None:
            found = (np.fromiter(scores.keys(), dtype=np.intp, count=len(scores)),
                     np.fromiter(scores.values(), dtype=np.float64, count=len(scores)))
            # a docnum and a score in arrays take a fifth of a dictionary entry's memory
            self._cache.put(cache_key, found, len(scores) // 5 + 1)
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

    def group_max(self, group: TermGroup, scores: Scores) -> float:
        """The best score of one word in any document (cached)."""
        key = ("max", group.key)
        found = self._cache.get_fresh(key)
        if found is None:
            found = max(scores.values())
            self._cache.put(key, found, 1)
        return found

    def group_scores(self, group: TermGroup) -> Scores:
        """Docnum -> score of the best-scoring alternative of one word (cached)."""
        key = group.key
        cached = self._cache.get_fresh(key)
        if cached is not None:
            return cached
        best: Scores = {}
        for text, boost in group.alternatives.items():
            for doc, score in self._scorer.term_scores(text).items():
                score *= boost
                if score > best.get(doc, 0.0):
                    best[doc] = score
        for phrase, boost in group.phrases:
            parts = [self._scorer.term_scores(stem) for stem in phrase]
            for doc in set(parts[0]).intersection(*parts[1:]):
                score = boost * sum(part[doc] for part in parts)
                if score > best.get(doc, 0.0):
                    best[doc] = score
        self._cache.put(key, best, len(best) + 1)
        return best

    def pair_scores(self, pair: str) -> Scores:
        """Docnum -> score of one word pair (see ``PairTokenizer``)."""
        return self._scorer.field_scores(PAIR_FIELD, pair)

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
        found = {term: sum(1 for doc in best if doc in self._scorer.term_scores(term)) for term in pool}
        chosen = sorted(pool, key=lambda term: (-found[term], order[term]))[:len(last.completions)]
        if set(chosen) == set(last.completions):
            return False
        last.complete_with(sorted(chosen, key=order.__getitem__))
        return True
