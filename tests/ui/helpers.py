"""Helpers shared by the GUI tests: waiting for the loaded KB, typing any text, what is on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication


def loaded(win, article_id=None):
    """Every listener of the worker's ``ready`` has the same, newest KB (each gets it in its own queued event)."""
    kb = win.kb
    return kb is not None and win.workbench.kb is kb and win.learning.controller.kb is kb \
        and (article_id is None or article_id in kb.articles)


def type_text(widget, text):
    """Type any text; qtbot.keyClicks aborts on non-ASCII (DESIGN 10), so send one event per character."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def shown(win, article_id):
    """The article is the selected result and is on screen (previews render off the GUI thread)."""
    return win.current_hit_id() == article_id and win.article.article is not None \
        and win.article.article.id == article_id


def type_at_end(qtbot, editor, text):
    """Type at the end of an editor window's text: one key event per character, Enter for a line break."""
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
        type_text(editor.editor, line)
