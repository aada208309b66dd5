"""BM25F scoring over Whoosh postings, term at a time, with caches.

Whoosh's own matcher tree evaluates a query document by document through
several layers of Python objects per posting; with prefix completions over
several fields that costs tens of milliseconds per keystroke. Live search asks
almost the same question on every keystroke, so this module reads each term's
postings once per index generation, turns them into per-document partial
scores, and caches them: the words the agent already typed cost nothing on the
next keystroke, only the word being typed is new work.

The index stays Whoosh's: the postings, term statistics and stored fields are
read through its reader; nothing here writes.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

K1 = 1.8
B = 0.75
TERM_CACHE_POSTINGS = 1_200_000
"""Upper bound of cached postings (all terms together) before old terms are dropped."""
LEARNED_CACHE_POSTINGS = TERM_CACHE_POSTINGS // 4
"""The same for the scores of terms with their learned part (see ``TermScorer.use_learned``)."""

Scores = dict[int, float]


class BoundedCache(OrderedDict):
    """An LRU mapping bounded by the total of caller-supplied sizes of its values."""

    def __init__(self, budget: int) -> None:
        super().__init__()
        self.budget = budget
        self.used = 0
        self.sizes: dict = {}

    def get_fresh(self, key):
        """Return the value for ``key`` (or None) and mark it recently used."""
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def put(self, key, value, size: int) -> None:
        """Store ``value``, dropping the least recently used values beyond the budget."""
        if key in self:
            self.used -= self.sizes.get(key, 0)
            self.move_to_end(key)  # just stored: the most recently used, not the next to go
        self[key] = value
        self.sizes[key] = size
        self.used += size
        while self.used > self.budget and len(self) > 1:
            old, _ = self.popitem(last=False)
            self.used -= self.sizes.pop(old, 0)

    def discard(self, key) -> None:
        """Forget ``key``'s value, if there is one."""
        if self.pop(key, None) is not None:
            self.used -= self.sizes.pop(key, 0)

    def clear(self) -> None:
        """Forget everything."""
        super().clear()
        self.sizes.clear()
        self.used = 0


def _leaf_postings(leaf, field: str, text: str) -> tuple[list[int], list[float]]:
    """All (docnum, term frequency) of one term in one segment, read block by block."""
    try:
        matcher = leaf.postings(field, text)
    except TermNotFound:
        return [], []
    deleted = None
    if isinstance(matcher, FilterMatcher):
        deleted = matcher._ids  # noqa: SLF001 - the segment's deleted docnums
        matcher = matcher.child
    ids: list[int] = []
    weights: list[float] = []
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        # Whoosh 3 codec: decode whole blocks at once instead of posting by posting
        while matcher.is_active():
            matcher._read_ids()  # noqa: SLF001
            matcher._read_weights()  # noqa: SLF001
            ids.extend(matcher._ids)  # noqa: SLF001
            weights.extend(matcher._weights)  # noqa: SLF001
            matcher._next_block()  # noqa: SLF001
    else:  # pragma: no cover - other codecs
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    if deleted:
        kept = [(d, w) for d, w in zip(ids, weights) if d not in deleted]
        ids = [d for d, _ in kept]
        weights = [w for _, w in kept]
    return ids, weights


_LENGTH_OF_BYTE = [byte_to_length(value) for value in range(256)]


def _deleted(leaf) -> set[int]:
    """The deleted docnums of one segment (usually none)."""
    if not leaf.has_deletions():
        return set()
    return {docnum for docnum in range(leaf.doc_count_all()) if leaf.is_deleted(docnum)}


def _field_lengths(leaf, field: str) -> list[int]:
    """Every document's length in ``field`` in one segment.

    Whoosh 3 keeps lengths as one byte per document in a column; reading the
    column at once is far cheaper than a ``doc_field_length`` call per document.
    """
    count = leaf.doc_count_all()
    try:
        column = leaf._perdoc.column_reader(_lenfield(field), LENGTHS_COLUMN)  # noqa: SLF001
        if column._fixedlen != 1:  # noqa: SLF001
            raise TypeError("lengths are not stored as one byte")
        stored = min(column._count, count)  # noqa: SLF001
        raw = column._dbfile.get(column._basepos, stored)  # noqa: SLF001
        lengths = [_LENGTH_OF_BYTE[value] for value in raw]
        return lengths + [0] * (count - len(lengths))
    except Exception:  # noqa: BLE001 - another codec, or no such column: ask one by one
        return [leaf.doc_field_length(docnum, field, 0) or 0 for docnum in range(count)]


