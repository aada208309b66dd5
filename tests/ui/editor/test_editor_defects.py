"""The editor as a new user met it (issue 12): a damaged front matter, the modified mark, safe questions,
the new article's language and template, the review queue and the problems panel."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from kb_assistant.core.articles.template import SAMPLE_BODIES, SAMPLE_QUESTIONS, article_template
from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.models import Problem
from kb_assistant.ui.editor.editor_window import EditorWindow
from tests.ui.helpers import type_at_end, type_text

TODAY = dt.date(2026, 11, 27)
ARTICLE = ("---\nid: refund\ntitle: Refund\nlang: en\ntags: [refunds]\nquestions:\n  - where is my money\n---\n"
           "# Refund\n\nRefunds take days.\n")


@pytest.fixture
def make_editor(qtbot, write_kb, tmp_path):
    root = write_kb({"returns/refund.md": ARTICLE, "other.md": "---\nid: other\n---\n# Other\n"})
    windows = []

    def make(rel_path: str | None = "returns/refund.md", text: str = "") -> EditorWindow:
        win = EditorWindow(root, load_kb(root), AutosaveStore(tmp_path / "autosave"), today=lambda: TODAY)
        if rel_path in ("returns/refund.md", "other.md"):
            win.open_file(rel_path)
        else:
            win.new_file(rel_path, text)
        win.show()
        windows.append(win)
        return win

    yield make
    for win in windows:  # a modal "unsaved changes?" question must never be left open
        win.ask_unsaved = lambda: "discard"
        win.runner.wait()
        win.close()
        win.deleteLater()


def answer_next_question(qtbot, key, seen: list):
    """Press ``key`` in the next modal box (as the user would), noting its default button's text."""

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)  # not shown yet
            return
        seen.append(box.defaultButton().text() if box.defaultButton() else "")
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


# -- 1. a damaged opening "---" ------------------------------------------------------------------

def test_a_damaged_opening_line_keeps_the_form_read_only_and_is_listed(qtbot, make_editor):
    editor = make_editor()
    assert editor.form.title.text() == "Refund" and editor.form.tags.text() == "refunds"
    cursor = editor.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.editor.setTextCursor(cursor)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Delete)  # "---" -> "--"
    qtbot.waitUntil(lambda: "line 1" in editor.form.message.text(), timeout=5000)
    assert editor.form.title.text() == "Refund" and editor.form.questions.toPlainText() == "where is my money"
    assert not editor.form.title.isEnabled()  # the last good values, read-only (before: an empty form)
    assert "“---”" in editor.form.message.text() and "line 8" in editor.form.message.text()
    assert "line 1: line 1" not in editor.form.message.text()
    qtbot.waitUntil(lambda: editor.problem_list.count() > 0, timeout=5000)
    assert "front matter cannot be read" in editor.statusBar().currentMessage()
    first = editor.problem_list.item(0)
    assert first.text().startswith("line 1: error:") and "front matter cannot be read" in first.text()
    assert first.data(Qt.ItemDataRole.UserRole) == 1
    assert editor.editor.toPlainText() == ARTICLE[1:]  # nothing typed is lost
    asked = []
    editor.confirm = lambda title, text: asked.append(text) or False
    assert editor.save() is False and "1 errors" in asked[0]
    qtbot.keyClick(editor.editor, Qt.Key.Key_Minus)  # fixed: the form comes back
    qtbot.waitUntil(lambda: editor.form.title.isEnabled(), timeout=5000)
    assert editor.form.message.text() == ""
    qtbot.waitUntil(lambda: not any("front matter" in editor.problem_list.item(i).text()
                                    for i in range(editor.problem_list.count())), timeout=5000)
    assert "front matter" not in editor.statusBar().currentMessage()  # the notice went with the problem


def test_mark_reviewed_on_a_damaged_front_matter_says_why_and_adds_no_block(qtbot, make_editor):
    editor = make_editor()
    editor.editor.setPlainText("-" + ARTICLE[3:])
    editor.mark_reviewed()
    assert editor.editor.toPlainText() == "-" + ARTICLE[3:]  # before: a second block above the damaged one
    assert "line 1" in editor.statusBar().currentMessage()


def test_add_question_is_an_undoable_edit_and_refuses_a_damaged_front_matter(qtbot, make_editor):
    editor = make_editor()
    assert editor.add_question("Money not back yet")
    assert "  - where is my money\n  - Money not back yet\n" in editor.editor.toPlainText() and editor.dirty
    assert "save to keep it" in editor.statusBar().currentMessage()
    editor.editor.undo()
    assert editor.editor.toPlainText() == ARTICLE
    editor.editor.setPlainText("-" + ARTICLE[3:])
    assert not editor.add_question("Money not back yet")
    assert editor.editor.toPlainText() == "-" + ARTICLE[3:] and "line 1" in editor.statusBar().currentMessage()


# -- 2. the modified mark ------------------------------------------------------------------------

