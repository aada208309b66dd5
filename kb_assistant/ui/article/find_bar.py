"""Find in the open article (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    """A one-line find bar: Enter finds the next match, Shift+Enter the previous, Esc closes.

    Signals:
        find_requested(str, bool): text, backwards.
        closed(): the bar was closed (focus should go back to the article).
    """

    find_requested = Signal(str, bool)
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setAccessibleName(self.tr("Find in article"))
        label = QLabel(self.tr("F&ind:"), self)
        label.setBuddy(self.field)
        self.status = QLabel(self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setAccessibleName(self.tr("Find next"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.field, self.next_button, self.status, self.close_button):
            layout.addWidget(widget)
        layout.setStretch(1, 1)
        self.field.returnPressed.connect(lambda: self.find_requested.emit(self.field.text(), False))
        self.next_button.clicked.connect(lambda: self.find_requested.emit(self.field.text(), False))
        self.close_button.clicked.connect(self.close_bar)
        back = QShortcut(QKeySequence("Shift+Return"), self.field)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(lambda: self.find_requested.emit(self.field.text(), True))
        # No Esc shortcut here: the window's Esc asks has_focus() and closes the bar. Two Esc
        # shortcuts (the window's and the bar's) are ambiguous, and Qt then fires neither.
        self.return_to: QWidget | None = None
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with its text selected; remember where the focus was, to give it back on close."""
        window = self.window()
        before = window.focusWidget() if window is not None else None
        if before is not None and not self.isAncestorOf(before):
            self.return_to = before
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def has_focus(self) -> bool:
        """Whether the bar is open and the keyboard is in it (then Esc closes it)."""
        window = self.window()
        focus = window.focusWidget() if window is not None else None
        return self.isVisible() and focus is not None and self.isAncestorOf(focus)

    def close_bar(self) -> None:
        """Hide the bar; ``closed`` then gives the focus back (see :class:`ArticlePane`)."""
        self.hide()
        self.closed.emit()

    def show_result(self, found: bool) -> None:
        """Say when the text is not in the article."""
        self.status.setText("" if found else self.tr("Not found"))
