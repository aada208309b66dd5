"""The F1 sheet listing the keyboard contract."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do), in the order an agent learns them."""
    return [
        ("Ctrl+L, Ctrl+K", QCoreApplication.translate("ShortcutsSheet", "Go to the search box")),
        (QCoreApplication.translate("ShortcutsSheet", "Up, Down"), QCoreApplication.translate("ShortcutsSheet", "Move through the results from the search box")),
        ("Enter", QCoreApplication.translate("ShortcutsSheet", "Open the selected article")),
        ("Ctrl+Enter", QCoreApplication.translate("ShortcutsSheet", "Copy the first reply (asks for missing values)")),
        ("Alt+1 … Alt+9", QCoreApplication.translate("ShortcutsSheet", "Copy reply 1 to 9")),
        ("Ctrl+F", QCoreApplication.translate("ShortcutsSheet", "Find in the article")),
        ("Ctrl+D", QCoreApplication.translate("ShortcutsSheet", "Pin or unpin the open article")),
        ("Esc", QCoreApplication.translate("ShortcutsSheet", "Clear the search; press again to hide the window")),
        ("Ctrl+,", QCoreApplication.translate("ShortcutsSheet", "Settings")),
        ("Ctrl+E", QCoreApplication.translate("ShortcutsSheet", "Edit the open article")),
        ("Ctrl+N", QCoreApplication.translate("ShortcutsSheet", "New article")),
        ("Ctrl+Shift+L", QCoreApplication.translate("ShortcutsSheet", "Learning mode")),
        ("Ctrl+Shift+W", QCoreApplication.translate("ShortcutsSheet", "What changed since you last looked")),
        ("F1", QCoreApplication.translate("ShortcutsSheet", "This list")),
    ]


class ShortcutsSheet(QDialog):
    """A small dialog with the keyboard shortcuts, readable by a screen reader."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        text = QTextBrowser(self)
        text.setAccessibleName(self.tr("Keyboard shortcuts"))
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in shortcut_rows())
        text.setHtml(f"<table cellpadding='4'>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(520, 380)
