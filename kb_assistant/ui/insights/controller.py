"""The insights window's logic: usage read and added up off the GUI thread, and what a gap turns into.

QtCore only, so it is tested without widgets. The usage files are read and the
events added up on the thread pool (a team's ``_usage/`` folder can be megabytes);
the answer to the newest request alone reaches the window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import KbConfig
from kb_assistant.core.usage.insights import Gap, insights
from kb_assistant.core.usage.learned import question_key
from kb_assistant.ui.system.tasks import TaskRunner

PERIODS = (7, 30, 90, 365)
"""The periods the window offers, in days."""
DEFAULT_PERIOD = 30
ARTICLE_LANGUAGES = ("ru", "en")
"""The languages a new article is written in: a gap in another one leaves the choice to the dialog."""
_MASK = re.compile(r"<(?:url|email|iban|card|phone|number)>")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.?!])")
_CHANNEL = "insights"


@dataclass(frozen=True)
class ArticleChoice:
    """An article the editor can add a question to."""

    id: str
    title: str
    lang: str


def gap_question(gap: Gap) -> str:
    """The wording of ``gap`` to write an article for: the latest asking with no masked data in it.

    A ``<phone>`` the scrubber put in place of a number is no part of how customers
    ask; when every asking has one, the masks are taken out of the latest.
    """
    for example in gap.examples:
        if not _MASK.search(example):
            return example.strip()
    first = gap.examples[0] if gap.examples else gap.key
    return _SPACE_BEFORE_MARK.sub(r"\1", " ".join(_MASK.sub(" ", first).split())).strip(" ,;:")


def gap_language(gap: Gap) -> str:
    """The language most askings of ``gap`` were in, when a new article can be written in it; else ""."""
    top = max(gap.languages.items(), key=lambda item: item[1], default=("", 0))[0]
    return top if top in ARTICLE_LANGUAGES else ""


def article_choices(kb: KnowledgeBase | None) -> list[ArticleChoice]:
    """The KB's articles a question can go to (snippets have no questions), by title."""
    if kb is None:
        return []
    found = [ArticleChoice(a.id, a.title, a.lang) for a in kb.articles.values() if a.type != "snippet"]
    return sorted(found, key=lambda c: (c.title.casefold(), c.id))


def filter_choices(choices: list[ArticleChoice], text: str) -> list[ArticleChoice]:
    """The choices whose title or id holds every word of ``text`` (case and ``ё`` folded)."""
    words = question_key(text).split()
    return [c for c in choices if all(word in question_key(f"{c.title} {c.id}") for word in words)]


class InsightsController(QObject):
    """Works out :class:`~kb_assistant.core.usage.insights.Insights` for the window, off the GUI thread.

    Args:
        load_events: returns every usage event of the KB (``core.usage.team.usage_events``
            bound to the folders); called on the thread pool.
        kb: the KB as loaded now (also :meth:`set_kb`).
        now: the clock, for tests; the current time by default.

    Signals:
        ready(object): the :class:`Insights` of the newest :meth:`refresh`.
        failed(object): the exception of the newest :meth:`refresh` (show it with ``error_text``).
    """

    ready = Signal(object)
    failed = Signal(object)

    def __init__(self, load_events: Callable[[], list], kb: KnowledgeBase | None = None,
                 now: Callable[[], dt.datetime] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.load_events = load_events
        self.kb = kb
        self.now = now
        self.since_days: int | None = None
        """The period of the last refresh; None before the first."""
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._done)
        self.runner.failed.connect(self._failed)

    def set_kb(self, kb: KnowledgeBase) -> None:
        """A (re)loaded KB; insights asked for before are worked out again (titles, replies, deletions)."""
        self.kb = kb
        if self.since_days is not None:
            self.refresh(self.since_days)

    def refresh(self, since_days: int = DEFAULT_PERIOD) -> int:
        """Work out the insights of the last ``since_days`` days; the answer comes by :attr:`ready`.

        Returns:
            The request's id: an answer to an older one is dropped.
        """
        self.since_days = since_days
        # before the KB has loaded, the gaps can be shown already: no article is known yet
        kb = self.kb or KnowledgeBase(Path(), KbConfig(), {}, [])
        load, now = self.load_events, self.now
        return self.runner.submit(_CHANNEL, lambda: insights(load(), kb, since_days, now() if now else None))

    def _done(self, _channel: str, result: object) -> None:
        self.ready.emit(result)

    def _failed(self, _channel: str, error: object) -> None:
        self.failed.emit(error)
