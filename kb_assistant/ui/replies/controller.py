"""State behind the replies panel: article, reply, channel, snippets and the customer's values.

QtCore only: the controller renders through :mod:`kb_assistant.core.replies.templates`
and tells the widgets by signal; the window asks it what to fill in and what to
copy. Values typed for the current customer (their name, order number ...) are
kept across articles and replies until :meth:`ReplyController.clear_values`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kb_assistant.core.errors import KbError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import CHANNELS, Article, Reply
from kb_assistant.core.replies.compose import pick_reply, profile_from
from kb_assistant.core.settings import Settings
from kb_assistant.core.replies.templates import (
    BUILTIN_PLACEHOLDERS,
    ClipboardPayload,
    builtin_values,
    find_placeholders,
    render_reply,
    unfilled,
)


@dataclass(frozen=True)
class PlaceholderField:
    """One value the fill-in form asks for.

    Attributes:
        name: the placeholder name, e.g. ``order_id``.
        label: what the form shows: the ``_kb.yml`` label in the article's
            language, else the name made readable ("Order id").
        fallback: text used when the value stays empty; None when a value is
            required (some use of the placeholder has no fallback).
        value: the value already given for the current customer, or "".
    """

    name: str
    label: str
    fallback: str | None
    value: str = ""

    @property
    def required(self) -> bool:
        """Whether the reply cannot be copied without a value."""
        return self.fallback is None


def humanize(name: str) -> str:
    """``customer_name`` -> ``Customer name``: a label for an undeclared placeholder."""
    text = " ".join(name.replace("_", " ").split())
    return text[:1].upper() + text[1:]


class ReplyController(QObject):
    """Which reply of which article, in which channel, with which values.

    Args:
        kb: the loaded knowledge base (replace it with :meth:`set_kb`).
        settings: the agent's profile and the defaults for channel and snippets.
        today_provider: returns today's date (for ``{{today}}``); tests pin it.
        parent: the Qt parent.

    Signals:
        preview_changed(str, str): the preview's plain text and HTML ("" unless e-mail).
        replies_changed(list): the reply names of the current article (a snippet is
            its own single reply; [] without an article).
        values_changed(): the current customer's values changed.
        channel_changed(str): the channel changed.
    """

    preview_changed = Signal(str, str)
    replies_changed = Signal(list)
    values_changed = Signal()
    channel_changed = Signal(str)

    def __init__(
        self,
        kb: KnowledgeBase,
        settings: Settings,
        today_provider: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._kb = kb
        self._settings = settings
        self._today = today_provider
        self._article: Article | None = None
        self._reply_index = 0
        self._channel = settings.default_channel if settings.default_channel in CHANNELS else "email"
        self._greeting_id = settings.greeting_snippet
        self._closing_id = settings.closing_snippet
        self._values: dict[str, str] = {}

    # -- state -----------------------------------------------------------
    @property
    def article(self) -> Article | None:
        """The current article, or None."""
        return self._article

    @property
    def reply_index(self) -> int:
        """The 0-based index of the selected reply."""
        return self._reply_index

    @property
    def channel(self) -> str:
        """The channel replies are shaped for."""
        return self._channel

    @property
    def greeting_id(self) -> str:
        """The snippet put before the reply ("" for none)."""
        return self._greeting_id

    @property
    def closing_id(self) -> str:
        """The snippet put after the reply ("" for none)."""
        return self._closing_id

    @property
    def values(self) -> dict[str, str]:
        """A copy of the current customer's values."""
        return dict(self._values)

    def reply_names(self) -> list[str]:
        """The reply names of the current article (a snippet: its title)."""
        article = self._article
        if article is None:
            return []
        if article.type == "snippet":
            return [article.title]
        return [reply.name for reply in article.replies]

    # -- changes ---------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        """Use a (re)loaded KB; the current article stays when it still exists."""
        self._kb = kb
        current = self._article.id if self._article is not None else None
        self._load(kb.articles.get(current) if current else None, keep_reply=True)

    def set_settings(self, settings: Settings) -> None:
        """Use new settings: profile, and the default greeting and closing."""
        self._settings = settings
        self._greeting_id = settings.greeting_snippet
        self._closing_id = settings.closing_snippet
        self._emit_preview()

    def set_article(self, article_id: str | None) -> bool:
        """Show the replies of ``article_id`` (None or an unknown id: no article).

        Returns:
            Whether the article was found.
        """
        article = self._kb.articles.get(article_id) if article_id else None
        self._load(article, keep_reply=False)
        return article is not None

    def select_reply(self, index: int) -> bool:
        """Select reply ``index`` (0-based); an index out of range is ignored.

        Returns:
            Whether the index named a reply.
        """
        if not 0 <= index < len(self.reply_names()):
            return False
        if index != self._reply_index:
            self._reply_index = index
            self._emit_preview()
        return True

    def set_channel(self, channel: str) -> None:
        """Shape replies for ``channel`` (``email``, ``chat``, ``messenger`` or ``phone``).

        Raises:
            ValueError: for any other channel.
        """
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
        if channel != self._channel:
            self._channel = channel
            self.channel_changed.emit(channel)
            self._emit_preview()

    def set_greeting(self, snippet_id: str) -> None:
        """Put snippet ``snippet_id`` before the reply ("" for none)."""
        if snippet_id != self._greeting_id:
            self._greeting_id = snippet_id
            self._emit_preview()

    def set_closing(self, snippet_id: str) -> None:
        """Put snippet ``snippet_id`` after the reply ("" for none)."""
        if snippet_id != self._closing_id:
            self._closing_id = snippet_id
            self._emit_preview()

    def reset_snippets(self) -> None:
        """Go back to the greeting and closing of the settings."""
        self.set_greeting(self._settings.greeting_snippet)
        self.set_closing(self._settings.closing_snippet)

    def set_values(self, values: Mapping[str, str]) -> None:
        """Add values for the current customer; a blank value forgets that name."""
        updated = dict(self._values)
        for name, value in values.items():
            text = "" if value is None else str(value)
            if text.strip():
                updated[name] = text
            else:
                updated.pop(name, None)
        if updated != self._values:
            self._values = updated
            self.values_changed.emit()
            self._emit_preview()

    def clear_values(self) -> None:
        """Forget every value: the next customer starts empty."""
        if self._values:
            self._values = {}
            self.values_changed.emit()
            self._emit_preview()

    # -- questions -------------------------------------------------------
    def placeholders_needed(self, reply_index: int | None = None) -> list[PlaceholderField]:
        """What the fill-in form asks for, greeting, reply and closing, in order of use.

        Every placeholder except the built-ins; a built-in too when the profile
        leaves it empty and it has no fallback (so the form can fill the gap).
        """
        blocks = self._blocks(reply_index)
        if blocks is None:
            return []
        fallbacks: dict[str, str | None] = {}
        for block in blocks:
            for placeholder in find_placeholders(block):
                if placeholder.name not in fallbacks:
                    fallbacks[placeholder.name] = placeholder.fallback
                elif placeholder.fallback is None:
                    fallbacks[placeholder.name] = None
        builtins = self._builtins()
        lang = self._lang()
        return [
            PlaceholderField(
                name,
                self._kb.config.placeholder_label(name, lang) or humanize(name),
                fallback,
                self._values.get(name, ""),
            )
            for name, fallback in fallbacks.items()
            if name not in BUILTIN_PLACEHOLDERS
            or (fallback is None and not builtins.get(name, "").strip())
        ]

    def missing(self, reply_index: int | None = None) -> list[str]:
        """Names that have no value and no fallback (copying would be refused)."""
        blocks = self._blocks(reply_index)
        if blocks is None:
            return []
        builtins = self._builtins()
        names = (name for block in blocks for name in unfilled(block, self._values, builtins))
        return list(dict.fromkeys(names))

    def preview(self, reply_index: int | None = None) -> ClipboardPayload:
        """The reply as it would be copied; unfilled placeholders shown as ``[name]``.

        Never raises: without a reply the payload is empty.
        """
        try:
            return self._render(reply_index, strict=False)
        except (IndexError, KbError):
            return ClipboardPayload(self._channel, "", None)

    def payload_for_copy(self, reply_index: int | None = None) -> ClipboardPayload:
        """The reply ready for the clipboard.

        Raises:
            UnfilledPlaceholderError: some placeholder has neither value nor
                fallback; it names them all. Nothing is ever copied silently.
            IndexError: there is no such reply (or no article).
        """
        return self._render(reply_index, strict=True)

    # -- internals -------------------------------------------------------
    def _load(self, article: Article | None, keep_reply: bool) -> None:
        self._article = article
        count = len(self.reply_names())
        if not keep_reply or self._reply_index >= count:
            self._reply_index = 0
        self.replies_changed.emit(self.reply_names())
        self._emit_preview()

    def _emit_preview(self) -> None:
        payload = self.preview()
        self.preview_changed.emit(payload.plain, payload.html or "")

    def _reply(self, reply_index: int | None) -> Reply | None:
        article = self._article
        index = self._reply_index if reply_index is None else reply_index
        if article is None or not 0 <= index < len(self.reply_names()):
            return None
        if article.type == "snippet":
            return pick_reply(self._kb, article.id)
        return article.replies[index]

    def _snippet(self, snippet_id: str) -> str | None:
        """The body of a snippet; a missing one (stale settings) is left out."""
        article = self._kb.articles.get(snippet_id) if snippet_id else None
        if article is None or article.type != "snippet":
            return None
        if self._article is not None and article.id == self._article.id:
            return None  # copying the greeting itself: do not say it twice
        return article.body

    def _blocks(self, reply_index: int | None) -> tuple[str, ...] | None:
        reply = self._reply(reply_index)
        if reply is None:
            return None
        blocks = (self._snippet(self._greeting_id), reply.template, self._snippet(self._closing_id))
        return tuple(block for block in blocks if block)

    def _lang(self) -> str:
        article_lang = self._article.lang if self._article is not None else ""
        return article_lang or self._kb.config.default_lang or "en"

    def _builtins(self) -> dict[str, str]:
        return builtin_values(profile_from(self._settings), self._today(), self._lang())

    def _render(self, reply_index: int | None, strict: bool) -> ClipboardPayload:
        reply = self._reply(reply_index)
        if reply is None:
            index = self._reply_index if reply_index is None else reply_index
            raise IndexError(f"no reply number {index + 1} to copy")
        return render_reply(
            reply.template,
            self._values,
            channel=self._channel,
            builtins=self._builtins(),
            greeting=self._snippet(self._greeting_id),
            closing=self._snippet(self._closing_id),
            strict=strict,
        )
