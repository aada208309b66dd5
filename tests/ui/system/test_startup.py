"""An error before the window opens is a dialog with what to do, and the sentence on standard error."""

from __future__ import annotations

from kb_assistant.core.errors import KbNotFoundError
from kb_assistant.ui.system.startup import start_failed


def test_no_kb_at_all_is_a_dialog_saying_what_to_do(qtbot, capsys):
    assert start_failed(KbNotFoundError("kb-not-found", path="/gone/kb"), []) == 3
    box = start_failed.last_box
    assert "/gone/kb" in box.text() and "--kb" in box.informativeText()
    assert "knowledge base folder not found: /gone/kb" in capsys.readouterr().err
