"""Tools → Insights: what agents could not find, and which articles and replies carry the load.

The window shows what an :class:`~kb_assistant.ui.insights.controller.InsightsController`
worked out and says what the editor asked for by signals; the main window
connects those to the editor's workbench (new article, add a question).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.usage.insights import Insights
from kb_assistant.ui.insights.controller import DEFAULT_PERIOD, PERIODS, ArticleChoice, article_choices
from kb_assistant.ui.insights.picker import ArticlePickerDialog
from kb_assistant.ui.insights.tabs import ArticlesTab, ChannelsTab, GapsTab, RepliesTab
from kb_assistant.ui.system.messages import error_text

GAPS, ARTICLES, REPLIES, CHANNELS = range(4)


class InsightsWindow(QWidget):
    """A window of its own: a period, a summary line and four tabs; Esc closes it.

    Signals:
        create_article_requested(str, str): write a new article for this question (question,
            language "ru"/"en" or "" for the interface's); ``EditorWorkbench.new_article(lang, question=q)``.
        add_question_requested(str, str): add this question to the article (question, article id);
            ``EditorWorkbench.add_question(article_id, question)``.
        period_changed(int): the editor chose another period (days); refresh for it.
        refresh_requested(int): F5 or Refresh: work the same period out again (days).
    """

    create_article_requested = Signal(str, str)
    add_question_requested = Signal(str, str)
    period_changed = Signal(int)
    refresh_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None, since_days: int = DEFAULT_PERIOD) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.choices: list[ArticleChoice] = []
        self.titles: dict[str, str] = {}
        self.insights: Insights | None = None
        self.setWindowTitle(self.tr("Insights — KB Assistant"))
        self._add_widgets(since_days)
        self._connect_signals()
        self.resize(980, 680)

    # -- building ----------------------------------------------------------------------
    def _add_widgets(self, since_days: int) -> None:
        self.period = QComboBox(self)
        for days in PERIODS:
            self.period.addItem(self.tr("Last {0} days").format(days), days)
        self.period.setCurrentIndex(max(0, self.period.findData(since_days)))
        self.period.setAccessibleName(self.tr("Period"))
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.period)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setToolTip(self.tr("Work the insights out again (F5)"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gaps = GapsTab(self)
        self.articles = ArticlesTab(self)
        self.replies = RepliesTab(self)
        self.channels = ChannelsTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.gaps, self.tr("Content &gaps"))
        self.tabs.addTab(self.articles, self.tr("&Articles"))
        self.tabs.addTab(self.replies, self.tr("&Replies"))
        self.tabs.addTab(self.channels, self.tr("Channels and la&nguages"))
        self.tabs.setAccessibleName(self.tr("Insights"))
        self.tabs.tabBar().setAccessibleName(self.tr("Insights"))
        self.close_button = QPushButton(self.tr("Clos&e"), self)
        header = QHBoxLayout()
        header.addWidget(period_label)
        header.addWidget(self.period)
        header.addWidget(self.refresh_button)
        header.addStretch(1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(footer)
        # the reading order: the period, the tabs and what is on the current one, then leave
        self.setTabOrder(self.period, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.tabs)
        self.setTabOrder(self.channels.languages, self.close_button)  # after the last tab's last widget
        self.show_busy()

    def _connect_signals(self) -> None:
        self.period.currentIndexChanged.connect(lambda _index: self.period_changed.emit(self.since_days()))
        self.refresh_button.clicked.connect(self._refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self._refresh)
        self.close_button.clicked.connect(self.close)
        self.gaps.create_requested.connect(self.create_article_requested)
        self.gaps.add_requested.connect(self._add_question)

    def attach(self, controller) -> None:
        """Show what ``controller`` (an ``InsightsController``) works out, and ask it for the chosen period."""
        controller.ready.connect(self.show_insights)
        controller.failed.connect(lambda exc: self.show_error(error_text(exc)))
        self.period_changed.connect(lambda days: (self.show_busy(), controller.refresh(days)))
        self.refresh_requested.connect(lambda days: (self.show_busy(), controller.refresh(days)))

    # -- showing -----------------------------------------------------------------------
    def since_days(self) -> int:
        """The period chosen, in days."""
        return int(self.period.currentData())

    def set_kb(self, kb: KnowledgeBase | None) -> None:
        """The KB as loaded now: the articles a question can go to, and the titles of replies' articles."""
        self.choices = article_choices(kb)
        self.titles = {a.id: a.title for a in kb.articles.values()} if kb is not None else {}

    def show_busy(self) -> None:
        """Say the insights are being worked out (the tabs keep the last ones meanwhile)."""
        self.summary.setText(self.tr("Working out the insights…"))

    def show_error(self, text: str) -> None:
        """Say why the insights could not be worked out."""
        self.summary.setText(self.tr("The insights could not be worked out: {0}").format(text))

    def show_insights(self, found: Insights) -> None:
        """Show ``found`` in the summary and the four tabs."""
        self.insights = found
        if found.since_days != self.since_days() and self.period.findData(found.since_days) >= 0:
            self.period.blockSignals(True)  # a refresh made elsewhere: the combo follows, asks nothing
            self.period.setCurrentIndex(self.period.findData(found.since_days))
            self.period.blockSignals(False)
        if not found.events:
            self.summary.setText(self.tr("No usage recorded in this period yet: searches, opened articles and "
                                         "copied replies appear here."))
        else:
            copies = sum(use.copied for use in found.replies)
            self.summary.setText(self.tr("{0} events in the last {1} days: {2} content gaps, {3} articles used, "
                                         "{4} replies copied.").format(found.events, found.since_days,
                                                                       len(found.gaps), len(found.articles), copies))
        names = self.language_names()
        self.gaps.show_gaps(found.gaps, names)
        self.articles.show_articles(found.articles, found.read_without_reply)
        self.replies.show_replies(found.replies, found.unused_replies, self.titles)
        self.channels.show_counts(found, names)

    def language_names(self) -> dict[str, str]:
        """Language codes as the window names them."""
        return {"ru": self.tr("Russian"), "en": self.tr("English"), "other": self.tr("Other")}

    # -- acting --------------------------------------------------------------------------
    def _refresh(self) -> None:
        self.refresh_requested.emit(self.since_days())

    def _add_question(self, question: str) -> None:
        article_id = self.pick_article(question)
        if article_id:
            self.add_question_requested.emit(question, article_id)

    def pick_article(self, question: str) -> str:
        """Ask which article ``question`` goes to; its id, or "" when cancelled."""
        dialog = ArticlePickerDialog(self.choices, question, self)
        try:
            return dialog.chosen_id() if self.ask_pick(dialog) else ""
        finally:
            dialog.deleteLater()

    def ask_pick(self, dialog: ArticlePickerDialog) -> bool:
        """Show the article picker (tests choose and accept without a modal loop)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # a window of its own, not a dialog, so Esc is handled here; the tables pass it on
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        super().keyPressEvent(event)
