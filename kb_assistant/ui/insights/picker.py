"""Choosing the article a question goes to: type to filter, Enter picks, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from kb_assistant.ui.insights.controller import ArticleChoice, filter_choices

ID_ROLE = Qt.ItemDataRole.UserRole
_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class ArticlePickerDialog(QDialog):
    """A filter line and the KB's articles (title, language and id); :meth:`chosen_id` after it is accepted.

    The arrow keys move in the list while the filter has the focus, so the
    editor types, arrows down and presses Enter without leaving the line.
    """

    def __init__(self, choices: list[ArticleChoice], question: str = "", parent=None) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.setWindowTitle(self.tr("Add as a question to an article"))
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setText(self.tr("Add “{0}” to the questions of:").format(question) if question
                           else self.tr("Add the question to:"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type part of a title or id"))
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Find an article:"), self)
        filter_label.setBuddy(self.filter)
        self.filter.setAccessibleName(self.tr("Find an article"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Articles"))
        list_label = QLabel(self.tr("&Articles:"), self)
        list_label.setBuddy(self.list)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Articles found"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("A&dd the question"))
        layout = QVBoxLayout(self)
        for widget in (self.about, filter_label, self.filter, list_label, self.list, self.count, self.buttons):
            layout.addWidget(widget)
        self.filter.textChanged.connect(self._refill)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(self._update_ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._refill()
        self.filter.setFocus()
        self.resize(520, 420)

    def _refill(self) -> None:
        self.list.clear()
        shown = filter_choices(self.choices, self.filter.text())
        for choice in shown:
            text = f"{choice.title} ({choice.lang}) — {choice.id}" if choice.lang else f"{choice.title} — {choice.id}"
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, choice.id)
        if shown:
            self.list.setCurrentRow(0)
            self.count.setText(self.tr("{0} of {1} articles").format(len(shown), len(self.choices)))
        else:
            self.count.setText(self.tr("No article matches: type less of the title.") if self.choices
                               else self.tr("The knowledge base has no articles yet."))
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen_id()))

    def chosen_id(self) -> str:
        """The id of the article picked (the current one in the list), or ""."""
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else ""

    def accept(self) -> None:
        """Enter picks the current article; with none (nothing matches) the dialog stays."""
        if self.chosen_id():
            super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and event.key() in _MOVES:
            # the arrows go to the list, the typing stays in the filter
            QCoreApplication.sendEvent(self.list, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return super().eventFilter(watched, event)
