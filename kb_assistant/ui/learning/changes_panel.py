"""What changed since the learner last looked: articles added, changed, deleted, by section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kb_assistant.core.learning import FRONT_MATTER, INTRO, ArticleChange

ID_ROLE = Qt.ItemDataRole.UserRole


class ChangesPanel(QWidget):
    """The list of changes; Enter opens an article; "Mark all seen" empties it.

    Signals:
        article_chosen(str): open this article id.
        mark_all_seen_requested(): the learner has seen everything.
    """

    article_chosen = Signal(str)
    mark_all_seen_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Article"), self.tr("What changed")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Changed articles"))
        self.seen_button = QPushButton(self.tr("&Mark all seen"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.seen_button)
        layout.addLayout(row)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.seen_button.clicked.connect(self.mark_all_seen_requested)

    def section_name(self, name: str) -> str:
        """A section's name as the learner reads it."""
        return {FRONT_MATTER: self.tr("properties (tags, questions…)"), INTRO: self.tr("introduction")}.get(name, name)

    def describe(self, change: ArticleChange) -> str:
        """One line: what happened to the article and to which sections."""
        if change.kind == "added":
            return self.tr("new article")
        if change.kind == "deleted":
            return self.tr("deleted")
        parts = []
        if change.old_title:
            parts.append(self.tr("renamed from “{0}”").format(change.old_title))
        if change.sections_changed:
            parts.append(self.tr("changed: {0}").format(", ".join(map(self.section_name, change.sections_changed))))
        if change.sections_added:
            parts.append(self.tr("new: {0}").format(", ".join(map(self.section_name, change.sections_added))))
        if change.sections_removed:
            parts.append(self.tr("removed: {0}").format(", ".join(map(self.section_name, change.sections_removed))))
        return "; ".join(parts) or self.tr("changed")

    def set_changes(self, changes: list[ArticleChange]) -> None:
        """Show ``changes``."""
        self.tree.clear()
        for change in changes:
            row = QTreeWidgetItem(self.tree, [change.title, self.describe(change)])
            if change.kind != "deleted":
                row.setData(0, ID_ROLE, change.article_id)
            row.setToolTip(0, change.path)
        self.tree.resizeColumnToContents(0)
        self.summary.setText(self.tr("{0} articles changed since you last looked.").format(len(changes))
                             if changes else self.tr("Nothing changed since you last looked."))
        self.seen_button.setEnabled(bool(changes))
        if changes:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        article_id = item.data(0, ID_ROLE)
        if article_id:
            self.article_chosen.emit(article_id)
