"""The settings' usage data box: keep it or not, share it or not, what is kept, and "Delete my usage data"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from kb_assistant.core.usage.log import KEPT_FILES, MAX_AGE_DAYS, MAX_FILE_BYTES
from kb_assistant.ui.widgets.forms import name_widget


class UsageBox(QGroupBox):
    """Two switches, the privacy text in plain words, and the delete button.

    Args:
        folder: where this KB's usage data lives (shown to the agent).
        delete: deletes this machine's usage data of the KB; None leaves the button out
            (no KB is open).
    """

    def __init__(self, folder: str, delete: Callable[[], None] | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Usage data"), parent)
        self._delete = delete
        self.keep = QCheckBox(self.tr("K&eep my usage on this computer"), self)
        self.share = QCheckBox(self.tr("&Share it with my team through the knowledge base"), self)
        self.privacy = QLabel(self.privacy_text(folder), self)
        self.privacy.setWordWrap(True)
        self.share_hint = QLabel(self.share_text(), self)
        self.share_hint.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("&Delete my usage data…"), self)
        self.delete_button.setVisible(delete is not None)
        self.delete_button.clicked.connect(self.ask_delete)
        self.done = QLabel(self)
        self.done.hide()
        layout = QVBoxLayout(self)
        for widget in (self.keep, self.privacy, self.share, self.share_hint, self.delete_button, self.done):
            layout.addWidget(widget)
        name_widget(self.keep, self.keep.text().replace("&", ""), self.privacy.text())
        name_widget(self.share, self.share.text().replace("&", ""), self.share_text())
        name_widget(self.delete_button, self.tr("Delete my usage data"),
                    self.tr("Deletes what this computer kept of this knowledge base; teammates' shared files stay"))
        self.keep.toggled.connect(self._keep_toggled)

    def privacy_text(self, folder: str) -> str:
        """What is kept, where, and for how long."""
        megabytes = KEPT_FILES * MAX_FILE_BYTES // (1024 * 1024)
        return " ".join((
            self.tr("Kept only on this computer, in {0}: the questions you search, the articles you open "
                    "and the replies you copy, never the values you fill in.").format(folder),
            self.tr("E-mail addresses, phone, card and other long numbers are masked before anything is written."),
            self.tr("Used to rank the articles you chose higher and to show editors what could not be found; "
                    "kept for {0} days at most, {1} MB at most.").format(MAX_AGE_DAYS, megabytes),
        ))

    def share_text(self) -> str:
        """What sharing writes, said beside the switch."""
        return self.tr("Counts of answered and unanswered questions and of copied replies, never single events, "
                       "go to the knowledge base's _usage folder, in one file for this computer.")

    def set_values(self, keep: bool, share: bool) -> None:
        """Show the settings' values."""
        self.keep.setChecked(keep)
        self.share.setChecked(share and keep)
        self.share.setEnabled(keep)

    def values(self) -> tuple[bool, bool]:
        """``(keep_usage, share_usage)`` as the boxes stand."""
        keep = self.keep.isChecked()
        return keep, keep and self.share.isChecked()

    def ask_delete(self) -> None:
        """Ask first (No is the default), then delete and say so."""
        if self._delete is None or not self.confirm_delete():
            return
        self._delete()
        self.done.setText(self.tr("Your usage data of this knowledge base was deleted."))
        self.done.show()
        self.delete_button.setFocus()

    def confirm_delete(self) -> bool:
        """The question before deleting (tests answer it without a dialog)."""
        answer = QMessageBox.question(
            self, self.tr("Delete my usage data"),
            self.tr("Delete everything this computer kept of your searches, opened articles and copied replies "
                    "in this knowledge base, imported history and your shared file included? "
                    "The search forgets what it learned from them."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _keep_toggled(self, on: bool) -> None:
        self.share.setEnabled(on)
        if not on:
            self.share.setChecked(False)
