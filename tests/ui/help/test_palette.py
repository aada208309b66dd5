"""The command palette (Ctrl+Shift+P): filter, Enter runs the command, Esc closes, a screen reader can use it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from kb_assistant.ui.help.palette import CommandPalette
from kb_assistant.ui.help.registry import window_commands
from tests.ui.helpers import loaded, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KB = {"returns/refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n\n## Reply: Started\nOn its way.\n"}


@pytest.fixture
def window(qtbot, write_kb, tmp_path):
    win, thread = build_window(write_kb(KB), tmp_path / "index", Settings(), data_dir=tmp_path / "data",
                               today_provider=lambda: dt.date(2026, 11, 27), watch=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    yield win
    thread.stop()


@pytest.fixture
def palette(qtbot, window):
    made = CommandPalette(window, (window.palette_action,))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_it_lists_every_command_of_the_window_with_its_key(palette, window):
    items = [palette.list.topLevelItem(row) for row in range(palette.list.topLevelItemCount())]
    listed = {f"{item.text(0)}\t{item.text(1)}" for item in items}
    for command in window_commands(window, "main"):
        if command.action.isVisible() and command.action is not window.palette_action:
            assert any(text.startswith(command.text) and command.key_text in text for text in listed), command
    assert "Compact mode\tCtrl+Shift+M" in listed and "Reload knowledge base\tF5" in listed


def test_typing_filters(qtbot, palette):
    type_text(palette.field, "zoom")
    assert palette.visible_texts() == ["Zoom in", "Zoom out"]
    assert palette.count.text() == f"2 of {len(palette.commands)} commands"
    palette.field.setText("ctrl+shift+b")  # by key as well
    assert palette.visible_texts() == ["Report to developers…"]
    palette.field.setText("no such command")
    assert palette.visible_texts() == []


def test_enter_runs_the_chosen_command_and_closes(qtbot, palette, window):
    type_text(palette.field, "zoom")
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    assert palette.list.currentItem().text(0) == "Zoom out"
    size = window.font().pointSize()
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible() and palette.result() == QDialog.DialogCode.Accepted
    assert palette.chosen.text() == "Zoom &out"
    assert window.settings.font_size == size - 1
    window.zoom(1)


def test_esc_closes_without_running_anything(qtbot, palette):
    type_text(palette.field, "quit")
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible() and palette.result() == QDialog.DialogCode.Rejected and palette.chosen is None


def test_a_screen_reader_hears_each_command_with_its_key(palette):
    assert palette.field.accessibleName() == "Find a command" and palette.list.accessibleName() == "Commands"
    spoken = [palette.list.topLevelItem(r).data(0, Qt.ItemDataRole.AccessibleTextRole)
              for r in range(palette.list.topLevelItemCount())]
    assert "Find in article, Ctrl+F" in spoken
    assert palette.field.hasFocus() or palette.focusWidget() is palette.field


def test_ctrl_shift_p_opens_it(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr("kb_assistant.ui.menus.CommandPalette.exec", lambda self: opened.append(self) or 0)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(opened) == 1 and window.palette_action not in [c.action for c in opened[0].commands]


def test_a_word_typed_on_the_other_layout_finds_its_command():
    from kb_assistant.ui.help.palette import matches
    from kb_assistant.ui.help.registry import Command

    go = Command(window="main", menu="Переход", text="Перейти к разделу…", keys=("Ctrl+Shift+O",), action=None)
    assert matches(go, "gthtq")  # «перей» with the English layout on
    assert matches(go, "перей") and matches(go, "ctrl+shift+o")
    assert not matches(go, "zoom")
    find = Command(window="main", menu="Edit", text="Find in article", keys=("Ctrl+F",), action=None)
    assert matches(find, "аштв")  # "find" with the Russian layout on
