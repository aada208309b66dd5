"""The KB as a tree by category, with article counts and a language filter.

A category shows as ``_kb.yml`` labels it in the interface language
(``categories: {delivery: {ru: Доставка, en: Delivery}}``), the way the search
bar's category filter does, else as its folder name.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.ui.system.i18n import ui_language

ID_ROLE = Qt.ItemDataRole.UserRole


class BrowsePanel(QWidget):
    """Categories (with counts) and their articles; moving to one previews it, Enter or a click opens it.

    Signals:
        article_chosen(str): open this article id (Enter or a click).
        article_previewed(str): the current item moved to this article id (the arrow keys).
        language_changed(str): the learner chose a language filter ("" for all).
    """

    article_chosen = Signal(str)
    article_previewed = Signal(str)
    language_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kb: KnowledgeBase | None = None
        self.is_read = lambda article_id: False
        self.label_language = ui_language  # whose category labels are shown: the interface language's
        self._shape: tuple = ()
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
        # arrow keys preview as in Zeal or a mail client; the focus stays in the tree
        self.tree.currentItemChanged.connect(self._current_changed)

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
        """Show the KB's articles again (after a KB reload, a language change or reading progress).

        When the same articles are listed, only the counts and marks change, so the
        current item, the selection and the scroll position stay as they were.
        """
        groups = self._groups()
        shape = tuple((category, tuple(a.id for a in articles)) for category, articles in groups)
        if shape != self._shape:
            self._rebuild(groups)
            self._shape = shape
        for row, (category, articles) in enumerate(groups):
            parent = self.tree.topLevelItem(row)
            read = sum(1 for a in articles if self.is_read(a.id))
            name = self.category_name(category)
            parent.setText(0, self.tr("{0} ({1} articles, {2} read)").format(name, len(articles), read))
            for number, article in enumerate(articles):
                child = parent.child(number)
                is_read = self.is_read(article.id)
                child.setText(0, f"{'✓ ' if is_read else ''}{article.title}")
                child.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                              self.tr("{0}, read").format(article.title) if is_read else None)

    def category_name(self, category: str) -> str:
        """How ``category`` (a folder path, "" for none) is shown: its label in the interface language."""
        if not category:
            return self.tr("(no category)")
        if self.kb is None:
            return category
        return self.kb.config.category_label(category, self.label_language()) or category

    def _groups(self) -> list[tuple[str, list]]:
        if self.kb is None:
            return []
        lang = self.language.currentData() or ""
        groups: dict[str, list] = defaultdict(list)
        for article in self.kb.articles.values():
            if article.type == "snippet" or (lang and article.lang != lang):
                continue
            groups[article.category or ""].append(article)
        # in the order the learner reads them, as the search bar lists them; no category last
        names = {category: self.category_name(category).casefold() for category in groups}
        return [(category, sorted(groups[category], key=lambda a: a.title.casefold()))
                for category in sorted(groups, key=lambda c: (c == "", names[c], c.casefold()))]

    def _rebuild(self, groups: list[tuple[str, list]]) -> None:
        expanded = {self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).isExpanded()}
        current = self.tree.currentItem()
        current_id = current.data(0, ID_ROLE) if current is not None else None
        self.tree.blockSignals(True)  # taking the tree apart is no move of the learner's
        try:
            self.tree.clear()
            for category, articles in groups:
                parent = QTreeWidgetItem(self.tree, [""])
                parent.setData(0, ID_ROLE, f"category:{category}")
                parent.setToolTip(0, category)  # the folder behind a label, as an article's row shows its file
                for article in articles:
                    child = QTreeWidgetItem(parent, [""])
                    child.setData(0, ID_ROLE, article.id)
                    child.setToolTip(0, article.path)
                    if article.id == current_id:
                        self.tree.setCurrentItem(child)
                if f"category:{category}" == current_id:
                    self.tree.setCurrentItem(parent)
                now = self.tree.currentItem()
                parent.setExpanded(f"category:{category}" in expanded or (now is not None and now.parent() is parent))
        finally:
            self.tree.blockSignals(False)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        value = item.data(0, ID_ROLE) if item is not None else None
        if value and not value.startswith("category:"):
            self.article_previewed.emit(value)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        value = item.data(0, ID_ROLE)
        if value and not value.startswith("category:"):
            self.article_chosen.emit(value)
