"""The settings' paste-back box: after a copy, paste into the window the hotkey came from (where the system allows it)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from kb_assistant.core.settings import Settings
from kb_assistant.ui.widgets.forms import name_widget


class PasteBackBox(QGroupBox):
    """One switch and what it does; disabled, with the reason as its description, where it cannot work.

    Args:
        available: ``(can, why not)``; this system's (:func:`kb_assistant.ui.system.pasteback.availability`) by default.
    """

    def __init__(self, parent: QWidget | None = None, available: tuple[bool, str] | None = None) -> None:
        super().__init__(self.tr("Paste-back"), parent)
        if available is None:
            from kb_assistant.ui.system.pasteback import availability

            available = availability()
        self.can, self.reason = available
        self.check = QCheckBox(self.tr("After copying, paste &back into the window I came from"), self)
        text = self.tr("When the hotkey (kb-assistant --show) brought this window up: a copy hides it, "
                       "gives focus back to the window you were in and pastes the reply there.")
        self.hint = QLabel(text if self.can else f"{text} {self.reason}", self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check)
        layout.addWidget(self.hint)
        self.check.setEnabled(self.can)
        name_widget(self.check, self.check.text().replace("&", ""), self.reason if not self.can else text)

    def set_values(self, settings: Settings) -> None:
        """Show the setting (kept as it is where paste-back cannot work, but shown off)."""
        self._saved = settings.paste_back
        self.check.setChecked(settings.paste_back and self.can)

    def values(self) -> dict:
        """``paste_back`` as the box stands (unchanged where it cannot work here)."""
        return {"paste_back": self.check.isChecked() if self.can else getattr(self, "_saved", False)}
