"""The F1 sheet: every keyed action of every window, read from the actions themselves.

The rows come from :mod:`kb_assistant.ui.help.registry` (the windows' menus),
so a key added to a menu shows here by itself. Only the keys that belong to a
field or a list rather than to a command (Up and Down in the search box,
Enter, Esc in the find bar, the article's links) are written here by hand.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.ui.help.registry import Command, app_commands


def field_keys() -> list[tuple[str, str]]:
    """(keys, what they do) for the keys of fields and lists, which no action carries."""
    translate = QCoreApplication.translate
    return [
        (translate("ShortcutsSheet", "Up, Down"), translate("ShortcutsSheet", "Move through the results from the search box")),
        (translate("ShortcutsSheet", "Enter"), translate("ShortcutsSheet", "Open the selected article")),
        (translate("ShortcutsSheet", "Esc"), translate("ShortcutsSheet", "In the find bar: close it and go back to the article")),
        (translate("ShortcutsSheet", "Alt+Down, Alt+Up"),
         translate("ShortcutsSheet", "In the article: the next or previous link (Enter opens it)")),
        (translate("ShortcutsSheet", "Tab, Shift+Tab"), translate("ShortcutsSheet", "The next or previous part of the window")),
    ]


def shortcut_groups(commands: list[Command]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The sheet's sections: ``(heading, [(keys, what)])`` per window and menu, keyed commands only."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for command in commands:
        if not command.keys:
            continue
        heading = f"{command.window} — {command.menu}" if command.menu else command.window
        groups.setdefault(heading, []).append((command.key_text, command.text))
    return list(groups.items())


def sheet_html(groups: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """The sheet as an HTML table, a heading row per section, for a screen reader as much as for the eye."""
    parts = ["<table cellpadding='3'>"]
    for heading, rows in groups:
        parts.append(f"<tr><th colspan='2' align='left'><br>{html.escape(heading)}</th></tr>")
        parts += [f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>" for keys, what in rows]
    parts.append("</table>")
    return "".join(parts)


class ShortcutsSheet(QDialog):
    """A small dialog with the keyboard shortcuts of every window, readable by a screen reader.

    Args:
        parent: the agent's main window.
        windows: ``(name, window)`` pairs whose keyed actions are listed, in order
            (see ``ui.menus.shortcuts_sheet``, which hands over the editor and learning windows).
    """

    def __init__(self, parent=None, windows: Iterable[tuple[str, QWidget]] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.groups = shortcut_groups(app_commands(windows))
        self.groups.append((self.tr("In fields and lists"), field_keys()))
        self.text.setHtml(sheet_html(self.groups))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 560)
