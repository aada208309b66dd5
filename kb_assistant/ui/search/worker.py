"""The search thread: owns the KB, the index and the searcher; answers by signal.

Whoosh wants one searcher per thread, and the GUI thread must never wait on
the index, so everything that touches the index happens on this worker's
thread. The GUI talks to it only through queued signals.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, Signal, Slot

from kb_assistant.core.kb.load import KnowledgeBase, ParseCache, load_kb
from kb_assistant.core.kb.stamp import KbStamp, kb_stamp
from kb_assistant.core.errors import KbError, SearchIndexError
from kb_assistant.core.search import SearchFilters, SearchService, UpdateReport
from kb_assistant.core.upkeep.check import check_kb

log = logging.getLogger("kb_assistant.ui.search")

RESULTS_SHOWN = 12
"""Results per search in the window: the answer is in the first three, a narrow column shows
about six, and each result's snippet costs the search about a quarter of a millisecond."""
REPAIRS = frozenset({"index-damaged", "index-unreadable", "index-no-manifest"})
"""Rebuild reasons that mean the index on disk was broken: the agent is told it was repaired."""


class SearchWorker(QObject):
    """Runs index updates and searches on its own thread.

    A refresh (the file watcher's) that finds every file as the last load saw it
    does nothing: the app's own saves are already indexed when the watcher
    reports them, so one save is one index update and one reload.

    Signals:
        progress(int, int): files done and total while the index is updated.
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
    ready = Signal(object, object, object)
    unchanged = Signal()
    watch = Signal(object)
    failed = Signal(object)
    results = Signal(int, object)
    request_done = Signal(int)

    def __init__(self, kb_root: Path, index_dir: Path) -> None:
        super().__init__()
        self._kb_root = Path(kb_root)
        self._index_dir = Path(index_dir)
        self._service: SearchService | None = None
        self._kb: KnowledgeBase | None = None
        self._stamp: KbStamp | None = None
        self._parsed = ParseCache()
        self._latest = 0
        self._repairing = False
        self._lock = threading.Lock()
        self._closed = False

    def note_latest(self, request_id: int) -> None:
        """Called from the GUI thread: requests older than this are skipped."""
        with self._lock:
            self._latest = max(self._latest, request_id)

    @Slot()
    def refresh(self) -> None:
        """Load the KB and bring the index up to date (incrementally), unless nothing changed on disk."""
        self._load(force=False)

    @Slot()
    def reload(self) -> None:
        """F5: load the KB and update the index even when no file seems to have changed."""
        self._load(force=True)

    def _load(self, force: bool) -> None:
        if self._closed:
            return
        try:
            stamp = kb_stamp(self._kb_root)  # before reading: a change made meanwhile shows next time
            if not force and self._kb is not None and stamp.same_files(self._stamp):
                self.unchanged.emit()
                return
            if self._service is None:
                self._service = SearchService(self._kb_root, self._index_dir)
            try:
                report = self._service.update(progress=lambda done, total: self.progress.emit(done, total))
            except SearchIndexError as exc:
                if not self._service.has_index():
                    raise
                # busy or not writable: search the index as it was, and try again at the next refresh
                self.failed.emit(KbError("index-stale", reason=exc))
                report, stamp = UpdateReport(), None
            self._publish(stamp, report)
        except Exception as exc:  # noqa: BLE001 - shown to the user translated, logged in full
            log.exception("loading the knowledge base failed")
            self.failed.emit(exc)

    @Slot(list)
    def update_files(self, rel_paths: list[str]) -> None:
        """The editor saved these files: re-index just them, then reload the KB."""
        if self._closed:
            return
        if self._service is None:
            self.refresh()
            return
        try:
            # the saved files looked at again, not the whole tree: a save stays fast on a large KB
            stamp = self._stamp.updated(rel_paths) if self._stamp is not None else kb_stamp(self._kb_root)
            report = self._service.update_files(rel_paths)
            self._parsed.forget(rel_paths)
            self._publish(stamp, report)
        except Exception:  # noqa: BLE001 - logged in full, then the full update repairs what it can
            log.exception("re-index after save failed; updating the whole index instead")
            self.reload()

    def _publish(self, stamp: KbStamp | None, report) -> None:
        kb = load_kb(self._kb_root, cache=self._parsed)
        problems = check_kb(kb)
        self._kb, self._stamp = kb, stamp
        self.ready.emit(kb, report, problems)
        if report.rebuilt and report.rebuild_reason is not None and report.rebuild_reason.code in REPAIRS:
            self.failed.emit(KbError("index-repaired", reason=report.rebuild_reason))  # why the first search waited
        if stamp is not None:
            self.watch.emit(stamp)

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
        if self._service is None:
            return
        try:
            found = self._service.search(text, live=True, limit=RESULTS_SHOWN, filters=filters, as_typed=as_typed)
        except KbError as exc:
            self.failed.emit(exc)
            if not self._repairing:  # the index could not be read: rebuild it once, then search again
                self._repairing = True
                self.reload()
            return
        self._repairing = False
        self.results.emit(request_id, found)

    @Slot()
    def close(self) -> None:
        """Release the index and come back to the GUI thread (called on the worker's thread before it stops).

        Requests still queued are ignored from now on. Moving home matters: the
        window's Python objects keep references to the worker, so the garbage
        collector may delete it later on the GUI thread, and a QObject must be
        deleted on the thread it belongs to, never on one that has ended.
        """
        self._closed = True
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
