"""Turning what a user typed into groups of index terms, without any query syntax.

User text is never parsed as a query language: quotes, ``AND``, ``*`` and
brackets are just characters, and words are looked up as words. Each word
becomes a *group* of alternative index terms (its stem in every field, prefix
completions for the unfinished last word, one-edit typo corrections, synonyms),
so the caller can later tell which words of the question a result covers.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from itertools import islice

from kb_assistant.core.language import switch_layout
from kb_assistant.core.search.analysis import STOP_WORDS, pair_terms, stem_word, tokenize
from kb_assistant.core.search.schema import TEXT_FIELDS
from kb_assistant.core.search.scoring import live_doc_frequency

FUZZY_MIN_LENGTH = 5
"""Typos are forgiven only on words this long: shorter ones have too many neighbours."""
PREFIX_MIN_LENGTH = 2
STEM_BACKOFF = 4
"""How many typed letters past a stem an unfinished word may run (inflection endings)."""
STEM_BACKOFF_MIN = 4
PREFIX_LIMITS = {2: 4, 3: 8}
PREFIX_LIMIT_LONG = 48
PREFIX_SCAN_LIMIT = 5000
"""Terms of one field and segment read to rank a prefix's completions (about 20 µs each): all
of them for any prefix of a 50,000-article generated KB (536 terms at most for two letters)."""
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
EXPAND_MAX_LENGTH = 40
"""Words longer than this are looked up as they are: no typo or prefix expansion (a Levenshtein
automaton over a 100,000-letter word took 40 s), no stem back-off."""

FIELDS = tuple(TEXT_FIELDS)


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
    """

    word: str
    weight: float
    stop: bool = False
    alternatives: dict[str, float] = field(default_factory=dict)
    phrases: list[tuple[tuple[str, ...], float]] = field(default_factory=list)

    def add(self, text: str, boost: float) -> None:
        """Add an alternative term, keeping the highest boost when it repeats."""
        if boost > self.alternatives.get(text, 0.0):
            self.alternatives[text] = boost

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


class TermStats:
    """Term statistics and expansions of one open reader, memoized.

    Typing asks about the same words and prefixes again and again; every answer
    here is kept until the index changes (the service makes a new instance then).
    """

    _LIMIT = 50_000

    def __init__(self, reader) -> None:
        self.reader = reader
        self.doc_count = max(reader.doc_count(), 1)
        self._df: dict[str, int] = {}
        self._prefixes: dict[str, list[str]] = {}
        self._starts: dict[str, bool] = {}
        self._near: dict[str, list[str]] = {}

    def df(self, text: str) -> int:
        """Live document frequency of ``text`` in the field where it is most frequent (cached)."""
        found = self._df.get(text)
        if found is None:
            if len(self._df) > self._LIMIT:
                self._df.clear()
            found = self._df[text] = max(live_doc_frequency(self.reader, name, text) for name in FIELDS)
        return found

    def known(self, stem: str) -> bool:
        """Whether any document has this term."""
        return self.df(stem) > 0

    def idf(self, stem: str) -> float:
        """BM25 inverse document frequency."""
        df = self.df(stem)
        return math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5))

    def has_prefix(self, prefix: str) -> bool:
        """Whether any term starts with ``prefix`` (one term looked at per field, cached)."""
        found = self._starts.get(prefix)
        if found is None:
            found = any(next(iter(self.reader.expand_prefix(name, prefix)), None) is not None for name in FIELDS)
            if len(self._starts) > self._LIMIT:
                self._starts.clear()
            self._starts[prefix] = found
        return found

    def completions(self, prefix: str) -> list[str]:
        """The most frequent terms starting with ``prefix``, most frequent first (bounded by its length).

        Every term with the prefix is a candidate, wherever it sorts: one pass over
        them per field and segment, reading each term's document frequency from the
        term dictionary as it goes (no lookup per term), keeping the best in a heap.
        A pass reads at most :data:`PREFIX_SCAN_LIMIT` terms, which bounds the first
        keystrokes of a prefix on a huge vocabulary (the answer is cached per reader).
        """
        found = self._prefixes.get(prefix)
        if found is None:
            limit = PREFIX_LIMITS.get(len(prefix), PREFIX_LIMIT_LONG)
            found = [term for _, term in heapq.nsmallest(limit, self._prefix_terms(prefix))]
            if len(self._prefixes) > self._LIMIT:
                self._prefixes.clear()
            self._prefixes[prefix] = found
        return found

    def _prefix_terms(self, prefix: str):
        """``(-df, term)`` for each term starting with ``prefix``: its largest rough df over the fields."""
        best: dict[bytes, int] = {}
        key = prefix.encode("utf-8")
        for name in FIELDS:
            counts: dict[bytes, int] = {}
            for leaf, _offset in self.reader.leaf_readers():
                if name not in leaf.indexed_field_names():
                    continue
                for text, info in islice(leaf.iter_prefix(name, key), PREFIX_SCAN_LIMIT):
                    counts[text] = counts.get(text, 0) + info.doc_frequency()
            for text, count in counts.items():
                if count > best.get(text, 0):
                    best[text] = count
        return ((-count, text.decode("utf-8")) for text, count in best.items())

    def near(self, stem: str) -> list[str]:
        """Terms one edit away from ``stem`` (same first letter)."""
        found = self._near.get(stem)
        if found is None:
            terms: set[str] = set()
            for name in FIELDS:
                for term in self.reader.terms_within(name, stem, 1, prefix=1):
                    terms.add(term.decode("utf-8") if isinstance(term, bytes) else term)
            terms.discard(stem)
            if len(self._near) > self._LIMIT:
                self._near.clear()
            found = self._near[stem] = sorted(terms)
        return found


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


def _word_present(stats: TermStats, word: str, unfinished: bool) -> bool:
    tokens = tokenize(word)
    if not tokens:
        return False
    for position, token in enumerate(tokens):
        last = unfinished and position == len(tokens) - 1
        if stats.known(stem_word(token)):
            continue
        if last and PREFIX_MIN_LENGTH <= len(token) <= EXPAND_MAX_LENGTH and stats.has_prefix(token):
            continue
        return False
    return True


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


def repair_layout(stats: TermStats, text: str, live: bool) -> str:
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
        if alternative and not _word_present(stats, word, unfinished) and _word_present(
            stats, alternative, unfinished
        ):
            repaired.append(alternative)
        else:
            repaired.append(word)
    return " ".join(repaired) + (" " if text[-1:].isspace() else "")


def build_query(stats: TermStats, text: str, *, live: bool = False, synonyms: SynonymTable | None = None) -> QueryPlan | None:
    """Turn ``text`` into term groups; None when it has no searchable words.

    Args:
        stats: term statistics of the open index (for weights and expansions).
        text: the user's text, taken literally.
        live: the user is still typing: the last unfinished word is a prefix.
        synonyms: KB synonym groups to expand the query with.
    """
    interpreted = repair_layout(stats, bounded_text(text), live)
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
            for completion in completions:
                group.add(completion, PREFIX_BOOST)
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
    return QueryPlan(interpreted.strip() if interpreted.strip() != text.strip() else "", groups, pairs)


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
