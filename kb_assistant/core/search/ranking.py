"""Ranking: which documents answer a query plan best, and the scores behind it.

A document's score is the sum of its words' best alternative scores (BM25F per
field, see :mod:`~kb_assistant.core.search.scoring`), scaled by the share of the
question's weight it matches and raised for the question's language.
"""

from __future__ import annotations

import heapq

from kb_assistant.core.search.analysis import STOP_WORDS, stem_word
from kb_assistant.core.search.query import QueryPlan, TermGroup
from kb_assistant.core.search.schema import PAIR_FIELD
from kb_assistant.core.search.scoring import BoundedCache, Scores, TermScorer
from kb_assistant.core.search.terms import TermStats

LANGUAGE_BOOST = 1.3
"""Score factor for articles written in the language of the question."""
COORDINATION_FLOOR = 0.5
"""Score share kept by a document matching one word of a many-word question."""
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

    def rank(self, plan: QueryPlan, limit: int, allowed: set[int] | None,
             same_language: set[int] | None) -> list[tuple[int, float]]:
        """The ``limit`` best documents, best first, as (docnum, score).

        A document's score is the sum of its words' (and word pairs') scores,
        scaled by the share of the question's weight it matches, and raised for
        the question's language. Documents are generated word by word, the word
        with the highest possible contribution first; once the remaining words
        together could not lift an unseen document above the current last
        place, their (often huge: stop words, short prefixes) posting lists are
        only looked up for documents already found, never walked (MaxScore).
        """
        parts: list[tuple[Scores, float, float]] = []
        for group in plan.groups:
            scores = self.group_scores(group)
            if scores:
                parts.append((scores, group.weight, self.group_max(group, scores)))
        for pair, _ in plan.pairs:
            scores = self.pair_scores(pair)
            if scores:
                parts.append((scores, 0.0, max(scores.values())))
        if not parts:
            return []
        parts.sort(key=lambda part: -part[2])
        remaining = [0.0] * (len(parts) + 1)
        for index in range(len(parts) - 1, -1, -1):
            remaining[index] = remaining[index + 1] + parts[index][2]
        total_weight = sum(group.weight for group in plan.groups) or 1.0
        language_boost = LANGUAGE_BOOST if same_language else 1.0
        floor = COORDINATION_FLOOR
        heap: list[tuple[float, int]] = []
        seen: set[int] = set()
        for index, (scores, weight_here, _) in enumerate(parts):
            if len(heap) >= limit and remaining[index] * language_boost <= heap[0][0]:
                break
            later = parts[index + 1:]
            rest = remaining[index + 1] * language_boost
            for doc, first in scores.items():
                if doc in seen:
                    continue
                seen.add(doc)
                # a document first met here is in no earlier word's list; if even
                # the best scores of the later words cannot lift it, skip it
                if len(heap) >= limit and first * language_boost + rest <= heap[0][0]:
                    continue
                if allowed is not None and doc not in allowed:
                    continue
                total, matched = first, weight_here
                for other, weight, _ in later:
                    value = other.get(doc)
                    if value is not None:
                        total += value
                        matched += weight
                score = total * (floor + (1 - floor) * matched / total_weight)
                if same_language and doc in same_language:
                    score *= LANGUAGE_BOOST
                if len(heap) < limit:
                    heapq.heappush(heap, (score, -doc))
                elif score > heap[0][0]:
                    heapq.heapreplace(heap, (score, -doc))
        return [(-negdoc, score) for score, negdoc in sorted(heap, reverse=True)]

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
