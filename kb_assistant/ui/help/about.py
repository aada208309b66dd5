"""Help → About: what this is, which version, which KB, where it keeps its files, and "Copy diagnostics"."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

import kb_assistant
from kb_assistant.core.paths import AppPaths
from kb_assistant.ui.system.diagnostics import about_facts


class AboutDialog(QDialog):
    """Name, version, the KB in use and the folders the app writes to, with a button to copy them.

    Args:
        paths: the app's folders (settings, index cache, learning data).
        kb_root: the knowledge base open now.
        parent: the window it belongs to.
    """

    def __init__(self, paths: AppPaths, kb_root: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About KB Assistant"))
        self.setAccessibleName(self.windowTitle())
        self._facts = about_facts(paths, kb_root)
        names = {
            "version": self.tr("Version"), "python": self.tr("Python"), "qt": self.tr("Qt"),
            "system": self.tr("System"), "kb": self.tr("Knowledge base"), "settings": self.tr("Settings folder"),
            "index": self.tr("Index folder"), "data": self.tr("Learning data folder"), "log": self.tr("Log folder"),
        }
        self._paths, self._kb_root = paths, kb_root
        self._named = [(names[key], value) for key, value in self._facts if value]
        self._lines = [f"{name}: {value}" for name, value in self._named]
        heading = QLabel(f"<h2>KB Assistant {html.escape(kb_assistant.__version__)}</h2>", self)
        blurb = QLabel(self.tr(
            "Finds the right article and a ready reply while you type the customer's question, "
            "and copies the reply shaped for the channel. Free software under the MIT License."), self)
        blurb.setWordWrap(True)
        self.details = QLabel("<br>".join(html.escape(line) for line in self._lines), self)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setAccessibleName(self.tr("Version and folders"))
        self.details.setAccessibleDescription("\n".join(self._lines))
        self.details.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("Co&py diagnostics"), self)
        self.copy_button.setAccessibleName(self.tr("Copy diagnostics"))
        self.copy_button.setAccessibleDescription(
            self.tr("Copy the versions, the folders and the last lines of the log, for a bug report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, blurb, self.details, buttons):
            layout.addWidget(widget)
        close.setDefault(True)
        close.setFocus()

    def copy_details(self) -> None:
        """Put the diagnostics (versions, folders, the last log lines) on the clipboard as plain text."""
        from kb_assistant.core.logs import LOG_FILE, diagnostics_report, tail

        log_tail = tail(Path(self._paths.log_dir) / LOG_FILE)
        QGuiApplication.clipboard().setText(diagnostics_report(self._named, log_tail))

    @staticmethod
    def show_for(paths: AppPaths, kb_root: Path | None, parent: QWidget | None = None) -> None:
        """Show the About box modally."""
        AboutDialog(paths, kb_root, parent).exec()


__all__ = ["AboutDialog", "about_facts"]
