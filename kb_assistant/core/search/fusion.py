"""Words and meaning together: the lexical ranking fused with the semantic matcher's.

Measured on three English sets (``benchmarks/quality.py``; README, "Meaning, not
only words"), a weighted score fusion did better than reciprocal-rank fusion,
which lets a weak semantic second place outvote a strong lexical first: each
candidate of either list scores its lexical score over the first one's, plus
its cosine to the question, weighted the more the less sure the words are
(the lexical confidence of issue 8). The fused score is given back in the
lexical ranking's units (times the first lexical score), so a result's score
still reads as before when the meaning agrees.

Only English questions take part (:data:`~kb_assistant.core.search.semantic.SEMANTIC_LANGUAGE`):
on Russian the model measured far below the words alone.
"""

from __future__ import annotations

import logging
import os
import re
from collections import OrderedDict
from pathlib import Path

from kb_assistant.core.search.semantic import SemanticModel
from kb_assistant.core.search.vectors import ArticleVectors, VectorTable, vectors_file

log = logging.getLogger("kb_assistant.search.fusion")

SEMANTIC_WEIGHT = 2.0
"""Weight of the question's cosine to an article against its lexical score over the first one's."""
UNSURE_WEIGHT = 2.0
"""Added to :data:`SEMANTIC_WEIGHT` times (1 - the lexical confidence): meaning counts more where words are unsure."""
FUSION_DEPTH = 30
"""Candidates taken from each ranking (beyond them, neither ranking's opinion is worth much)."""
_SIMILARITY_CACHE = 8
_WORD = re.compile(r"[A-Za-z]{2,}")


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
        self._similarities: OrderedDict[str, object] = OrderedDict()

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
        self._vectors = ArticleVectors.align(self._table, searcher, self.model)
        self._similarities.clear()

    def similarities(self, text: str):
        """Cosine of ``text`` to every document of the searcher (docnum order; -1 without a vector)."""
        found = self._similarities.get(text)
        if found is None:
            found = self._vectors.similarities(self.model.embed_one(text))
            self._similarities[text] = found
            if len(self._similarities) > _SIMILARITY_CACHE:
                self._similarities.popitem(last=False)
        else:
            self._similarities.move_to_end(text)
        return found

    def fuse_safely(self, *args):
        """:meth:`fuse`, or None (logged) when it fails: meaning only adds to the words, it never fails a search."""
        try:
            return self.fuse(*args)
        except Exception:  # noqa: BLE001 - the words' ranking stands
            log.exception("the semantic matcher failed on a question; words alone")
            return None

    def fuse(self, lexical: list[tuple[int, float]], text: str, lexical_confidence: float,
             allowed: set[int] | None, limit: int) -> tuple[list[tuple[int, float]], dict[int, float]] | None:
        """The fused ranking of ``lexical`` (docnum, score; best first) and the meaning of ``text``.

        Returns:
            the ``limit`` best (docnum, fused score) and the cosines of the semantic
            candidates, or None when no article has a vector (the lexical ranking stands).
        """
        if not self.articles:
            return None
        import numpy as np

        scores = self.similarities(text)
        wanted = min(len(scores), FUSION_DEPTH * (3 if allowed is not None else 1))
        candidates = np.argpartition(-scores, wanted - 1)[:wanted] if wanted < len(scores) else np.arange(len(scores))
        candidates = candidates[np.argsort(-scores[candidates], kind="stable")]
        cosines: dict[int, float] = {}
        for docnum in candidates.tolist():
            value = float(scores[docnum])
            if value <= -1.0:
                break  # no vector: neither these nor any after them
            if allowed is None or docnum in allowed:
                cosines[docnum] = value
                if len(cosines) >= FUSION_DEPTH:
                    break
        top = lexical[0][1] if lexical and lexical[0][1] > 0 else 1.0
        weight = SEMANTIC_WEIGHT + UNSURE_WEIGHT * (1.0 - max(0.0, min(1.0, lexical_confidence)))
        fused = {docnum: score / top for docnum, score in lexical[:FUSION_DEPTH]}
        for docnum, value in cosines.items():
            fused[docnum] = fused.get(docnum, 0.0) + weight * value
        for docnum, _ in lexical[:FUSION_DEPTH]:
            if docnum not in cosines:
                fused[docnum] += weight * max(0.0, float(scores[docnum]))
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [(docnum, value * top) for docnum, value in ranked], cosines

    def cosine(self, text: str, docnum: int) -> float | None:
        """The cosine of ``text`` to one document, or None when it has no vector."""
        if not self.articles:
            return None
        value = float(self.similarities(text)[docnum])
        return None if value <= -1.0 else value
