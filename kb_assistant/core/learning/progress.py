"""Reading paths: what a new hire has read, and where to continue.

An article counts as *read* when it was open for :data:`READ_SECONDS` in total
(over any number of visits) or was marked learned by hand. Each opening also
takes the next number of a counter, so "the last article opened" needs no clock.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from kb_assistant.core.errors import RecordError
from kb_assistant.core.messages import short_value
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import LearningPath

READ_SECONDS = 20.0
"""Seconds an article must be open, in total, to count as read."""


@dataclass(frozen=True)
class ArticleReading:
    """What one user did with one article.

    Attributes:
        seconds: time it was open, in total.
        learned: marked learned by hand.
        opened: the counter value of its last opening (0: never opened); higher is later.
    """

    seconds: float = 0.0
    learned: bool = False
    opened: int = 0

    def is_read(self, threshold: float = READ_SECONDS) -> bool:
        """Whether the article counts as read."""
        return self.learned or self.seconds >= threshold

    def after_reading(self, seconds: float, opened: int) -> ArticleReading:
        """This record after the article was open ``seconds`` more, as opening number ``opened``.

        Raises:
            ValueError: when ``seconds`` is negative, infinite or not a number.
        """
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"reading time must be 0 or more seconds, got {seconds!r}")
        return replace(self, seconds=self.seconds + seconds, opened=max(self.opened, opened))

    def to_json(self) -> dict[str, Any]:
        """The record as JSON values."""
        return {"seconds": self.seconds, "learned": self.learned, "opened": self.opened}

    @classmethod
    def from_json(cls, data: object) -> ArticleReading:
        """Read :meth:`to_json`'s output.

        Raises:
            RecordError: (a ValueError) when ``data`` is not such a record.
        """
        if not isinstance(data, dict):
            raise RecordError("json-not-object")
        seconds, learned, opened = data.get("seconds", 0.0), data.get("learned", False), data.get("opened", 0)
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds < math.inf:
            raise RecordError("json-not-time", name="seconds", value=short_value(seconds))
        if not isinstance(learned, bool):
            raise RecordError("json-not-boolean", name="learned", value=short_value(learned))
        if isinstance(opened, bool) or not isinstance(opened, int) or opened < 0:
            raise RecordError("json-not-whole-number", name="opened", value=short_value(opened))
        return cls(float(seconds), learned, opened)


@dataclass(frozen=True)
class PathProgress:
    """How far a user is along one learning path.

    Attributes:
        path: the path.
        articles: the ids of the path's articles that exist, in path order (each once).
        read: those of them read, in path order.
        next_article: where to continue (None when all are read): the article last
            opened if it is not read yet, else the first unread one after it,
            else the first unread one from the start.
        last_opened: the path's article opened last (None when none was opened).
        missing: ids the path lists that are no article of the KB; they do not count.
    """

    path: LearningPath
    articles: tuple[str, ...]
    read: tuple[str, ...]
    next_article: str | None
    last_opened: str | None
    missing: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Articles on the path that exist."""
        return len(self.articles)

    @property
    def read_count(self) -> int:
        """Articles on the path read."""
        return len(self.read)

    @property
    def fraction(self) -> float:
        """Share read, 0.0 to 1.0 (1.0 for a path with no existing article)."""
        return self.read_count / self.total if self.total else 1.0

    @property
    def done(self) -> bool:
        """Whether every existing article of the path is read."""
        return self.read_count == self.total

    def unread(self) -> tuple[str, ...]:
        """The path's unread articles, in path order."""
        done = set(self.read)
        return tuple(a for a in self.articles if a not in done)


@dataclass(frozen=True)
class OverallProgress:
    """Progress over several paths; an article on two paths counts once.

    Attributes:
        paths: each path's progress.
        total: distinct existing articles on the paths.
        read_count: of them, read.
    """

    paths: tuple[PathProgress, ...]
    total: int
    read_count: int

    @property
    def fraction(self) -> float:
        """Share read, 0.0 to 1.0 (1.0 when the paths hold no existing article)."""
        return self.read_count / self.total if self.total else 1.0


def path_progress(
    path: LearningPath,
    kb: KnowledgeBase,
    readings: Mapping[str, ArticleReading],
    threshold: float = READ_SECONDS,
) -> PathProgress:
    """Progress along ``path``; ids that name no article are listed in ``missing``."""
    articles: list[str] = []
    missing: list[str] = []
    for article_id in dict.fromkeys(path.articles):  # a path listing an id twice reads it once
        (articles if article_id in kb.articles else missing).append(article_id)
    none = ArticleReading()
    read = tuple(a for a in articles if readings.get(a, none).is_read(threshold))
    opened = [(readings.get(a, none).opened, a) for a in articles if readings.get(a, none).opened]
    last = max(opened)[1] if opened else None
    return PathProgress(path, tuple(articles), read, _next(articles, set(read), last), last, tuple(missing))


def _next(articles: list[str], read: set[str], last: str | None) -> str | None:
    if last is not None and last not in read:
        return last  # the reader stopped in the middle of it
    start = articles.index(last) + 1 if last is not None else 0
    return next((a for a in articles[start:] + articles[:start] if a not in read), None)


def overall_progress(
    kb: KnowledgeBase,
    readings: Mapping[str, ArticleReading],
    lang: str | None = None,
    threshold: float = READ_SECONDS,
) -> OverallProgress:
    """Progress along every learning path of ``kb`` (only those in ``lang`` when given).

    A path without ``lang`` in ``_kb.yml`` belongs to every language.
    """
    paths = tuple(
        path_progress(path, kb, readings, threshold)
        for path in kb.config.paths
        if lang is None or not path.lang or path.lang == lang
    )
    articles = {a for progress in paths for a in progress.articles}
    read = {a for progress in paths for a in progress.read}
    return OverallProgress(paths, len(articles), len(read))
