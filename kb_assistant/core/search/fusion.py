"""Words and meaning together: the lexical ranking fused with the semantic matcher's.

Measured on three English sets (``benchmarks/quality.py``; README, "Meaning, not
only words"), a weighted score fusion did better than reciprocal-rank fusion,
which lets a weak semantic second place outvote a strong lexical first: each
candidate of either list scores its lexical score over the first one's, plus its
cosine to the question standardised over the KB's articles for this question
(how many standard deviations above the mean, a tenth each: raw cosines of a
short question and of a long one are not on one scale), weighted the more the
less sure the words are (the lexical confidence of issue 8). The fused score is
given back in the lexical ranking's units (times the first lexical score).

A half-typed last word is completed for the meaning: the question's vector is
the typed text's plus the mean of the three most frequent completions of that
word in the KB's English text (weighted by their counts). A prefix alone is
noise to an embedding, dropping it loses the word, and one guess is wrong often;
this lifted live hit@3 on each English set and lost nothing anywhere.

Only English questions take part (:data:`~kb_assistant.core.search.semantic.SEMANTIC_LANGUAGE`):
on Russian the model measured far below the words alone.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
from collections import OrderedDict
from pathlib import Path

from kb_assistant.core.search.semantic import SemanticModel
from kb_assistant.core.search.vectors import ArticleVectors, VectorTable, vectors_file

log = logging.getLogger("kb_assistant.search.fusion")

SEMANTIC_WEIGHT = 1.0
"""Weight of the question's standardised cosine to an article against its lexical score over the first one's."""
UNSURE_WEIGHT = 4.0
"""Added to :data:`SEMANTIC_WEIGHT` times (1 - the lexical confidence): meaning counts more where words are unsure."""
FUSION_DEPTH = 30
"""Candidates taken from the meaning's ranking (beyond them, its opinion is worth little)."""
LEXICAL_DEPTH = 20
"""Candidates taken from the words' ranking: 30 measured the same on the English sets, and ranked slower."""
STANDARD_SCALE = 0.1
"""A standardised cosine counts this much per standard deviation above the question's mean."""
COMPLETIONS = 3
"""Completions of a half-typed last word that steer the question's meaning."""
_SIMILARITY_CACHE = 8
_WORD = re.compile(r"[A-Za-z]{2,}")
_UNFINISHED = re.compile(r"[A-Za-z][A-Za-z']*$")


class Vocabulary:
    """The English words of the embedded articles with their counts, for completing a half-typed word."""

    def __init__(self, counts) -> None:
        import numpy as np

        self._words = sorted(counts)
        self._counts = np.array([counts[word] for word in self._words], dtype=np.int64)

    def complete(self, prefix: str, limit: int = COMPLETIONS) -> list[tuple[str, int]]:
        """The ``limit`` most frequent words starting with ``prefix`` (lower case), most frequent first."""
        import numpy as np

        start = bisect.bisect_left(self._words, prefix)
        end = bisect.bisect_left(self._words, prefix + "\U0010ffff", lo=start)
        if start >= end:
            return []
        counts = self._counts[start:end]
        best = np.argsort(-counts, kind="stable")[:limit] if len(counts) > limit else np.argsort(-counts, kind="stable")
        return [(self._words[start + int(i)], int(counts[i])) for i in best]


def meaningful(text: str, live: bool) -> bool:
    """Whether a question says enough for its meaning to count.

    A single unfinished word ("re", "refu") is a prefix, not a meaning: the
    lexical search completes it far better. Once one word is complete, the
    question as typed takes part, the unfinished word too (measured: dropping it
    lost 1-2 points of live hit@3 on each English set).
    """
    words = _WORD.findall(text)
    if not words:
        return False
    if not live or text[-1:].isspace():
        return True
    return len(words) >= 2


