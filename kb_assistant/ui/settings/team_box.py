"""The settings' team box: how often a KB kept in git is synced, and who the editor's published changes are from."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from kb_assistant.core.settings import SYNC_MINUTES, Settings
from kb_assistant.ui.widgets.forms import add_row, name_widget


class TeamBox(QGroupBox):
    """The sync interval and the publishing name and e-mail (empty: git's own)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Team knowledge base (git)"), parent)
        self.sync_minutes = QSpinBox(self)
        self.sync_minutes.setRange(SYNC_MINUTES.start, SYNC_MINUTES.stop - 1)
        self.sync_minutes.setSpecialValueText(self.tr("Only at start and on demand"))
        self.sync_minutes.setSuffix(self.tr(" min"))
        self.sync_minutes.setKeyboardTracking(False)
        self.author_name = QLineEdit(self)
        self.author_email = QLineEdit(self)
        self.author_name.setPlaceholderText(self.tr("git's own (user.name)"))
        self.author_email.setPlaceholderText(self.tr("git's own (user.email)"))
        hint = QLabel(self.tr("For a knowledge base kept in git: agents get the editors' changes, editors publish "
                              "theirs (Ctrl+Shift+U). Only fast-forwards: nothing of yours is ever replaced."), self)
        hint.setWordWrap(True)
        form = QFormLayout(self)
        add_row(form, self.tr("S&ync every:"), self.sync_minutes, name=self.tr("Sync every"))
        add_row(form, self.tr("Publish as (na&me):"), self.author_name, name=self.tr("Publish as, name"))
        add_row(form, self.tr("Publish as (e-ma&il):"), self.author_email, name=self.tr("Publish as, e-mail"))
        form.addRow(hint)
        name_widget(self.sync_minutes.findChild(QLineEdit), self.tr("Sync every"), "")

    def set_values(self, settings: Settings) -> None:
        """Show the settings' values."""
        self.sync_minutes.setValue(settings.sync_minutes if settings.sync_minutes in SYNC_MINUTES else 10)
        self.author_name.setText(settings.author_name)
        self.author_email.setText(settings.author_email)

    def values(self) -> dict:
        """``sync_minutes``, ``author_name`` and ``author_email`` as the fields stand."""
        return {"sync_minutes": self.sync_minutes.value(), "author_name": self.author_name.text().strip(),
                "author_email": self.author_email.text().strip()}