def test_undoing_back_to_the_saved_text_clears_the_modified_mark(qtbot, make_editor):
    editor = make_editor()
    assert not editor.dirty and "•" not in editor.windowTitle()
    type_at_end(qtbot, editor, "zebra")
    assert editor.dirty and "•" in editor.windowTitle()
    qtbot.keyClick(editor.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.editor.toPlainText() == ARTICLE
    assert not editor.dirty and "•" not in editor.windowTitle()  # before: still marked modified
    qtbot.keyClick(editor.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.editor.toPlainText().endswith("zebra")
    assert editor.dirty and "•" in editor.windowTitle()


def test_the_saved_text_is_the_clean_state_and_a_form_edit_undoes_too(qtbot, make_editor):
    editor = make_editor()
    type_at_end(qtbot, editor, "one")
    assert editor.save()
    type_at_end(qtbot, editor, "two")
    editor.editor.undo()
    assert not editor.dirty  # back to what is on disk now, not to what was opened
    editor.form.title.setFocus()
    editor.form.title.selectAll()
    type_text(editor.form.title, "Money back")
    assert editor.dirty and "title: Money back" in editor.editor.toPlainText()
    while editor.editor.document().isUndoAvailable() and editor.dirty:
        editor.editor.undo()
    assert not editor.dirty and "title: Refund" in editor.editor.toPlainText()


def test_a_new_article_stays_unsaved_until_written(qtbot, make_editor):
    editor = make_editor("new.en.md", article_template("New", "en"))
    assert editor.dirty and "•" in editor.windowTitle()
    type_at_end(qtbot, editor, "x")
    editor.editor.undo()
    assert editor.dirty  # nothing is on disk yet


def test_a_draft_of_edits_undone_is_not_offered_after_a_crash(qtbot, make_editor):
    editor = make_editor()
    type_at_end(qtbot, editor, "zebra")
    editor._autosave()
    assert editor.autosave.drafts(editor.kb_root)
    editor.editor.undo()
    editor._autosave()
    assert editor.autosave.drafts(editor.kb_root) == []


# -- 3. "Save with problems?" defaults to No -----------------------------------------------------

def test_the_save_with_problems_question_defaults_to_no(qtbot, make_editor):
    editor = make_editor()
    type_at_end(qtbot, editor, "mine")
    editor.check_timer.stop()  # the list below stays as set: no check of the typed text arrives meanwhile
    editor.runner.wait()
    QApplication.processEvents()
    editor.show_problems([Problem("returns/refund.md", 9, "error", "broken-link", {"target": "ghost"})])
    path = editor.kb_root / "returns" / "refund.md"
    seen: list[str] = []
    answer_next_question(qtbot, Qt.Key.Key_Return, seen)  # Enter takes the default
    assert editor.save() is False  # before: Enter saved
    answer_next_question(qtbot, Qt.Key.Key_Escape, seen)
    assert editor.save() is False
    assert path.read_text(encoding="utf-8") == ARTICLE and editor.dirty
    assert seen[0].replace("&", "") == "No"
    box = editor.question_box("Save with problems?", "Save anyway?")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.No)
    box.deleteLater()


# -- 5. an untouched template ----------------------------------------------------------------

def test_saving_an_untouched_template_warns_naming_the_sample_text(qtbot, make_editor):
    editor = make_editor("payments/gift.en.md", article_template("Gift cards", "en"))
    path = editor.kb_root / "payments" / "gift.en.md"
    seen: list[str] = []
    answer_next_question(qtbot, Qt.Key.Key_Return, seen)
    assert editor.save() is False and not path.exists()  # before: saved, its sample question searchable
    assert seen[0].replace("&", "") == "No"
    asked = []
    editor.confirm = lambda title, text: asked.append(text) or False
    editor.save()
    assert "the customer question, the article text, the reply" in asked[0]
    qtbot.waitUntil(lambda: editor.problem_list.count() >= 3, timeout=5000)
    texts = [editor.problem_list.item(i).text() for i in range(editor.problem_list.count())]
    assert any("warning" in t and "customer question" in t and "sample" in t for t in texts)


def test_a_template_written_through_saves_with_todays_review(qtbot, make_editor):
    editor = make_editor("payments/gift.en.md", article_template("Gift cards", "en"))
    text = editor.editor.toPlainText()
    assert "reviewed" not in text  # before: "reviewed: today" on an empty template
    text = text.replace(SAMPLE_QUESTIONS[1], "Where is my gift card?").replace(SAMPLE_BODIES[1], "Cards come by mail.")
    editor.editor.setPlainText(text.replace("First reply", "Card sent").replace("there}}!", "there}}! It is sent."))
    editor.confirm = lambda title, text: pytest.fail(f"unexpected question: {text}")
    assert editor.save()
    saved = (editor.kb_root / "payments" / "gift.en.md").read_text(encoding="utf-8")
    assert "reviewed: 2026-11-27" in saved and not editor.dirty


def test_saving_an_untouched_template_anyway_leaves_it_never_reviewed(qtbot, make_editor):
    editor = make_editor("payments/gift.en.md", article_template("Gift cards", "en"))
    editor.confirm = lambda title, text: True
    assert editor.save()
    assert "reviewed" not in (editor.kb_root / "payments" / "gift.en.md").read_text(encoding="utf-8")