def live_doc_frequency(reader, field: str, text: str) -> int:
    """How many documents that are not deleted hold ``text`` in ``field``.

    Whoosh's own count keeps an updated or removed document until its segment is
    merged away; counting it would make scores depend on the index's history (an
    index updated after edits would rank differently from one built anew).
    """
    if not reader.has_deletions():
        return reader.doc_frequency(field, text)
    return sum(len(_leaf_postings(leaf, field, text)[0]) for leaf, _ in reader.leaf_readers())


class TermScorer:
    """Per-document BM25F partial scores of terms, for one open reader.

    Every statistic counts live documents only (see :func:`live_doc_frequency`), so
    an index that was updated scores exactly as one built anew from the same files.

    Args:
        reader: a Whoosh reader (kept open by the caller for this object's life).
        field_boosts: searched fields and their weights.
    """

    def __init__(self, reader, field_boosts: dict[str, float], extra_boosts: dict[str, float] | None = None,
                 document_frequency=None) -> None:
        self.reader = reader
        self._document_frequency = document_frequency or (
            lambda text: max(live_doc_frequency(reader, f, text) for f in field_boosts)
        )
        self.field_boosts = field_boosts
        self.extra_boosts = extra_boosts or {}
        self.doc_count = max(reader.doc_count(), 1)  # live documents: what BM25's N means
        self._docnums = max(reader.doc_count_all(), 1)  # docnums of deleted documents stay in use
        self._leaves = [(leaf, offset) for leaf, offset in reader.leaf_readers()]
        self._lengths: dict[str, list[float]] = {}
        self._norm_arrays: dict[str, object] = {}  # the same as numpy arrays
        self._avg: dict[str, float] = {}
        self._cache = BoundedCache(TERM_CACHE_POSTINGS)  # the index's own scores of terms
        self._learned_cache = BoundedCache(LEARNED_CACHE_POSTINGS)  # those with a learned part, added
        self.learned = None  # a LearnedField: agents' answered questions, scored as one more field

    def use_learned(self, learned) -> None:
        """Score these learned questions (a ``LearnedField``, or None) from now on.

        The field norms and the index's own scores of terms are kept, but for the words
        whose learned document count changed: a word is as rare as it is in the index or
        among the learned questions, whichever says it is more frequent, so only theirs can
        change (after a copy in the window, the words of one question).
        """
        old = self.learned.frequencies() if self.learned else {}
        new = learned.frequencies() if learned else {}
        for text in old.keys() | new.keys():
            if old.get(text) != new.get(text):
                self._cache.discard(("*", text))
                self._cache.discard(("arrays", text))
        self.learned = learned
        self._learned_cache.clear()

    def _norms(self, field: str) -> list[float]:
        """``K1 * (1 - B + B * length / average)`` per docnum, computed once per field."""
        norms = self._lengths.get(field)
        if norms is None:
            lengths = [(offset, _field_lengths(leaf, field), _deleted(leaf)) for leaf, offset in self._leaves]
            total = sum(length for _, column, deleted in lengths for docnum, length in enumerate(column)
                        if docnum not in deleted) or 1
            average = total / self.doc_count
            norms = [0.0] * self._docnums
            for offset, column, _deleted_docs in lengths:
                for docnum, length in enumerate(column):
                    norms[offset + docnum] = K1 * (1 - B + B * (length / average))
            self._lengths[field] = norms
        return norms

    def field_scores(self, field: str, text: str) -> Scores:
        """Docnum -> boosted BM25 score of ``text`` in one ``field`` (cached)."""
        key = (field, text)
        cached = self._cache.get_fresh(key)
        if cached is None:
            cached = {}
            self._add_field_scores(cached, field, text)
            self._cache.put(key, cached, len(cached) + 1)
        if self.learned and field == self.learned.pair_field and text in self.learned.pairs:
            return self._with_learned(key, cached, self._add_learned_pairs)
        return cached

    def term_scores(self, text: str) -> Scores:
        """Docnum -> score of ``text`` summed over all searched fields (cached).

        Only the sum is cached, not each field's part: at 50,000 articles a
        common word's postings fill tens of thousands of entries per field.
        """
        key = ("*", text)
        cached = self._cache.get_fresh(key)
        if cached is None:
            cached = {}
            for field in self.field_boosts:
                self._add_field_scores(cached, field, text)
            self._cache.put(key, cached, len(cached) + 1)
        if self.has_learned(text):
            return self._with_learned(key, cached, self._add_learned_scores)
        return cached

    def has_learned(self, text: str) -> bool:
        """Whether agents' learned questions add to ``text``'s scores (see ``use_learned``)."""
        return bool(self.learned) and text in self.learned.postings

    def term_arrays(self, text: str):
        """``term_scores(text)`` of a term without a learned part: docnums ascending, and their scores (cached).

        Two numpy arrays holding the same floats as the mapping, computed over
        whole posting blocks: at 50,000 articles a short word's completions have
        postings in most documents, and adding them into a mapping one by one was
        most of such a keystroke.
        """
        key = ("arrays", text)
        cached = self._cache.get_fresh(key)
        if cached is None:
            cached = self._term_arrays(text)
            # a docnum and a score in arrays take a fifth of a dictionary entry's memory
            self._cache.put(key, cached, len(cached[0]) // 5 + 1)
        return cached

    def _term_arrays(self, text: str):
        import numpy as np

        total = found = None
        for field in self.field_boosts:
            factor = self._factor(field, text)
            if factor is None:
                continue
            if total is None:
                total, found = np.zeros(self._docnums), np.zeros(self._docnums, dtype=bool)
            norms = self._norm_array(field)
            for leaf, offset in self._leaves:
                ids, weights = _leaf_postings(leaf, field, text)
                if not ids:
                    continue
                docs = np.asarray(ids, dtype=np.intp) + offset
                tf = np.asarray(weights, dtype=np.float64)
                # summed in the fields' order, as the mapping is: the same floats to the last bit
                total[docs] += factor * tf / (tf + norms[docs])
                found[docs] = True
        if total is None:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        docs = np.flatnonzero(found)
        return docs, total[docs]

    def _norm_array(self, field: str):
        """The field's norms (see ``_norms``) as a numpy array (computed once per field)."""
        import numpy as np

        found = self._norm_arrays.get(field)
        if found is None:
            found = self._norm_arrays[field] = np.asarray(self._norms(field), dtype=np.float64)
        return found

    def _with_learned(self, key: tuple[str, str], scores: Scores, add) -> Scores:
        """``scores`` of the index with the learned part of ``key``'s term added by ``add`` (cached apart)."""
        found = self._learned_cache.get_fresh(key)
        if found is None:
            found = dict(scores)
            add(found, key[0], key[1])
            self._learned_cache.put(key, found, len(found) + 1)
        return found

    def _add_learned_scores(self, scores: Scores, _field: str, text: str) -> None:
        """Add the BM25 scores of ``text`` in the learned questions (see ``core.search.learned``)."""
        from kb_assistant.core.search.learned import LEARNED_BOOST

        postings = self.learned.postings.get(text)
        if not postings:
            return
        # as rare as it is in whole documents; a word only agents used is as rare as it is among them
        df = max(self._document_frequency(text), len(postings))
        idf = math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5))
        # at most what one mention in an average-length field gives, under the lower boost: however
        # often agents answered with an article, and however short its learned questions are, a word of
        # theirs never outweighs the editor's (weight / (weight + norm) stays below 1)
        factor = idf * LEARNED_BOOST
        get = scores.get
        norms = self.learned.norms
        for doc, weight in postings.items():
            scores[doc] = get(doc, 0.0) + factor * weight / (weight + norms.get(doc, 1.0))

    def _add_learned_pairs(self, scores: Scores, field: str, text: str) -> None:
        """Add the scores of the word pair ``text`` in the learned questions, bounded like their words."""
        from kb_assistant.core.search.learned import LEARNED_PAIR_BOOST

        postings = self.learned.pairs.get(text)
        if not postings:
            return
        df = max(live_doc_frequency(self.reader, field, text), len(postings))
        factor = math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5)) * LEARNED_PAIR_BOOST
        get = scores.get
        for doc, weight in postings.items():
            scores[doc] = get(doc, 0.0) + factor * weight / (weight + 1)

    def _factor(self, field: str, text: str) -> float | None:
        """BM25's ``idf * (K1 + 1) * boost`` of ``text`` in ``field``; None when no live document has it there."""
        if not self.reader.doc_frequency(field, text):
            return None  # not in this field at all (Whoosh's count, deleted documents included, is enough to say so)
        # BM25F: a word is as rare as it is in whole documents, whichever field
        if field in self.field_boosts:
            df = self._document_frequency(text)
        else:
            df = live_doc_frequency(self.reader, field, text)
        if not df:
            return None
        idf = math.log(1 + (self.doc_count - df + 0.5) / (df + 0.5))
        return idf * (K1 + 1) * self.field_boosts.get(field, self.extra_boosts.get(field, 1.0))

    def _add_field_scores(self, scores: Scores, field: str, text: str) -> None:
        """Add the BM25 scores of ``text`` in ``field`` into ``scores``."""
        factor = self._factor(field, text)
        if factor is None:
            return
        norms = self._norms(field)
        get = scores.get
        for leaf, offset in self._leaves:
            ids, weights = _leaf_postings(leaf, field, text)
            for docnum, tf in zip(ids, weights):
                doc = docnum + offset
                scores[doc] = get(doc, 0.0) + factor * tf / (tf + norms[doc])
