"""The search service: the only public face of the index.

Whoosh objects never leave this module: results are copied into frozen
:class:`~kb_assistant.core.models.SearchHit` dataclasses inside the searcher's
``with`` block. One service owns one searcher, so use one service per thread
(the GUI gives it to a single search worker).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from whoosh import highlight
from whoosh import query as wq

from kb_assistant.core.errors import SearchIndexError
from kb_assistant.core.kbconfig import load_kb_config
from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.core.search.indexer import (
    INDEX_NAME,
    ProgressCallback,
    UpdateReport,
    open_or_create,
    update_index,
)
from kb_assistant.core.search.query import QueryPlan, SynonymTable, build_query
from kb_assistant.core.search.schema import split_reply_names

log = logging.getLogger("kb_assistant.search")

CONFIDENCE_THRESHOLD = 0.6
"""Share of the question's weight the first result must cover to count as a good match."""
SNIPPET_CHARS = 180
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions on results; empty values mean "any"."""

    lang: str = ""
    tag: str = ""
    product: str = ""
    category: str = ""
    type: str = ""

    def to_query(self) -> wq.Query | None:
        """The Whoosh filter for these restrictions, or None when there are none."""
        parts: list[wq.Query] = []
        if self.lang:
            parts.append(wq.Term("lang", self.lang.lower()))
        if self.tag:
            parts.append(wq.Term("tags", self.tag.lower()))
        if self.product:
            parts.append(wq.Term("product", self.product.lower()))
        if self.category:
            folder = self.category.strip("/")
            parts.append(wq.Or([wq.Term("category", folder), wq.Prefix("category", folder + "/")]))
        if self.type:
            parts.append(wq.Term("type", self.type))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)


class _SpanFormatter(highlight.Formatter):
    """Wrap matched words in control characters that are turned into spans later."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return _MARK_OPEN + highlight.get_text(text, token, replace) + _MARK_CLOSE


def _spans(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Turn text with control-character marks into plain text and (start, end) spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = None
    for char in marked:
        if char == _MARK_OPEN:
            start = length
        elif char == _MARK_CLOSE:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), tuple(spans)


class SearchService:
    """Search over the index of one KB.

    Args:
        kb_root: the KB folder.
        index_dir: the index folder (see :func:`kb_assistant.core.paths.resolve_index_dir`).
        today: the date "stale" is judged against (tests pass a fixed one).
    """

    def __init__(self, kb_root: Path, index_dir: Path, today: dt.date | None = None) -> None:
        self.kb_root = Path(kb_root)
        self.index_dir = Path(index_dir)
        self._today = today
        self._index = None
        self._searcher = None
        self._synonyms = SynonymTable()

    # -- lifecycle -------------------------------------------------------
    def update(self, *, rebuild: bool = False, progress: ProgressCallback | None = None) -> UpdateReport:
        """Bring the index up to date with the KB (incrementally) and reopen the searcher."""
        self._close_searcher()
        report = update_index(self.index_dir, self.kb_root, rebuild=rebuild, progress=progress)
        self._open()
        return report

    def _open(self) -> None:
        if self._index is None:
            self._index, reason = open_or_create(self.index_dir, self.kb_root)
            if reason:
                log.info("index created (%s); it is empty until update() runs", reason)
        config, _ = load_kb_config(self.kb_root)
        self._synonyms = SynonymTable.from_groups(config.synonyms)
        self._searcher = self._index.searcher()

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._index is not None:
            self._index.close()
            self._index = None

    def close(self) -> None:
        """Release the searcher and the index files."""
        self._close_searcher()

    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _current_searcher(self):
        if self._searcher is None:
            self._open()
        else:
            # pick up commits made since (by this process or another one)
            self._searcher = self._searcher.refresh()
        return self._searcher

    # -- searching -------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        live: bool = False,
        limit: int = 10,
        filters: SearchFilters | None = None,
    ) -> SearchResults:
        """Search for ``text``; never raises for any user text.

        Args:
            text: what the user typed, taken literally.
            live: as-you-type mode (the last unfinished word is a prefix).
            limit: the most results to return.
            filters: restrictions on language, tag, product, category, type.
        """
        limit = max(1, limit)
        try:
            searcher = self._current_searcher()
            plan = build_query(searcher.reader(), text, live=live, synonyms=self._synonyms)
            if plan is None:
                return SearchResults(query=text)
            return self._run(searcher, text, plan, limit, filters)
        except SearchIndexError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken index must not kill a keystroke
            log.exception("search failed for %r", text)
            raise SearchIndexError(f"search failed: {exc}") from exc

    def _run(self, searcher, text: str, plan: QueryPlan, limit: int, filters) -> SearchResults:
        results = searcher.search(
            plan.query, limit=limit, filter=(filters or SearchFilters()).to_query(), terms=True
        )
        results.fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
        results.formatter = _SpanFormatter()
        today = self._today or dt.date.today()
        hits = []
        confidence = 0.0
        for rank, hit in enumerate(results):
            if rank == 0:
                confidence = _coverage(plan, hit.matched_terms())
            hits.append(self._to_hit(hit, today))
        return SearchResults(
            query=text,
            hits=tuple(hits),
            interpreted=plan.interpreted,
            confident=bool(hits) and confidence >= CONFIDENCE_THRESHOLD,
            confidence=round(confidence, 3),
        )

    def _to_hit(self, hit, today: dt.date) -> SearchHit:
        stored = hit.fields()
        preview = stored.get("preview", "") or ""
        marked = hit.highlights("body", text=preview, top=2) if preview else ""
        if not marked:
            marked = preview[:SNIPPET_CHARS].strip()
        snippet, _ = _spans(" ".join(marked.split()))
        due = stored.get("review_due") or ""
        return SearchHit(
            id=stored.get("id", ""),
            title=stored.get("title", ""),
            path=stored.get("path", ""),
            score=round(float(hit.score or 0.0), 4),
            snippet=snippet,
            highlights=_spans(" ".join(marked.split()))[1],
            reply_names=split_reply_names(stored.get("reply_names", "")),
            tags=tuple(t for t in (stored.get("tags") or "").split(",") if t),
            lang=stored.get("lang", "") or "",
            category=stored.get("category", "") or "",
            product=stored.get("product", "") or "",
            type=stored.get("type", "article") or "article",
            stale=bool(due) and due < today.isoformat(),
        )

    def doc_count(self) -> int:
        """How many documents the index holds."""
        return self._current_searcher().doc_count()


_STRONG_FIELDS = frozenset({"title", "questions", "tagtext"})
BODY_ONLY_CREDIT = 0.6
STOP_ONLY_CREDIT = 0.3


def _coverage(plan: QueryPlan, matched) -> float:
    """How well the document covers the question, in 0..1.

    Each word counts by its IDF weight; a word found in the title, the questions
    or the tags counts fully, one found only in the body or replies partly. A
    question made only of stop words can never be a confident match.
    """
    found = {(name, text.decode("utf-8") if isinstance(text, bytes) else text) for name, text in matched}
    total = sum(group.weight for group in plan.groups)
    if total <= 0:
        return 0.0
    covered = 0.0
    for group in plan.groups:
        hits = group.terms & found
        if hits:
            strong = any(name in _STRONG_FIELDS for name, _ in hits)
            covered += group.weight * (1.0 if strong else BODY_ONLY_CREDIT)
    score = covered / total
    if all(group.stop for group in plan.groups):
        score *= STOP_ONLY_CREDIT
    return score


__all__ = ["SearchFilters", "SearchService", "CONFIDENCE_THRESHOLD", "INDEX_NAME"]
