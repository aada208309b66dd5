"""The command palette (Ctrl+Shift+P): every command of the agent's window, found by typing a few letters.

Listed from the same actions as the F1 sheet (:mod:`kb_assistant.ui.help.registry`),
so it always offers what the menus offer, with the same keys. Enter runs the
chosen command, Esc closes; Up and Down move through the list from the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.language import switch_layout
from kb_assistant.ui.help.registry import Command, window_commands, window_names

_ACTION_ROLE = Qt.ItemDataRole.UserRole


def matches(command: Command, query: str) -> bool:
    """Whether every word of ``query`` is in the command's text, its menu or its keys (any case, ё as е).

    A word typed on the other keyboard layout counts too ("gthtq" finds «Перейти»): the
    palette is opened with a key, and the layout is easy to leave on the wrong language.
    """
    haystack = _fold(" ".join((command.text, command.menu, command.key_text)))
    return all(word in haystack or (switch_layout(word) or "\0") in haystack for word in _fold(query).split())


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


class CommandPalette(QDialog):
    """A filter field over the list of the window's commands.

    Args:
        window: the agent's main window, whose menus are listed.
        exclude: actions not to offer (the palette's own).
    """

    def __init__(self, window: QWidget, exclude: tuple[QAction, ...] = ()) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Command palette"))
        self.commands = [c for c in window_commands(window, window_names()["main"])
                         if c.action.isVisible() and c.action.isEnabled() and c.action not in exclude]
        self.chosen: QAction | None = None
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Type to find a command"))
        self.field.setAccessibleName(self.tr("Find a command"))
        self.field.setAccessibleDescription(self.tr("Up and Down choose, Enter runs it, Esc closes"))
        self.list = QTreeWidget(self)  # two columns: the command, and its keys aligned beside it
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setAccessibleName(self.tr("Commands"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of commands"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.field.textChanged.connect(self.refilter)
        self.field.returnPressed.connect(self.run_current)
        self.list.itemActivated.connect(lambda item, column: self.run_current())
        self.field.installEventFilter(self)
        self.setTabOrder(self.field, self.list)
        self.refilter("")
        self.resize(520, 420)

    def refilter(self, query: str) -> None:
        """List the commands matching ``query``; the first is chosen, as Enter would run it."""
        self.list.clear()
        for command in self.commands:
            if not matches(command, query):
                continue
            item = QTreeWidgetItem([command.text, command.key_text])
            item.setToolTip(0, command.menu)
            spoken = f"{command.text}, {command.key_text}" if command.keys else command.text
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setData(0, _ACTION_ROLE, command.action)
            self.list.addTopLevelItem(item)
        count = self.list.topLevelItemCount()
        if count:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.count.setText(self.tr("{0} of {1} commands").format(count, len(self.commands)))

    def visible_texts(self) -> list[str]:
        """The listed commands' texts, keys left out (for tests and the screen reader's summary)."""
        return [self.list.topLevelItem(row).text(0) for row in range(self.list.topLevelItemCount())]

    def run_current(self) -> None:
        """Close the palette and run the chosen command (nothing when the list is empty)."""
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(0, _ACTION_ROLE)
        self.accept()
        self.chosen.trigger()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, Page Up and Page Down in the field move through the list."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            # a copy: the field's event is still being delivered
            QApplication.sendEvent(self.list, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return super().eventFilter(watched, event)
