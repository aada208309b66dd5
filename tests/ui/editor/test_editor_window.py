"""The editor: saving safely, external changes, autosave, problems while typing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.kb.load import load_kb
from kb_assistant.ui.editor.editor_window import EditorWindow
from tests.ui.helpers import type_at_end

ARTICLE = "---\r\nid: refund\r\ntitle: Refund\r\n# keep this comment\r\nlang: en\r\n---\r\n# Refund\r\n\r\nRefunds take days.\r\n"


@pytest.fixture
def editor(qtbot, write_kb, tmp_path):
    root = write_kb({"returns/refund.md": ARTICLE.encode("utf-8"), "other.md": "---\nid: other\n---\n# Other\n"})
    win = EditorWindow(root, load_kb(root), AutosaveStore(tmp_path / "autosave"), today=lambda: dt.date(2026, 11, 27))
    win.open_file("returns/refund.md")
    win.show()
    yield win
    # closed here, not by qtbot: a modal "unsaved changes?" question must never be left open
    win.ask_unsaved = lambda: "discard"
    win.runner.wait()
    win.close()
    win.deleteLater()


def test_type_and_save_writes_the_file_keeping_line_endings(qtbot, editor):
    type_at_end(qtbot, editor, "New sentence about zebras.")
    assert editor.dirty
    with qtbot.waitSignal(editor.saved) as blocker:
        qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["returns/refund.md"]
    data = (editor.kb_root / "returns" / "refund.md").read_bytes()
    assert b"New sentence about zebras." in data
    assert b"# keep this comment" in data
    assert b"\r\n" in data and not editor.dirty


def test_external_change_is_never_overwritten_silently(qtbot, editor, monkeypatch):
    path = editor.kb_root / "returns" / "refund.md"
    path.write_text("---\nid: refund\n---\n# Changed by git pull\n", encoding="utf-8")
    type_at_end(qtbot, editor, "mine")
    asked = []
    monkeypatch.setattr(editor, "ask_conflict", lambda: asked.append(1) or "")
    assert editor.save() is False
    assert asked and "Changed by git pull" in path.read_text(encoding="utf-8")
    monkeypatch.setattr(editor, "ask_conflict", lambda: "compare")
    shown = []
    monkeypatch.setattr(editor, "show_diff", shown.append)
    editor.save()
    assert shown and "-# Changed by git pull" in shown[0]
    monkeypatch.setattr(editor, "ask_conflict", lambda: "keep")
    assert editor.save() is True
    assert path.read_text(encoding="utf-8").endswith("mine")


def test_reload_takes_the_disk_version(qtbot, editor, monkeypatch):
    path = editor.kb_root / "returns" / "refund.md"
    path.write_text("---\nid: refund\n---\n# From disk\n", encoding="utf-8")
    type_at_end(qtbot, editor, "mine")
    monkeypatch.setattr(editor, "ask_conflict", lambda: "reload")
    editor.save()
    assert "From disk" in editor.editor.toPlainText() and not editor.dirty


def test_autosave_and_restore_after_a_crash(qtbot, editor, tmp_path):
    type_at_end(qtbot, editor, "unsaved words")
    editor._autosave()
    store = AutosaveStore(tmp_path / "autosave")  # as after a restart
    drafts = store.drafts(editor.kb_root)
    assert len(drafts) == 1 and drafts[0].text.endswith("unsaved words")
    assert not drafts[0].conflicts_with_disk(editor.snapshot.content_hash)
    editor.save()
    assert store.drafts(editor.kb_root) == []


def test_problems_update_while_typing_and_jump_to_the_line(qtbot, editor):
    type_at_end(qtbot, editor, "\nSee [[ghost-article]].")
    qtbot.waitUntil(lambda: any("ghost-article" in p.message for p in editor.problems), timeout=5000)
    problem = next(p for p in editor.problems if "ghost-article" in p.message)
    assert problem.line == 11  # the file ends with a line break, so the typed line is the 11th
    editor.go_to_line(problem.line)
    assert editor.editor.textCursor().blockNumber() == 10


def test_preview_renders_off_the_gui_thread(qtbot, editor):
    type_at_end(qtbot, editor, "\n\n**Bold preview**")
    qtbot.waitUntil(lambda: "Bold preview" in editor.preview.toPlainText(), timeout=5000)


def test_saving_with_errors_asks_first(qtbot, editor, monkeypatch):
    type_at_end(qtbot, editor, "\n[[nowhere]]")
    qtbot.waitUntil(lambda: bool(editor.problems), timeout=5000)
    monkeypatch.setattr(editor, "confirm", lambda title, text: False)
    assert editor.save() is False
    assert "nowhere" not in (editor.kb_root / "returns" / "refund.md").read_text(encoding="utf-8")


def test_closing_with_unsaved_changes_asks(qtbot, editor, monkeypatch):
    type_at_end(qtbot, editor, "x")
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "cancel")
    editor.close()
    assert editor.isVisible()
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "discard")
    editor.close()
    assert not editor.isVisible()


def test_a_read_only_article_is_not_saved_and_the_text_is_kept(qtbot, editor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = editor.kb_root / "returns" / "refund.md"
    before = path.read_bytes()
    path.chmod(0o444)
    type_at_end(qtbot, editor, "my edit")
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    assert editor.save() is False  # overwritten silently before
    assert path.read_bytes() == before and editor.dirty and editor.editor.toPlainText().endswith("my edit")
    assert "read-only" in told[0] and "kept" in told[0]
    assert editor.autosave.drafts(editor.kb_root)[0].text.endswith("my edit")
