"""How sure the search is that its first result answers the question.

A score alone cannot say it: BM25 scores grow with the question's length and
shrink with the KB's size, so one threshold on them holds on no two KBs. The
confidence here is read from evidence that keeps its meaning across KBs (each a
share or a ratio in 0..1) and combined by a logistic model fitted on real
support questions (see :data:`WEIGHTS`), so it reads as a probability that the
first answer is right.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kb_assistant.core.search.analysis import stem_word, tokenize

@dataclass(frozen=True)
class Evidence:
    """What the search knows about its first result; each share is in 0..1.

    Attributes:
        coverage: the share of the question's weight (IDF of its words) the first
            result matches anywhere in its text.
        strength: per matched word, the first result's score against the best
            score of that word in this KB, averaged by word weight.
        relative: the first result's score against a perfect match in this KB (an
            article with every word's best score, in the question's language).
        margin: how far the first result is ahead of the second (1 - second/first;
            1.0 when nothing else matched).
        known: the share of the question's content weight (stop words left out)
            that matches anything in the KB.
        passage: the best share of the question's weight one line or sentence of
            the first result matches (see :func:`passage_match`).
        overlap: the best two-way overlap of the question with one line or
            sentence of the first result: near 1 when it is the question reworded.
        overlap2: the same for its second-best line: a right article usually says
            it more than once (several example questions, a title and a heading).
        content_words: how many words of the question, stop words left out, match
            anything in the KB.
        same_language: False when the first result is in another language than
            the question (an English question answered by a Russian article).
        semantic: the cosine of the question's meaning to the first result's
            (:mod:`~kb_assistant.core.search.fusion`); None when meaning took no part.
    """

    coverage: float
    strength: float
    relative: float
    margin: float
    known: float
    passage: float
    overlap: float
    overlap2: float
    content_words: int
    same_language: bool = True
    semantic: float | None = None

    def features(self) -> tuple[float, ...]:
        """The values the model weighs, in the order of :data:`WEIGHTS`."""
        return (
            self.coverage,
            self.strength,
            self.relative,
            self.margin,
            self.known,
            self.passage,
            self.overlap,
            self.overlap2,
            math.log1p(min(self.content_words, 8)),
        )


WEIGHTS: tuple[float, ...] = (-1.4481, -0.6134, 1.4821, 2.6566, -0.6525, 1.1998, 3.6784, 2.7819, 1.4409)
"""Logistic weights of :meth:`Evidence.features`, with :data:`BIAS`.

Fitted (``benchmarks/quality.py`` reports how well they do) on the whole
questions of four real sets at once - CLINC150, HINT3 SofMattress, VK Cloud FAQ
in Russian and in English; 21 to 1,472 articles, intent examples and long
reference pages - right and wrong first answers of a set weighing the same, so no
base rate decides the threshold. The VK Cloud sets weigh a quarter of the others:
their gold is a lower bound (other articles may answer too), so many of their
"wrong" first answers are right. Fitted on three sets and tried on the fourth, a
set loses at most 0.014 of its AUROC (0.03 on VK Cloud English, which has 9 right
first answers). Coverage and known words weigh negatively next to the passage
evidence: words matched all over a long article but in no one sentence of it are
what a wrong answer looks like."""
BIAS = -4.9389
OTHER_LANGUAGE_PENALTY = 1.5
"""Logit taken off when the first result is in another language than the question.

Not fitted (each set here has one language): an answer the agent cannot paste to
this customer is a weak answer."""
CONFIDENCE_THRESHOLD = 0.43
"""Confidence at or above which the first result counts as a good match.

On the four sets: 82-100 % of right first answers are confident, 27-28 % of wrong
first answers on the intent KBs (40-44 % on the VK Cloud sets, whose gold is a
lower bound) and 10-15 % of out-of-scope questions."""


SEMANTIC_AGREEMENT_WEIGHT = 2.0
"""Logit added per unit of the first result's semantic cosine above :data:`SEMANTIC_AGREEMENT_CENTER`.

