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
    QTabBar,
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

KINDS = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QTabBar)


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


def _focusable(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not _inside_a_field(w)]


@pytest.mark.parametrize("ui_language", ["en", "ru"])
def test_learning_window_every_tab_and_every_state(qtbot, kb_root, tmp_path, ui_language):
    """Each tab, the language filter on the interface language and on "all", a card asked and answered."""
    from kb_assistant.ui.learning.learning_window import BROWSE, CHANGES, PATHS, SELF_CHECK

    controller = LearningController(LearningStore(tmp_path / "data", kb_root), ui_language=ui_language)
    controller.set_kb(load_kb(kb_root))
    (kb_root / "returns/refund.md").write_text("---\nid: refund\nlang: en\n---\n# Refund\n\nChanged.\n",
                                             encoding="utf-8")
    controller.set_kb(load_kb(kb_root))  # something in "what changed"
    window = LearningWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tab_bar = window.tabs.tabBar()
    assert tab_bar.accessibleName()  # the screen reader says which tab bar this is
    assert window.browse.language.currentData() == ui_language
    window.open_article("password")
    seen: set[str] = set()
    for tab in (BROWSE, PATHS, SELF_CHECK, CHANGES):
        window.show_tab(tab)
        assert unnamed(window) == [], tab
        seen.update(type(w).__name__ for w in _focusable(window))
    window.show_tab(BROWSE)
    window.browse.language.setCurrentIndex(window.browse.language.findData(""))
    assert unnamed(window) == []
    window.start_quiz()
    card = window.quiz
    for _ in range(len(card.cards)):  # every card asked, then answered
        qtbot.waitUntil(lambda: card.current().kind == "open" or card.group.button(0).isVisible())
        assert unnamed(window) == [], card.current().kind
        seen.update(type(w).__name__ for w in _focusable(window))
        if card.current().kind == "open":
            card.reveal()
            assert unnamed(window) == []
            card.grade(False)
        else:
            card.choose(0)
            card.check()
        assert unnamed(window) == [] and card.next_button.accessibleDescription()
        card.next_card()
    assert unnamed(window) == []
    # the walk met every kind of control the window has
    assert {"QTabBar", "QComboBox", "QTreeWidget", "ArticleView", "QPushButton", "QRadioButton"} <= seen, seen
