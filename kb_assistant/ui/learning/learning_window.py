"""Learning mode's window: browse, paths, self-check and what changed on the left; reading on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.learning.quiz import body_without_quiz
from kb_assistant.core.render.markdown import render_article_html
from kb_assistant.ui.system.actions import add_action
from kb_assistant.ui.widgets.article_view import ArticleView
from kb_assistant.ui.learning.controller import NEW_CARDS_PER_SESSION, LearningController
from kb_assistant.ui.learning.browse_panel import BrowsePanel
from kb_assistant.ui.learning.changes_panel import ChangesPanel
from kb_assistant.ui.learning.paths_panel import PathsPanel
from kb_assistant.ui.learning.quiz_card import QuizCard

BROWSE, PATHS, SELF_CHECK, CHANGES = range(4)
PREVIEW_MS = 400
"""An article the arrow keys rest on this long counts as opened (skimming past writes nothing)."""


class LearningWindow(QMainWindow):
    """Everything new staff need to learn offline, driven by a :class:`LearningController`."""

    def __init__(self, controller: LearningController, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self._previewed: str | None = None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_MS)
        self.setWindowTitle(self.tr("KB Assistant — learning"))
        self._add_widgets()
        self._add_actions()
        self._connect_signals()
        self.refresh()

    # -- building ----------------------------------------------------------------------
    def _add_widgets(self) -> None:
        self.browse = BrowsePanel(self)
        self.browse.is_read = self.controller.is_read
        self.paths = PathsPanel(self)
        self.changes = ChangesPanel(self)
        self.stats = QLabel(self)
        self.stats.setWordWrap(True)
        self.stats.setAccessibleName(self.tr("Flashcards"))
        self.start_button = QPushButton(self.tr("Study &today's cards"), self)
        quiz_tab = QWidget(self)
        quiz_layout = QVBoxLayout(quiz_tab)
        quiz_layout.setContentsMargins(0, 0, 0, 0)
        quiz_layout.addWidget(self.stats)
        quiz_layout.addWidget(self.start_button)
        quiz_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.browse, self.tr("&Browse"))
        self.tabs.addTab(self.paths, self.tr("&Paths"))
        self.tabs.addTab(quiz_tab, self.tr("Self-chec&k"))
        self.tabs.addTab(self.changes, self.tr("&What changed"))
        self.tabs.setAccessibleName(self.tr("Learning mode"))
        self.tabs.tabBar().setAccessibleName(self.tr("Learning mode"))
        self.article = ArticleView(self)
        self.article.setAccessibleName(self.tr("Article"))
        self.learned_button = QPushButton(self.tr("Mark as lear&ned"), self)
        self.learned_button.setCheckable(True)
        self.learned_button.setEnabled(False)
        reader = QWidget(self)
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(self.article, 1)
        reader_layout.addWidget(self.learned_button, 0, Qt.AlignmentFlag.AlignRight)
        self.quiz = QuizCard(self)
        self.right = QStackedWidget(self)
        self.right.addWidget(reader)
        self.right.addWidget(self.quiz)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.right)
        # the reader gets most of the width: titles fit in 30 %, an article needs the rest
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 7)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        width = 1200
        self.resize(width, 760)
        # 30 %, or as much more (up to 40 %) as the four tab titles need: «Что изменилось» is long
        tabs = self.tabs.tabBar().sizeHint().width() + 8
        left = min(max(round(width * 0.3), tabs), round(width * 0.4))
        self.splitter.setSizes([left, width - left])

    def _add_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Learning"))
        for text, keys, slot in (
            (self.tr("&Browse the knowledge base"), "Ctrl+1", lambda: self.show_tab(BROWSE)),
            (self.tr("Reading &paths"), "Ctrl+2", lambda: self.show_tab(PATHS)),
            (self.tr("&Self-check"), "Ctrl+3", lambda: self.show_tab(SELF_CHECK)),
            (self.tr("&What changed"), "Ctrl+4", lambda: self.show_tab(CHANGES)),
            (self.tr("&Continue reading"), "Ctrl+Return", self.paths.continue_button.click),
            (self.tr("Mark the article as &learned"), "Ctrl+M", self.learned_button.click),
            (self.tr("Cl&ose"), QKeySequence.StandardKey.Close, self.close),
        ):
            add_action(self, menu, text, slot, keys)

    def _connect_signals(self) -> None:
        for panel in (self.browse, self.paths, self.changes):
            panel.article_chosen.connect(self.open_article)
        self.browse.article_previewed.connect(self.preview_article)
        self._preview_timer.timeout.connect(self._preview_stayed)
        self.browse.language_changed.connect(self.controller.set_language)
        self.paths.continue_requested.connect(self.continue_path)
        self.changes.mark_all_seen_requested.connect(self.controller.mark_all_seen)
        self.start_button.clicked.connect(self.start_quiz)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.right.currentChanged.connect(self._reader_shown)
        self.learned_button.toggled.connect(self._learned_toggled)
        self.quiz.answered.connect(self.controller.answer)
        self.quiz.open_article_requested.connect(self._read_card_article)
        self.article.link_clicked.connect(self.follow_link)
        self.controller.progress_changed.connect(self._progress_changed)
        self.controller.cards_changed.connect(self._cards_changed)
        self.controller.changes_changed.connect(self.changes.set_changes)

    def take_over(self, old: LearningWindow) -> None:
        """Show what ``old`` showed: its place, tab, article and the cards left (a new interface language).

        The article is shown without being opened again: the controller still times it.
        A card being answered is asked again; one already answered is not.
        """
        self.restoreGeometry(old.saveGeometry())
        self.splitter.restoreState(old.splitter.saveState())
        self.tabs.setCurrentIndex(old.tabs.currentIndex())
        if old.article.article is not None:
            self._show(old.article.article.id)
        quiz = old.quiz
        if old.right.currentIndex() == 1 and quiz.current() is not None:
            self.quiz.start(quiz.cards)
            for _answered in range(quiz.position + (1 if quiz.checked else 0)):
                self.quiz.next_card()
        self.right.setCurrentIndex(old.right.currentIndex())

    # -- slots -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the controller's state (after a KB reload)."""
        if self.controller.kb is not None:
            self.browse.set_kb(self.controller.kb)
        self._progress_changed()
        self._cards_changed()
        self.changes.set_changes(self.controller.changes())

    def show_tab(self, index: int) -> None:
        """Bring a tab to the front and put the focus in it."""
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus()
        focus = {BROWSE: self.browse.tree, PATHS: self.paths.tree, SELF_CHECK: self.start_button,
                 CHANGES: self.changes.tree}[index]
        focus.setFocus()

    def _tab_changed(self, index: int) -> None:
        self.right.setCurrentIndex(1 if index == SELF_CHECK else 0)

    def _reader_shown(self, index: int) -> None:
        """Reading time counts only while the article is on screen (not during a self-check)."""
        if index == 0 and self.isActiveWindow():
            self.controller.resume()
        else:
            self.controller.pause()

    def open_article(self, article_id: str) -> None:
        """Show an article for reading and start counting its reading time."""
        previewed, self._previewed = self._previewed, None
        self._preview_timer.stop()
        if previewed is None and self._on_screen(article_id):
            return  # already open and timed
        if self._show(article_id):
            self.controller.open_article(article_id)

    def preview_article(self, article_id: str) -> None:
        """Show an article the arrow keys moved to; it counts as opened once the learner stays on it."""
        if self._previewed is None and self._on_screen(article_id):
            return
        if self._show(article_id):
            self.controller.set_aside()
            self._previewed = article_id
            self._preview_timer.start()

    def _preview_stayed(self) -> None:
        article_id, self._previewed = self._previewed, None
        if article_id is None:
            return
        self.controller.open_article(article_id)
        if self.right.currentIndex() != 0 or not self.isActiveWindow():
            self.controller.pause()  # opened, but not on screen now: its clock waits

    def _on_screen(self, article_id: str) -> bool:
        kb = self.controller.kb
        shown = self.article.article
        return (kb is not None and shown is not None and kb.articles.get(article_id) is shown
                and self.right.currentIndex() == 0)

    def _show(self, article_id: str) -> bool:
        """Render the article in the reader (without counting it); False when there is no such article."""
        kb = self.controller.kb
        if kb is None or article_id not in kb.articles:
            return False
        article = kb.articles[article_id]
        if self.article.article is not article:
            self.article.show_article(article, render_article_html(body_without_quiz(article), title_for=kb.title_of))
        self.right.setCurrentIndex(0)
        self.learned_button.setEnabled(True)
        self.learned_button.blockSignals(True)
        reading = self.controller.store.readings.get(article_id)
        self.learned_button.setChecked(bool(reading and reading.learned))
        self.learned_button.blockSignals(False)
        return True

    def follow_link(self, href: str) -> None:
        """Links to articles open here (and count as reading); web links in the browser."""
        if self.controller.kb is None:
            return
        reason = self.article.follow_link(href, self.controller.kb, self.open_article)
        if reason:
            self.statusBar().showMessage(self.tr("Link not opened: {0}").format(reason), 8000)

    def continue_path(self, title: str) -> None:
        """Open the next unread article of the path called ``title``."""
        self.controller.flush_reading()  # the article on screen may have just become read
        progress = self.controller.progress()
        path = next((p for p in progress.paths if p.path.title == title), None) if progress else None
        if path is None:
            return
        if path.next_article is None:
            self.statusBar().showMessage(self.tr("“{0}” is done: every article is read.").format(title), 6000)
            return
        self.open_article(path.next_article)
        self.article.setFocus()

    def start_quiz(self) -> None:
        """Study today's cards: reviews due, then new ones."""
        self.tabs.setCurrentIndex(SELF_CHECK)
        self.right.setCurrentIndex(1)
        self.quiz.start(self.controller.due())
        self.quiz.setFocus()

    def _read_card_article(self, article_id: str) -> None:
        self.open_article(article_id)

    def _learned_toggled(self, learned: bool) -> None:
        article = self.article.article
        if article is not None:
            self.controller.set_learned(article.id, learned)

    def _progress_changed(self) -> None:
        self.paths.show_progress(self.controller.progress(), self.controller.kb)
        if self.controller.kb is not None:
            self.browse.kb = self.controller.kb  # a reloaded KB lists its articles as they are now
        self.browse.show_language(self.controller.lang or "")
        self.browse.refresh()

    def _cards_changed(self) -> None:
        stats = self.controller.stats()
        if stats is None:
            self.stats.setText(self.tr("The knowledge base is loading…"))
            return
        boxes = ", ".join(self.tr("box {0}: {1}").format(number, count)
                          for number, count in enumerate(stats.boxes, 1))
        self.stats.setText(self.tr(
            "{0} cards in all: {1} new, {2} due for review today, {3} learned.\n{4}\n\n"
            "A right answer moves a card up a box (due again after 1, 3, 7, 14, 30 days); "
            "a wrong one sends it back to box 1.").format(stats.total, stats.new, stats.due, stats.learned, boxes))
        self.start_button.setEnabled(stats.to_study > 0)
        self.quiz.set_idle_text(
            self.tr("{0} cards to study today. Press “Study today's cards” to begin.").format(
                min(stats.to_study, stats.due + NEW_CARDS_PER_SESSION))
            if stats.to_study else self.tr("No cards to study now. Come back when reviews are due."))
        deck = self.controller.deck()
        if deck is not None and deck.problems:
            self.stats.setText(self.stats.text() + "\n\n" + self.tr("{0} quiz questions could not be read "
                               "(View → Problems in the main window).").format(len(deck.problems)))

    # -- reading time follows the window ----------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.ActivationChange:
            if self.isActiveWindow() and self.right.currentIndex() == 0:
                self.controller.resume()
            else:
                self.controller.pause()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._preview_timer.isActive():
            self._preview_timer.stop()
            self._preview_stayed()
        self.controller.pause()
        super().closeEvent(event)
