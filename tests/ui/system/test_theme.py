"""Themes and text size applied to the whole application."""

from __future__ import annotations


import pytest
from PySide6.QtGui import QColor, QPalette

from kb_assistant.ui.system.theme import apply_appearance


@pytest.fixture
def restore_appearance(qapp):
    style, palette, font, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.font(), qapp.styleSheet()
    names = ("kb_assistant_system_style", "kb_assistant_system_font_size", "kb_assistant_theme")
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
    for name in names:
        qapp.setProperty(name, None)


def test_high_contrast_palette_and_focus_frame(restore_appearance):
    app = restore_appearance
    apply_appearance(app, "high-contrast", 18)
    palette = app.palette()
    assert palette.color(QPalette.ColorRole.Window) == QColor("#000000")
    assert palette.color(QPalette.ColorRole.Base) == QColor("#000000")
    assert palette.color(QPalette.ColorRole.WindowText) == QColor("#ffffff")
    assert palette.color(QPalette.ColorRole.Text) == QColor("#ffffff")
    assert palette.color(QPalette.ColorRole.Highlight) == QColor("#ffff00")
    assert palette.color(QPalette.ColorRole.HighlightedText) == QColor("#000000")
    assert ":focus" in app.styleSheet() and "2px solid #ffff00" in app.styleSheet()
    assert app.font().pointSize() == 18


def test_dark_light_and_back_to_system(restore_appearance):
    app = restore_appearance
    system_window = app.palette().color(QPalette.ColorRole.Window)
    system_size = app.font().pointSizeF()
    apply_appearance(app, "dark", 0)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert app.palette().color(QPalette.ColorRole.Text).lightness() > 200
    assert app.styleSheet() == ""
    assert app.style().name().lower() == "fusion"
    apply_appearance(app, "light", 12)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert app.palette().color(QPalette.ColorRole.Text).lightness() < 60
    apply_appearance(app, "system", 0)
    assert app.palette().color(QPalette.ColorRole.Window) == system_window
    assert app.font().pointSizeF() == system_size
    assert app.styleSheet() == ""


def test_system_theme_first_leaves_the_application_alone(restore_appearance):
    app = restore_appearance
    before = QPalette(app.palette())
    apply_appearance(app, "system", 0)
    assert app.palette() == before
