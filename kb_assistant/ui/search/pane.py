"""The results column: what was searched, whether the best match is good, and the results."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.ui.search.model import ResultsModel
from kb_assistant.ui.search.view import ResultsView


PREVIEW_FOLLOW_MS = 250
"""How long the keys must pause before the article follows the first result (arrow keys: at once).

Laying an article out takes the GUI thread about 5 ms: at 120 ms it came between the keys of
anyone typing a little slower than that, and the next key waited for it."""

AS_TYPED_CHARS = 20
"""At most about this many characters of the question on the "Search … as typed" button (the middle is elided)."""


class ResultsPane(QWidget):
    """Search results, or a fixed list of articles (pinned and recent) when nothing is searched.

    When the best match is weak it says so in plain words ("No good match.
    Closest:") and the results are dimmed, instead of presenting noise as an
    answer. When the keyboard layout was repaired it says what was searched,
    with one click to search the text as typed instead.

    Signals:
        as_typed_requested(): the agent asked to search the text exactly as typed.
        current_row_changed(int): the current result changed: the agent moved to
            another row (at once), or new results put an article in the current row
            (once typing pauses for :data:`PREVIEW_FOLLOW_MS`: rendering an article on
            every key would compete with the next key's search).
    """

    as_typed_requested = Signal()
    current_row_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.view = ResultsView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Results"))
        self._updating = False
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(PREVIEW_FOLLOW_MS)
        self._follow.timeout.connect(lambda: self.current_row_changed.emit(self.view.currentIndex().row()))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.model.dataChanged.connect(self._rows_changed)
        self.no_match = QLabel(self)
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.searched_as = QLabel(self)
        self.searched_as.setWordWrap(True)
        self.as_typed = QPushButton(self)
        self.as_typed.setFlat(True)
        self.as_typed.clicked.connect(self.as_typed_requested)
        self.repaired = QWidget(self)
        # one under the other: the results column is narrow
        rows = QVBoxLayout(self.repaired)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addWidget(self.searched_as)
        rows.addWidget(self.as_typed, 0, Qt.AlignmentFlag.AlignLeft)
        self.repaired.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.repaired)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view, 1)

    def show_results(self, results: SearchResults | None) -> None:
        """Show the answer to a search (None: nothing) and select its first result."""
        self._updating = True
        try:
            self._show_results(results)
        finally:
            self._updating = False

    def _show_results(self, results: SearchResults | None) -> None:
        self.model.set_results(results)
        self._show_interpreted(results)
        if results is None:
            self.no_match.hide()
        elif not results.hits:
            self._say(self.tr("Nothing found for “{0}”.").format(results.query))
        elif not results.confident:
            self._say(self.tr("No good match. Closest:"))
        else:
            self.no_match.hide()
        if results is not None and results.hits:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _current_changed(self, current, _previous) -> None:
        if self._updating:
            self._follow.start()  # typing: the article follows when the keys pause
        else:
            self._follow.stop()
            self.current_row_changed.emit(current.row())

    def _rows_changed(self, first, last, roles=()) -> None:
        row = self.view.currentIndex().row()
        if first.row() <= row <= last.row():
            self._follow.start()  # same row, another article: no currentChanged from the view

    def show_hits(self, hits: tuple[SearchHit, ...]) -> None:
        """Show a fixed list (pinned and recent articles)."""
        self.no_match.hide()
        self.repaired.hide()
        self.model.set_hits(hits)

    def current_hit(self) -> SearchHit | None:
        """The selected result, or None."""
        return self.model.hit(self.view.currentIndex().row())

    def _show_interpreted(self, results: SearchResults | None) -> None:
        if results is None or not results.interpreted:
            self.repaired.hide()
            return
        self.searched_as.setText(self.tr("Searched as: {0}").format(results.interpreted))
        query = results.query.strip()
        # a button is as wide as its text: a long question would widen the column, and the window, for good
        shown = self.as_typed.fontMetrics().elidedText(query, Qt.TextElideMode.ElideMiddle,
                                                       AS_TYPED_CHARS * self.as_typed.fontMetrics().averageCharWidth())
        self.as_typed.setText(self.tr("Search “{0}” as typed").format(shown))
        self.as_typed.setAccessibleName(self.tr("Search “{0}” as typed").format(query))
        self.as_typed.setToolTip(self.as_typed.accessibleName())
        self.repaired.show()

    def _say(self, text: str) -> None:
        self.no_match.setText(text)
        self.no_match.show()
