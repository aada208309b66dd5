"""The review queue: stale and never-reviewed articles by owner, and translations that lag."""

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

from kb_assistant.core.upkeep.review import NO_OWNER, ReviewItem, TranslationLag, by_owner

ID_ROLE = Qt.ItemDataRole.UserRole


def fit_columns(tree: QTreeWidget) -> None:
    """The first column takes the room left; the others are as wide as their texts.

    Qt's default (interactive columns of 100 px, the last one stretching) cut the
    titles to "Push…" while the short last column took the free width.
    """
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, tree.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)  # only when the window is really too narrow


class ReviewPanel(QWidget):
    """A window listing what needs a review; Enter edits, the button marks reviewed, Esc closes.

    Signals:
        edit_requested(str): open this article id in the editor.
        mark_reviewed_requested(list): set ``reviewed`` to today in these article ids.
    """

    edit_requested = Signal(str)
    mark_reviewed_requested = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Review queue"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Article"), self.tr("Language"), self.tr("Due"), self.tr("Overdue")])
        self.tree.setAccessibleName(self.tr("Articles to review, by owner"))
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.lag_label = QLabel(self.tr("Translations that may be out of date:"), self)
        self.lags = QTreeWidget(self)
        self.lags.setHeaderLabels([self.tr("Changed later"), self.tr("May be out of date"), self.tr("Days apart")])
        self.lags.setAccessibleName(self.tr("Translations that may be out of date"))
        self.lags.setRootIsDecorated(False)
        fit_columns(self.tree)
        fit_columns(self.lags)
        self.edit_button = QPushButton(self.tr("&Edit"), self)
        self.mark_button = QPushButton(self.tr("&Mark reviewed today"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.mark_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.lag_label)
        layout.addWidget(self.lags, 1)
        layout.addLayout(buttons)
        self.tree.itemActivated.connect(self._activated)
        self.lags.itemActivated.connect(self._activated)
        self.edit_button.clicked.connect(self._edit_current)
        self.mark_button.clicked.connect(lambda: self.mark_reviewed_requested.emit(self.selected_ids()))
        self.close_button.clicked.connect(self.close)
        self.resize(900, 560)

    def set_queue(self, items: list[ReviewItem], lags: list[TranslationLag], titles: dict[str, str]) -> None:
        """Show the queue (grouped by owner) and the lagging translations."""
        self.tree.clear()
        for owner, group in by_owner(items).items():
            name = self.tr("No owner") if owner == NO_OWNER else owner
            parent = QTreeWidgetItem(self.tree, [self.tr("{0} ({1})").format(name, len(group))])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for item in group:
                due = item.due.isoformat() if item.due else self.tr("never reviewed")
                overdue = self.tr("{0} days").format(item.days_overdue) if item.due else ""
                row = QTreeWidgetItem(parent, [item.title, item.lang, due, overdue])
                row.setData(0, ID_ROLE, item.article_id)
                row.setToolTip(0, item.path)
            parent.setExpanded(True)
        self.lags.clear()
        for lag in lags:
            row = QTreeWidgetItem(self.lags, [titles.get(lag.newer_id, lag.newer_id),
                                              titles.get(lag.outdated_id, lag.outdated_id), str(lag.days_apart)])
            row.setData(0, ID_ROLE, lag.outdated_id)
        self.lags.setVisible(bool(lags))
        self.lag_label.setVisible(bool(lags))
        never = sum(1 for item in items if item.never_reviewed)
        self.summary.setText(self.tr("{0} articles need a review ({1} never reviewed); {2} translations may be "
                                     "out of date.").format(len(items), never, len(lags)))
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))

    def selected_ids(self) -> list[str]:
        """The article ids selected in the queue."""
        ids = [item.data(0, ID_ROLE) for item in self.tree.selectedItems()]
        return [i for i in ids if i]

    def _edit_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._activated(item)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        article_id = item.data(0, ID_ROLE)
        if article_id:
            self.edit_requested.emit(article_id)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # a window of its own, not a dialog, so Esc is handled here; the trees pass it on
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        super().keyPressEvent(event)