Agreement adds, a low cosine never subtracts: a long article's mean vector is
far from any short question (the sample KB's, VK Cloud's), and a linear term
fitted on the three English sets (2.0 above 0.345) took confidence from right
answers there (VK Cloud English AUROC 0.726 -> 0.707). This form, on the fused
answers of the three sets (the Russian one takes no meaning): AUROC 0.890 ->
0.892 (CLINC150), 0.899 -> 0.901 (HINT3), 0.726 -> 0.730 (VK Cloud English).
Tried and left out: the standardised cosine, whether the words' first result
stayed first, the gap to the second cosine. The fused margin (see
``evidence.with_meaning``) separates right from wrong better than the words' own."""
SEMANTIC_AGREEMENT_CENTER = 0.4


def confidence(evidence: Evidence | None) -> float:
    """How likely, in 0..1, the first result answers the question.

    None (nothing matched) and a question without one known content word (only
    stop words, or only words this KB does not have) are never confident.
    """
    if evidence is None or evidence.content_words == 0:
        return 0.0
    logit = BIAS + sum(w * x for w, x in zip(WEIGHTS, evidence.features()))
    if not evidence.same_language:
        logit -= OTHER_LANGUAGE_PENALTY
    if evidence.semantic is not None:
        logit += SEMANTIC_AGREEMENT_WEIGHT * max(0.0, evidence.semantic - SEMANTIC_AGREEMENT_CENTER)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))


def is_confident(value: float) -> bool:
    """Whether a confidence is high enough to present the first result as a good match."""
    return value >= CONFIDENCE_THRESHOLD


_PASSAGE_BREAK = re.compile(r"\n+|(?<=[.!?;])\s+")
PASSAGE_LIMIT = 400
"""Passages of an article looked at: a long reference page is judged by its first 400 sentences."""


def passages(text: str) -> list[frozenset[str]]:
    """The stems of each line or sentence of ``text`` (empty ones left out)."""
    found = []
    for part in _PASSAGE_BREAK.split(text):
        stems = frozenset(map(stem_word, tokenize(part)))
        if stems:
            found.append(stems)
            if len(found) >= PASSAGE_LIMIT:
                break
    return found


class Passage:
    """One line or sentence of an article: its stems, and their weight once it is asked for.

    The weight (the IDF of the stems) is worked out only for a passage that shares
    a word with a question, and then kept: most sentences of a long article never do.
    """

    __slots__ = ("stems", "_weight")

    def __init__(self, stems: frozenset[str]) -> None:
        self.stems = stems
        self._weight: float | None = None

    def weight(self, idf: Callable[[str], float]) -> float:
        """The sum of the IDF of the passage's stems (kept after the first call)."""
        if self._weight is None:
            self._weight = sum(idf(stem) for stem in self.stems)
        return self._weight


def weigh_passages(article: Sequence[frozenset[str]]) -> list[Passage]:
    """The passages of :func:`passages` ready for :func:`passage_match` (each weighed when first needed)."""
    return [Passage(stems) for stems in article]


def passage_match(groups: Sequence[tuple[float, frozenset[str]]], article: Sequence[Passage],
                  idf: Callable[[str], float]) -> tuple[float, float, float]:
    """How well one line or sentence of an article says what the question says.

    Args:
        groups: each word of the question as (weight, the index terms that match it).
        article: the article's passages (see :func:`weigh_passages`).
        idf: the weight of an index term in this KB.

    Returns:
        (the best share of the question's weight one passage matches, the best
        two-way overlap: the harmonic mean of that share and the share of the
        passage's own weight the question matches, the second-best overlap). An
        example question of an article that is the customer's question reworded
        scores near 1 on the first two.
    """
    total = sum(weight for weight, _ in groups)
    if total <= 0:
        return 0.0, 0.0, 0.0
    wanted = frozenset().union(*(terms for _, terms in groups))
    shares, overlaps = [], []
    for passage in article:
        stems = passage.stems
        common = stems & wanted
        if not common:
            continue
        own = passage.weight(idf)
        share = sum(weight for weight, terms in groups if terms & stems) / total
        matched = sum(idf(stem) for stem in common)
        own_share = matched / own if own > 0 else 0.0
        shares.append(share)
        overlaps.append(2 * share * own_share / (share + own_share) if share + own_share > 0 else 0.0)
    if not shares:
        return 0.0, 0.0, 0.0
    overlaps.sort(reverse=True)
    return max(shares), overlaps[0], overlaps[1] if len(overlaps) > 1 else 0.0
