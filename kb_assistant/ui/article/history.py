"""Back and forward through the articles the agent opened (Alt+Left, Alt+Right), like a browser.

Plain Python, no Qt: :class:`ArticlePane` feeds it the ids the preview controller
opens and asks it where Back and Forward lead.

One thing differs from a browser: the results list previews an article on every
keystroke and on every Up or Down, so most articles shown are passed over, not
read. An article shown that way (a *passing* visit) is replaced by the next
passing one when it was on screen for less than :data:`GLANCE` seconds; one the
agent went into (Enter, a click, a link, Back or Forward) or stayed on stays.
"""

from __future__ import annotations

import time
from collections.abc import Callable

LIMIT = 100
"""The most articles the history keeps (the oldest go first)."""

GLANCE = 2.0
"""Seconds under which a passing article counts as passed over, not read."""


def _always(_article_id: str) -> bool:
    return True


class ArticleHistory:
    """The opened articles, oldest first, and where the agent is in them.

    Args:
        limit: how many articles are kept.
        clock: seconds that only go forward (``time.monotonic``; tests pass their own).
    """

    def __init__(self, limit: int = LIMIT, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = max(1, limit)
        self.clock = clock
        self._entries: list[str] = []
        self._index = -1
        self._passing_since: float | None = None  # set while the newest entry is a passing visit

    @property
    def current(self) -> str | None:
        """The id the history is at (None before the first visit)."""
        return self._entries[self._index] if self._entries else None

    def entries(self) -> list[str]:
        """Every kept id, oldest first (a copy)."""
        return list(self._entries)

    def visit(self, article_id: str, passing: bool = False) -> None:
        """The agent opened ``article_id``: it becomes current, and the forward list is dropped.

        Opening the current article again adds nothing (an explicit open of a passing
        article keeps it). Moving with :meth:`back` or :meth:`forward` and then
        showing the article it returned is such a repeat, so navigating never adds.
        """
        if article_id == self.current:
            if not passing:
                self._passing_since = None
            return
        del self._entries[self._index + 1:]
        now = self.clock()
        if self._passing_since is not None and now - self._passing_since < GLANCE:
            self._entries.pop()  # passed over: the article shown while typing gives way to the next one
        if self._entries and self._entries[-1] == article_id:
            passing = False  # back on the entry before the passed-over one: it stays as it was, kept
        else:
            self._entries.append(article_id)
            del self._entries[:-self.limit]
        self._index = len(self._entries) - 1
        self._passing_since = now if passing else None

    def keep(self) -> None:
        """The agent went into the current article: it stays, whatever comes next."""
        self._passing_since = None

    def can_go_back(self, exists: Callable[[str], bool] = _always) -> bool:
        """Whether :meth:`back` would move (articles for which ``exists`` is false are skipped)."""
        return self._step(-1, exists) is not None

    def can_go_forward(self, exists: Callable[[str], bool] = _always) -> bool:
        """Whether :meth:`forward` would move."""
        return self._step(1, exists) is not None

    def back(self, exists: Callable[[str], bool] = _always) -> str | None:
        """Move to the previous article that still ``exists`` and is not the current one; None: nowhere."""
        return self._move(-1, exists)

    def forward(self, exists: Callable[[str], bool] = _always) -> str | None:
        """Move to the next article that still ``exists`` and is not the current one; None: nowhere."""
        return self._move(1, exists)

    def _move(self, direction: int, exists: Callable[[str], bool]) -> str | None:
        index = self._step(direction, exists)
        if index is None:
            return None
        self._index = index
        self._passing_since = None  # an article gone back to was chosen, not glanced at
        return self._entries[index]

    def _step(self, direction: int, exists: Callable[[str], bool]) -> int | None:
        """The index Back (-1) or Forward (1) leads to: articles removed from the KB are skipped,
        and so is another copy of the current one (A, B, A with B removed leads nowhere)."""
        current = self.current
        index = self._index + direction
        while 0 <= index < len(self._entries):
            article_id = self._entries[index]
            if article_id != current and exists(article_id):
                return index
            index += direction
        return None
