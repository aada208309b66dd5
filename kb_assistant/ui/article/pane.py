"""The article pane: the open article's text with find (Ctrl+F) above it, its history and its outline."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kb_assistant.core.models import Article
from kb_assistant.ui.article.find_bar import FindBar
from kb_assistant.ui.article.history import ArticleHistory
from kb_assistant.ui.article.keys import keep_tab_for_the_window
from kb_assistant.ui.article.outline import OutlineDialog, document_headings
from kb_assistant.ui.article.preview import PreviewController
from kb_assistant.ui.widgets.article_view import ArticleView

_HISTORY_BUTTONS = {Qt.MouseButton.BackButton: -1, Qt.MouseButton.ForwardButton: 1}


class ArticlePane(QWidget):
    """The article view and its find bar, wired to each other; Back, Forward and Go to section.

    Attributes:
        view: the :class:`ArticleView` (links are reported by its ``link_clicked``).
        find_bar: the find bar; closing it gives the focus back to the article.
        history: the articles opened through the preview controller (see :meth:`follow`).
        outline: the open "Go to section" dialog, None when closed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        self.history = ArticleHistory()
        self.outline: OutlineDialog | None = None
        self._preview: PreviewController | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.find_bar.find_requested.connect(self._find)
        self.find_bar.closed.connect(self._give_focus_back)
        # a new article (or none): the last count was about another text
        self.view.textChanged.connect(self.find_bar.clear_result)
        self.view.setAccessibleDescription(self.tr(
            "The text of the selected article; Alt+Down and Alt+Up move through its links, Enter opens one"))
        keep_tab_for_the_window(self.view)
        for watched in (self.view, self.find_bar.field, self.view.viewport()):
            watched.installEventFilter(self)

    # -- find ------------------------------------------------------------
    def _find(self, text: str, backwards: bool) -> None:
        """Find the next (previous) match and say which of how many it is."""
        self.view.find_text(text, backwards)
        self.find_bar.show_matches(self.view.count_matches(text))

    def _give_focus_back(self) -> None:
        """The find bar closed: focus goes back where it was when the bar opened (the article by default)."""
        target = self.find_bar.return_to
        self.find_bar.return_to = None
        if target is None or not target.isVisible():
            target = self.view
        target.setFocus()

    # -- history ---------------------------------------------------------
    def follow(self, preview: PreviewController) -> None:
        """Keep the history of the articles ``preview`` opens; Back and Forward open them through it."""
        self._preview = preview
        preview.opened.connect(self._opened)

    def _opened(self, article: Article) -> None:
        # Opened with the keyboard elsewhere (typing, Up/Down in the results): a passing visit,
        # which the next one replaces unless the agent stays on it (see ArticleHistory).
        self.history.visit(article.id, passing=not self._keyboard_here())

    def _keyboard_here(self) -> bool:
        window = self.window()
        focus = window.focusWidget() if window is not None else None
        return focus is not None and self.isAncestorOf(focus)

    def _exists(self, article_id: str) -> bool:
        return self._preview is not None and self._preview.has(article_id)

    def can_go_back(self) -> bool:
        """Whether Back (Alt+Left) leads to an article still in the KB."""
        return self.history.can_go_back(self._exists)

    def can_go_forward(self) -> bool:
        """Whether Forward (Alt+Right) leads to an article still in the KB."""
        return self.history.can_go_forward(self._exists)

    def go_back(self) -> bool:
        """Alt+Left: open the previous article of the history (articles gone from the KB are skipped).

        The history moves first, so the article the preview then opens is its current
        one and adds nothing. False when there is nowhere to go.
        """
        return self._go(self.history.back(self._exists))

    def go_forward(self) -> bool:
        """Alt+Right: open the next article of the history, after going back."""
        return self._go(self.history.forward(self._exists))

    def _go(self, article_id: str | None) -> bool:
        return article_id is not None and self._preview is not None and self._preview.show(article_id)

    # -- outline ---------------------------------------------------------
    def has_article(self) -> bool:
        """Whether an article is shown (Go to section has something to list)."""
        return self.view.article is not None

    def show_outline(self) -> OutlineDialog | None:
        """Ctrl+Shift+O: a filterable list of the shown article's headings; choosing one scrolls to it.

        The dialog is window-modal but not run in a loop of its own (``open()``, not
        ``exec()``); it is deleted when closed. None when no article is shown.
        """
        if not self.has_article():
            return None
        if self.outline is not None:
            self.outline.close()
        dialog = OutlineDialog(document_headings(self.view.document()), self.window())
        dialog.chosen.connect(self.go_to_section)
        # a method, not a lambda holding the dialog: with one, deleting the dialog crashed the process (PySide6 6.11)
        dialog.finished.connect(self._outline_closed)
        self.outline = dialog
        dialog.open()
        return dialog

    def go_to_section(self, position: int) -> None:
        """Scroll the article to the heading at ``position`` and put the keyboard in it."""
        self.view.go_to(position)
        self.view.setFocus()

    def _outline_closed(self, _result: int) -> None:
        dialog, self.outline = self.outline, None
        if dialog is not None:
            dialog.deleteLater()  # after its ``chosen``, which follows ``finished``

    # -- events ----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The keyboard entering the article keeps it in the history; the mouse's back and forward buttons."""
        kind = event.type()
        if kind == QEvent.Type.FocusIn and self._preview is not None and self._preview.current is not None \
                and self._preview.current.id == self.history.current:
            self.history.keep()
        elif kind == QEvent.Type.MouseButtonPress and watched is self.view.viewport() \
                and event.button() in _HISTORY_BUTTONS:
            if _HISTORY_BUTTONS[event.button()] < 0:
                self.go_back()
            else:
                self.go_forward()
            return True
        return super().eventFilter(watched, event)
