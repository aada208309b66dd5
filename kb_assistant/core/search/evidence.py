"""What the ranking says about its first result: the evidence the confidence model weighs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from kb_assistant.core.language import query_language
from kb_assistant.core.search.confidence import Evidence, Passage, passage_match
from kb_assistant.core.search.query import QueryPlan
from kb_assistant.core.search.ranking import LANGUAGE_BOOST, Ranker


def first_evidence(ranker: Ranker, idf: Callable[[str], float], plan: QueryPlan, top: list[tuple[int, float]],
                   same_language: set[int] | None, text: str, first_lang: str, first_passages: Sequence[Passage],
                   cosine: float | None = None) -> Evidence:
    """The :class:`Evidence` of ``top[0]`` (``top``: docnum, score; best first; not empty).

    Args:
        ranker: the ranker ``top`` came from (its per-word scores are cached).
        idf: the weight of an index term in this KB.
        plan: the question's query plan.
        same_language: documents in the question's language (None: the KB has one).
        text: the question as interpreted.
        first_lang: the first result's language.
        first_passages: the first result's weighed passages.
        cosine: its semantic cosine to the question, when meaning took part.
    """
    first, score = top[0]
    # an order number, a size or a date says which case, not what it is about
    groups = [group for group in plan.groups if not any(ch.isdigit() for ch in group.word)] or plan.groups
    total = content_total = covered = content_known = strength = perfect = 0.0
    content_words = 0
    for group in groups:
        scores = ranker.group_scores(group)
        total += group.weight
        if not group.stop:
            content_total += group.weight
        if not scores:
            continue
        best = scores.best
        perfect += best
        if not group.stop:
            content_known += group.weight
            content_words += 1
        value = scores.get(first)
        if value is not None:
            covered += group.weight
            strength += group.weight * (value / best if best > 0 else 0.0)
    for pair, _ in plan.pairs:
        perfect += ranker.pair_scores(pair).best
    if same_language:
        perfect *= LANGUAGE_BOOST
    asked_in = query_language(text)
    second = top[1][1] if len(top) > 1 else 0.0
    wanted = [(group.weight, frozenset(group.alternatives)) for group in groups]
    passage, overlap, overlap2 = passage_match(wanted, first_passages, idf)
    return Evidence(
        passage=passage,
        overlap=overlap,
        overlap2=overlap2,
        coverage=covered / total if total > 0 else 0.0,
        strength=strength / covered if covered > 0 else 0.0,
        relative=min(1.0, score / perfect) if perfect > 0 else 0.0,
        margin=max(0.0, 1 - second / score) if score > 0 else 0.0,
        known=content_known / content_total if content_total > 0 else 0.0,
        same_language=not (asked_in and first_lang and asked_in != first_lang),
        content_words=content_words,
        semantic=cosine,
    )


def with_meaning(evidence: Evidence, fused: list[tuple[int, float]], cosine: float | None) -> Evidence:
    """The evidence of a first result that fusion kept first: its fused margin and its semantic cosine.

    The margin is the fused ranking's: a runner-up that meaning lifts close to the
    first is a reason for doubt (CLINC150's AUROC 0.876 with the words' margin, 0.890
    with this one). Everything else the words said about the first result stands.
    """
    score = fused[0][1]
    second = fused[1][1] if len(fused) > 1 else 0.0
    return replace(evidence, semantic=cosine, margin=max(0.0, 1 - second / score) if score > 0 else 0.0)


def words_found_all(evidence: Evidence | None) -> bool:
    """Whether the first result has every word of the question and is far ahead of the second.

    Such an answer keeps first place when meaning joins (fusion's ``keep_first``) even
    when it is not confident: a made-up word or a code found in one article of another
    language (the language penalty makes it unsure) must not lose to the meaning's noise.
    """
    return evidence is not None and evidence.coverage >= 0.999 and evidence.margin >= 0.5
