"""Search as you type: every key searches at once, keys typed while a search runs are coalesced."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kb_assistant.core.models import SearchResults
from kb_assistant.core.search import SearchFilters

STALL_MS = 1000
"""A search unanswered this long no longer holds the next one back (the worker may be busy
indexing, or have dropped the request): the latest text is asked again."""


class SearchController(QObject):
    """Turns text changes into search requests and answers into results.

    There is no fixed pause: a key is searched as soon as it is typed, because the
    engine answers within a frame. At most one request is out at a time; keys typed
    while it runs are coalesced into one request for the latest text, sent when the
    answer (or the worker's word that it is done with the request) comes back. An
    answer to anything but the latest request is dropped.

    Signals:
        search_requested(int, str, object, bool): request id, text, :class:`SearchFilters`,
            and whether to search the text exactly as typed (no layout repair);
            connect to the worker's ``search`` slot (queued).
        results_changed(object): the :class:`SearchResults` of the latest request.
        cleared(): the search text became empty.
    """

    search_requested = Signal(int, str, object, bool)
    results_changed = Signal(object)
    cleared = Signal()

    def __init__(self, note_latest=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._note_latest = note_latest or (lambda request_id: None)
        self._text = ""
        self._filters = SearchFilters()
        self._request_id = 0
        self._as_typed = False
        self._in_flight: int | None = None
        self._pending = False
        # a stalled request must not hold the latest keys back forever
        self._stall = QTimer(self)
        self._stall.setSingleShot(True)
        self._stall.setInterval(STALL_MS)
        self._stall.timeout.connect(self._unstall)
        self.latest: SearchResults | None = None

    @property
    def text(self) -> str:
        """The current search text."""
        return self._text

    @property
    def marked_words(self) -> str:
        """The words the open article marks: the question as searched (retyped when typed on the wrong layout)."""
        latest = self.latest
        if latest is not None and latest.interpreted and latest.query == self._text:
            return latest.interpreted
        return self._text

    @property
    def busy(self) -> bool:
        """Whether a request is out and not yet answered."""
        return self._in_flight is not None

    def set_text(self, text: str) -> None:
        """The agent typed: search now, or as soon as the search that is running answers."""
        self._text = text
        if not text.strip():
            self._as_typed = False  # the next question gets its layout repaired again
            self._pending = False
            self._in_flight = None  # its answer, if it comes, is for an older request: dropped
            self._stall.stop()
            self._request_id += 1
            self._note_latest(self._request_id)
            self.latest = None
            self.cleared.emit()
            return
        self._request()

    def set_filters(self, filters: SearchFilters) -> None:
        """Change the filters and search again."""
        self._filters = filters
        if self._text.strip():
            self._request()

    @property
    def as_typed(self) -> bool:
        """Whether the text is searched exactly as typed (the agent turned layout repair off)."""
        return self._as_typed

    def search_as_typed(self) -> None:
        """Search the text exactly as typed, until the search box is emptied."""
        self._as_typed = True
        self.search_now()

    def search_now(self) -> None:
        """Search the current text at once, even while a search runs (e.g. the KB was reloaded)."""
        if self._text.strip():
            self._fire()

    @Slot(int, int)  # reached from the search thread
    def on_index_grew(self, _indexed: int, _total: int) -> None:
        """Part of a new index can be searched: a question typed before it was there is answered now."""
        self.search_now()

    def _request(self) -> None:
        if self._in_flight is not None:
            self._pending = True  # coalesced: the latest text goes out when the running search answers
            return
        self._fire()

    @Slot()
    def _fire(self) -> None:
        self._pending = False
        self._request_id += 1
        self._in_flight = self._request_id
        self._stall.start()
        self._note_latest(self._request_id)
        self.search_requested.emit(self._request_id, self._text, self._filters, self._as_typed)

    @Slot()
    def _unstall(self) -> None:
        self._in_flight = None
        if self._pending and self._text.strip():
            self._fire()

    @Slot(int)
    def on_request_done(self, request_id: int) -> None:
        """The worker is done with a request (answered, skipped as stale, or failed): send what is waiting."""
        if request_id != self._in_flight:
            return
        self._in_flight = None
        self._stall.stop()
        if self._pending and self._text.strip():
            self._fire()

    @Slot(int, object)
    def on_results(self, request_id: int, results: SearchResults) -> None:
        """An answer came back: show it unless a newer request was made since."""
        if request_id == self._request_id and not self._pending:
            self.latest = results
            self.results_changed.emit(results)
        self.on_request_done(request_id)
