"""The F1 sheet is read from the actions of every window, so every keyed action is in it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QAction, QKeySequence

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from kb_assistant.ui.help.registry import plain
from kb_assistant.ui.menus import shortcuts_sheet
from tests.ui.helpers import loaded

KB = {
    "returns/refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n\n## Reply: Started\nOn its way.\n",
}


@pytest.fixture
def window(qtbot, write_kb, tmp_path):
    win, thread = build_window(write_kb(KB), tmp_path / "index", Settings(), data_dir=tmp_path / "data",
                               today_provider=lambda: dt.date(2026, 11, 27), watch=False)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    yield win
    for editor in list(win.workbench.editors.values()):
        editor.ask_unsaved = lambda: "discard"
        editor.runner.wait()
        editor.close()
    win.learning.close()
    thread.stop()


def keyed_actions(window) -> set[tuple[str, str]]:
    """(each key, what it does) of every action with a shortcut that ``window`` owns: found without the registry."""
    return {(key.toString(QKeySequence.SequenceFormat.NativeText), plain(action.text()))
            for action in window.findChildren(QAction) for key in action.shortcuts()}


def sheet_rows(sheet) -> set[tuple[str, str]]:
    return {(key, what) for _, rows in sheet.groups for keys, what in rows for key in keys.split(", ")}


def test_every_keyed_action_of_every_window_is_in_the_sheet(qtbot, window):
    editor = window.workbench.edit_article("refund")
    learning = window.learning.show(0)
    sheet = shortcuts_sheet(window)
    qtbot.addWidget(sheet)
    rows = sheet_rows(sheet)
    for owner in (window, editor, learning):
        missing = keyed_actions(owner) - rows
        assert not missing, f"{type(owner).__name__}: {sorted(missing)}"
    for key in ("Ctrl+Shift+M", "Ctrl+Shift+B", "F5", "Ctrl+Q", "Ctrl+Shift+P", "Esc", "Ctrl+S", "Ctrl+T", "Ctrl+M"):
        assert key in {k for k, _ in rows}, key
    headings = [heading for heading, _ in sheet.groups]
    assert "Agent's window — Reply" in headings and "Editor — File" in headings and "Learning — Learning" in headings
    assert "Alt+1" in sheet.text.toPlainText() and "Compact mode" in sheet.text.toPlainText()


def test_the_editor_and_learning_keys_are_listed_before_either_window_opens(qtbot, window):
    assert not window.workbench.editors and window.learning.window is None
    sheet = shortcuts_sheet(window)
    qtbot.addWidget(sheet)
    rows = sheet_rows(sheet)
    assert ("Ctrl+S", "Save") in rows and ("F2", "Rename or move…") in rows
    assert ("Ctrl+M", "Mark the article as learned") in rows
    assert not window.workbench.editors and window.learning.window is None  # nothing left open


def test_the_sheet_is_readable_by_a_screen_reader(qtbot, window):
    sheet = shortcuts_sheet(window)
    qtbot.addWidget(sheet)
    assert sheet.text.accessibleName() == "Keyboard shortcuts"
    assert "<th" in sheet.text.toHtml() or "Agent's window" in sheet.text.toPlainText()
