"""Settings and profile: a dialog that edits a copy of :class:`core.settings.Settings`.

The signature has a checkbox per channel (``Settings.signature_channels``) and a
hint under them that says what copying will do with it, kept in step with the
boxes and the signature's text. Themes themselves are applied by
:mod:`kb_assistant.ui.system.theme`.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import CHANNELS
from kb_assistant.core.paths import bundled_kb_dir
from kb_assistant.core.settings import IDLE_MINUTES, SCAN_SECONDS, Settings
from kb_assistant.ui.settings.pasteback_box import PasteBackBox
from kb_assistant.ui.settings.team_box import TeamBox
from kb_assistant.ui.settings.usage_box import UsageBox
from kb_assistant.ui.system.theme import FONT_MAX, FONT_MIN
from kb_assistant.ui.widgets.forms import add_row, name_widget



class SettingsDialog(QDialog):
    """Edit the agent's profile, reply defaults, KB folder and appearance.

    Args:
        settings: the current settings; the dialog edits a copy.
        kb: the loaded knowledge base, for the greeting and closing snippet lists.
        parent: the parent widget.
        snippet_lang: list only snippets of this language (all when None).
        usage_folder: where this KB's usage data is kept (said in the usage box).
        delete_usage: deletes this machine's usage data of the KB ("Delete my usage data"); None: no button.
    """

    def __init__(
        self,
        settings: Settings,
        kb: KnowledgeBase | None = None,
        parent: QWidget | None = None,
        *,
        snippet_lang: str | None = None,
        usage_folder: str = "",
        delete_usage: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = copy.deepcopy(settings)
        self.usage = UsageBox(usage_folder, delete_usage, self)
        self.team = TeamBox(self)
        self.paste_back = PasteBackBox(self)
        self._kb = kb
        self._snippet_lang = snippet_lang
        self._font_size = 0
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.windowTitle())
        self._add_widgets()
        self._load(self._original)
        self.agent_name.setFocus()

    # -- building --------------------------------------------------------
    def _add_widgets(self) -> None:
        self.agent_name = QLineEdit(self)
        self.signature = QPlainTextEdit(self)
        self.signature.setTabChangesFocus(True)
        self.signature.setPlaceholderText(self.tr("Several lines allowed"))
        self.signature.setFixedHeight(self.signature.fontMetrics().lineSpacing() * 4 + 12)
        self._channel_names = {
            "email": self.tr("E-mail"), "chat": self.tr("Chat"),
            "messenger": self.tr("Messenger"), "phone": self.tr("Phone"),
        }
        self.signature_channels = {channel: QCheckBox(self._channel_names[channel], self) for channel in CHANNELS}
        boxes = QHBoxLayout()
        for box in self.signature_channels.values():
            boxes.addWidget(box)
            box.toggled.connect(self._update_signature_hint)
        boxes.addStretch(1)
        self.signature_hint = QLabel(self)
        self.signature_hint.setWordWrap(True)
        self.signature_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        signature_row = QVBoxLayout()
        signature_row.addLayout(boxes)
        signature_row.addWidget(self.signature_hint)
        self.signature.textChanged.connect(self._update_signature_hint)
        self.company = QLineEdit(self)
        self.channel = self._combo([(self._channel_names[channel], channel) for channel in CHANNELS])
        self.greeting = self._combo(self._snippet_items())
        self.closing = self._combo(self._snippet_items())
        self.kb_dir = QLineEdit(self)
        self.kb_dir.setPlaceholderText(self._kb_dir_placeholder())
        self.browse_button = QPushButton(self.tr("Bro&wse…"), self)
        self.browse_button.clicked.connect(self.browse_kb_dir)
        kb_row = QHBoxLayout()
        kb_row.addWidget(self.kb_dir, 1)
        kb_row.addWidget(self.browse_button)
        # language names in their own language: findable whatever the current UI language
        self.language = self._combo(
            [(self.tr("System language"), "system"), ("Русский", "ru"), ("English", "en")]
        )
        self.theme = self._combo([
            (self.tr("System"), "system"), (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"), (self.tr("High contrast"), "high-contrast"),
        ])
        self.font_size = QSpinBox(self)
        self.font_size.setRange(0, FONT_MAX)
        self.font_size.setSpecialValueText(self.tr("System default"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setKeyboardTracking(False)  # typing "12" must not stop at 1
        self.font_size.valueChanged.connect(self._skip_tiny_fonts)
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(IDLE_MINUTES.start, IDLE_MINUTES.stop - 1)
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setSuffix(self.tr(" min without a copy"))
        self.idle_minutes.setKeyboardTracking(False)
        self.scan_seconds = QSpinBox(self)
        self.scan_seconds.setRange(SCAN_SECONDS.start, SCAN_SECONDS.stop - 1)
        self.scan_seconds.setSpecialValueText(self.tr("Only when the system reports a change"))
        self.scan_seconds.setSuffix(self.tr(" s without a change reported"))
        self.scan_seconds.setKeyboardTracking(False)

        form = QFormLayout()
        rows = (
            (self.agent_name, self.tr("Your &name:"), self.tr("Your name"), self.tr("fills {{agent_name}} in replies")),
            (self.signature, self.tr("Si&gnature:"), self.tr("Signature"), self.tr("fills {{agent_signature}}")),
            (signature_row, self.tr("&Add the signature for:"), self.tr("Add the signature for"), ""),
            (self.company, self.tr("&Company:"), self.tr("Company"), self.tr("fills {{company}}")),
            (self.channel, self.tr("Default c&hannel:"), self.tr("Default channel"), ""),
            (self.greeting, self.tr("G&reeting:"), self.tr("Greeting snippet"),
             self.tr("added before every reply that does not open with a greeting of its own; "
                     "can be changed per copy")),
            (self.closing, self.tr("C&losing:"), self.tr("Closing snippet"),
             self.tr("added after every reply that does not end with a closing of its own; "
                     "can be changed per copy")),
            (self.idle_minutes, self.tr("&Put customer values aside after:"), self.tr("Put customer values aside after"),
             self.tr("then they are shown as the previous customer's and used only when you take them")),
            (kb_row, self.tr("&Knowledge base folder:"), self.tr("Knowledge base folder"),
             self.tr("empty: the bundled sample")),
            (self.scan_seconds, self.tr("Look for changes e&very:"), self.tr("Look for changes every"),
             self.tr("for a folder on a network share, where other computers' changes are not reported")),
            (self.language, self.tr("Interface lang&uage:"), self.tr("Interface language"), ""),
            (self.theme, self.tr("&Theme:"), self.tr("Theme"), ""),
            (self.font_size, self.tr("&Font size:"), self.tr("Font size"), self.tr("0: the system default")),
        )
        buddies = {id(kb_row): self.kb_dir, id(signature_row): self.signature_channels["email"]}
        for widget, label_text, name, description in rows:
            add_row(form, label_text, widget, buddy=buddies.get(id(widget)), name=name, description=description)
        for channel, box in self.signature_channels.items():
            name_widget(box, self.tr("Add the signature for: {0}").format(self._channel_names[channel]))
        name_widget(self.browse_button, self.tr("Browse for the knowledge base folder"), "")
        name_widget(self.font_size.findChild(QLineEdit), self.tr("Font size"), "")
        name_widget(self.idle_minutes.findChild(QLineEdit), self.tr("Put customer values aside after"), "")
        name_widget(self.scan_seconds.findChild(QLineEdit), self.tr("Look for changes every"), "")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&OK"))
        name_widget(ok, self.tr("OK"), self.tr("Save the settings"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        name_widget(cancel, self.tr("Cancel"), self.tr("Close without saving"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        usage_column = QVBoxLayout()
        usage_column.addWidget(self.usage)
        usage_column.addWidget(self.team)
        usage_column.addWidget(self.paste_back)
        usage_column.addStretch(1)
        columns.addLayout(usage_column, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.kb_dir, self.browse_button)
        self.setTabOrder(self.browse_button, self.scan_seconds)
        self.setTabOrder(self.scan_seconds, self.language)
        self.setTabOrder(self.font_size, self.usage.keep)
        self.setTabOrder(self.usage.keep, self.usage.share)
        self.setTabOrder(self.usage.share, self.usage.delete_button)
        self.setTabOrder(self.usage.delete_button, self.team.sync_minutes)
        self.setTabOrder(self.team.sync_minutes, self.team.author_name)
        self.setTabOrder(self.team.author_name, self.team.author_email)
        self.setTabOrder(self.team.author_email, self.paste_back.check)

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def signature_hint_text(self) -> str:
        """What copying does with the signature, as the boxes and the signature's text stand now."""
        names = [self._channel_names[channel] for channel, box in self.signature_channels.items()
                 if box.isChecked()]
        if not names:
            return self.tr("Not added to any reply. Put {{agent_signature}} in a reply or a closing "
                           "to place it there.")
        where = ", ".join(names)
        if not self.signature.toPlainText().strip():
            return self.tr("Nothing is added while the signature is empty. Once written, it goes under the reply, "
                           "after the closing, when copying for: {0}.").format(where)
        return " ".join((
            self.tr("Added under the reply, after the closing, when copying for: {0}.").format(where),
            self.tr("Left out when the reply or the closing already signs it."),
        ))

    def _update_signature_hint(self) -> None:
        text = self.signature_hint_text()
        self.signature_hint.setText(text)
        for box in self.signature_channels.values():
            box.setAccessibleDescription(text)

    def _snippet_items(self) -> list[tuple[str, str]]:
        items = [(self.tr("(none)"), "")]
        if self._kb is not None:
            snippets = self._kb.snippets(self._snippet_lang)
            several_languages = len({s.lang for s in snippets}) > 1
            for snippet in snippets:
                title = snippet.title or snippet.id
                items.append((f"{title} ({snippet.lang})" if several_languages and snippet.lang else title, snippet.id))
        return items

    # -- values ----------------------------------------------------------
    def _kb_dir_placeholder(self) -> str:
        """What an empty folder field means now: the sample, unless another KB was opened at start-up."""
        bundled = bundled_kb_dir()
        in_use = self._kb.root if self._kb is not None else None
        if in_use is not None and (bundled is None or Path(in_use).resolve() != bundled.resolve()):
            # started with --kb or KB_ASSISTANT_KB: the field being empty does not mean the sample is open
            return self.tr("Open now: {0}").format(str(in_use))
        return self.tr("The bundled sample knowledge base")

    def _load(self, settings: Settings) -> None:
        self.agent_name.setText(settings.agent_name)
        self.signature.setPlainText(settings.agent_signature)
        for channel, box in self.signature_channels.items():
            box.setChecked(channel in settings.signature_channels)
        self._update_signature_hint()
        self.company.setText(settings.company)
        _select(self.channel, settings.default_channel, self.tr("{0} (unknown)"))
        _select(self.greeting, settings.greeting_snippet, self.tr("{0} (not in this knowledge base)"))
        _select(self.closing, settings.closing_snippet, self.tr("{0} (not in this knowledge base)"))
        self.kb_dir.setText(settings.kb_dir)
        _select(self.language, settings.ui_language, self.tr("{0} (unknown)"))
        _select(self.theme, settings.theme, self.tr("{0} (unknown)"))
        size = settings.font_size if FONT_MIN <= settings.font_size <= FONT_MAX else 0
        self._font_size = size
        self.font_size.setValue(size)
        self.idle_minutes.setValue(settings.customer_idle_minutes)
        self.scan_seconds.setValue(settings.scan_seconds if settings.scan_seconds in SCAN_SECONDS else 60)
        self.usage.set_values(settings.keep_usage, settings.share_usage)
        self.team.set_values(settings)
        self.paste_back.set_values(settings)

    def settings(self) -> Settings:
        """The edited copy (unknown ``extra`` keys kept as they were)."""
        return dataclasses.replace(
            self._original,
            agent_name=self.agent_name.text().strip(),
            agent_signature=self.signature.toPlainText().rstrip(),
            signature_channels=[channel for channel, box in self.signature_channels.items() if box.isChecked()]
            + [channel for channel in self._original.signature_channels if channel not in CHANNELS],
            company=self.company.text().strip(),
            default_channel=self.channel.currentData() or "email",
            greeting_snippet=self.greeting.currentData() or "",
            closing_snippet=self.closing.currentData() or "",
            kb_dir=self.kb_dir.text().strip(),
            ui_language=self.language.currentData() or "system",
            theme=self.theme.currentData() or "system",
            font_size=self.font_size.value() if self.font_size.value() >= FONT_MIN else 0,
            customer_idle_minutes=self.idle_minutes.value(),
            scan_seconds=self.scan_seconds.value(),
            keep_usage=self.usage.values()[0],
            share_usage=self.usage.values()[1],
            **self.team.values(), **self.paste_back.values(),
            extra=copy.deepcopy(self._original.extra),
        )

    @classmethod
    def edit(cls, settings: Settings, kb: KnowledgeBase | None, parent: QWidget | None, *, usage_folder: str = "",
             delete_usage: Callable[[], None] | None = None) -> tuple[Settings, bool] | None:
        """Show the dialog and wait: the new settings and whether the interface language changed, or None when cancelled.

        Every setting applies at once, the interface language too: the app switches
        its windows to it when the dialog has closed (``app.py``, ``ui.session``).
        """
        dialog = cls(settings, kb, parent, usage_folder=usage_folder, delete_usage=delete_usage)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.settings(), dialog.language_changed()
        finally:
            dialog.deleteLater()

    def language_changed(self) -> bool:
        """True when the interface language setting was changed."""
        return self.settings().ui_language != self._original.ui_language

    # -- slots -----------------------------------------------------------
    def browse_kb_dir(self) -> None:
        """Browse…: choose the knowledge base folder."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Knowledge base folder"), self.kb_dir.text())
        if folder:
            self.kb_dir.setText(folder)
        self.kb_dir.setFocus()

    def _skip_tiny_fonts(self, value: int) -> None:
        """0 means the system default; 1..7 are skipped in the direction the user went."""
        if 0 < value < FONT_MIN:
            value = FONT_MIN if value > self._font_size else 0
            self.font_size.setValue(value)
        self._font_size = value


def _select(combo: QComboBox, value: str, unknown: str) -> None:
    """Select the item whose data is ``value``; keep an unknown non-empty value as an extra item."""
    index = combo.findData(value)
    if index < 0 and value:
        combo.addItem(unknown.format(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
