"""Turning what a user typed into a Whoosh query, without any query syntax.

User text is never parsed as a query language: quotes, ``AND``, ``*`` and
brackets are just characters, and words are looked up as words. Each word
becomes a *group* of alternative index terms (its stem in every field, prefix
completions for the unfinished last word, one-edit typo corrections, synonyms),
so the caller can later tell which words of the question a result covers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import islice

from whoosh import query as wq

from kb_assistant.core.language import switch_layout
from kb_assistant.core.search.analysis import STOP_WORDS, stem_word, tokenize
from kb_assistant.core.search.schema import TEXT_FIELDS

FUZZY_MIN_LENGTH = 5
"""Typos are forgiven only on words this long: shorter ones have too many neighbours."""
PREFIX_MIN_LENGTH = 2
PREFIX_LIMITS = {2: 12, 3: 24}
PREFIX_LIMIT_LONG = 48
SYNONYM_BOOST = 0.7
PREFIX_BOOST = 0.9
FUZZY_BOOST = 0.6
COORDINATION = 0.9

FIELDS = tuple(TEXT_FIELDS)


@dataclass
class TermGroup:
    """One word of the query and the index terms that count as matching it."""

    word: str
    weight: float
    stop: bool = False
    terms: set[tuple[str, str]] = field(default_factory=set)
    clauses: list[wq.Query] = field(default_factory=list)


@dataclass
class QueryPlan:
    """A built query, the text as interpreted, and its word groups."""

    query: wq.Query
    interpreted: str
    groups: list[TermGroup]


@dataclass(frozen=True)
class SynonymTable:
    """Synonym groups from ``_kb.yml``, pre-analysed into stem sequences."""

    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()

    @classmethod
    def from_groups(cls, groups) -> SynonymTable:
        """Analyse each phrase of each group once."""
        analysed = []
        for group in groups:
            phrases = tuple(
                stems for stems in (tuple(stem_word(w) for w in tokenize(p)) for p in group) if stems
            )
            if len(phrases) > 1:
                analysed.append(phrases)
        return cls(tuple(analysed))


def _df(reader, text: str) -> int:
    return max(reader.doc_frequency(name, text) for name in FIELDS)


def _known(reader, stem: str) -> bool:
    return any(reader.doc_frequency(name, stem) for name in FIELDS)


def _has_prefix(reader, prefix: str) -> bool:
    return any(next(iter(reader.expand_prefix(name, prefix)), None) is not None for name in FIELDS)


def _word_present(reader, word: str, unfinished: bool) -> bool:
    tokens = tokenize(word)
    if not tokens:
        return False
    for position, token in enumerate(tokens):
        last = unfinished and position == len(tokens) - 1
        if _known(reader, stem_word(token)):
            continue
        if last and len(token) >= PREFIX_MIN_LENGTH and _has_prefix(reader, token):
            continue
        return False
    return True


def repair_layout(reader, text: str, live: bool) -> str:
    """Retype words typed in the wrong keyboard layout, when that finds them.

    A word is switched only when it is not in the index as typed and its
    other-layout form is, so real words are never "corrected".
    """
    words = text.split()
    if not words:
        return text
    unfinished_last = live and not text[-1:].isspace()
    repaired = []
    for position, word in enumerate(words):
        unfinished = unfinished_last and position == len(words) - 1
        alternative = switch_layout(word)
        if alternative and not _word_present(reader, word, unfinished) and _word_present(
            reader, alternative, unfinished
        ):
            repaired.append(alternative)
        else:
            repaired.append(word)
    return " ".join(repaired) + (" " if text[-1:].isspace() else "")


def _idf(reader, stem: str, doc_count: int) -> float:
    df = _df(reader, stem)
    return math.log(1 + (doc_count - df + 0.5) / (df + 0.5))


def _term_clauses(group: TermGroup, text: str, boost: float = 1.0) -> None:
    for name in FIELDS:
        group.terms.add((name, text))
        group.clauses.append(wq.Term(name, text, boost=boost))


def _prefix_terms(reader, prefix: str) -> list[str]:
    limit = PREFIX_LIMITS.get(len(prefix), PREFIX_LIMIT_LONG)
    candidates: set[str] = set()
    for name in FIELDS:
        candidates.update(islice(reader.expand_prefix(name, prefix), limit * 4))
    texts = [c.decode("utf-8") if isinstance(c, bytes) else c for c in candidates]
    if len(texts) > limit:
        # keep the most common completions: they are what most questions mean
        texts.sort(key=lambda t: -_df(reader, t))
        texts = texts[:limit]
    return texts


def _fuzzy_terms(reader, stem: str) -> list[str]:
    found: set[str] = set()
    for name in FIELDS:
        for term in reader.terms_within(name, stem, 1, prefix=1):
            found.add(term.decode("utf-8") if isinstance(term, bytes) else term)
    found.discard(stem)
    return sorted(found)


def build_query(reader, text: str, *, live: bool = False, synonyms: SynonymTable | None = None) -> QueryPlan | None:
    """Build the query for ``text``; None when it has no searchable words.

    Args:
        reader: an open Whoosh index reader (for term statistics and expansion).
        text: the user's text, taken literally.
        live: the user is still typing: the last unfinished word is a prefix.
        synonyms: KB synonym groups to expand the query with.
    """
    interpreted = repair_layout(reader, text, live)
    tokens = tokenize(interpreted)
    if not tokens:
        return None
    unfinished = live and not interpreted[-1:].isspace() and interpreted.rstrip()[-1:].isalnum()
    content = [t for t in tokens if t not in STOP_WORDS]
    keep_stop = not content or (unfinished and tokens[-1] in STOP_WORDS)
    doc_count = max(reader.doc_count(), 1)

    groups: list[TermGroup] = []
    for position, token in enumerate(tokens):
        is_last = position == len(tokens) - 1
        if token in STOP_WORDS and not (keep_stop and (not content or is_last)):
            continue
        stem = stem_word(token)
        group = TermGroup(token, _idf(reader, stem, doc_count), stop=token in STOP_WORDS)
        _term_clauses(group, stem)
        known = _known(reader, stem)
        completions: list[str] = []
        if unfinished and is_last and len(token) >= PREFIX_MIN_LENGTH:
            completions = [t for t in _prefix_terms(reader, token) if t != stem]
            for completion in completions:
                _term_clauses(group, completion, PREFIX_BOOST)
        if not known and not completions and len(token) >= FUZZY_MIN_LENGTH:
            for near in _fuzzy_terms(reader, stem):
                _term_clauses(group, near, FUZZY_BOOST)
        groups.append(group)

    if synonyms and synonyms.groups:
        _add_synonyms(groups, synonyms)
    clauses = [wq.Or(g.clauses) for g in groups if g.clauses]
    if not clauses:
        return None
    final = clauses[0] if len(clauses) == 1 else wq.Or(clauses, scale=COORDINATION)
    return QueryPlan(final, interpreted.strip() if interpreted.strip() != text.strip() else "", groups)


def _add_synonyms(groups: list[TermGroup], table: SynonymTable) -> None:
    stems = [stem_word(g.word) for g in groups]
    for phrases in table.groups:
        for phrase in phrases:
            start = _find(stems, phrase)
            if start < 0:
                continue
            target = groups[start]
            for other in phrases:
                if other == phrase:
                    continue
                if len(other) == 1:
                    _term_clauses(target, other[0], SYNONYM_BOOST)
                else:
                    for name in FIELDS:
                        target.terms.update((name, s) for s in other)
                    target.clauses.append(
                        wq.Or([wq.And([wq.Term(n, s) for s in other]) for n in FIELDS], boost=SYNONYM_BOOST)
                    )
            break


def _find(haystack: list[str], needle: tuple[str, ...]) -> int:
    width = len(needle)
    for start in range(len(haystack) - width + 1):
        if tuple(haystack[start:start + width]) == needle:
            return start
    return -1
