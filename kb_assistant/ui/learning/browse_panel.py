"""The KB as a tree by category, with article counts and a language filter."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kb_assistant.core.kb.load import KnowledgeBase

ID_ROLE = Qt.ItemDataRole.UserRole


class BrowsePanel(QWidget):
    """Categories (with counts) and their articles; Enter or a click opens one.

    Signals:
        article_chosen(str): open this article id.
        language_changed(str): the learner chose a language filter ("" for all).
    """

    article_chosen = Signal(str)
    language_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kb: KnowledgeBase | None = None
        self.is_read = lambda article_id: False
        self.language = QComboBox(self)
        self.language.addItem(self.tr("All languages"), "")
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.addItem(self.tr("English"), "en")
        self.language.setAccessibleName(self.tr("Language"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Articles by category"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.language)
        layout.addWidget(self.tree, 1)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)

    def set_kb(self, kb: KnowledgeBase) -> None:
        """Fill the tree from ``kb``."""
        self.kb = kb
        self.refresh()

    def show_language(self, lang: str) -> None:
        """Select the filter ``lang`` ("" for all) without counting it as the learner's choice."""
        index = self.language.findData(lang or "")
        if index < 0 or index == self.language.currentIndex():
            return
        self.language.blockSignals(True)
        self.language.setCurrentIndex(index)
        self.language.blockSignals(False)
        self.refresh()

    def _language_changed(self) -> None:
        self.refresh()
        self.language_changed.emit(self.language.currentData() or "")

    def refresh(self) -> None:
        """Rebuild the tree (after a KB reload, a language change or reading progress)."""
        expanded = {self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).isExpanded()}
        self.tree.clear()
        if self.kb is None:
            return
        lang = self.language.currentData() or ""
        groups: dict[str, list] = defaultdict(list)
        for article in self.kb.articles.values():
            if article.type == "snippet" or (lang and article.lang != lang):
                continue
            groups[article.category or ""].append(article)
        for category in sorted(groups, key=lambda c: (c == "", c.casefold())):
            articles = sorted(groups[category], key=lambda a: a.title.casefold())
            read = sum(1 for a in articles if self.is_read(a.id))
            name = category or self.tr("(no category)")
            parent = QTreeWidgetItem(self.tree, [self.tr("{0} ({1} articles, {2} read)").format(
                name, len(articles), read)])
            parent.setData(0, ID_ROLE, f"category:{category}")
            for article in articles:
                mark = "✓ " if self.is_read(article.id) else ""
                child = QTreeWidgetItem(parent, [f"{mark}{article.title}"])
                child.setData(0, ID_ROLE, article.id)
                child.setToolTip(0, article.path)
                if mark:
                    child.setData(0, Qt.ItemDataRole.AccessibleTextRole, self.tr("{0}, read").format(article.title))
            parent.setExpanded(f"category:{category}" in expanded)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        value = item.data(0, ID_ROLE)
        if value and not value.startswith("category:"):
            self.article_chosen.emit(value)
