"""The settings' quick search key: kept, refused when it is not a key, off when empty; said when unavailable."""

from __future__ import annotations

import dataclasses

from kb_assistant.app import use_hotkey
from kb_assistant.core.settings import Settings
from kb_assistant.ui.settings import pasteback_box
from kb_assistant.ui.settings.pasteback_box import PasteBackBox


def make_box(qtbot, monkeypatch, can=True):
    import kb_assistant.ui.system.hotkey as hotkey_module

    monkeypatch.setattr(hotkey_module, "hotkey_support", lambda environ=None: (can, "" if can else "Wayland: no"))
    box = PasteBackBox(available=(True, ""))
    qtbot.addWidget(box)
    box.set_values(Settings(global_hotkey="Ctrl+Alt+K"))
    return box


def test_a_key_is_kept_an_empty_one_is_off_and_a_wrong_one_keeps_the_old(qtbot, monkeypatch):
    box = make_box(qtbot, monkeypatch)
    assert box.values()["global_hotkey"] == "Ctrl+Alt+K"
    box.hotkey.setText("Super + F9")
    assert box.values()["global_hotkey"] == "Super + F9"
    box.hotkey.setText("")
    assert box.values()["global_hotkey"] == ""
    box.hotkey.setText("Delete")
    assert box.values()["global_hotkey"] == "Ctrl+Alt+K"


def test_where_no_key_can_be_taken_the_field_says_why_and_keeps_the_setting(qtbot, monkeypatch):
    box = make_box(qtbot, monkeypatch, can=False)
    assert not box.hotkey.isEnabled() and "Wayland" in box.hotkey_hint.text()
    assert box.values()["global_hotkey"] == "Ctrl+Alt+K"
    assert pasteback_box.PasteBackBox is PasteBackBox


class FakeKey:
    def __init__(self, ok):
        self.ok, self.taken = ok, []

    def unregister(self):
        self.taken.append(None)

    def register(self, text):
        self.taken.append(text)
        return self.ok


class FakeWindow:
    def __init__(self):
        self.said = []

    def show_error(self, text):
        self.said.append(text)


def test_a_key_another_app_holds_is_said_in_the_window():
    window = FakeWindow()
    use_hotkey(FakeKey(ok=False), Settings(global_hotkey="Ctrl+Alt+K"), window)
    assert window.said and "Ctrl+Alt+K" in window.said[0] and "kb-assistant --show" in window.said[0]
    quiet = FakeWindow()
    key = FakeKey(ok=True)
    use_hotkey(key, dataclasses.replace(Settings(), global_hotkey=""), quiet)
    assert quiet.said == [] and key.taken == [None]
