"""The search service: the only public face of the index.

Whoosh objects never leave this module: results are copied into frozen
:class:`~kb_assistant.core.models.SearchHit` dataclasses inside the searcher's
``with`` block. One service owns one searcher, so use one service per thread
(the GUI gives it to a single search worker).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from whoosh.filedb.filestore import RamStorage
from whoosh.index import EmptyIndexError

from kb_assistant.core.errors import SearchIndexError
from kb_assistant.core.kb.config import load_kb_config
from kb_assistant.core.language import query_language
from kb_assistant.core.messages import clip
from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.core.search.confidence import (CONFIDENCE_THRESHOLD, Evidence, Passage, confidence, is_confident,
                                                 passages, weigh_passages)
from kb_assistant.core.search.evidence import first_evidence, with_meaning, words_found_all
from kb_assistant.core.search.filters import SearchFilters
from kb_assistant.core.search.fusion import LEXICAL_DEPTH, SemanticMatcher, meaningful
from kb_assistant.core.search.indexer import (INDEX_NAME, ProgressCallback, UpdateReport, live_generation, live_manifest,
                                              open_live, update_index, update_paths)
from kb_assistant.core.search.learned import learned_for_index
from kb_assistant.core.search.query import QueryPlan, SynonymTable, build_query
from kb_assistant.core.search.schema import PAIR_BOOST, PAIR_FIELD, TEXT_FIELDS, build_schema, split_reply_names
from kb_assistant.core.search.ranking import FOCUS_DOCS, Ranker
from kb_assistant.core.search.scoring import BoundedCache, TermScorer
from kb_assistant.core.search.semantic import SEMANTIC_LANGUAGE, SemanticModel
from kb_assistant.core.search.snippets import SnippetSource
from kb_assistant.core.search.store import IndexFolder
from kb_assistant.core.search.terms import TermStats
from kb_assistant.core.search.vectors import update_vectors

log = logging.getLogger("kb_assistant.search")

WARM_UP_QUESTIONS = ("как вернуть деньг", "how do i get a refun", "ghbdtn")
"""Searched when the window opens: both languages, a half-typed word, a wrong keyboard layout."""
OPEN_ATTEMPTS = 3
"""How often opening follows ``CURRENT`` again when another process moved it meanwhile."""
PASSAGE_CACHE_ENTRIES = 512
"""Documents whose stemmed passages are kept (the first result of a typed question changes rarely)."""
DOCUMENT_CACHE_ENTRIES = 512
"""Documents whose stored fields and snippet words are kept: cutting them again per keystroke was half a live search."""
WORD_CACHE_ENTRIES = 400_000
"""Bound (in document scores) of the caches of per-word and per-question-start scores."""


class SearchService:
    """Search over the index of one KB.

    Args:
        kb_root: the KB folder.
        index_dir: the index folder (see :func:`kb_assistant.core.paths.resolve_index_dir`).
        today: the date "stale" is judged against (tests pass a fixed one).
        semantic: the semantic matcher's model (:func:`~kb_assistant.core.search.semantic.load_model`);
            None searches words alone (see :meth:`use_semantic`).
    """

    def __init__(self, kb_root: Path, index_dir: Path, today: dt.date | None = None,
                 semantic: SemanticModel | None = None) -> None:
        self.kb_root = Path(kb_root)
        self.index_dir = Path(index_dir)
        self._today = today
        self._index = None
        self._folder = IndexFolder(self.index_dir)  # kept: files it has checked are not read again
        self._generation: Path | None = None
        self._damaged = False
        self._searcher = None
        self._ranker: Ranker | None = None
        self._stats: TermStats | None = None
        self._learned: dict[str, tuple] = {}  # agents' answered questions per article (set_learned)
        self._group_cache = BoundedCache(WORD_CACHE_ENTRIES)
        self._filter_cache: dict = {}
        self._passage_cache: dict[int, list[Passage]] = {}
        self._document_cache = BoundedCache(DOCUMENT_CACHE_ENTRIES)  # least recently shown go first
        self._synonyms = SynonymTable()
        self._matcher = SemanticMatcher(semantic) if semantic is not None else None

    # -- lifecycle -------------------------------------------------------
    def update(self, *, rebuild: bool = False, progress: ProgressCallback | None = None) -> UpdateReport:
        """Bring the index up to date with the KB (incrementally) and reopen the searcher.

        An index that failed while searching is rebuilt. When the update fails
        (``SearchIndexError``), the searcher goes on answering from the index as it was.
        """
        report = self._reindex(lambda: update_index(self.index_dir, self.kb_root, rebuild=rebuild or self._damaged,
                                                    progress=progress))
        self._damaged = False
        return report

    def update_files(self, rel_paths: list[str]) -> UpdateReport:
        """Re-index only these KB-relative files (the editor saved, created or deleted them)."""
        return self._reindex(lambda: update_paths(self.index_dir, self.kb_root, rel_paths))

    def _reindex(self, run) -> UpdateReport:
        self._close_searcher()
        matcher, self._matcher = self._matcher, None  # its vectors are laid out once, after they are updated
        try:
            report = run()
        finally:
            self._open()
            self._matcher = matcher
            self.update_vectors()
        return report

    def use_semantic(self, model: SemanticModel | None) -> None:
        """Fuse the meaning of English questions with their words from now on (None: words alone)."""
        self._matcher = SemanticMatcher(model) if model is not None else None
        if self._matcher is not None and self._searcher is not None:
            self._align_vectors()
            log.info("meaning joins the search: %d English articles", self.semantic_articles)

    semantic_enabled = property(lambda self: self._matcher is not None,
                                doc="Whether English questions are matched by meaning too (the model is loaded).")
    semantic_articles = property(lambda self: self._matcher.articles if self._matcher is not None else 0,
                                 doc="How many articles the semantic matcher knows (0: off, or none embedded yet).")

    def update_vectors(self, *, align: bool = True) -> bool:
        """Embed the open index's articles that have no vector yet (:meth:`update` does); True when any changed."""
        if self._matcher is None or self._generation is None:
            return False
        try:
            report = update_vectors(self.index_dir, self._current_searcher(), live_manifest(self.index_dir),
                                    self._matcher.model)
        except OSError:  # the vectors could not be written: the ones there are still serve
            log.exception("the article vectors could not be updated")
            report = None
        if align:
            self._align_vectors()
        return report is not None and bool(report.embedded or report.removed)

    def _align_vectors(self) -> None:
        try:
            self._matcher.align(self.index_dir, self._searcher)
        except Exception:  # noqa: BLE001 - the meaning only adds to the words: never fails a search
            log.exception("the article vectors could not be used; searching words alone")
            self._matcher = None

    def _open(self) -> None:
        config, _ = load_kb_config(self.kb_root)
        self._synonyms = SynonymTable.from_groups(config.synonyms)
        for _attempt in range(OPEN_ATTEMPTS):
            if self._index is None:
                generation = live_generation(self.index_dir)
                self._index, reason = open_live(self.index_dir, self.kb_root, self._folder)
                self._generation = generation if self._index is not None else None
                if self._index is None:
                    # nothing usable on disk yet: an empty index answers until update() builds one
                    log.info("no usable index (%s); searching an empty one until it is built", reason)
                    self._index = RamStorage().create_index(build_schema(), indexname=INDEX_NAME)
            try:
                self._set_searcher(self._index.searcher())
                return
            except (OSError, EmptyIndexError):
                # another process replaced the generation between reading CURRENT and opening it
                self._close_searcher()
        self._index = RamStorage().create_index(build_schema(), indexname=INDEX_NAME)
        self._generation = None
        self._set_searcher(self._index.searcher())

    def _set_searcher(self, searcher) -> None:
        # every cache belongs to one generation of the index
        self._searcher = searcher
        self._stats = TermStats(searcher.reader())
        self._group_cache.clear()
        self._scorer = TermScorer(searcher.reader(), TEXT_FIELDS, {PAIR_FIELD: PAIR_BOOST}, self._stats.df)
        self._apply_learned()
        self._ranker = Ranker(self._scorer, self._group_cache)
        self._filter_cache.clear()
        self._passage_cache.clear()
        self._document_cache.clear()
        if self._matcher is not None:
            self._align_vectors()

    def set_learned(self, questions) -> None:
        """Agents' answered questions, article id -> ``(text, weight)`` (``core.usage.learned``): searched from now on."""
        self._learned = {article: tuple(asked) for article, asked in questions.items() if asked}
        if self._searcher is not None:
            self._apply_learned()  # the searcher, its term table and field norms stay

    def _apply_learned(self) -> None:
        learned = learned_for_index(self._searcher, self._learned) if self._learned else None
        self._scorer.use_learned(learned)
        self._stats.add_vocabulary(learned.frequencies() if learned else {})
        self._group_cache.clear()

    def _close_searcher(self) -> None:
        self._ranker = None
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
        return self._searcher

    def has_index(self) -> bool:
        """Whether a built index is open (not the empty stand-in used before the first build)."""
        self._current_searcher()
        return self._generation is not None

    @property
    def needs_rebuild(self) -> bool:
        """Whether a search failed on the open index: the next update should build it anew."""
        return self._damaged

    def refresh(self) -> bool:
        """Pick up commits made by another process or thread; True when the index changed."""
        if self._searcher is None or live_generation(self.index_dir) != self._generation:
            self._close_searcher()  # another process built a new generation, or none was open
            self._open()
            self._damaged = False  # a new generation: what failed was the old one
            return True
        if self._searcher.up_to_date():
            return False
        # a commit in the same generation: opened afresh, since Whoosh-Reloaded's Searcher.refresh()
        # keeps the segments a merge removed in the new reader (every document twice, files gone)
        self._close_searcher()
        self._open()
        return True

    def warm(self) -> None:
        """Open the index and search a few times now (answers thrown away): the first key pays for none of it."""
        for text in WARM_UP_QUESTIONS:
            self.search(text, live=True)

    def read_terms(self) -> bool:
        """Read every term's frequency at once (``TermStats.preload``, 0.1 s): new words cost no lookups after."""
        return self._current_searcher() is not None and self._stats.preload()

    # -- searching -------------------------------------------------------
    def search(
        self,
        text: str,
        *,
        live: bool = False,
        limit: int = 10,
        filters: SearchFilters | None = None,
        as_typed: bool = False,
    ) -> SearchResults:
        """Search for ``text``; never raises for any user text.

        Args:
            text: what the user typed, taken literally.
            live: as-you-type mode (the last unfinished word is a prefix).
            limit: the most results to return.
            filters: restrictions on language, tag, product, category, type.
            as_typed: no keyboard-layout repair (the agent asked to search the text as typed).
        """
        limit = max(1, limit)
        try:
            return self._search_once(text, live, limit, filters, as_typed)
        except SearchIndexError:
            raise
        except Exception as first:  # noqa: BLE001 - a broken index must not kill a keystroke
            failure = first
            if self._moved_on():
                # another writer's commit (a merge, an update) removed files this searcher had not
                # opened yet: not damage, only an old view; search the new one
                log.info("the index changed under the searcher; searching it again")
                self.refresh()
                try:
                    return self._search_once(text, live, limit, filters, as_typed)
                except SearchIndexError:
                    raise
                except Exception as second:  # noqa: BLE001 - as above
                    failure = second
            log.error("search failed for %r", text, exc_info=failure)
            self._damaged = True  # the next update rebuilds it
            raise SearchIndexError("search-failed", reason=clip(str(failure) or type(failure).__name__)) from failure

    def _search_once(self, text: str, live: bool, limit: int, filters, as_typed: bool) -> SearchResults:
        searcher = self._current_searcher()
        plan = build_query(self._stats, text, live=live, synonyms=self._synonyms, repair=not as_typed)
        if plan is None:
            return SearchResults(query=text)
        return self._run(searcher, text, plan, limit, filters, live)

    def _moved_on(self) -> bool:
        """Whether the index on disk is newer than the open searcher (another generation or commit)."""
        try:
            if live_generation(self.index_dir) != self._generation:
                return True
            return self._searcher is not None and self._generation is not None and not self._searcher.up_to_date()
        except Exception:  # noqa: BLE001 - unreadable: not "moved on", the caller reports the failure
            return False

    def _run(self, searcher, text: str, plan: QueryPlan, limit: int, filters, live: bool) -> SearchResults:
        allowed = self._allowed(searcher, filters)
        same_language = self._language_docs(searcher, plan.interpreted or text)
        # the second result is ranked even for one: how far the first is ahead is evidence
        wanted = max(limit, 2)
        meaning = self._meaning(plan.interpreted or text, live)
        depth = max(wanted, LEXICAL_DEPTH) if meaning else wanted
        top = self._ranker.rank(plan, max(depth, FOCUS_DOCS), allowed, same_language)
        if self._ranker.focus_completions(plan, self._stats, [doc for doc, _ in top[:FOCUS_DOCS]]):
            top = self._ranker.rank(plan, depth, allowed, same_language)
        evidence = self._evidence(plan, top, same_language, plan.interpreted or text)
        cosine = None
        if meaning:
            sure = confidence(evidence)
            fused = self._matcher.fuse_safely(top, meaning, sure, allowed, wanted, live,
                                              is_confident(sure) or words_found_all(evidence))
            if fused is not None:
                first = top[0][0] if top else None
                top, cosines = fused
                cosine = cosines.get(top[0][0]) if top else None
                if cosine is None and top:
                    cosine = self._matcher.cosine(meaning, top[0][0], live)
                if top and top[0][0] == first:
                    evidence = with_meaning(evidence, top, cosine)
                else:
                    evidence = self._evidence(plan, top, same_language, plan.interpreted or text, cosine)
        top = top[:wanted]
        today = (self._today or dt.date.today()).isoformat()
        highlight = frozenset(t for g in plan.groups for t in g.alternatives) | frozenset(
            stem for g in plan.groups for phrase, _ in g.phrases for stem in phrase
        )
        hits = tuple(self._to_hit(searcher, docnum, score, highlight, today) for docnum, score in top[:limit])
        value = confidence(evidence)
        return SearchResults(
            query=text,
            hits=hits,
            interpreted=plan.interpreted,
            confident=bool(hits) and is_confident(value),
            confidence=round(value, 3),
        )

    def _meaning(self, text: str, live: bool) -> str:
        """The text the semantic matcher embeds for this question, or "" when meaning takes no part."""
        if self._matcher is None or not self._matcher.articles or query_language(text) != SEMANTIC_LANGUAGE:
            return ""
        return text if meaningful(text, live) else ""

    def _language_docs(self, searcher, text: str) -> set[int] | None:
        """Documents in the language the agent types in, when the KB has several languages.

        Synonym groups cross languages (refund = возврат); without a preference
        an English question could open on the Russian article.
        """
        lang = query_language(text)
        if not lang:
            return None
        same = self._allowed(searcher, SearchFilters(lang=lang))
        if not same or len(same) == searcher.doc_count():
            return None
        return same

    def _allowed(self, searcher, filters: SearchFilters | None) -> set[int] | None:
        query = (filters or SearchFilters()).to_query()
        if query is None:
            return None
        allowed = self._filter_cache.get(filters)
        if allowed is None:
            allowed = set(searcher.docs_for_query(query))
            self._filter_cache[filters] = allowed
        return allowed

    def _evidence(self, plan: QueryPlan, top: list[tuple[int, float]], same_language: set[int] | None,
                  text: str, cosine: float | None = None) -> Evidence | None:
        """What the ranking says about its first result (see :class:`Evidence`); None for no result."""
        if not top:
            return None
        first = top[0][0]
        first_lang = self._document(self._searcher, first)[0].get("lang", "") or ""
        return first_evidence(self._ranker, self._stats.idf, plan, top, same_language, text, first_lang,
                              self._passages(first), cosine)

    def _passages(self, docnum: int) -> list[Passage]:
        """The stemmed lines and sentences of one document's title and text, weighed (cached per searcher)."""
        found = self._passage_cache.get(docnum)
        if found is None:
            stored = self._document(self._searcher, docnum)[0]
            text = (stored.get("title") or "") + "\n" + (stored.get("preview") or "")
            found = weigh_passages(passages(text))
            if len(self._passage_cache) >= PASSAGE_CACHE_ENTRIES:
                self._passage_cache.clear()
            self._passage_cache[docnum] = found
        return found

    def _document(self, searcher, docnum: int) -> tuple[dict, SnippetSource]:
        """A document's stored fields and its snippet source, read once per generation."""
        found = self._document_cache.get_fresh(docnum)
        if found is None:
            stored = searcher.stored_fields(docnum)
            found = (stored, SnippetSource(stored.get("preview", "") or ""))
            self._document_cache.put(docnum, found, 1)
        return found

    def _to_hit(self, searcher, docnum: int, score: float, highlight, today: str) -> SearchHit:
        stored, source = self._document(searcher, docnum)
        snippet, spans = source.snippet(highlight)
        due = stored.get("review_due") or ""
        return SearchHit(
            id=stored.get("id", ""),
            title=stored.get("title", ""),
            path=stored.get("path", ""),
            score=round(float(score), 4),
            snippet=snippet,
            highlights=spans,
            reply_names=split_reply_names(stored.get("reply_names", "")),
            tags=tuple(t for t in (stored.get("tags") or "").split(",") if t),
            lang=stored.get("lang", "") or "",
            category=stored.get("category", "") or "",
            product=stored.get("product", "") or "",
            type=stored.get("type", "article") or "article",
            stale=bool(due) and due < today,
        )

    def doc_count(self) -> int:
        """How many documents the index holds."""
        return self._current_searcher().doc_count()

    def segment_count(self) -> int:
        """How many segments the open index has (a search looks each term up in every one)."""
        return len(self._current_searcher().reader().leaf_readers())


def embed_new_articles(kb_root: Path, index_dir: Path, model: SemanticModel) -> bool:
    """Embed the live index's articles that have no vector yet, on the calling thread; True when any changed."""
    with SearchService(kb_root, index_dir) as service:
        if not service.has_index():
            return False
        service._matcher = SemanticMatcher(model)  # set after opening: nothing is laid out to search
        return service.update_vectors(align=False)


__all__ = ["SearchFilters", "SearchService", "CONFIDENCE_THRESHOLD", "INDEX_NAME"]
