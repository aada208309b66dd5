"""The results column: a plain "no good match" line above the results list."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.ui.search.model import ResultsModel
from kb_assistant.ui.search.view import ResultsView


class ResultsPane(QWidget):
    """Search results, or a fixed list of articles (pinned and recent) when nothing is searched.

    When the best match is weak it says so in plain words ("No good match. The
    closest articles:") instead of presenting noise as an answer.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.view = ResultsView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Results"))
        self.no_match = QLabel(self)
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_match)
        layout.addWidget(self.view, 1)

    def show_results(self, results: SearchResults | None) -> None:
        """Show the answer to a search (None: nothing) and select its first result."""
        self.model.set_results(results)
        if results is None:
            self.no_match.hide()
        elif not results.hits:
            self._say(self.tr("Nothing found for “{0}”.").format(results.query))
        elif not results.confident:
            self._say(self.tr("No good match. The closest articles:"))
        else:
            self.no_match.hide()
        if results is not None and results.hits:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def show_hits(self, hits: tuple[SearchHit, ...]) -> None:
        """Show a fixed list (pinned and recent articles)."""
        self.no_match.hide()
        self.model.set_hits(hits)

    def current_hit(self) -> SearchHit | None:
        """The selected result, or None."""
        return self.model.hit(self.view.currentIndex().row())

    def _say(self, text: str) -> None:
        self.no_match.setText(text)
        self.no_match.show()
