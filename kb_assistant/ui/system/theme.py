"""Themes and text size for the whole application: system, light, dark and high contrast.

:func:`apply_appearance` turns the theme and font size settings into the
application's style, palette and font (called at start and after the settings
dialog is accepted); :func:`zoomed` is Ctrl++ / Ctrl+-.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

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

# Fusion draws no focus frame around item views and text browsers, so in the light
# palette the agent could not see whether the results list or the article had the keys.
LIGHT_STYLESHEET = """
QAbstractItemView, QTextEdit, QPlainTextEdit { border: 1px solid #a8a8a8; padding: 1px; }
QAbstractItemView:focus, QTextEdit:focus, QPlainTextEdit:focus { border: 2px solid #2a62c9; padding: 0px; }
"""
STYLESHEETS = {"light": LIGHT_STYLESHEET, "high-contrast": HIGH_CONTRAST_STYLESHEET}


def apply_appearance(app: QApplication, theme: str, font_size: int) -> None:
    """Apply a theme and a font size to the whole application.

    Args:
        app: the application.
        theme: ``"system"`` (the style and palette the application started with),
            ``"light"``, ``"dark"`` (Fusion with a light or dark palette) or
            ``"high-contrast"`` (Fusion, black background, white text, yellow
            highlight and a thick yellow focus frame). The light theme frames the
            focused list or text in its highlight blue. Unknown values mean system.
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
        app.setStyleSheet(STYLESHEETS.get(theme, ""))
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


def zoomed(app: QApplication, step: int) -> int:
    """Make the application font ``step`` points larger (or smaller), within the allowed sizes.

    Returns:
        The new point size, for the settings.
    """
    font = app.font()
    size = max(FONT_MIN, min(FONT_MAX, (font.pointSize() if font.pointSize() > 0 else 10) + step))
    font.setPointSize(size)
    app.setFont(font)
    return size
