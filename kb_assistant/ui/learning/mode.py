"""Learning mode beside the agent's window: opened on demand, and "what changed" told at start."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kb_assistant.ui.learning.controller import LearningController
from kb_assistant.ui.learning.learning_window import LearningWindow


class LearningMode(QObject):
    """Owns the learning window (made the first time it is asked for).

    Signals:
        changes_found(int): after the first KB load, how many articles changed since the user last looked.
    """

    changes_found = Signal(int)

    def __init__(self, controller: LearningController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.window: LearningWindow | None = None
        self._told = False
        controller.changes_changed.connect(self._changes)

    def show(self, tab: int = 0) -> LearningWindow:
        """Open the learning window on ``tab`` (browse, paths, self-check, what changed)."""
        if self.window is None:
            self.window = LearningWindow(self.controller)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.show_tab(tab)
        return self.window

    def retranslate(self) -> None:
        """The interface language changed: build the learning window again in it, showing what it showed.

        Its panels set their texts once, when built, and nothing is typed in it
        (answers are recorded as they are given, reading time as it goes), so a new
        window taking over the place, the tab, the article and the cards left loses nothing.
        """
        old = self.window
        if old is None:
            return
        visible, active = old.isVisible(), old.isActiveWindow()
        old.close()  # writes the reading time and settles an article the arrow keys rest on
        self.window = LearningWindow(self.controller)
        self.window.take_over(old)
        old.deleteLater()
        if visible:
            self.window.show()
            if active:
                self.window.raise_()
                self.window.activateWindow()

    def _changes(self, changes: list) -> None:
        if not self._told:  # agents are told once, at start; later reloads update the list quietly
            self._told = True
            if changes:
                self.changes_found.emit(len(changes))

    def close(self) -> None:
        """Close the window, writing the reading time."""
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
