"""Reading paths with progress: where you are, and where to continue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning import OverallProgress

ID_ROLE = Qt.ItemDataRole.UserRole
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class PathsPanel(QWidget):
    """Each path with "read / total", its articles in order (✓ when read), overall progress.

    Signals:
        article_chosen(str): open this article id.
        continue_requested(str): open the next unread article of this path (its title).
    """

    article_chosen = Signal(str)
    continue_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.overall = QProgressBar(self)
        self.overall.setAccessibleName(self.tr("Overall progress"))
        self.overall_label = QLabel(self)
        self.overall_label.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Reading paths"))
        self.continue_button = QPushButton(self.tr("&Continue where I stopped"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overall_label)
        layout.addWidget(self.overall)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        layout.addLayout(row)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.continue_button.clicked.connect(self._continue)

    def show_progress(self, progress: OverallProgress | None, kb: KnowledgeBase | None) -> None:
        """Show every path and the overall share read."""
        current = self.selected_path()
        self.tree.clear()
        if progress is None or kb is None:
            return
        percent = round(progress.fraction * 100)
        self.overall.setValue(percent)
        self.overall_label.setText(self.tr("{0} of {1} articles on the paths read ({2}%).").format(
            progress.read_count, progress.total, percent))
        if not progress.paths:
            self.overall_label.setText(self.tr("This knowledge base has no reading paths (see 'paths' in _kb.yml)."))
        for path in progress.paths:
            title = path.path.title
            state = self.tr("done") if path.done else self.tr("next: {0}").format(
                kb.articles[path.next_article].title if path.next_article else "")
            parent = QTreeWidgetItem(self.tree, [self.tr("{0} — {1} of {2} read; {3}").format(
                title, path.read_count, path.total, state)])
            parent.setData(0, PATH_ROLE, title)
            if path.path.description:
                parent.setToolTip(0, path.path.description)
            read = set(path.read)
            for number, article_id in enumerate(path.articles, 1):
                mark = "✓" if article_id in read else "○"
                here = self.tr("  ← continue here") if article_id == path.next_article else ""
                child = QTreeWidgetItem(parent, [f"{mark} {number}. {kb.articles[article_id].title}{here}"])
                child.setData(0, ID_ROLE, article_id)
                child.setData(0, PATH_ROLE, title)
                child.setData(0, Qt.ItemDataRole.AccessibleTextRole, self.tr("{0}. {1}, {2}").format(
                    number, kb.articles[article_id].title, self.tr("read") if mark == "✓" else self.tr("not read")))
            for missing in path.missing:
                QTreeWidgetItem(parent, [self.tr("⚠ {0}: no such article").format(missing)])
            parent.setExpanded(True)
            if title == current or (current is None and self.tree.currentItem() is None):
                self.tree.setCurrentItem(parent)

    def selected_path(self) -> str | None:
        """The title of the path the selection is in."""
        item = self.tree.currentItem()
        return item.data(0, PATH_ROLE) if item is not None else None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        article_id = item.data(0, ID_ROLE)
        if article_id:
            self.article_chosen.emit(article_id)

    def _continue(self) -> None:
        path = self.selected_path()
        if path is None and self.tree.topLevelItemCount():
            path = self.tree.topLevelItem(0).data(0, PATH_ROLE)
        if path is not None:
            self.continue_requested.emit(path)
