"""The insights window's tabs: content gaps, articles, replies, channels and languages.

Each tab only shows what :func:`kb_assistant.core.usage.insights.insights` worked
out; the gaps tab also says which gap the editor chose to act on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.usage.insights import ArticleUse, Gap, Insights, ReplyUse
from kb_assistant.ui.insights.chart import BarChart
from kb_assistant.ui.insights.controller import gap_language, gap_question

CHART_ROWS = 10
"""Bars per chart: the head of the list; the table beside it has the rest."""
GAP_ROLE = Qt.ItemDataRole.UserRole
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def make_table(parent: QWidget, headers: list[str], name: str, stretch: int = 0) -> QTreeWidget:
    """A flat, keyboard-friendly table: the ``stretch`` column takes the room left, the others fit their text."""
    table = QTreeWidget(parent)
    table.setHeaderLabels(headers)
    table.setRootIsDecorated(False)
    table.setUniformRowHeights(True)
    table.setAllColumnsShowFocus(True)
    table.setAccessibleName(name)
    header = table.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    return table


def fill_table(table: QTreeWidget, rows: list[list[str]], empty: str, numbers: tuple[int, ...] = ()) -> None:
    """Show ``rows``; with none, one line saying ``empty`` (what to do to see some), also told to a screen reader."""
    table.clear()
    for row in rows:
        item = QTreeWidgetItem(table, row)
        for column in numbers:
            item.setTextAlignment(column, NUMBER)
    if not rows:
        item = QTreeWidgetItem(table, [empty])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # read, never selected or acted on
        item.setFirstColumnSpanned(True)
    table.setAccessibleDescription("" if rows else empty)
    if rows:
        table.setCurrentItem(table.topLevelItem(0))


def labelled(parent: QWidget, text: str, buddy: QWidget) -> QLabel:
    """A label whose Alt key moves to ``buddy``."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def column(parent: QWidget, *parts: QWidget) -> QVBoxLayout:
    """``parts`` one under the other, filling ``parent``; tables take the height."""
    layout = QVBoxLayout(parent)
    for part in parts:
        layout.addWidget(part, 1 if isinstance(part, QTreeWidget) else 0)
    return layout


class GapsTab(QWidget):
    """Questions nothing answered, grouped by wording; Enter or a button acts on the selected one.

    Signals:
        create_requested(str, str): write a new article for this question (question, language or "").
        add_requested(str): add this question to an existing article (which one is asked next).
    """

    create_requested = Signal(str, str)
    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gaps: list[Gap] = []
        self.table = make_table(self, [self.tr("Asked"), self.tr("Questions as agents typed them"),
                                       self.tr("Languages"), self.tr("Last asked")],
                                self.tr("Questions nothing answered"), stretch=1)
        self.create_button = QPushButton(self.tr("&Create an article from this"), self)
        self.add_button = QPushButton(self.tr("A&dd as a question to…"), self)
        hint = QLabel(self.tr("Searches with no good match, searches given up and articles marked “did not help”, "
                              "grouped by similar wording. Enter on a row creates an article."), self)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        column(self, labelled(self, self.tr("&Questions nothing answered:"), self.table), self.table, hint) \
            .addLayout(buttons)
        self.setTabOrder(self.table, self.create_button)
        self.setTabOrder(self.create_button, self.add_button)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item, _column: self._create())
        self.create_button.clicked.connect(self._create)
        self.add_button.clicked.connect(self._add)
        self._update_buttons()

    def show_gaps(self, gaps: list[Gap], languages: dict[str, str]) -> None:
        """List ``gaps`` (most asked first); ``languages`` names the language codes."""
        self.gaps = list(gaps)
        rows = [[str(gap.count), " · ".join(gap.examples),
                 ", ".join(f"{languages.get(code, code)} {n}" for code, n in gap.languages.items()), gap.last[:10]]
                for gap in self.gaps]
        fill_table(self.table, rows, self.tr("No content gaps in this period: every search found an answer "
                                             "nobody said did not help."), numbers=(0,))
        for index in range(len(rows)):
            item = self.table.topLevelItem(index)
            item.setData(0, GAP_ROLE, index)
            item.setToolTip(1, "\n".join(self.gaps[index].examples))
        self._update_buttons()

    def selected_gap(self) -> Gap | None:
        """The gap of the selected row, or None."""
        items = self.table.selectedItems()
        index = items[0].data(0, GAP_ROLE) if items else None
        return self.gaps[index] if isinstance(index, int) and index < len(self.gaps) else None

    def _update_buttons(self) -> None:
        chosen = self.selected_gap() is not None
        self.create_button.setEnabled(chosen)
        self.add_button.setEnabled(chosen)

    def _create(self) -> None:
        gap = self.selected_gap()
        if gap is not None:
            self.create_requested.emit(gap_question(gap), gap_language(gap))

    def _add(self) -> None:
        gap = self.selected_gap()
        if gap is not None:
            self.add_requested.emit(gap_question(gap))


