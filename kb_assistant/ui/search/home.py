"""What the results list shows with an empty search box: pinned articles, then the recently opened ones."""

from __future__ import annotations

from collections.abc import Container

from PySide6.QtCore import QObject, QSettings

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import SearchHit
from kb_assistant.core.search.snippets import article_hit

RECENT_LIMIT = 10


class HomeList(QObject):
    """Pinned and recently opened article ids, kept in the window's settings file.

    Args:
        state: where the lists are kept between runs (None: for this run only).
        limit: how many recent articles are remembered.
    """

    def __init__(self, state: QSettings | None = None, limit: int = RECENT_LIMIT, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._limit = limit
        self.recent: list[str] = _read_list(state, "recent")[:limit]
        self.pinned: list[str] = _read_list(state, "pinned")

    def ids(self, known: Container[str]) -> list[str]:
        """Pinned first, then recent, each once, only those in ``known`` (the loaded KB)."""
        found = [i for i in self.pinned if i in known]
        return found + [i for i in self.recent if i in known and i not in found]

    def hits(self, kb: KnowledgeBase | None) -> tuple[SearchHit, ...]:
        """The list as result entries for the KB now loaded (nothing before a KB is)."""
        return tuple(article_hit(kb.articles[i]) for i in self.ids(kb.articles)) if kb is not None else ()

    def note_opened(self, article_id: str) -> None:
        """The agent opened ``article_id``: it becomes the most recent."""
        if self.recent[:1] == [article_id]:
            return
        if article_id in self.recent:
            self.recent.remove(article_id)
        self.recent.insert(0, article_id)
        del self.recent[self._limit:]
        self._write("recent", self.recent)

    def toggle_pin(self, article_id: str) -> bool:
        """Pin ``article_id`` to the top of the list, or unpin it; returns whether it is pinned now."""
        pinned = article_id not in self.pinned
        if pinned:
            self.pinned.insert(0, article_id)
        else:
            self.pinned.remove(article_id)
        self._write("pinned", self.pinned)
        return pinned

    def _write(self, key: str, value: list[str]) -> None:
        if self._state is not None:
            self._state.setValue(key, value)


def _read_list(state: QSettings | None, key: str) -> list[str]:
    """A list of texts from ``state``; QSettings gives a lone string for a one-item list, and garbage is dropped."""
    if state is None:
        return []
    value = state.value(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(item for item in value if isinstance(item, str) and item))
