"""Settings and profile: a dialog that edits a copy of :class:`core.settings.Settings`.

Also :func:`apply_appearance`, which turns the theme and font size settings
into the application's style, palette and font (called at start and after the
dialog is accepted).
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
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
    QSpinBox,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.settings import Settings

CHANNELS = ("email", "chat", "messenger", "phone")
LANGUAGES = ("system", "ru", "en")
THEMES = ("system", "light", "dark", "high-contrast")
FONT_MIN, FONT_MAX = 8, 32

# What the application looked like before the first theme was applied ("system").
_SYSTEM_STYLE = "kb_assistant_system_style"
_SYSTEM_FONT = "kb_assistant_system_font_size"
_APPLIED_THEME = "kb_assistant_theme"

HIGH_CONTRAST_STYLESHEET = """
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView { border: 1px solid #ffffff; padding: 1px; }
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus {
    border: 2px solid #ffff00; padding: 0px;
}
QPushButton:focus, QToolButton:focus {
    border: 2px solid #ffff00; padding: 3px 10px; color: #ffffff; background: #000000;
}
QComboBox, QAbstractSpinBox { border: 1px solid #ffffff; padding: 1px 4px; }
QComboBox:focus, QAbstractSpinBox:focus { border: 2px solid #ffff00; padding: 0px 3px; }
QComboBox QLineEdit, QAbstractSpinBox QLineEdit { border: none; padding: 0px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid #ffff00; }
"""


class SettingsDialog(QDialog):
    """Edit the agent's profile, reply defaults, KB folder and appearance.

    Args:
        settings: the current settings; the dialog edits a copy.
        kb: the loaded knowledge base, for the greeting and closing snippet lists.
        parent: the parent widget.
        snippet_lang: list only snippets of this language (all when None).
    """

    def __init__(
        self,
        settings: Settings,
        kb: KnowledgeBase | None = None,
        parent: QWidget | None = None,
        *,
        snippet_lang: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = copy.deepcopy(settings)
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
        self.signature.setPlaceholderText(self.tr("Added under e-mail replies; several lines allowed"))
        self.signature.setFixedHeight(self.signature.fontMetrics().lineSpacing() * 4 + 12)
        self.company = QLineEdit(self)
        self.channel = self._combo([
            (self.tr("E-mail"), "email"), (self.tr("Chat"), "chat"),
            (self.tr("Messenger"), "messenger"), (self.tr("Phone"), "phone"),
        ])
        self.greeting = self._combo(self._snippet_items())
        self.closing = self._combo(self._snippet_items())
        self.kb_dir = QLineEdit(self)
        self.kb_dir.setPlaceholderText(self.tr("The bundled sample knowledge base"))
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

        form = QFormLayout()
        rows = (
            (self.agent_name, self.tr("Your &name:"), self.tr("Your name"), self.tr("fills {{agent_name}} in replies")),
            (self.signature, self.tr("Si&gnature:"), self.tr("Signature"), self.tr("fills {{agent_signature}}")),
            (self.company, self.tr("&Company:"), self.tr("Company"), self.tr("fills {{company}}")),
            (self.channel, self.tr("Default c&hannel:"), self.tr("Default channel"), ""),
            (self.greeting, self.tr("G&reeting:"), self.tr("Greeting snippet"),
             self.tr("added before every reply; can be changed per copy")),
            (self.closing, self.tr("C&losing:"), self.tr("Closing snippet"),
             self.tr("added after every reply; can be changed per copy")),
            (kb_row, self.tr("&Knowledge base folder:"), self.tr("Knowledge base folder"),
             self.tr("empty: the bundled sample")),
            (self.language, self.tr("Interface lang&uage:"), self.tr("Interface language"),
             self.tr("takes effect after a restart")),
            (self.theme, self.tr("&Theme:"), self.tr("Theme"), ""),
            (self.font_size, self.tr("&Font size:"), self.tr("Font size"), self.tr("0: the system default")),
        )
        for widget, label_text, name, description in rows:
            buddy = self.kb_dir if widget is kb_row else widget
            label = QLabel(label_text, self)
            label.setBuddy(buddy)
            form.addRow(label, widget)
            _name(buddy, name, description)
        _name(self.browse_button, self.tr("Browse for the knowledge base folder"), "")
        _name(self.font_size.findChild(QLineEdit), self.tr("Font size"), "")

        self.restart_note = QLabel(self.tr("A new interface language takes effect after a restart."), self)
        self.restart_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&OK"))
        _name(ok, self.tr("OK"), self.tr("Save the settings"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        _name(cancel, self.tr("Cancel"), self.tr("Close without saving"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.kb_dir, self.browse_button)
        self.setTabOrder(self.browse_button, self.language)

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        for text, value in items:
            combo.addItem(text, value)
        return combo

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
    def _load(self, settings: Settings) -> None:
        self.agent_name.setText(settings.agent_name)
        self.signature.setPlainText(settings.agent_signature)
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

    def settings(self) -> Settings:
        """The edited copy (unknown ``extra`` keys kept as they were)."""
        return dataclasses.replace(
            self._original,
            agent_name=self.agent_name.text().strip(),
            agent_signature=self.signature.toPlainText().rstrip(),
            company=self.company.text().strip(),
            default_channel=self.channel.currentData() or "email",
            greeting_snippet=self.greeting.currentData() or "",
            closing_snippet=self.closing.currentData() or "",
            kb_dir=self.kb_dir.text().strip(),
            ui_language=self.language.currentData() or "system",
            theme=self.theme.currentData() or "system",
            font_size=self.font_size.value() if self.font_size.value() >= FONT_MIN else 0,
            extra=copy.deepcopy(self._original.extra),
        )

    def needs_restart(self) -> bool:
        """True when a changed setting only takes effect after a restart (the UI language)."""
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


def apply_appearance(app: QApplication, theme: str, font_size: int) -> None:
    """Apply a theme and a font size to the whole application.

    Args:
        app: the application.
        theme: ``"system"`` (the style and palette the application started with),
            ``"light"``, ``"dark"`` (Fusion with a light or dark palette) or
            ``"high-contrast"`` (Fusion, black background, white text, yellow
            highlight and a thick yellow focus frame). Unknown values mean system.
        font_size: point size of the application font; 0 restores the system size.
    """
    if app.property(_SYSTEM_STYLE) is None:
        app.setProperty(_SYSTEM_STYLE, app.style().name() or "Fusion")  # "" under a style sheet
        app.setProperty(_SYSTEM_FONT, app.font().pointSizeF())
    palette = {"light": light_palette, "dark": dark_palette, "high-contrast": high_contrast_palette}.get(theme)
    previous = app.property(_APPLIED_THEME) or "system"
    if palette is not None:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(palette())
        app.setStyleSheet(HIGH_CONTRAST_STYLESHEET if theme == "high-contrast" else "")
        app.setProperty(_APPLIED_THEME, theme)
    elif previous != "system":
        style = QStyleFactory.create(app.property(_SYSTEM_STYLE)) or QStyleFactory.create("Fusion")
        app.setStyle(style)
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet("")
        app.setProperty(_APPLIED_THEME, "system")
    font = app.font()
    size = float(font_size) if font_size > 0 else float(app.property(_SYSTEM_FONT) or 0)
    if size > 0 and font.pointSizeF() != size:
        font.setPointSizeF(size)
        app.setFont(font)


def light_palette() -> QPalette:
    """A plain light palette (dark text on white)."""
    return _palette(
        window="#efefef", text="#1a1a1a", base="#ffffff", alternate="#f5f5f5", button="#e6e6e6",
        highlight="#2a62c9", highlighted_text="#ffffff", link="#0b57d0", visited="#6a3ab2",
        placeholder="#6b6b6b", disabled="#8c8c8c", tooltip="#ffffdc",
    )


def dark_palette() -> QPalette:
    """A dark palette with light text; contrast kept above 4.5:1."""
    return _palette(
        window="#2b2b2b", text="#e8e8e8", base="#1e1e1e", alternate="#262626", button="#353535",
        highlight="#3f7ad8", highlighted_text="#ffffff", link="#8ab4f8", visited="#c58af9",
        placeholder="#a0a0a0", disabled="#7a7a7a", tooltip="#3a3a3a",
    )


def high_contrast_palette() -> QPalette:
    """Black background, white text, yellow selection (black text on it), cyan links."""
    return _palette(
        window="#000000", text="#ffffff", base="#000000", alternate="#1a1a1a", button="#000000",
        highlight="#ffff00", highlighted_text="#000000", link="#00ffff", visited="#ff80ff",
        placeholder="#c8c8c8", disabled="#a8a8a8", tooltip="#000000",
    )


def _palette(*, window, text, base, alternate, button, highlight, highlighted_text, link, visited,
             placeholder, disabled, tooltip) -> QPalette:
    role = QPalette.ColorRole
    palette = QPalette()
    colors = {
        role.Window: window, role.WindowText: text, role.Base: base, role.AlternateBase: alternate,
        role.Text: text, role.Button: button, role.ButtonText: text, role.BrightText: highlight,
        role.Highlight: highlight, role.HighlightedText: highlighted_text, role.Link: link,
        role.LinkVisited: visited, role.PlaceholderText: placeholder, role.ToolTipBase: tooltip,
        role.ToolTipText: text, role.Light: _mix(button, "#ffffff"), role.Midlight: _mix(button, "#ffffff", 0.25),
        role.Mid: _mix(button, text, 0.3), role.Dark: _mix(button, text, 0.5), role.Shadow: "#000000",
    }
    for color_role, value in colors.items():
        palette.setColor(color_role, QColor(value))
    for color_role in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, color_role, QColor(disabled))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Highlight, QColor(_mix(button, text, 0.3)))
    return palette


def _mix(first: str, second: str, amount: float = 0.5) -> str:
    a, b = QColor(first), QColor(second)
    mixed = QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
    return mixed.name()


def _select(combo: QComboBox, value: str, unknown: str) -> None:
    """Select the item whose data is ``value``; keep an unknown non-empty value as an extra item."""
    index = combo.findData(value)
    if index < 0 and value:
        combo.addItem(unknown.format(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def _name(widget: QWidget | None, name: str, description: str) -> None:
    if widget is None:
        return
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
