"""The line at the top of the agent's window that says what changed since they last looked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget


class ChangesNotice(QLabel):
    """Hidden until :meth:`tell` is called; its link (or Ctrl+Shift+W in the window) shows the changes.

    Signals:
        show_requested(): the agent followed the link.
    """

    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("What changed"))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(lambda _link: self.show_requested.emit())
        self.hide()

    def tell(self, count: int) -> str:
        """Say that ``count`` articles changed; returns a one-line summary for the status bar."""
        self.setText(self.tr("{0} articles changed since you last looked. <a href=\"changes\">Show what changed</a> "
                             "(Ctrl+Shift+W)").format(count))
        self.show()
        return self.tr("{0} articles changed since you last looked.").format(count)
