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
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from kb_assistant.core.language import query_language, switch_layout, switch_layout_keeping_punctuation
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


LAYOUT_MIN_CHARS = 3
"""A word shorter than this is never retyped on its own evidence: "п", "c" and "не" are
letters or words of both layouts (and a prefix of thousands of terms)."""


@dataclass
class _LayoutWord:
    """One word of a question as typed and as retyped on the other layout, with the evidence."""

    typed: str
    alternative: str | None = None
    script: str = ""
    """The script the alternative is in ("ru" or "en"); the typed form is in the other."""
    typed_known: bool = False
    alternative_known: bool = False
    unfinished: bool = False

    @property
    def long(self) -> bool:
        return len(self.typed) >= LAYOUT_MIN_CHARS

    def vote(self) -> str:
        """The script this word says the question is in: "" when it says nothing clear."""
        if not self.alternative or not self.long or self.typed_known == self.alternative_known:
            return ""
        return self.script if self.alternative_known else _other_script(self.script)


def _other_script(script: str) -> str:
    return "en" if script == "ru" else "ru"


def _known_word(stats: TermStats, word: str, unfinished: bool, prefixes: bool) -> bool:
    """Whether every token of ``word`` is in the index (the unfinished last one as a prefix).

    With ``prefixes``, a finished token of three letters or more also counts when
    it starts a known term: "shopw" is a word of this KB's script, cut short.
    """
    tokens = tokenize(word)
    if not tokens:
        return False
    for position, token in enumerate(tokens):
        if stats.known(stem_word(token)):
            continue
        last = unfinished and position == len(tokens) - 1
        if len(token) <= EXPAND_MAX_LENGTH and (last or (prefixes and len(token) >= LAYOUT_MIN_CHARS)):
            if stats.has_prefix(token):
                continue
        return False
    return True


def _only_stop_words(word: str) -> bool:
    tokens = tokenize(word)
    return bool(tokens) and all(token in STOP_WORDS for token in tokens)


def _looks_like_a_typo(stats: TermStats, word: str) -> bool:
    """Whether a word is one edit from a known term (a typo the search corrects as typed)."""
    tokens = tokenize(word)
    return len(tokens) == 1 and FUZZY_MIN_LENGTH <= len(tokens[0]) <= EXPAND_MAX_LENGTH and bool(
        stats.near(stem_word(tokens[0]))
    )


def _layout_word(stats: TermStats, word: str, unfinished: bool) -> _LayoutWord:
    found = _LayoutWord(word, unfinished=unfinished)
    typed_script = query_language(word)
    if not typed_script:
        return found
    found.typed_known = _known_word(stats, word, unfinished, prefixes=False)
    for alternative in (switch_layout(word), switch_layout_keeping_punctuation(word)):
        if alternative and query_language(alternative) == _other_script(typed_script):
            found.alternative, found.script = found.alternative or alternative, _other_script(typed_script)
            if _known_word(stats, alternative, unfinished, prefixes=False):
                found.alternative, found.alternative_known = alternative, True
                break
    if found.alternative_known and not found.typed_known:
        # only where it could stop a retype: a typed word cut short still reads as typed
        found.typed_known = _known_word(stats, word, unfinished, prefixes=True)
    return found


def _retype(stats: TermStats, word: _LayoutWord, others: dict[str, int]) -> bool:
    """Whether ``word`` was meant on the other layout, given the votes of the other words.

    ``others`` counts, per script, the other words of the question that read as
    known words only in that script (see :meth:`_LayoutWord.vote`).
    """
    if not word.alternative:
        return False
    meant, typed = others.get(word.script, 0), others.get(_other_script(word.script), 0)
    if not word.alternative_known:
        # unknown both ways: a typo made on the wrong layout ("djphfn" for "возрат") is retyped
        # when the retyped word is one edit from a known one, the typed one is not, and the rest agrees
        # (the typed word's corrections are looked up first: the search needs them anyway)
        return (not word.unfinished and not word.typed_known and meant >= typed
                and not _looks_like_a_typo(stats, word.typed) and _looks_like_a_typo(stats, word.alternative))
    if word.long and not word.typed_known and not word.unfinished and not _only_stop_words(word.alternative):
        # a whole word that reads only on the other layout; but in a question of its own script,
        # one edit from a word of that script, it is a typo there ("a Russian question stays Russian")
        return typed <= meant or not _looks_like_a_typo(stats, word.typed)
    if word.long and not word.typed_known and word.unfinished:
        # a half-typed word that starts only other-layout terms: retyped when it is the
        # whole question ("djpd") or the rest of the question is not against it
        return meant >= typed
    # a short word, a stop word ("ghb" for "при") or one that reads both ways ("c" and "с"):
    # only with the rest of the question
    return meant >= 1 and (typed == 0 or (not word.typed_known and meant >= typed))


def repair_layout(stats: TermStats, text: str, live: bool) -> str:
    """Retype words typed in the wrong keyboard layout, on evidence only.

    A word is retyped when, as typed, it is not a known word (nor, for the last
    word being typed, a known prefix) and its other-layout form is, weighing the
    other words of the question:

    * a whole word of three letters or more that reads only on the other layout
      is retyped ("refund djpdhfn" -> "refund возврат"), unless the rest of the
      question is in its script and it is one edit from a known word there (a typo
      the search corrects: "промокод в корзмне" stays Russian);
    * the word being typed is retyped when it is the whole question ("djpd" ->
      "возв") or the rest of the question is not in its script;
    * a word of one or two letters, a stop word ("ghb" for "при") or a word that
      reads both ways ("c" and "с") only when the rest of the question is in the
      other layout ("rfr dthyenm" -> "как вернуть"), never alone: "п", "курьер не п"
      and "how to c" are searched as typed.
    """
    words = text.split()
    if not words:
        return text
    unfinished_last = live and not text[-1:].isspace()
    found = [_layout_word(stats, word, unfinished_last and n == len(words) - 1) for n, word in enumerate(words)]
    votes = Counter(word.vote() for word in found)
    repaired = []
    for word in found:
        others = votes.copy()
        others[word.vote()] -= 1
        repaired.append(word.alternative if _retype(stats, word, others) else word.typed)
    return " ".join(repaired) + (" " if text[-1:].isspace() else "")


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
