"""The questions the editor window asks, each a method of its own so tests can answer them.

The texts keep the "EditorWindow" translation context they had when these
methods lived in :mod:`kb_assistant.ui.editor.editor_window` (written out in each call,
which is what the translation tool reads).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

translate = QCoreApplication.translate


class EditorQuestions:
    """Mixed into :class:`~kb_assistant.ui.editor.editor_window.EditorWindow` (a QWidget)."""

    rel_path: str

    def question_box(self: QWidget, title: str, text: str) -> QMessageBox:
        """A Yes/No question whose default (Enter) and Esc answer are No: keep editing, change nothing."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question; only an explicit Yes says yes."""
        box = self.question_box(title, text)
        try:
            box.exec()
            return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
        finally:
            box.deleteLater()

    def ask_conflict(self: QWidget) -> str:
        """'reload', 'keep' or 'compare' (or '' to do nothing)."""
        box = QMessageBox(self)
        box.setWindowTitle(translate("EditorWindow", "Changed on disk"))
        box.setText(translate("EditorWindow", "{0} was changed on disk after you opened it.").format(self.rel_path))
        role = QMessageBox.ButtonRole
        reload = box.addButton(translate("EditorWindow", "&Reload from disk"), role.DestructiveRole)
        keep = box.addButton(translate("EditorWindow", "&Keep mine"), role.AcceptRole)
        compare = box.addButton(translate("EditorWindow", "&Compare"), role.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {reload: "reload", keep: "keep", compare: "compare"}.get(box.clickedButton(), "")

    def show_diff(self, diff: str) -> None:
        """Show a unified diff in a read-only window."""
        view = QTextBrowser()
        view.setWindowTitle(translate("EditorWindow", "Compare: on disk and yours"))
        view.setPlainText(diff)
        view.setAccessibleName(translate("EditorWindow", "Differences"))
        view.resize(800, 600)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        self._diff_view = view

    def ask_unsaved(self: QWidget) -> str:
        """'save', 'discard' or 'cancel' when closing with unsaved edits."""
        answer = QMessageBox.question(
            self, translate("EditorWindow", "Unsaved changes"),
            translate("EditorWindow", "Save the changes to {0}?").format(self.rel_path),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")
