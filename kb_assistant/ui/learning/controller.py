"""Learning mode's logic on the GUI thread: reading time, paths, flashcards, what changed.

QtCore only, so it is tested without widgets. The state lives in a
:class:`~kb_assistant.core.learning.store.LearningStore` (the user data folder);
this controller adds the clock: how long the open article has been on screen.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, QTranslator, Signal, Slot

from kb_assistant.core.errors import KbError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning import (
    ArticleChange,
    Deck,
    DeckStats,
    OverallProgress,
    QuizItem,
    build_deck,
    deck_stats,
    due_cards,
    overall_progress,
)
from kb_assistant.core.learning.languages import kb_languages, starting_language
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.ui.system.i18n import LANGUAGES, choose_language
from kb_assistant.ui.system.messages import error_text, problem_line

log = logging.getLogger(__name__)

FLUSH_MS = 15000
"""Reading time is written this often, so a crash or a kill loses little."""
MAX_STRETCH_S = 300.0
"""One uninterrupted stretch counts at most this long: a window left open over lunch is not reading."""
NEW_CARDS_PER_SESSION = 20
DECK_SEED = 20261127
"""Fixed, so the four titles of a "which article" card are the same after a restart."""


def installed_ui_language() -> str:
    """The interface language in use: that of the translators installed on the application.

    Before any is installed (tests, a bare QCoreApplication) the system's
    preferred languages decide, as ``install_translators`` would with "system".
    """
    app = QCoreApplication.instance()
    for translator in app.findChildren(QTranslator) if app is not None else ():
        code = translator.language().replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return choose_language("system", QLocale.system().uiLanguages())


class LearningController(QObject):
    """Keeps the learner's state and answers the learning window.

    Signals:
        progress_changed(): reading progress changed (an article read or marked learned).
        cards_changed(): the deck or a card's box changed.
        changes_changed(list): the list of :class:`ArticleChange` since the user last looked.
        error(str): a readable problem in the interface language (a state file moved aside, a write that failed).
    """

    progress_changed = Signal()
    cards_changed = Signal()
    changes_changed = Signal(list)
    error = Signal(str)

    def __init__(self, store: LearningStore, today: Callable[[], dt.date] = dt.date.today,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None,
                 ui_language: str | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.clock = clock
        self.kb: KnowledgeBase | None = None
        self.ui_language = ui_language or installed_ui_language()
        # a new hire starts on the language they work in; their own choice, once made, wins
        self.lang: str | None = starting_language(store.language, self.ui_language) or None
        self._deck: Deck | None = None
        self._changes: list[ArticleChange] = []
        self._current: str | None = None
        self._since: float | None = None
        self._pending = 0.0  # time of an article set aside for a preview, written with the next write
        self._aside = False
        self._flush = QTimer(self)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(self.flush_reading)

    def report_store_problems(self) -> None:
        """Say once what went wrong reading the state files (they were moved aside)."""
        for problem in self.store.problems:
            self.error.emit(problem_line(problem))

    # -- the KB ---------------------------------------------------------------------
    @Slot(object)  # reached from the search thread
    def set_kb(self, kb: KnowledgeBase) -> None:
        """A (re)loaded KB: rebuild the deck and what changed; progress is kept."""
        self.kb = kb
        self._deck = None
        self.lang = starting_language(self.store.language, self.ui_language, kb_languages(kb)) or None
        try:
            self._changes = self.store.changes(kb)
        except KbError as exc:
            self._changes = []
            self.error.emit(error_text(exc))
        self.changes_changed.emit(list(self._changes))
        self.cards_changed.emit()
        self.progress_changed.emit()

    def set_language(self, lang: str | None) -> None:
        """The learner chose the paths and cards of one language ("" or None: all); kept for the next start."""
        self.lang = lang or None
        self._deck = None
        if self.store.language != (lang or ""):
            self._save(lambda: self.store.set_language(lang or ""))
        self.cards_changed.emit()
        self.progress_changed.emit()

    # -- reading ----------------------------------------------------------------------
    def open_article(self, article_id: str) -> None:
        """The learner opened an article: time the previous one, start timing this one."""
        self.flush_reading()
        self._current = article_id
        self._since = self.clock()
        self._aside = False
        self._save(lambda: self.store.record_reading(article_id, 0.0))
        self._flush.start()
        self.progress_changed.emit()

    def pause(self) -> None:
        """The learning window was hidden or left: stop counting until :meth:`resume`."""
        self.flush_reading()
        self._since = None

    def resume(self) -> None:
        """The learning window is in front again: count the open article's time again."""
        if self._current is not None and self._since is None and not self._aside:
            self._since = self.clock()

    def set_aside(self) -> None:
        """Another article is previewed (an arrow key moved on): stop the open one's clock, writing nothing.

        Skimming the tree with the arrow keys then costs no write per key; the
        time so far is written when the previewed article is opened (:meth:`open_article`).
        """
        if self._current is not None and self._since is not None:
            self._pending += min(max(0.0, self.clock() - self._since), MAX_STRETCH_S)
        self._since = None
        self._aside = True

    def flush_reading(self) -> None:
        """Write the open article's reading time so far."""
        if self._current is None or (self._since is None and not self._pending):
            return
        now = self.clock()
        seconds = self._pending
        if self._since is not None:
            seconds += min(max(0.0, now - self._since), MAX_STRETCH_S)
            self._since = now
        self._pending = 0.0
        was_read = self.is_read(self._current)
        self._save(lambda: self.store.record_reading(self._current, seconds))
        if self.is_read(self._current) != was_read:
            self.progress_changed.emit()

    def is_read(self, article_id: str) -> bool:
        """Whether the learner has read (or marked learned) the article."""
        reading = self.store.readings.get(article_id)
        return reading is not None and reading.is_read()

    def set_learned(self, article_id: str, learned: bool = True) -> None:
        """Mark an article learned (it counts as read), or take it back."""
        self._save(lambda: self.store.mark_learned(article_id, learned))
        self.progress_changed.emit()

    def progress(self) -> OverallProgress | None:
        """Progress along the learning paths (of the chosen language)."""
        if self.kb is None:
            return None
        return overall_progress(self.kb, self.store.readings, self.lang)

    # -- flashcards -------------------------------------------------------------------
    def deck(self) -> Deck | None:
        """Every card of the KB in the chosen language (built once per KB and language)."""
        if self.kb is None:
            return None
        if self._deck is None:
            self._deck = build_deck(self.kb, random.Random(DECK_SEED), self.lang)
        return self._deck

    def due(self) -> list[QuizItem]:
        """Today's cards: reviews due first, then up to 20 new ones."""
        deck = self.deck()
        if deck is None:
            return []
        return due_cards(deck.cards, self.store.cards, self.today(), new_limit=NEW_CARDS_PER_SESSION)

    def stats(self) -> DeckStats | None:
        """New, due and learned cards, and cards per box."""
        deck = self.deck()
        return None if deck is None else deck_stats(deck.cards, self.store.cards, self.today())

    def answer(self, card: QuizItem, correct: bool) -> None:
        """Record an answer: the card moves up a box, or back to box 1."""
        self._save(lambda: self.store.answer(card.id, correct, self.today()))
        self.cards_changed.emit()

    # -- what changed -----------------------------------------------------------------
    def changes(self) -> list[ArticleChange]:
        """Articles added, changed or deleted since the learner last looked."""
        return list(self._changes)

    def mark_all_seen(self) -> None:
        """Everything as it is now counts as seen."""
        if self.kb is None:
            return
        self._save(lambda: self.store.mark_all_seen(self.kb))
        self._changes = []
        self.changes_changed.emit([])

    def _save(self, change: Callable[[], object]) -> None:
        try:
            change()
        except KbError as exc:  # kept in memory by the store; written with the next change
            log.warning("learning state not written: %s", exc)
            self.error.emit(error_text(exc))
