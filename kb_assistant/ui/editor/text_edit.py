"""Editing the editor's text in place, so undo, the cursor and the clean state behave."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit


def replace_changed_part(editor: QPlainTextEdit, new_text: str) -> None:
    """Make the editor hold ``new_text`` by replacing only the part that differs.

    One undo step, and the cursor stays where it was when the edit is elsewhere
    (the form changes the front matter while the cursor is in the body).
    """
    old = editor.toPlainText()
    if old == new_text:
        return
    start = 0
    limit = min(len(old), len(new_text))
    while start < limit and old[start] == new_text[start]:
        start += 1
    end_old, end_new = len(old), len(new_text)
    while end_old > start and end_new > start and old[end_old - 1] == new_text[end_new - 1]:
        end_old -= 1
        end_new -= 1

    def position(text: str, index: int) -> int:  # Qt counts UTF-16 units
        return len(text[:index].encode("utf-16-le")) // 2

    cursor = QTextCursor(editor.document())
    cursor.setPosition(position(old, start))
    cursor.setPosition(position(old, end_old), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new_text[start:end_new])
