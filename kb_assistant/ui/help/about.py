"""Help → About: what this is, which version, which KB, and where it keeps its files."""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

import kb_assistant
from kb_assistant.core.paths import AppPaths


def about_facts(paths: AppPaths, kb_root: Path | None) -> list[tuple[str, str]]:
    """The (untranslated key, value) facts the About box shows and copies, in order."""
    return [
        ("version", kb_assistant.__version__),
        ("python", platform.python_version()),
        ("qt", f"Qt {qVersion()}, PySide6 {PySide6.__version__}"),
        ("system", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("kb", str(kb_root) if kb_root is not None else ""),
        ("settings", str(paths.config_dir)),
        ("index", str(paths.cache_dir)),
        ("data", str(paths.data_dir)),
    ]


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
            "index": self.tr("Index folder"), "data": self.tr("Learning data folder"),
        }
        self._lines = [f"{names[key]}: {value}" for key, value in self._facts if value]
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
        self.copy_button = QPushButton(self.tr("Co&py details"), self)
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.setAccessibleDescription(self.tr("Copy the version and the folders, for a bug report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, blurb, self.details, buttons):
            layout.addWidget(widget)
        close.setDefault(True)
        close.setFocus()

    def copy_details(self) -> None:
        """Put the version and folder lines on the clipboard as plain text."""
        QGuiApplication.clipboard().setText("KB Assistant\n" + "\n".join(self._lines) + "\n")

    @staticmethod
    def show_for(paths: AppPaths, kb_root: Path | None, parent: QWidget | None = None) -> None:
        """Show the About box modally."""
        AboutDialog(paths, kb_root, parent).exec()


__all__ = ["AboutDialog", "about_facts"]
