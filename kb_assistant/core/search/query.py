"""Turning what a user typed into groups of index terms, without any query syntax.

User text is never parsed as a query language: quotes, ``AND``, ``*`` and
brackets are just characters, and words are looked up as words. Each word
becomes a *group* of alternative index terms (its stem in every field, prefix
completions for the unfinished last word, one-edit typo corrections, synonyms),
so the caller can later tell which words of the question a result covers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb_assistant.core.search.analysis import (
    STOP_WORDS,
    pair_terms,
    stem_word,
    tokenize,
)
from kb_assistant.core.search.layout import repair_layout
from kb_assistant.core.search.terms import (
    EXPAND_MAX_LENGTH,
    FUZZY_MIN_LENGTH,
    TermStats,
)

PREFIX_MIN_LENGTH = 2
STEM_BACKOFF = 4
"""How many typed letters past a stem an unfinished word may run (inflection endings)."""
STEM_BACKOFF_MIN = 4
SYNONYM_BOOST = 0.5
STOP_BOOST = 0.4
PREFIX_BOOST = 0.9
FUZZY_BOOST = 0.6

MAX_WORDS = 64
"""Words of a query searched; the rest is left out (a pasted letter is not a question).

Each word costs term lookups, expansions and a posting list: the bound keeps
any text, even 100 KB pasted by mistake, to the cost of a long question."""
MAX_CHARS = MAX_WORDS * 40
"""Characters of a query looked at (layout repair, tokens): bounded before any per-word work."""


@dataclass
class TermGroup:
    """One word of the query and the index terms that count as matching it.

    Attributes:
        word: the word as typed (case-folded).
        weight: its IDF: rare words say more about what the customer means.
        stop: whether it is a stop word (kept only when nothing else was typed).
        alternatives: index terms with their boosts: the word's stem (1.0),
            prefix completions, one-edit corrections, synonyms.
        phrases: multi-word synonyms, each a tuple of stems that must all match.
        completions: for the unfinished last word, the completions among the
            alternatives (see :meth:`TermGroup.complete_with`).
    """

    word: str
    weight: float
    stop: bool = False
    alternatives: dict[str, float] = field(default_factory=dict)
    phrases: list[tuple[tuple[str, ...], float]] = field(default_factory=list)
    completions: tuple[str, ...] = ()

    def add(self, text: str, boost: float) -> None:
        """Add an alternative term, keeping the highest boost when it repeats."""
        if boost > self.alternatives.get(text, 0.0):
            self.alternatives[text] = boost

    def complete_with(self, completions: list[str]) -> None:
        """Make ``completions`` the unfinished word's completions (the earlier ones are dropped)."""
        for old in self.completions:
            if self.alternatives.get(old) == PREFIX_BOOST:
                del self.alternatives[old]
        for completion in completions:
            self.add(completion, PREFIX_BOOST)
        self.completions = tuple(completions)

    @property
    def key(self) -> tuple:
        """A hashable description, used to cache this group's scores."""
        return (tuple(sorted(self.alternatives.items())), tuple(self.phrases))


@dataclass
class QueryPlan:
    """The words of a query as term groups, and the text as interpreted.

    Attributes:
        interpreted: the text after keyboard-layout repair, when it differs.
        groups: one group per word.
        pairs: adjacent finished word pairs (see ``PairTokenizer``), each with
            the index of the group it ends at.
    """

    interpreted: str
    groups: list[TermGroup]
    pairs: list[tuple[str, int]] = field(default_factory=list)


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


def bounded_text(text: str) -> str:
    """The part of a user's text a query is built from: its first :data:`MAX_WORDS` words.

    At most :data:`MAX_CHARS` characters are looked at, cut after a space where
    there is one; the text is returned as typed when it is within both bounds.
    """
    cut = text[:MAX_CHARS]
    if len(text) > MAX_CHARS and " " in cut:
        cut = cut[:cut.rfind(" ") + 1]
    words = cut.split(maxsplit=MAX_WORDS)
    if len(words) > MAX_WORDS:
        return " ".join(words[:MAX_WORDS]) + " "  # the last word kept is finished: it had a space after it
    return cut


def build_query(stats: TermStats, text: str, *, live: bool = False, synonyms: SynonymTable | None = None,
                repair: bool = True) -> QueryPlan | None:
    """Turn ``text`` into term groups; None when it has no searchable words.

    Args:
        stats: term statistics of the open index (for weights and expansions).
        text: the user's text, taken literally.
        live: the user is still typing: the last unfinished word is a prefix.
        synonyms: KB synonym groups to expand the query with.
        repair: retype words typed in the wrong keyboard layout (see :func:`repair_layout`);
            False searches the words exactly as typed ("search as typed").
    """
    interpreted = bounded_text(text)
    if repair:
        interpreted = repair_layout(stats, interpreted, live)
    tokens = tokenize(interpreted)
    if not tokens:
        return None
    unfinished = live and not interpreted[-1:].isspace() and interpreted.rstrip()[-1:].isalnum()
    if len(tokens) > MAX_WORDS:  # "a,b,c" is one word and three tokens: bound the tokens too
        tokens, unfinished = tokens[:MAX_WORDS], False
    groups: list[TermGroup] = []
    for position, token in enumerate(tokens):
        is_last = position == len(tokens) - 1
        stem = stem_word(token)
        stop = token in STOP_WORDS and not (unfinished and is_last)
        # Stop words still say something in short questions ("how would you say"),
        # but only a little in long ones: they count, at a fraction of a word's weight.
        boost = STOP_BOOST if stop else 1.0
        group = TermGroup(token, stats.idf(stem) * boost, stop=stop)
        group.add(stem, boost)
        known = stats.known(stem)
        completions: list[str] = []
        expandable = len(token) <= EXPAND_MAX_LENGTH
        if unfinished and is_last and PREFIX_MIN_LENGTH <= len(token) <= EXPAND_MAX_LENGTH:
            # stop words ("what", "the", "после") complete almost every short
            # prefix, say nothing and have the longest posting lists
            completions = [t for t in stats.completions(token) if t != stem and t not in STOP_WORDS]
            group.complete_with(completions)
        if unfinished and is_last and expandable and not known and not completions:
            # a half-typed inflected word runs past its stem ("предлагаеш" for
            # the stem "предлага"): take the longest known stem it starts with
            for cut in range(len(token) - 1, max(STEM_BACKOFF_MIN, len(token) - STEM_BACKOFF) - 1, -1):
                if stats.known(token[:cut]):
                    group.add(token[:cut], PREFIX_BOOST)
                    known = True
                    break
        if expandable and not known and not completions and len(token) >= FUZZY_MIN_LENGTH:
            for near in stats.near(stem):
                group.add(near, FUZZY_BOOST)
        groups.append(group)

    if synonyms and synonyms.groups:
        _add_synonyms(groups, synonyms)
    if not groups:
        return None
    finished = len(tokens) - 1 if unfinished else len(tokens)
    pairs = []
    for position in range(1, finished):
        found = pair_terms(tokens[position - 1:position + 1])
        if found:
            pairs.append((found[0], position))
    # spaces are not words: "a  b" searched as "a b" was searched as typed
    return QueryPlan(interpreted.strip() if interpreted.split() != text.split() else "", groups, pairs)


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
                    target.add(other[0], SYNONYM_BOOST)
                else:
                    target.phrases.append((other, SYNONYM_BOOST))
            break


def _find(haystack: list[str], needle: tuple[str, ...]) -> int:
    width = len(needle)
    for start in range(len(haystack) - width + 1):
        if tuple(haystack[start:start + width]) == needle:
            return start
    return -1
