"""The settings' usage data box: the two switches, the privacy text, and "Delete my usage data"."""

from __future__ import annotations

import dataclasses

import pytest

from kb_assistant.core.settings import Settings
from kb_assistant.ui.settings.dialog import SettingsDialog
from kb_assistant.ui.settings.usage_box import UsageBox


@pytest.fixture
def box(qtbot):
    deleted = []
    found = UsageBox("/home/anna/.local/share/kb-assistant/usage/kb-1", lambda: deleted.append(True))
    qtbot.addWidget(found)
    found.deleted = deleted
    return found


def test_the_privacy_text_says_what_where_and_how_long(box):
    text = box.privacy.text()
    assert "/home/anna/.local/share/kb-assistant/usage/kb-1" in text
    assert "365 days" in text and "4 MB" in text and "masked" in text
    assert box.keep.accessibleDescription() == text
    assert "_usage" in box.share.accessibleDescription()


def test_sharing_needs_keeping(box):
    box.set_values(keep=True, share=True)
    assert box.values() == (True, True)
    box.keep.setChecked(False)
    assert not box.share.isEnabled() and box.values() == (False, False)
    box.set_values(keep=False, share=True)
    assert box.values() == (False, False)


def test_delete_asks_first_and_no_keeps_everything(box):
    box.confirm_delete = lambda: False
    box.ask_delete()
    assert box.deleted == [] and box.done.isHidden()
    box.confirm_delete = lambda: True
    box.ask_delete()
    assert box.deleted == [True] and "deleted" in box.done.text()


def test_without_a_kb_there_is_no_delete_button(qtbot):
    found = UsageBox("", None)
    qtbot.addWidget(found)
    assert found.delete_button.isHidden()


def test_the_dialog_round_trips_the_usage_settings(qtbot):
    dialog = SettingsDialog(Settings(keep_usage=True, share_usage=False), usage_folder="/u")
    qtbot.addWidget(dialog)
    assert dialog.settings() == Settings(keep_usage=True, share_usage=False)
    dialog.usage.share.setChecked(True)
    assert dialog.settings() == dataclasses.replace(Settings(), share_usage=True)
    dialog.usage.keep.setChecked(False)
    assert (dialog.settings().keep_usage, dialog.settings().share_usage) == (False, False)
