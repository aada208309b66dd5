"""Which article is open, rendered off the GUI thread: one path for previews and explicit opens.

The agent moves through results (a preview), presses Enter or follows a link (an
explicit open), the KB reloads: each is a request to show an article. The
article becomes current at once (the replies, the recent list and the keys act
on it without waiting) and its HTML is rendered on the thread pool; only the
newest request's HTML is shown, whatever order the renders finish in.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import Article
from kb_assistant.core.render.markdown import render_article_html
from kb_assistant.ui.system.tasks import TaskRunner

_CHANNEL = "article"
RENDERED_KEPT = 32
"""Rendered articles kept: typing brings the same few first results back again and again, and
each render held the interpreter for 4-11 ms against the next key's search."""


def article_html(kb: KnowledgeBase, article: Article) -> str:
    """The sanitized HTML agents read: the body with ``[[id]]`` links titled from the KB."""
    return render_article_html(article.body, title_for=kb.title_of)


class PreviewController(QObject):
    """The open article and its rendering.

    Args:
        runner: where rendering runs (a :class:`TaskRunner` on the global pool by default).

    Signals:
        opened(object): the :class:`Article` that is now current (at once, before its HTML).
        rendered(object, str): the current article and its sanitized HTML, for the view.
        closed(): no article is current any more (it left the KB).
    """

    opened = Signal(object)
    rendered = Signal(object, str)
    closed = Signal()

    def __init__(self, runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner or TaskRunner(self)
        self._runner.finished.connect(self._finished)
        self._kb: KnowledgeBase | None = None
        self.current: Article | None = None
        self._rendered: OrderedDict[str, tuple[Article, str]] = OrderedDict()

    def set_kb(self, kb: KnowledgeBase) -> None:
        """A (re)loaded KB: the open article is shown again as it is now, or closed when it is gone."""
        self._kb = kb
        self._rendered.clear()  # links are titled from the KB: a reload may retitle them
        if self.current is None:
            return
        article = kb.articles.get(self.current.id)
        if article is None:
            self.current = None
            self.closed.emit()
        elif article != self.current:
            self.current = article
            self._render(article)

    def show(self, article_id: str) -> bool:
        """Make ``article_id`` current and render it; False when the KB has no such article."""
        kb = self._kb
        article = kb.articles.get(article_id) if kb is not None else None
        if article is None:
            return False
        self.current = article
        self.opened.emit(article)
        self._render(article)
        return True

    def has(self, article_id: str) -> bool:
        """Whether the KB has ``article_id`` (so :meth:`show` would open it)."""
        return self._kb is not None and article_id in self._kb.articles

    def is_current(self, article_id: str) -> bool:
        """Whether ``article_id`` is the open article."""
        return self.current is not None and self.current.id == article_id

    def _render(self, article: Article) -> None:
        kept = self._rendered.get(article.id)
        if kept is not None and kept[0] is article:
            self._rendered.move_to_end(article.id)
            self._runner.submit(_CHANNEL, lambda: kept)  # drops any render still running, keeps the order
            return
        kb = self._kb
        self._runner.submit(_CHANNEL, lambda: (article, article_html(kb, article)))

    def _finished(self, channel: str, result: object) -> None:
        if channel != _CHANNEL:
            return
        article, html = result
        if article is self.current:  # the runner already dropped older requests; this drops a KB swap
            self._rendered[article.id] = (article, html)
            self._rendered.move_to_end(article.id)
            while len(self._rendered) > RENDERED_KEPT:
                self._rendered.popitem(last=False)
            self.rendered.emit(article, html)
