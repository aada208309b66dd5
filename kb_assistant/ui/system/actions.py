"""Menu actions with their keys: how every window states its keyboard contract."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def add_action(window: QWidget, menu: QMenu, text: str, slot: Callable[[], object],
               *keys: str | QKeySequence.StandardKey) -> QAction:
    """Add an action to ``menu`` that runs ``slot`` on ``keys`` anywhere in ``window``.

    The keys live on the menu action (not a loose shortcut), so the menu shows them
    and a screen reader announces them with the command.
    """
    action = QAction(text, window)
    sequences: list[QKeySequence] = []
    for key in keys:
        # a standard key (Save, Close) has the platform's bindings, often more than one
        sequences += QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
    action.setShortcuts(sequences)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
