"""The settings' hotkey box: the built-in global key, and paste-back into the window it came from (where allowed)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from kb_assistant.core.settings import Settings
from kb_assistant.ui.widgets.forms import name_widget


class PasteBackBox(QGroupBox):
    """One switch and what it does; disabled, with the reason as its description, where it cannot work.

    Args:
        available: ``(can, why not)``; this system's (:func:`kb_assistant.ui.system.pasteback.availability`) by default.
    """

    def __init__(self, parent: QWidget | None = None, available: tuple[bool, str] | None = None) -> None:
        super().__init__(self.tr("Hotkey and paste-back"), parent)
        self._add_hotkey()
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
        for widget in (self.hotkey_label, self.hotkey, self.hotkey_hint):
            layout.addWidget(widget)
        layout.addWidget(self.check)
        layout.addWidget(self.hint)
        self.check.setEnabled(self.can)
        name_widget(self.check, self.check.text().replace("&", ""), self.reason if not self.can else text)

    def _add_hotkey(self) -> None:
        from kb_assistant.ui.system.hotkey import DEFAULT_HOTKEY, hotkey_support

        self.hotkey_can, why = hotkey_support()
        self.hotkey = QLineEdit(self)
        self.hotkey.setPlaceholderText(self.tr("off: use the desktop's shortcut running kb-assistant --show"))
        self.hotkey_label = QLabel(self.tr("&Quick search key, anywhere on the desktop:"), self)
        self.hotkey_label.setBuddy(self.hotkey)
        hint = self.tr("For example {0}; empty: off.").format(DEFAULT_HOTKEY)
        self.hotkey_hint = QLabel(hint if self.hotkey_can else f"{hint} {why}", self)
        self.hotkey_hint.setWordWrap(True)
        self.hotkey.setEnabled(self.hotkey_can)
        name_widget(self.hotkey, self.tr("Quick search key"), self.hotkey_hint.text())

    def set_values(self, settings: Settings) -> None:
        """Show the settings (kept as they are where they cannot work, but shown off)."""
        self._saved_key = settings.global_hotkey
        self.hotkey.setText(settings.global_hotkey if self.hotkey_can else "")
        self._saved = settings.paste_back
        self.check.setChecked(settings.paste_back and self.can)

    def values(self) -> dict:
        """``global_hotkey`` and ``paste_back`` as the box stands (unchanged where they cannot work here,
        or when the key typed is not one)."""
        from kb_assistant.ui.system.hotkey import parse_hotkey

        key = " ".join(self.hotkey.text().split())
        saved_key = getattr(self, "_saved_key", "")
        usable = self.hotkey_can and (not key or parse_hotkey(key) is not None)
        return {"global_hotkey": key if usable else saved_key,
                "paste_back": self.check.isChecked() if self.can else getattr(self, "_saved", False)}
