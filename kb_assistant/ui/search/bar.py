"""The search box and its filters (category, tag, language)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.search import SearchFilters
from kb_assistant.ui.system.i18n import ui_language

_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


class SearchBar(QWidget):
    """What the agent types, and the filters beside it.

    Up, Down, PageUp and PageDown in the box do not move its cursor: they ask to
    move through the results (``move_requested``), so the agent never leaves the box.

    Signals:
        text_changed(str): the search text changed.
        filters_changed(object): the :class:`SearchFilters` changed.
        submitted(): Enter in the box.
        move_requested(int): rows to move the results' selection by.
    """

    text_changed = Signal(str)
    filters_changed = Signal(object)
    submitted = Signal()
    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.category_labels: dict[str, str] = {}
        self.box.setPlaceholderText(self.tr("Type the customer's question (Ctrl+L)"))
        self.box.setAccessibleName(self.tr("Search"))
        self.box.setAccessibleDescription(self.tr("Results update as you type; Up and Down move through them"))
        self.box.setClearButtonEnabled(True)
        self.category = self._combo(self.tr("All categories"), self.tr("Category filter"))
        self.tag = self._combo(self.tr("All tags"), self.tr("Tag filter"))
        self.language = self._combo(self.tr("All languages"), self.tr("Language filter"))
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.addItem(self.tr("English"), "en")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        for combo in (self.category, self.tag, self.language):
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _index: self.filters_changed.emit(self.filters()))
        self.box.textChanged.connect(self.text_changed)
        self.box.returnPressed.connect(self.submitted)
        self.box.installEventFilter(self)

    def _combo(self, everything: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        combo.setAccessibleName(name)
        return combo

    def filters(self) -> SearchFilters:
        """The filters as chosen."""
        return SearchFilters(lang=self.language.currentData() or "", category=self.category.currentData() or "",
                             tag=self.tag.currentData() or "")

    def set_kb(self, kb: KnowledgeBase) -> None:
        """Offer the KB's categories (by their label in the interface language) and tags.

        A chosen one that is still there stays chosen. :attr:`category_labels` maps
        each category to the label shown.
        """
        articles = kb.articles.values()
        language = ui_language()
        found = {a.category for a in articles if a.category}
        # updated in place: the results model shows the same labels (it holds this dict)
        self.category_labels.clear()
        self.category_labels.update({category: kb.config.category_label(category, language) for category in found})
        categories = sorted(self.category_labels.items(), key=lambda item: item[1].casefold())
        tags = [(tag, tag) for tag in sorted({tag for a in articles for tag in a.tags})]
        for combo, values in ((self.category, categories), (self.tag, tags)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def focus(self) -> None:
        """Back to the box with its text selected, ready to type over."""
        self.box.setFocus()
        self.box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            step = _STEPS.get(event.key())
            if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.move_requested.emit(step)
                return True
        return super().eventFilter(watched, event)
