"""Go to a section of the open article (Ctrl+Shift+O): its headings, found by typing a few letters.

The headings are read from the rendered document the agent sees (each block's
heading level, set by Qt for ``<h1>``…``<h6>``), not from the Markdown: what is
listed is exactly what is on screen, and a position in that document is where
the view scrolls. Enter jumps, Esc closes; Up and Down move through the list
from the filter field.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

_POSITION_ROLE = Qt.ItemDataRole.UserRole
_MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


@dataclass(frozen=True)
class Heading:
    """One heading of the article as shown.

    Attributes:
        level: 1 for ``<h1>`` … 6 for ``<h6>``.
        text: its text, spaces collapsed.
        position: where its block starts in the view's document.
    """

    level: int
    text: str
    position: int


def document_headings(document: QTextDocument) -> list[Heading]:
    """The headings of ``document`` in reading order; empty headings are left out."""
    headings = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        text = " ".join(block.text().split())
        if level and text:
            headings.append(Heading(level, text, block.position()))
        block = block.next()
    return headings


def matching(headings: list[Heading], query: str) -> list[Heading]:
    """The headings that have every word of ``query`` in their text (any case, ё as е)."""
    words = _fold(query).split()
    return [h for h in headings if all(word in _fold(h.text) for word in words)]


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def indented(heading: Heading, top: int) -> str:
    """The list's text of ``heading``: indented by its depth below the article's top level ``top``."""
    return "    " * max(0, heading.level - top) + heading.text


class OutlineDialog(QDialog):
    """A filter field over the open article's headings.

    Args:
        headings: the article's headings (see :func:`document_headings`).
        parent: the window it belongs to.

    Signals:
        chosen(int): the position of the heading to jump to (the dialog has closed).
    """

    chosen = Signal(int)

    def __init__(self, headings: list[Heading], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to section"))
        self.headings = headings
        self._top = min((h.level for h in headings), default=1)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Type to find a section"))
        self.field.setAccessibleName(self.tr("Find a section"))
        self.field.setAccessibleDescription(self.tr("Up and Down choose, Enter goes there, Esc closes"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Sections of the article"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of sections"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.field.textChanged.connect(self.refilter)
        self.field.returnPressed.connect(self.go_to_current)
        self.list.itemActivated.connect(lambda item: self.go_to_current())
        self.field.installEventFilter(self)
        self.setTabOrder(self.field, self.list)
        self.refilter("")
        self.resize(420, 360)

    def refilter(self, query: str) -> None:
        """List the headings matching ``query``; the first is chosen, as Enter would go there."""
        self.list.clear()
        for heading in matching(self.headings, query):
            item = QListWidgetItem(indented(heading, self._top))
            # a screen reader hears the level, which the indent only shows
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("{0}, level {1}").format(heading.text, heading.level))
            item.setData(_POSITION_ROLE, heading.position)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        if not self.headings:
            self.count.setText(self.tr("This article has no sections"))
        else:
            self.count.setText(self.tr("Sections: {0} of {1}").format(self.list.count(), len(self.headings)))

    def visible_texts(self) -> list[str]:
        """The listed headings' texts without their indent (for tests)."""
        return [self.list.item(row).text().strip() for row in range(self.list.count())]

    def go_to_current(self) -> None:
        """Close and report the chosen heading's position (nothing when the list is empty)."""
        item = self.list.currentItem()
        if item is None:
            return
        self.accept()
        self.chosen.emit(int(item.data(_POSITION_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, Page Up and Page Down in the field move through the list."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress and event.key() in _MOVE_KEYS:
            # a copy: the field's event is still being delivered
            QApplication.sendEvent(self.list, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return super().eventFilter(watched, event)
