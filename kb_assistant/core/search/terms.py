"""Term statistics of one open index: frequencies, prefix completions, typo neighbours.

Typing asks the same questions of the index again and again (is this a word, what
does this prefix complete to, what is one edit away); :class:`TermStats` answers
them from one reader and remembers the answers until the index changes.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
import math
from itertools import islice

from kb_assistant.core.search.schema import TEXT_FIELDS
from kb_assistant.core.search.scoring import live_doc_frequency

FUZZY_MIN_LENGTH = 5
"""Typos are forgiven only on words this long: shorter ones have too many neighbours."""
EXPAND_MAX_LENGTH = 40
"""Words longer than this are looked up as they are: no typo or prefix expansion (a Levenshtein
automaton over a 100,000-letter word took 40 s), no stem back-off."""
PREFIX_LIMITS = {2: 4, 3: 8}
PREFIX_LIMIT_LONG = 48
PREFIX_SCAN_LIMIT = 5000
"""Terms of one field and segment read to rank a prefix's completions (about 20 µs each): all
of them for any prefix of a 50,000-article generated KB (536 terms at most for two letters)."""
FIELDS = tuple(TEXT_FIELDS)


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
        self._complete = False  # set by preload(): every term's frequency is in _df
        self._prefixes: dict[str, list[str]] = {}
        self._starts: dict[str, bool] = {}
        self._near: dict[str, list[str]] = {}
        self._letters = ""  # every letter of the vocabulary, once the table is complete
        self._learned: dict[str, int] = {}  # words of the learned questions -> documents
        self._index_df: dict[str, int] = {}  # the index's counts of words learned so far (a complete table)
        self._sorted: list[str] = []  # every term in order, once the table is complete
        self.layout_words: dict[tuple[str, bool], object] = {}
        """Each word's reading in both keyboard layouts (see ``layout.repair_layout``): it depends on this index only."""

    def add_vocabulary(self, frequencies: dict[str, int]) -> None:
        """Words of the learned questions (``core.search.learned``): known words too, with their frequency there.

        Replaces the learned words given before. A complete table stays complete:
        only the learned words' counts change (a copy in the window sets new learned
        questions, and reading the table again would hold the search thread 0.1 s or more).
        """
        old, self._learned = self._learned, dict(frequencies)
        self._starts.clear()
        self._prefixes.clear()
        self._near.clear()
        self.layout_words.clear()
        if not self._complete:
            self._df.clear()
            return
        index_df = self._index_df
        for text in old:
            if index_df.get(text, 0):
                self._df[text] = index_df[text]
            else:
                self._df.pop(text, None)
        for text, count in self._learned.items():
            if text not in index_df:
                index_df[text] = self._df.get(text, 0)  # not overlaid now: the index's own count
            self._df[text] = max(count, index_df[text])
        # the sorted vocabulary changes only with the words no document has
        if {t for t in old if not index_df.get(t)} != {t for t in self._learned if not index_df.get(t)}:
            self._sorted = sorted(self._df)
            self._letters = "".join(sorted(set("".join(self._sorted))))

    def df(self, text: str) -> int:
        """Live document frequency of ``text`` in the field where it is most frequent (cached)."""
        found = self._df.get(text)
        if found is None:
            if self._complete:
                return 0  # every term is in the table: this one is in no document
            if len(self._df) > self._LIMIT:
                self._df.clear()
            found = self._df[text] = max(self._learned.get(text, 0),
                                         *(live_doc_frequency(self.reader, name, text) for name in FIELDS))
        return found

    def preload(self) -> bool:
        """Read the document frequency of every term of the searched fields at once.

        A new word of a question cost a lookup per field and segment (a quarter of a
        slow keystroke: the question's words, the passages weighed for confidence,
        the other layout's spelling); one pass over the term dictionary is about
        0.1 s for 14,000 terms. Afterwards a term not in the table is in no
        document. Skipped when documents are deleted (their counts would be stale)
        or the vocabulary is larger than the cache.

        Returns:
            Whether the table is complete now.
        """
        if self._complete or self.reader.has_deletions():
            return self._complete
        best: dict[bytes, int] = {}
        for name in FIELDS:
            # a term's frequency in a field is its sum over the segments (a first build leaves several)
            counts: dict[bytes, int] = {}
            for leaf, _offset in self.reader.leaf_readers():
                if name not in leaf.indexed_field_names():
                    continue
                for text, info in leaf.iter_field(name):
                    counts[text] = counts.get(text, 0) + info.doc_frequency()
                if len(counts) > self._LIMIT:
                    return False
            for text, count in counts.items():
                if count > best.get(text, 0):
                    best[text] = count
        if len(best) > self._LIMIT:
            return False
        self._df = {text.decode("utf-8"): count for text, count in best.items()}
        # the index's own counts of the learned words, to put back when the learned questions change
        self._index_df = {text: self._df.get(text, 0) for text in self._learned}
        for text, count in self._learned.items():
            self._df[text] = max(count, self._df.get(text, 0))
        self._sorted = sorted(self._df)
        self._letters = "".join(sorted(set("".join(self._sorted))))
        self._complete = True
        return True

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
        if found is None and self._complete:
            position = bisect_left(self._sorted, prefix)
            found = position < len(self._sorted) and self._sorted[position].startswith(prefix)
        elif found is None:
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
        return self.completion_pool(prefix)[:PREFIX_LIMITS.get(len(prefix), PREFIX_LIMIT_LONG)]

    def completion_pool(self, prefix: str) -> list[str]:
        """More of the most frequent completions of a short prefix than :meth:`completions` keeps.

        For two or three letters, twice as many (the same pass): the search picks
        among them the ones the best results so far contain (see
        :meth:`~kb_assistant.core.search.ranking.Ranker.focus_completions`).
        """
        found = self._prefixes.get(prefix)
        if found is None:
            limit = PREFIX_LIMITS.get(len(prefix), PREFIX_LIMIT_LONG // 2) * 2
            terms = self._prefix_terms_in_table(prefix) if self._complete else self._prefix_terms(prefix)
            found = [term for _, term in heapq.nsmallest(limit, terms)]
            if len(self._prefixes) > self._LIMIT:
                self._prefixes.clear()
            self._prefixes[prefix] = found
        return found

    def _prefix_terms_in_table(self, prefix: str):
        """What :meth:`_prefix_terms` reads from the term files, from the table in memory.

        Only when no pass would have stopped at :data:`PREFIX_SCAN_LIMIT`, so the
        completions are the same whichever way they are found.
        """
        terms = self._sorted
        start = bisect_left(terms, prefix)
        end = bisect_left(terms, prefix + "\U0010ffff", start)
        if end - start > PREFIX_SCAN_LIMIT:
            return self._prefix_terms(prefix)
        df = self._df
        return ((-df[term], term) for term in terms[start:end])

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
            terms = self._near_in_table(stem) if self._complete else self._near_in_index(stem)
            terms.discard(stem)
            if len(self._near) > self._LIMIT:
                self._near.clear()
            found = self._near[stem] = sorted(terms)
        return found

    def _near_in_index(self, stem: str) -> set[str]:
        terms: set[str] = set()
        for name in FIELDS:
            for term in self.reader.terms_within(name, stem, 1, prefix=1):
                terms.add(term.decode("utf-8") if isinstance(term, bytes) else term)
        return terms

    def _near_in_table(self, stem: str) -> set[str]:
        """The same terms as Whoosh's Levenshtein automaton finds, from the table in memory.

        The automaton walks the term files: about 10 ms per new word on 1,500
        articles, a fifth of a slow keystroke. Every word one deletion, change or
        insertion after the first letter is looked up in the table instead.
        """
        first, rest, letters = stem[:1], stem[1:], self._letters
        edits = {rest[:i] + rest[i + 1:] for i in range(len(rest))}
        for i in range(len(rest) + 1):
            head, tail = rest[:i], rest[i:]
            edits.update(head + letter + tail for letter in letters)  # insertions
            if tail:
                edits.update(head + letter + tail[1:] for letter in letters)  # changes
        return {first + edit for edit in edits if first + edit in self._df}