class SemanticMatcher:
    """The model and the article vectors of one searcher; fuses rankings for the search service.

    Args:
        model: the loaded model (:func:`~kb_assistant.core.search.semantic.load_model`).
    """

    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        self._vectors: ArticleVectors | None = None
        self._table: VectorTable | None = None
        self._table_stamp: tuple | None = None
        self._similarities: OrderedDict[tuple[str, bool], object] = OrderedDict()
        self._vocabulary = Vocabulary({})

    @property
    def articles(self) -> int:
        """How many articles have a vector in the open searcher."""
        return self._vectors.count if self._vectors is not None else 0

    def align(self, index_dir: Path, searcher) -> None:
        """Lay the saved vectors out for ``searcher`` (read again only when the file changed)."""
        path = vectors_file(index_dir)
        try:
            info = os.stat(path)
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = None
        if self._table is None or stamp != self._table_stamp:
            self._table = VectorTable.read(path, self.model.dimensions)
            self._table_stamp = stamp
            self._vocabulary = Vocabulary(self._table.words)
        self._vectors = ArticleVectors.align(self._table, searcher, self.model)
        self._similarities.clear()

    def query_vector(self, text: str, live: bool):
        """The meaning of a question; a half-typed last word is completed (see the module's description)."""
        import numpy as np

        unfinished = _UNFINISHED.search(text) if live else None
        completions = self._vocabulary.complete(unfinished.group(0).lower()) if unfinished else []
        if not completions:
            return self.model.embed_one(text)
        head = text[:unfinished.start()]
        vectors = self.model.embed([text, *(head + word for word, _ in completions)])  # one batch
        weights = np.array([count for _, count in completions], dtype=np.float32)
        vector = vectors[0] + (vectors[1:] * (weights / weights.sum())[:, None]).sum(axis=0)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else vectors[0]

    def similarities(self, text: str, live: bool = False):
        """Cosine of ``text`` to each article with a vector (rows of ``ArticleVectors.docs``)."""
        key = (text, live)
        found = self._similarities.get(key)
        if found is None:
            found = self._vectors.similarities(self.query_vector(text, live))
            self._similarities[key] = found
            if len(self._similarities) > _SIMILARITY_CACHE:
                self._similarities.popitem(last=False)
        else:
            self._similarities.move_to_end(key)
        return found

    def fuse_safely(self, *args):
        """:meth:`fuse`, or None (logged) when it fails: meaning only adds to the words, it never fails a search."""
        try:
            return self.fuse(*args)
        except Exception:  # noqa: BLE001 - the words' ranking stands
            log.exception("the semantic matcher failed on a question; words alone")
            return None

    def fuse(self, lexical: list[tuple[int, float]], text: str, lexical_confidence: float,
             allowed: set[int] | None, limit: int, live: bool = False, keep_first: bool = False,
             ) -> tuple[list[tuple[int, float]], dict[int, float]] | None:
        """The fused ranking of ``lexical`` (docnum, score; best first) and the meaning of ``text``.

        With ``keep_first`` (the words are sure of their first result) it stays first: an error
        code, a product name, a word the model splits into noise; meaning reorders what follows.

        Returns:
            the ``limit`` best (docnum, fused score) and the cosines of the semantic
            candidates, or None when no article has a vector (the lexical ranking stands).
        """
        if not self.articles:
            return None
        import numpy as np

        scores = self.similarities(text, live)
        vectors = self._vectors
        mean, spread = vectors.spread(scores)
        wanted = min(len(scores), FUSION_DEPTH * (3 if allowed is not None else 1))
        rows = np.argpartition(-scores, wanted - 1)[:wanted] if wanted < len(scores) else np.arange(len(scores))
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        cosines: dict[int, float] = {}
        for docnum, value in zip(vectors.docs[rows].tolist(), scores[rows].tolist()):
            if allowed is None or docnum in allowed:
                cosines[docnum] = value
                if len(cosines) >= FUSION_DEPTH:
                    break
        top = lexical[0][1] if lexical and lexical[0][1] > 0 else 1.0
        weight = SEMANTIC_WEIGHT + UNSURE_WEIGHT * (1.0 - max(0.0, min(1.0, lexical_confidence)))
        def standard(value: float) -> float:
            return STANDARD_SCALE * (value - mean) / spread

        fused = {docnum: score / top for docnum, score in lexical[:LEXICAL_DEPTH]}
        for docnum, value in cosines.items():
            fused[docnum] = fused.get(docnum, 0.0) + weight * standard(value)
        for docnum, _ in lexical[:LEXICAL_DEPTH]:
            row = vectors.row(docnum)
            if docnum not in cosines and row >= 0:
                fused[docnum] += weight * max(0.0, standard(float(scores[row])))
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:limit]
        if lexical and keep_first and ranked[0][0] != lexical[0][0]:
            first = lexical[0][0]
            ranked = [(first, ranked[0][1])] + [item for item in ranked if item[0] != first][:limit - 1]
        return [(docnum, value * top) for docnum, value in ranked], cosines

    def cosine(self, text: str, docnum: int, live: bool = False) -> float | None:
        """The cosine of ``text`` to one document, or None when it has no vector."""
        if not self.articles:
            return None
        row = self._vectors.row(docnum)
        return float(self.similarities(text, live)[row]) if row >= 0 else None
