"""The article pane: the open article's text with find (Ctrl+F) above it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kb_assistant.ui.article.find_bar import FindBar
from kb_assistant.ui.article.keys import keep_tab_for_the_window
from kb_assistant.ui.widgets.article_view import ArticleView


class ArticlePane(QWidget):
    """The article view and its find bar, wired to each other.

    Attributes:
        view: the :class:`ArticleView` (links are reported by its ``link_clicked``).
        find_bar: the find bar; closing it gives the focus back to the article.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.find_bar.find_requested.connect(
            lambda text, backwards: self.find_bar.show_result(self.view.find_text(text, backwards)))
        self.find_bar.closed.connect(self._give_focus_back)
        self.view.setAccessibleDescription(self.tr(
            "The text of the selected article; Alt+Down and Alt+Up move through its links, Enter opens one"))
        keep_tab_for_the_window(self.view)

    def _give_focus_back(self) -> None:
        """The find bar closed: focus goes back where it was when the bar opened (the article by default)."""
        target = self.find_bar.return_to
        self.find_bar.return_to = None
        if target is None or not target.isVisible():
            target = self.view
        target.setFocus()
