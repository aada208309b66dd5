"""The window's side of the usage log: what the agent does goes to a question session, its events to the keeper.

Every slot here returns at once: the session (``core.usage.session``) is a few
comparisons, and the keeper (``core.usage.keeper``) writes, reads and learns on
a thread of its own. What the search learns comes back by :attr:`UsageTracker.learned_changed`,
emitted on the keeper's thread and connected to the search worker (queued there).
"""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal, Slot

from kb_assistant.core.models import Article, SearchResults
from kb_assistant.core.settings import Settings
from kb_assistant.core.usage.keeper import UsageKeeper
from kb_assistant.core.usage.log import UsageEvent
from kb_assistant.core.usage.session import QuestionSession


class UsageTracker(QObject):
    """Feeds the agent's searches, articles and copies to the usage log of the KB open.

    Args:
        keeper: the KB's usage keeper (its ``on_learned`` is taken over: it emits :attr:`learned_changed`).
        session: the question session (tests pass one with their own clock).

    Signals:
        learned_changed(object): article id -> learned ``[(question, weight)]``, for ``SearchWorker.set_learned``.
    """

    learned_changed = Signal(object)

    def __init__(self, keeper: UsageKeeper, session: QuestionSession | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.session = session or QuestionSession()
        keeper.on_learned = self.learned_changed.emit

    def follow(self, search, preview) -> None:
        """Follow a window's search controller and article preview (a rebuilt window calls it again)."""
        search.results_changed.connect(self.on_results)
        search.cleared.connect(self.on_cleared)
        preview.opened.connect(lambda article: self.shown(article.id))
        preview.closed.connect(self.hidden)

    # -- the search ---------------------------------------------------------------------
    @Slot(object)
    def on_results(self, results: SearchResults) -> None:
        """Results are shown for the question (as searched: a wrong layout repaired)."""
        self._keep(self.session.searched(results.interpreted or results.query, results.confident, results.query))

    @Slot()
    def on_cleared(self) -> None:
        """The search box was emptied: the question is over."""
        self._keep(self.session.ended())

    @Slot(object, object, object)
    def on_kb_ready(self, kb, _report=None, _problems=None) -> None:
        """A KB (re)loaded: the keeper reads the usage again and forgets deleted articles."""
        self.keeper.load(kb.articles)

    # -- articles and replies --------------------------------------------------------------
    def shown(self, article_id: str) -> None:
        """The article pane shows ``article_id`` (a preview until :meth:`chosen`)."""
        self._keep(self.session.shown(article_id))

    def chosen(self, article_id: str) -> None:
        """The agent opened ``article_id`` on purpose."""
        self._keep(self.session.chosen(article_id))

    def hidden(self) -> None:
        """The article pane is empty."""
        self._keep(self.session.hidden())

    @Slot(str, str, str)
    def on_copied(self, article_id: str, reply: str, channel: str) -> None:
        """A reply was copied."""
        self._keep(self.session.copied(article_id, reply, channel))

    def mark_not_helpful(self, article: Article | None) -> str:
        """The agent says ``article``, on screen, did not help with this question; the status line to show."""
        events = self.session.not_helpful() if article is not None else []
        self._keep(events)
        if not events:
            return self.tr("Search for the customer's question and open the article that did not help first.")
        return self.tr("Noted: “{0}” did not help with this question; the search ranks it lower for it.").format(
            article.title)

    def end_question(self) -> None:
        """A new conversation, or the window put away: the question is over."""
        self._keep(self.session.ended())

    @Slot(str, str)
    def on_renamed(self, old_id: str, new_id: str) -> None:
        """An editor renamed an article: what agents learned of it follows it (kept even with recording off)."""
        self.keeper.record([UsageEvent("rename", article=old_id, to=new_id)], always=True)

    # -- settings and data --------------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        """Keep or stop keeping, share or stop sharing, as the settings say."""
        self.keeper.set_options(settings.keep_usage, settings.keep_usage and settings.share_usage)

    def delete_data(self) -> Future:
        """"Delete my usage data" of this KB; the question under way is forgotten too."""
        self.session.ended()
        return self.keeper.clear()

    def events(self) -> list:
        """Every usage event held (waits for the keeper: call it off the GUI thread, as insights do)."""
        return self.keeper.events().result() or []

    def close(self) -> None:
        """The app quits: the question under way ends, the keeper writes what is queued and stops."""
        self._keep(self.session.ended())
        self.keeper.close()

    def _keep(self, events: list) -> None:
        if events:
            self.keeper.record(events)
