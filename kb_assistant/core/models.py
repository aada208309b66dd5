"""Frozen dataclasses that cross layers and threads.

Everything here is immutable so it can be handed from a worker thread to the GUI
thread, cached, and compared without surprises.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from kb_assistant.core.messages import english

Severity = Literal["error", "warning"]
ArticleType = Literal["article", "snippet"]
Channel = Literal["email", "chat", "messenger", "phone"]

CHANNELS: tuple[str, ...] = ("email", "chat", "messenger", "phone")


@dataclass(frozen=True)
class Problem:
    """A located, readable message about something wrong in the knowledge base.

    Attributes:
        path: file path relative to the KB root ("/" separated), or "" for KB-wide.
        line: 1-based line number in the file, when known.
        severity: "error" (the KB is broken for agents) or "warning".
        code: a stable machine-readable code (``"broken-link"``, ``"duplicate-id"`` ...);
            its template in :mod:`kb_assistant.core.messages` is the message, which
            the window shows translated.
        values: the values of the template (texts, whole numbers, nested
            :class:`~kb_assistant.core.messages.Message` s); treat as read-only.
    """

    path: str
    line: int | None
    severity: Severity
    code: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The English message (what ``kb-assistant check`` prints)."""
        return english(self.code, self.values)

    def format(self) -> str:
        """Return ``path:line: severity: message`` as compilers print it."""
        where = self.path or "<kb>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Placeholder:
    """One ``{{name}}`` or ``{{name|fallback}}`` occurrence in a template."""

    name: str
    fallback: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Reply:
    """A ready reply: a ``## Reply: NAME`` / ``## Ответ: NAME`` section of an article.

    Attributes:
        name: the reply's name from its heading.
        template: the Markdown body of the section, with placeholders.
        line: 1-based line of the heading in the file.
    """

    name: str
    template: str
    line: int


@dataclass(frozen=True)
class Link:
    """A link found in an article body: ``[[id]]`` or a relative Markdown link."""

    kind: Literal["wiki", "relative"]
    target: str
    line: int


@dataclass(frozen=True)
class Article:
    """One parsed Markdown article or snippet of the knowledge base."""

    id: str
    title: str
    path: str
    lang: str
    body: str
    type: ArticleType = "article"
    tags: tuple[str, ...] = ()
    product: str = ""
    category: str = ""
    questions: tuple[str, ...] = ()
    translations: tuple[tuple[str, str], ...] = ()
    owner: str = ""
    reviewed: _dt.date | None = None
    review_every: int | None = None
    replies: tuple[Reply, ...] = ()
    links: tuple[Link, ...] = ()
    body_line: int = 1
    encoding: str = "utf-8"
    newline: str = "\n"
    content_hash: str = ""
    mtime_ns: int = 0
    size: int = 0
    placeholders: tuple[str, ...] = ()
    extra: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    def review_due(self) -> _dt.date | None:
        """Return the date the article needs its next review, if it has a schedule.

        A schedule that ends past the calendar (``reviewed: 9999-12-31``, or
        ``review_every: 3000000`` days) is due on its last day, ``date.max``:
        never stale, and never an overflow that takes a whole KB down.
        """
        if self.reviewed is None or not self.review_every:
            return None
        try:
            return self.reviewed + _dt.timedelta(days=self.review_every)
        except OverflowError:  # the date, or the timedelta itself (more than 999,999,999 days)
            return _dt.date.max

    def is_stale(self, today: _dt.date | None = None) -> bool:
        """Whether the review date plus ``review_every`` days lies in the past."""
        due = self.review_due()
        if due is None:
            return False
        return due < (today or _dt.date.today())

    def reply(self, name: str) -> Reply | None:
        """Return the reply called ``name`` (case-insensitive), or None."""
        folded = name.casefold()
        for reply in self.replies:
            if reply.name.casefold() == folded:
                return reply
        return None


@dataclass(frozen=True)
class LearningPath:
    """An ordered reading path for new staff, from ``_kb.yml``."""

    id: str
    title: str
    lang: str
    articles: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class KbConfig:
    """KB-wide settings from ``_kb.yml``.

    Attributes:
        name: the KB's display name.
        default_lang: language assumed for articles whose text gives no clue.
        synonyms: groups of words and phrases that mean the same thing.
        placeholders: declared placeholder names with their labels per language,
            e.g. ``("order_id", (("en", "Order number"), ("ru", "Номер заказа")))``.
        paths: learning paths for new staff.
        categories: category (folder) labels per language, e.g.
            ``("delivery", (("en", "Delivery"), ("ru", "Доставка")))``.
    """

    name: str = ""
    default_lang: str = ""
    synonyms: tuple[tuple[str, ...], ...] = ()
    placeholders: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    paths: tuple[LearningPath, ...] = ()
    categories: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    def placeholder_label(self, name: str, lang: str) -> str:
        """The fill-in form label of placeholder ``name`` in ``lang`` ("" if none)."""
        for declared, labels in self.placeholders:
            if declared == name:
                mapping = dict(labels)
                return mapping.get(lang) or next(iter(mapping.values()), "")
        return ""

    def category_label(self, category: str, lang: str) -> str:
        """How to show category ``category`` (a folder path such as ``account/security``) in ``lang``.

        The whole path's label when ``_kb.yml`` has one, else each folder's label
        joined with " / ", each falling back to the folder name itself.
        """
        labels = {name.strip("/").lower(): dict(pairs) for name, pairs in self.categories}

        def label(name: str) -> str:
            found = labels.get(name.lower())
            if not found:
                return ""
            return found.get(lang) or found.get("") or next(iter(found.values()), "")

        whole = label(category.strip("/"))
        if whole:
            return whole
        return " / ".join(label(part) or part for part in category.strip("/").split("/"))


@dataclass(frozen=True)
class SearchHit:
    """One search result, copied out of the index so it can cross threads.

    ``snippet`` is plain text; ``highlights`` are ``(start, end)`` character spans
    of the matched words in it, so each caller marks them up its own way.
    """

    id: str
    title: str
    path: str
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()
    reply_names: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    lang: str = ""
    category: str = ""
    product: str = ""
    type: str = "article"
    stale: bool = False


@dataclass(frozen=True)
class SearchResults:
    """The answer to one query.

    Attributes:
        query: the text as the user typed it.
        interpreted: the text actually searched (after keyboard-layout repair), when
            it differs from ``query``; otherwise "".
        hits: results, best first.
        confident: whether the first hit is a good match; when False a caller
            should say "no good match" and offer the hits only as the closest few.
        confidence: a score in 0..1 behind ``confident``.
    """

    query: str
    hits: tuple[SearchHit, ...] = ()
    interpreted: str = ""
    confident: bool = False
    confidence: float = 0.0