class ArticlesTab(QWidget):
    """The most used articles (and a chart of their copies), and those read often with no reply copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = make_table(self, [self.tr("Article"), self.tr("Opened"), self.tr("Replies copied")],
                                self.tr("Most used articles"))
        self.chart = BarChart(self.tr("Replies copied by article"), self)
        self.chart.set_empty_text(self.tr("No reply was copied in this period."))
        self.unread = make_table(self, [self.tr("Article"), self.tr("Opened")],
                                 self.tr("Articles opened often, no reply copied"))
        column(self, labelled(self, self.tr("&Most used articles:"), self.table), self.table,
               labelled(self, self.tr("C&opies by article:"), self.chart), self.chart,
               labelled(self, self.tr("Opened often, no reply cop&ied:"), self.unread), self.unread)

    def show_articles(self, used: list[ArticleUse], unread: list[ArticleUse]) -> None:
        """Show the articles used in the period and those read without a reply copied."""
        fill_table(self.table, [[use.title, str(use.opened), str(use.copied)] for use in used],
                   self.tr("No article was opened in this period."), numbers=(1, 2))
        copied = sorted((use for use in used if use.copied), key=lambda use: -use.copied)
        self.chart.set_rows([(use.title, use.copied) for use in copied[:CHART_ROWS]])
        fill_table(self.unread, [[use.title, str(use.opened)] for use in unread],
                   self.tr("None: every article opened often had a reply copied from it."), numbers=(1,))


class RepliesTab(QWidget):
    """The most copied replies (and a chart), and the replies never copied in the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = make_table(self, [self.tr("Reply"), self.tr("Article"), self.tr("Copied"),
                                       self.tr("Last copied")], self.tr("Most used replies"))
        self.chart = BarChart(self.tr("Copies by reply"), self)
        self.chart.set_empty_text(self.tr("No reply was copied in this period."))
        self.unused = make_table(self, [self.tr("Reply"), self.tr("Article")], self.tr("Replies never copied"))
        column(self, labelled(self, self.tr("&Most used replies:"), self.table), self.table,
               labelled(self, self.tr("C&opies by reply:"), self.chart), self.chart,
               labelled(self, self.tr("Ne&ver copied in this period:"), self.unused), self.unused)

    def show_replies(self, used: list[ReplyUse], unused: list[ReplyUse], titles: dict[str, str]) -> None:
        """Show the replies copied and never copied; ``titles`` names the articles by id."""
        fill_table(self.table, [[use.reply, titles.get(use.article, use.article), str(use.copied), use.last[:10]]
                                for use in used], self.tr("No reply was copied in this period."), numbers=(2,))
        self.chart.set_rows([(f"{use.reply} — {titles.get(use.article, use.article)}", use.copied)
                             for use in used[:CHART_ROWS]])
        fill_table(self.unused, [[use.reply, titles.get(use.article, use.article)] for use in unused],
                   self.tr("Every reply of the knowledge base was copied in this period."))


class ChannelsTab(QWidget):
    """Where replies went (chat, e-mail ...) and the languages agents asked in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channels = BarChart(self.tr("Copies by channel"), self)
        self.channels.set_empty_text(self.tr("No reply was copied in this period."))
        self.languages = BarChart(self.tr("Questions by language"), self)
        self.languages.set_empty_text(self.tr("No question was asked in this period."))
        column(self, labelled(self, self.tr("&Copies by channel:"), self.channels), self.channels,
               labelled(self, self.tr("Questions by &language:"), self.languages), self.languages).addStretch(1)

    def show_counts(self, found: Insights, languages: dict[str, str]) -> None:
        """Chart the copies by channel and the questions by language (``languages`` names the codes)."""
        self.channels.set_rows(list(found.channels.items()))
        self.languages.set_rows([(languages.get(code, code), n) for code, n in found.languages.items()])
