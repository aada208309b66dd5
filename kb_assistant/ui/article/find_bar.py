"""Find in the open article (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kb_assistant.ui.widgets.article_view import Matches


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
        self.status.setAccessibleName(self.tr("Matches"))
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
        self.field.textChanged.connect(self.clear_result)  # "3 of 7" was about the text before
        # Shift+Enter through a filter, not a QShortcut: the field takes any Enter as its own
        # (returnPressed), so a shortcut never fired and Shift+Enter found the next match
        self.field.installEventFilter(self)
        # No Esc shortcut here: the window's Esc asks has_focus() and closes the bar. Two Esc
        # shortcuts (the window's and the bar's) are ambiguous, and Qt then fires neither.
        self.return_to: QWidget | None = None
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shift+Enter in the field finds the previous match."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_requested.emit(self.field.text(), True)
            return True
        return super().eventFilter(watched, event)

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

    def show_matches(self, matches: Matches) -> None:
        """Say which match is selected of how many ("3 of 7"), or that there is none."""
        if not matches.total:
            text = self.tr("Not found")
        elif matches.more:
            text = self.tr("{0} of more than {1}").format(matches.current, matches.total) if matches.current \
                else self.tr("More than {0} matches").format(matches.total)
        else:
            text = self.tr("{0} of {1}").format(matches.current, matches.total)
        self.status.setText(text)

    def clear_result(self) -> None:
        """Forget the last result (the text or the article changed)."""
        self.status.clear()
