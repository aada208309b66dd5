"""The problems panel: bad files and KB problems with their reasons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem

from kb_assistant.core.models import Problem
from kb_assistant.ui.system.messages import problem_line


class ProblemsPanel(QDockWidget):
    """A dock listing problems; activating one asks to open its file's article.

    Signals:
        open_requested(str, int): KB-relative path and line (0 when unknown).
    """

    open_requested = Signal(str, int)

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Problems"), parent)
        self.setObjectName("problems")
        self.list = QListWidget(self)
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
