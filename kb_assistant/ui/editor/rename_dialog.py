"""F2 in the editor: rename or move an article, showing every file that changes first."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit

from kb_assistant.core.errors import KbError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.upkeep.rename import RenamePlan, plan_rename
from kb_assistant.ui.system.messages import error_text, problem_line

PLAN_DELAY_MS = 250


class RenameDialog(QDialog):
    """New path and id, and a plain-text plan: files and lines to change, links that would break.

    OK is enabled only while the plan is valid; :meth:`plan` is then what to apply.
    """

    def __init__(self, kb: KnowledgeBase, article_id: str, parent=None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.article = kb.get(article_id)
        self._plan: RenamePlan | None = None
        self.setWindowTitle(self.tr("Rename or move “{0}”").format(self.article.title))
        self.new_path = QLineEdit(self.article.path, self)
        self.new_id = QLineEdit(self.article.id, self)
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setMinimumSize(560, 220)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Rename"))
        layout = QFormLayout(self)
        for label, field in ((self.tr("New &path"), self.new_path), (self.tr("New &id"), self.new_id),
                             (self.tr("What changes"), self.summary)):
            layout.addRow(label, field)
            field.setAccessibleName(label.replace("&", ""))
        layout.addRow(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PLAN_DELAY_MS)
        self.timer.timeout.connect(self.update_plan)
        self.new_path.textEdited.connect(self.timer.start)
        self.new_id.textEdited.connect(self.timer.start)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.update_plan()

    def plan(self) -> RenamePlan | None:
        """The plan for the fields as they are, None when they cannot be used."""
        return self._plan

    def update_plan(self) -> None:
        """Work the plan out again and describe it."""
        path, new_id = self.new_path.text().strip(), self.new_id.text().strip()
        self._plan = None
        if path == self.article.path and new_id == self.article.id:
            self._show(self.tr("Type a new path or id."), False)
            return
        try:
            plan = plan_rename(self.kb, self.article.id, path, new_id or None)
        except KbError as exc:
            self._show(error_text(exc), False)
            return
        self._plan = plan
        lines = [self.tr("{0} → {1} (id {2} → {3})").format(plan.old_path, plan.new_path, plan.old_id, plan.new_id),
                 "", self.tr("Files to update:")]
        for edit in plan.edits:
            where = ", ".join(str(n) for n in edit.lines[:12]) + (" …" if len(edit.lines) > 12 else "")
            lines.append(self.tr("  {0}: lines {1}").format(edit.rel_path, where) if where else f"  {edit.rel_path}")
        if plan.breaking:
            lines += ["", self.tr("Will break (fix by hand):")]
            lines += [f"  {problem_line(problem)}" for problem in plan.breaking]
        self._show("\n".join(lines), True)

    def _show(self, text: str, ok: bool) -> None:
        self.summary.setPlainText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
