"""The problems panel: bad files and KB problems with their reasons."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem

from kb_assistant.core.models import Problem
from kb_assistant.ui.system.messages import problem_line


class ProblemList(QListWidget):
    """A list that asks for :attr:`LINES` rows, not Qt's 192 px, and can shrink to :attr:`MIN_LINES`.

    The dock at the bottom of the agent's window takes the height its list asks
    for: Qt's default squeezed the article above it to about 100 px at 1366×768.
    """

    LINES = 6
    MIN_LINES = 2

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as Qt likes, :attr:`LINES` rows high."""
        return QSize(super().sizeHint().width(), self.rows_height(self.LINES))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """:attr:`MIN_LINES` rows: the user may drag the panel smaller, never to nothing."""
        return QSize(super().minimumSizeHint().width(), self.rows_height(self.MIN_LINES))

    def rows_height(self, rows: int) -> int:
        """The height of ``rows`` rows of this list with its frame (a larger font asks for more)."""
        row = max(self.fontMetrics().height(), self.sizeHintForRow(0) if self.count() else 0)
        return row * rows + 2 * self.frameWidth()


class ProblemsPanel(QDockWidget):
    """A dock listing problems; activating one asks to open its file's article.

    Signals:
        open_requested(str, int): KB-relative path and line (0 when unknown).
    """

    open_requested = Signal(str, int)

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems")
        self.list = ProblemList(self)
        self.list.setAccessibleName(self.tr("Problems in the knowledge base"))
        self.setWidget(self.list)
        self.list.itemActivated.connect(self._activated)

    def set_problems(self, problems: list[Problem]) -> None:
        """Show ``problems``, errors first."""
        self.list.clear()
        ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0))
        for problem in ordered:
            item = QListWidgetItem(problem_line(problem))
            item.setData(Qt.ItemDataRole.UserRole, (problem.path, problem.line or 0))
            self.list.addItem(item)
        errors = sum(1 for p in problems if p.severity == "error")
        self.setWindowTitle(self.tr("Problems ({0} errors, {1} warnings)").format(errors, len(problems) - errors))

    def _activated(self, item: QListWidgetItem) -> None:
        path, line = item.data(Qt.ItemDataRole.UserRole)
        self.open_requested.emit(path, line)
