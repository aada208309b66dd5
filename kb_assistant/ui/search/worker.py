"""The search thread: owns the searcher and answers by signal; a loader thread keeps the KB and index up to date.

Whoosh wants one searcher per thread, and the GUI thread must never wait on
the index, so every search happens on this worker's thread; the GUI talks to it
only through queued signals. Loading the KB and bringing the index up to date
run on a loader thread beside it, so that the agent can search while they run:
the index as it was when the window opens (warmed at once), the first part of a
new index while the rest is still being built, the index as it was while a
changed KB is read again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from kb_assistant.core.errors import KbError, SearchIndexError
from kb_assistant.core.kb.load import KnowledgeBase, ParseCache, load_kb
from kb_assistant.core.kb.stamp import KbStamp, kb_stamp
from kb_assistant.core.search import SearchFilters, SearchService, UpdateReport
from kb_assistant.core.search.indexer import live_generation, update_index, update_paths
from kb_assistant.core.search.parallel import BackgroundMerge
from kb_assistant.core.search.semantic import SemanticModel
from kb_assistant.core.upkeep.check import check_kb
from kb_assistant.ui.search.meaning import MeaningJoin

log = logging.getLogger("kb_assistant.ui.search")

RESULTS_SHOWN = 8
"""Results per search in the window: the answer is in the first three, the column shows five
or six at 1366x768, and each result costs the search its snippet and the window its layout."""
REPAIRS = frozenset({"index-damaged", "index-unreadable", "index-no-manifest"})
"""Rebuild reasons that mean the index on disk was broken: the agent is told it was repaired."""
READ_TERMS_AFTER_MS = 300
"""How long after the first answer the term table is read (``SearchService.read_terms``, 0.1 s)."""
JOIN_MEANING_AFTER_MS = 1000
"""How long after the first answer the semantic matcher is loaded (on the loader thread) and joins the search."""
STOP_WAIT_SECONDS = 10.0
"""How long closing waits for the loader (an index build stops at its next file or heartbeat)."""
SETTLE_SECONDS = 0.5
"""Files another program changed are looked at again after this long, and read once they stay the same:
a file still being written (a pull, a copy to a network share) is never indexed torn."""
MAX_SETTLE_SECONDS = 20.0
"""A file still changing after this long is read as it is (its next change is read again)."""


class _Stopped(Exception):
    """Raised inside the loader when the worker closes: the load ends, nothing is reported."""


@dataclass
class _Job:
    """A load to do: the whole KB (``paths`` None), or just the files the editor saved."""

    force: bool = False
    paths: tuple[str, ...] | None = None
    rebuild: bool = False

    def merged(self, other: _Job) -> _Job:
        """One job doing what both ask (a whole load covers any saved files)."""
        rebuild = self.rebuild or other.rebuild
        if self.paths is None or other.paths is None:
            return _Job(force=self.force or other.force or self.paths is not None or other.paths is not None,
                        rebuild=rebuild)
        return _Job(paths=tuple(dict.fromkeys(self.paths + other.paths)), rebuild=rebuild)


@dataclass
class _Outcome:
    """What the loader found, handed to the search thread."""

    kb: KnowledgeBase | None = None
    report: UpdateReport | None = None
    problems: list = field(default_factory=list)
    stamp: KbStamp | None = None
    notices: list = field(default_factory=list)
    error: BaseException | None = None
    unchanged: bool = False


class SearchWorker(QObject):
    """Answers searches on its own thread; loads the KB and updates the index on a loader thread.

    A refresh (the file watcher's) that finds every file as the last load saw it
    does nothing: the app's own saves are already indexed when the watcher
    reports them, so one save is one index update and one reload. Loads asked
    for while one runs are merged and done after it.

    Signals:
        progress(int, int): files done and total while the index is updated.
        searchable(int, int): part of a new index can be searched (files indexed, total):
            search again; the rest follows, then ``ready``.
        ready(object, object, object): the loaded :class:`KnowledgeBase`, the
            :class:`UpdateReport` and the KB's problems (``check_kb``) once the
            index is up to date.
        unchanged(): a refresh found the KB as it was last loaded.
        watch(object): the :class:`KbStamp` of the KB just loaded (its folders and files to watch).
        failed(object): the error (a :class:`KbError`, or any exception) when the KB or
            the index cannot be used, or a notice that a broken index was rebuilt.
        results(int, object): request id and :class:`SearchResults`.
        request_done(int): the worker is done with a request, answered or not
            (skipped as stale, no index yet, failed): the controller may send the next.
    """

    progress = Signal(int, int)
    searchable = Signal(int, int)
    ready = Signal(object, object, object)
    unchanged = Signal()
    watch = Signal(object)
    failed = Signal(object)
    results = Signal(int, object)
    request_done = Signal(int)
    _published = Signal(int, int)  # from the loader thread
    _loaded = Signal(object)  # from the loader thread
    _merged = Signal(object)  # from the thread waiting for a merge
    _embedded = Signal(object, bool)  # from the loader thread: the model, whether vectors changed

    def __init__(self, kb_root: Path, index_dir: Path,
                 meaning: Callable[[], SemanticModel | None] | None = None) -> None:
        super().__init__()
        self._kb_root = Path(kb_root)
        self._index_dir = Path(index_dir)
        self._service: SearchService | None = None
        self._kb: KnowledgeBase | None = None
        self._stamp: KbStamp | None = None
        self._parsed = ParseCache()  # the loader's alone
        self._latest = 0
        self._repairing = False
        self._lock = threading.Lock()
        self._closed = False
        self._loader: threading.Thread | None = None
        self._loaders: list[threading.Thread] = []  # one may still embed after it reported
        self._pending: _Job | None = None
        self._warmed = False
        self._terms_read = False  # for the searcher open now; read again after each new one
        self._merge: BackgroundMerge | None = None
        self._merge_waiter: threading.Thread | None = None
        self._merge_wanted = False
        self.meaning = MeaningJoin(meaning)  # loaded and used on the loader thread, handed to the search's
        # queued: the loader thread emits, the slots run on this worker's thread
        self._published.connect(self._on_published, Qt.ConnectionType.QueuedConnection)
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        self._merged.connect(self._on_merged, Qt.ConnectionType.QueuedConnection)
        self._embedded.connect(self._on_embedded, Qt.ConnectionType.QueuedConnection)

    def note_latest(self, request_id: int) -> None:
        """Called from the GUI thread: requests older than this are skipped."""
        with self._lock:
            self._latest = max(self._latest, request_id)

    # -- loading (asked on this thread, done on the loader thread) --------------------
    @Slot()
    def refresh(self) -> None:
        """Load the KB and bring the index up to date (incrementally), unless nothing changed on disk."""
        self._start(_Job())

    @Slot()
    def reload(self) -> None:
        """F5: load the KB and update the index even when no file seems to have changed."""
        self._start(_Job(force=True))

    @Slot(list)
    def update_files(self, rel_paths: list[str]) -> None:
        """The editor saved these files: re-index just them, then reload the KB."""
        self._start(_Job(paths=tuple(rel_paths)))

    def _start(self, job: _Job) -> None:
        if self._closed:
            return
        service = self._open_service()
        if service.needs_rebuild:
            job.rebuild = True
        if self._loader is not None:
            self._pending = job if self._pending is None else self._pending.merged(job)
            return
        self._stop_merge()  # an update is more urgent than a merge: it is done again afterwards
        self._loader = threading.Thread(target=self._load, args=(job,), name="kb-load", daemon=True)
        self._loaders = [*(thread for thread in self._loaders if thread.is_alive()), self._loader]
        self._loader.start()
        if not self._warmed:
            self._warm()

    def _open_service(self) -> SearchService:
        if self._service is None:
            self._service = SearchService(self._kb_root, self._index_dir)
        return self._service

    def _warm(self) -> None:
        """Open the index there is and search it once, while the loader works (see ``SearchService.warm``)."""
        try:
            if self._open_service().has_index():
                self._service.warm()
                self._warmed = True
        except Exception:  # noqa: BLE001 - a failed warm-up only means the first search is slower
            log.exception("warming the search up failed")

    def _load(self, job: _Job) -> None:
        """The loader thread: update the index, read the KB, check it; hand the outcome over; then embed what is new."""
        try:
            outcome = self._load_job(job)
        except _Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user translated, logged in full
            log.exception("loading the knowledge base failed")
            outcome = _Outcome(error=exc)
        if not self._closed:
            self._loaded.emit(outcome)  # the words first: embedding never delays an answer
        joined = None if outcome.error is not None or self._closed else \
            self.meaning.after_load(self._kb_root, self._index_dir, outcome.unchanged)
        if joined is not None:
            self._embedded.emit(*joined)

    def _load_job(self, job: _Job) -> _Outcome:
        notices = []
        if job.paths is not None and self._stamp is not None:
            try:
                # the saved files looked at again, not the whole tree: a save stays fast on a large KB
                stamp = self._stamp.updated(list(job.paths))
                report = update_paths(self._index_dir, self._kb_root, list(job.paths))
                self._parsed.forget(list(job.paths))
                return self._read_kb(stamp, report, notices)
            except Exception:  # noqa: BLE001 - logged in full, then the full update repairs what it can
                log.exception("re-index after save failed; updating the whole index instead")
                job = _Job(force=True, rebuild=job.rebuild)
        stamp = kb_stamp(self._kb_root)  # before reading: a change made meanwhile shows next time
        if not job.force and not job.rebuild and self._kb is not None and stamp.same_files(self._stamp):
            return _Outcome(unchanged=True)
        if self._stamp is not None:
            stamp = self._settled(stamp, stamp.changed_paths(self._stamp))
        try:
            report = update_index(self._index_dir, self._kb_root, rebuild=job.rebuild,
                                  progress=self._report_progress, published=self._published.emit)
        except SearchIndexError as exc:
            if live_generation(self._index_dir) is None:
                raise
            # busy or not writable: search the index as it was, and try again at the next refresh
            notices.append(KbError("index-stale", reason=exc))
            report, stamp = UpdateReport(), None
        return self._read_kb(stamp, report, notices)

    def _settled(self, stamp: KbStamp, changed: list[str]) -> KbStamp:
        """``stamp`` once the ``changed`` files have stopped changing (stat only, on the loader thread)."""
        waited = 0.0
        while changed and waited < MAX_SETTLE_SECONDS:
            time.sleep(SETTLE_SECONDS)
            waited += SETTLE_SECONDS
            if self._closed:
                raise _Stopped
            again = stamp.updated(changed)
            if all(again.entries.get(rel) == stamp.entries.get(rel) for rel in changed):
                return stamp
            changed = [rel for rel in changed if again.entries.get(rel) != stamp.entries.get(rel)]
            stamp = again
        return stamp

    def _read_kb(self, stamp: KbStamp | None, report: UpdateReport, notices: list) -> _Outcome:
        if self._closed:
            raise _Stopped
        kb = load_kb(self._kb_root, cache=self._parsed)
        return _Outcome(kb=kb, report=report, problems=check_kb(kb), stamp=stamp, notices=notices)

    def _report_progress(self, done: int, total: int) -> None:
        if self._closed:
            raise _Stopped  # the window is closing: the build stops at its next file
        self.progress.emit(done, total)

    @Slot(int, int)
    def _on_published(self, indexed: int, total: int) -> None:
        """The first part of a new index is live: search it from now on."""
        if self._closed or self._service is None:
            return
        self._terms_read = not self._service.refresh() and self._terms_read
        self._warm()
        self.searchable.emit(indexed, total)

    @Slot(object)
    def _on_loaded(self, outcome: _Outcome) -> None:
        self._loader = None
        if self._closed:
            return
        if outcome.error is not None:
            self.failed.emit(outcome.error)
        elif outcome.unchanged:
            self.unchanged.emit()
        else:
            service = self._open_service()
            self._terms_read = not service.refresh() and self._terms_read  # the index as the loader left it
            if not self._warmed:
                self._warm()
            # merged after a build, or at start-up when the app quit before a merge was done
            first_load = self._kb is None
            self._merge_wanted = self._merge_wanted or outcome.report.rebuilt or (
                first_load and service.has_index() and service.segment_count() > 1)
            self._kb, self._stamp = outcome.kb, outcome.stamp
            for notice in outcome.notices:
                self.failed.emit(notice)
            report = outcome.report
            self.ready.emit(outcome.kb, report, outcome.problems)
            if report.rebuilt and report.rebuild_reason is not None and report.rebuild_reason.code in REPAIRS:
                self.failed.emit(KbError("index-repaired", reason=report.rebuild_reason))  # why the first search waited
            if outcome.stamp is not None:
                self.watch.emit(outcome.stamp)
        if self._pending is not None:
            job, self._pending = self._pending, None
            self._start(job)
        elif self._merge_wanted:
            self._start_merge()

    @Slot(object, bool)
    def _on_embedded(self, model: SemanticModel, changed: bool) -> None:
        service = self._open_service()
        if not self._closed and (changed or not service.semantic_enabled):
            service.use_semantic(model)  # meaning joins, or its vectors grew: laid out for this searcher

    # -- merging a new build's segments (in a process of its own) -----------------------
    @property
    def merging(self) -> bool:
        """Whether a merge of the index's segments is running or waits for a load to end."""
        return self._merge is not None or self._merge_wanted

    def _start_merge(self) -> None:
        """A new build has a segment per worker: merge them in the background, then search the one."""
        self._merge_wanted = False
        merge = self._merge = BackgroundMerge(self._index_dir, self._kb_root)
        self._merge_waiter = threading.Thread(target=lambda: merge.wait() and self._merged.emit(merge),
                                              name="kb-merge-wait", daemon=True)
        self._merge_waiter.start()

    def _stop_merge(self) -> None:
        merge, self._merge = self._merge, None
        if merge is not None:
            merge.stop()
            self._merge_wanted = True

    @Slot(object)
    def _on_merged(self, merge: BackgroundMerge) -> None:
        if merge is self._merge and not self._closed:
            self._merge = None
            self._terms_read = not self._open_service().refresh() and self._terms_read  # one segment now

    @Slot(object)
    def set_learned(self, questions) -> None:
        """Agents' answered questions per article (``core.usage``, from the usage keeper's thread): searched from now on."""
        if not self._closed:
            self._open_service().set_learned(questions)

    # -- searching -------------------------------------------------------------------
    @Slot(int, str, object, bool)
    def search(self, request_id: int, text: str, filters: SearchFilters | None, as_typed: bool = False) -> None:
        """Search, unless a newer request has already been made (``as_typed``: no layout repair)."""
        try:
            self._search(request_id, text, filters, as_typed)
        finally:
            self.request_done.emit(request_id)

    def _search(self, request_id: int, text: str, filters: SearchFilters | None, as_typed: bool) -> None:
        with self._lock:
            if request_id < self._latest:
                return
        if self._closed:
            return
        service = self._open_service()
        if not service.has_index():
            return  # nothing built yet: the first part's "searchable" asks again
        try:
            found = service.search(text, live=True, limit=RESULTS_SHOWN, filters=filters, as_typed=as_typed)
        except KbError as exc:
            self.failed.emit(exc)
            if not self._repairing:  # the index could not be read: rebuild it once, then search again
                self._repairing = True
                self.reload()
            return
        self._repairing = False
        self.results.emit(request_id, found)
        if not self._terms_read:
            # once the first answer is painted, between keys: read at once, it held the interpreter
            # while the window painted that answer (start-up to the first answer +0.2 s)
            self._terms_read = True
            QTimer.singleShot(READ_TERMS_AFTER_MS, self._read_terms)
            if self.meaning.pending:
                QTimer.singleShot(JOIN_MEANING_AFTER_MS, self._join_meaning)

    @Slot()
    def _join_meaning(self) -> None:
        """After the first answer: the loader loads the semantic model and embeds what is new; it then joins."""
        if not self._closed and self.meaning.pending:
            self.meaning.wanted = True
            self._start(_Job())

    @Slot()
    def _read_terms(self) -> None:
        if self._service is not None and not self._closed:
            self._service.read_terms()

    @Slot()
    def close(self) -> None:
        """Stop the loader, release the index and come back to the GUI thread (called on the worker's thread).

        Requests still queued are ignored from now on. Moving home matters: the
        window's Python objects keep references to the worker, so the garbage
        collector may delete it later on the GUI thread, and a QObject must be
        deleted on the thread it belongs to, never on one that has ended.
        """
        self._closed = True
        self._loader = None
        for loader in self._loaders:
            loader.join(STOP_WAIT_SECONDS)
        self._stop_merge()
        if self._merge_waiter is not None:
            self._merge_waiter.join(STOP_WAIT_SECONDS)  # it emits nothing for a merge stopped
        if self._service is not None:
            self._service.close()
            self._service = None
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())


class SearchThread(QObject):
    """Owns the worker and its thread; stops both cleanly."""

    def __init__(self, worker: SearchWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._thread = QThread(self)
        self._thread.setObjectName("search")
        worker.moveToThread(self._thread)

    def start(self) -> None:
        """Start the thread; the worker's slots then run there."""
        self._thread.start()

    def stop(self) -> None:
        """Close the index on the worker's thread, then end the thread."""
        if self._thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "close", Qt.ConnectionType.BlockingQueuedConnection)
            self._thread.quit()
            self._thread.wait(5000)
