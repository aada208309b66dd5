"""Every interactive widget of the editor's and the learner's windows has a name a screen reader can say."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.ui.learning.controller import LearningController
from kb_assistant.ui.editor.editor_window import EditorWindow
from kb_assistant.ui.editor.new_article_dialog import NewArticleDialog
from kb_assistant.ui.editor.rename_dialog import RenameDialog
from kb_assistant.ui.editor.review_panel import ReviewPanel
from kb_assistant.ui.learning.learning_window import LearningWindow
from tests.ui.learning.test_learning import KB

KINDS = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def unnamed(window: QWidget) -> list[str]:
    """Focusable widgets with neither an accessible name nor a button text."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, KINDS) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus or _inside_a_field(widget):
            continue
        text = widget.text().replace("&", "").strip() if isinstance(widget, QAbstractButton) else ""
        if not widget.accessibleName() and not text:
            found.append(f"{type(widget).__name__}:{widget.objectName()}")
    return found


def _inside_a_field(widget: QWidget) -> bool:
    """A combo box's popup list or a spin box's line edit: the field itself carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


def test_editor_window(qtbot, kb_root, tmp_path):
    editor = EditorWindow(kb_root, load_kb(kb_root), AutosaveStore(tmp_path / "autosave"),
                          today=lambda: dt.date(2026, 11, 27))
    qtbot.addWidget(editor)
    editor.open_file("returns/refund.md")
    assert unnamed(editor) == []
    editor.runner.wait()


def test_editor_dialogs(qtbot, kb_root):
    kb = load_kb(kb_root)
    for widget in (NewArticleDialog(kb_root, ["", "returns"]), RenameDialog(kb, "refund"), ReviewPanel()):
        qtbot.addWidget(widget)
        assert unnamed(widget) == [], type(widget).__name__


def test_learning_window(qtbot, kb_root, tmp_path):
    controller = LearningController(LearningStore(tmp_path / "data", kb_root))
    controller.set_kb(load_kb(kb_root))
    window = LearningWindow(controller)
    qtbot.addWidget(window)
    window.start_quiz()
    assert unnamed(window) == []
