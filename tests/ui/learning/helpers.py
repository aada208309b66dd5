"""Shared by the learning window's tests: a window on the small KB of ``test_learning``."""

from __future__ import annotations

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.ui.learning.controller import LearningController
from kb_assistant.ui.learning.learning_window import LearningWindow
from tests.ui.learning.test_learning import TODAY


def make_window(qtbot, kb_root, tmp_path, ui_language: str | None = "en") -> LearningWindow:
    """A shown learning window with its own learner's folder under ``tmp_path``."""
    controller = LearningController(LearningStore(tmp_path / "data", kb_root), today=lambda: TODAY,
                                    ui_language=ui_language)
    controller.set_kb(load_kb(kb_root))
    window = LearningWindow(controller)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def tree_labels(window: LearningWindow) -> list[str]:
    """The top-level rows of the Browse tree."""
    tree = window.browse.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
