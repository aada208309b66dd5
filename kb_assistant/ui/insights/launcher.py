"""Tools → Insights from the agent's window: the insights window made when first asked for, kept up to date."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.ui.insights.controller import InsightsController
from kb_assistant.ui.insights.window import InsightsWindow
from kb_assistant.ui.system.windowing import bring_to_front


class InsightsLauncher(QObject):
    """Opens the insights window on this run's usage; its actions go to the editor's workbench.

    Args:
        load_events: every usage event of the KB (``UsageTracker.events``), called off the GUI thread.
        workbench: the editor's workbench: a gap becomes a new article, or a question of one.
        parent: the agent's window (the insights window is its child, a window of its own).
    """

    def __init__(self, load_events: Callable[[], list], workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self._load_events, self._workbench, self._parent = load_events, workbench, parent
        self.window: InsightsWindow | None = None
        self.controller: InsightsController | None = None
        self._kb: KnowledgeBase | None = None

    def set_kb(self, kb: KnowledgeBase) -> None:
        """A (re)loaded KB: an open insights window is worked out again on it."""
        self._kb = kb
        if self.window is not None:
            self.window.set_kb(kb)
            self.controller.set_kb(kb)

    def show(self) -> InsightsWindow:
        """Show the insights window (made the first time), worked out afresh for its period."""
        if self.window is None:
            self.controller = InsightsController(self._load_events, self._kb, parent=self)
            self.window = InsightsWindow(self._parent)
            self.window.attach(self.controller)
            self.window.create_article_requested.connect(
                lambda question, lang: self._workbench.new_article(lang, question=question))
            self.window.add_question_requested.connect(
                lambda question, article_id: self._workbench.add_question(article_id, question))
        self.window.set_kb(self._kb)
        self.controller.kb = self._kb
        self.controller.refresh(self.window.since_days())
        bring_to_front(self.window)
        return self.window
