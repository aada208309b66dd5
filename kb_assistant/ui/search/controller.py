"""Search as you type: debounce, request ids, and dropping stale answers."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kb_assistant.core.models import SearchResults
from kb_assistant.core.search import SearchFilters

DEBOUNCE_MS = 40
"""Short enough to feel instant, long enough to skip keys typed in one burst."""


class SearchController(QObject):
    """Turns text changes into search requests and answers into results.

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

    def __init__(self, note_latest=None, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._note_latest = note_latest or (lambda request_id: None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._fire)
        self._text = ""
        self._filters = SearchFilters()
        self._request_id = 0
        self._as_typed = False
        self.latest: SearchResults | None = None

    @property
    def text(self) -> str:
        """The current search text."""
        return self._text

    def set_text(self, text: str) -> None:
        """The agent typed: search after a short pause (or clear at once)."""
        self._text = text
        if not text.strip():
            self._as_typed = False  # the next question gets its layout repaired again
            self._timer.stop()
            self._request_id += 1
            self._note_latest(self._request_id)
            self.latest = None
            self.cleared.emit()
            return
        self._timer.start()

    def set_filters(self, filters: SearchFilters) -> None:
        """Change the filters and search again."""
        self._filters = filters
        if self._text.strip():
            self._timer.start()

    @property
    def as_typed(self) -> bool:
        """Whether the text is searched exactly as typed (the agent turned layout repair off)."""
        return self._as_typed

    def search_as_typed(self) -> None:
        """Search the text exactly as typed, until the search box is emptied."""
        self._as_typed = True
        self.search_now()

    def search_now(self) -> None:
        """Skip the pause (e.g. when the KB was reloaded)."""
        if self._text.strip():
            self._timer.stop()
            self._fire()

    @Slot()
    def _fire(self) -> None:
        self._request_id += 1
        self._note_latest(self._request_id)
        self.search_requested.emit(self._request_id, self._text, self._filters, self._as_typed)

    @Slot(int, object)
    def on_results(self, request_id: int, results: SearchResults) -> None:
        """An answer came back: show it unless a newer request was made since."""
        if request_id != self._request_id:
            return
        self.latest = results
        self.results_changed.emit(results)
