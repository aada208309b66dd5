"""State behind the replies panel: article, reply, channel, snippets and the customer's values.

QtCore only, and Qt state only: composing, asking and rendering are
:mod:`kb_assistant.core.replies.compose`, the same path the command line uses,
so the window copies exactly what ``kb-assistant reply`` prints and refuses for
the same reasons. Values typed for the current customer (their name, order
number ...) are kept across articles and replies for this conversation only
(:class:`~kb_assistant.core.replies.customer.CustomerSession`): a new customer
or an idle pause puts them aside, shown but never used until the agent takes them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from kb_assistant.core.errors import KbError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import CHANNELS, Article
from kb_assistant.core.replies.blocks import snippet_choices, snippet_in_language
from kb_assistant.core.replies.compose import (
    Composition,
    PlaceholderField,
    ReplyRequest,
    builtins_for,
    compose,
    humanize,
    placeholders_needed,
    render,
    reply_names,
    unfilled_names,
)
from kb_assistant.core.replies.customer import CustomerSession
from kb_assistant.core.replies.templates import ClipboardPayload
from kb_assistant.core.settings import Settings


class ReplyController(QObject):
    """Which reply of which article, in which channel, with which values.

    Args:
        kb: the loaded knowledge base (replace it with :meth:`set_kb`).
        settings: the agent's profile and the defaults for channel and snippets.
        today_provider: returns today's date (for ``{{today}}``); tests pin it.
        clock: seconds since the epoch, for the customer's idle time; tests drive it.
        parent: the Qt parent.

    Signals:
        preview_changed(str, str): the preview's plain text and HTML ("" unless e-mail).
        replies_changed(list): the reply names of the current article (a snippet is
            its own single reply; [] without an article).
        preview_failed(object): the reply cannot be composed (a :class:`KbError`, e.g. a
            greeting snippet that is not in this KB); the preview shows why.
        values_changed(): the current customer's values, or the previous customer's put aside, changed.
        channel_changed(str): the channel changed.
        copied(str, str, str): a reply was copied: the article's id, the reply's name and the channel
            (what the usage log keeps; never the text or a value).
        snippets_changed(list, list, str, str): the greeting and the closing choices
            (:class:`~kb_assistant.core.replies.blocks.SnippetChoice` lists, the reply's
            language first), and the greeting and closing ids chosen now; sent by
            :meth:`set_kb`, :meth:`set_settings` and whenever the article's language changes
            (a chosen snippet then follows its translation, when it has one).
        left_out_changed(list): what the preview leaves out because the reply already
            has it (``greeting-in-reply``, ``closing-in-reply``, ``signature-in-reply``).
    """

    preview_changed = Signal(str, str)
    preview_failed = Signal(object)
    replies_changed = Signal(list)
    values_changed = Signal()
    channel_changed = Signal(str)
    snippets_changed = Signal(list, list, str, str)
    left_out_changed = Signal(list)
    copied = Signal(str, str, str)

    def __init__(
        self,
        kb: KnowledgeBase,
        settings: Settings,
        today_provider: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.time,
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
        self._snippet_lang: str | None = None  # the language the snippet lists were last offered in
        self._customer = CustomerSession(settings.customer_idle_minutes * 60, clock)

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
        """A copy of the current customer's values (the only ones a reply uses)."""
        return self._customer.values

    @property
    def offered(self) -> dict[str, str]:
        """A copy of the previous customer's values, put aside (never used unless taken)."""
        return self._customer.offered

    def value_labels(self, offered: bool = False) -> list[tuple[str, str]]:
        """The current (or put-aside) values as ``(label, value)``, labels in the reply's language."""
        lang = self._article.lang if self._article is not None and self._article.lang else (
            self._kb.config.default_lang or "en")
        values = self._customer.offered if offered else self._customer.values
        return [(self._kb.config.placeholder_label(name, lang) or humanize(name), value)
                for name, value in values.items()]

    def reply_names(self) -> list[str]:
        """The reply names of the current article (a snippet: its title)."""
        return reply_names(self._article)

    # -- changes ---------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        """Use a (re)loaded KB; the current article stays when it still exists."""
        self._kb = kb
        current = self._article.id if self._article is not None else None
        article = kb.articles.get(current) if current else None
        self._offer_snippets(article, force=True)
        self._load(article, keep_reply=True)

    def set_settings(self, settings: Settings) -> None:
        """Use new settings: profile, the default greeting and closing, the customer's idle time."""
        self._settings = settings
        self.set_idle_minutes(settings.customer_idle_minutes)
        self._greeting_id = settings.greeting_snippet
        self._closing_id = settings.closing_snippet
        self._offer_snippets(self._article, force=True, follow=True)
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

    def set_values(self, values: Mapping[str, str]) -> None:
        """Add values for the current customer; a blank value forgets that name.

        After the idle time the old values are put aside first: what is typed
        now belongs to a new conversation.
        """
        before = (self._customer.values, self._customer.offered)
        self._customer.set_values(values)
        self._changed(before)

    def clear_values(self) -> None:
        """Forget every value, the current customer's and the previous one's put aside."""
        before = (self._customer.values, self._customer.offered)
        self._customer.forget()
        self._changed(before)

    def start_conversation(self) -> None:
        """A new conversation began (a question handed over by the hotkey): the values are put aside."""
        before = (self._customer.values, self._customer.offered)
        self._customer.new_customer()
        self._changed(before)

    def new_customer(self) -> None:
        """A new conversation: the values are put aside (shown, not used); a second time forgets them."""
        before = (self._customer.values, self._customer.offered)
        if not self._customer.new_customer():
            self._customer.forget()
        self._changed(before)

    def take_offer(self) -> None:
        """The agent confirmed the previous customer's values: use them in this conversation."""
        before = (self._customer.values, self._customer.offered)
        self._customer.take_offer()
        self._changed(before)

    def expire_idle(self) -> bool:
        """Put the values aside when they went unused for the idle time; True when they were."""
        before = (self._customer.values, self._customer.offered)
        self._customer.expire_idle()
        return self._changed(before)

    def note_copied(self, reply_index: int | None = None) -> None:
        """Reply ``reply_index`` (the selected one by default) was copied: the conversation goes on
        (its idle time starts again), and :attr:`copied` says which."""
        self._customer.touch()
        names = self.reply_names()
        index = self._reply_index if reply_index is None else reply_index
        if self._article is not None:
            self.copied.emit(self._article.id, names[index] if 0 <= index < len(names) else "", self._channel)

    def set_idle_minutes(self, minutes: float) -> None:
        """How long values may go unused before they are put aside (0: never)."""
        self._customer.idle_seconds = max(0.0, float(minutes)) * 60

    # -- questions -------------------------------------------------------
    def placeholders_needed(self, reply_index: int | None = None) -> list[PlaceholderField]:
        """What the fill-in form asks for, greeting, reply and closing, in order of use ([] without a reply)."""
        composition = self._composition_or_none(reply_index)
        if composition is None:
            return []
        return placeholders_needed(self._kb, composition, self._customer.values, self._builtins(composition))

    def missing(self, reply_index: int | None = None) -> list[str]:
        """Names that have no value and no fallback (copying would be refused)."""
        composition = self._composition_or_none(reply_index)
        if composition is None:
            return []
        return unfilled_names(composition, self._customer.values, self._builtins(composition))

    def left_out(self, reply_index: int | None = None) -> list[str]:
        """What the reply's copy leaves out because the reply already has it (``Composition.left_out``)."""
        composition = self._composition_or_none(reply_index)
        return list(composition.left_out) if composition is not None else []

    def preview(self, reply_index: int | None = None) -> ClipboardPayload:
        """The reply as it would be copied; unfilled placeholders shown as ``[name]``.

        Never raises: without a usable reply the payload is empty (``preview_failed`` says why).
        """
        try:
            return self._render(reply_index, strict=False)
        except KbError:
            return ClipboardPayload(self._channel, "", None)

    def payload_for_copy(self, reply_index: int | None = None) -> ClipboardPayload:
        """The reply ready for the clipboard.

        Raises:
            UnfilledPlaceholderError: some placeholder has neither value nor
                fallback; it names them all. Nothing is ever copied silently.
            ReplyNotFoundError: the article has no such reply.
            ArticleNotFoundError: no article is open, or the greeting or closing
                snippet is not in this KB.
        """
        return self._render(reply_index, strict=True)

    # -- internals -------------------------------------------------------
    def _load(self, article: Article | None, keep_reply: bool) -> None:
        self._article = article
        self._offer_snippets(article)
        count = len(self.reply_names())
        if not keep_reply or self._reply_index >= count:
            self._reply_index = 0
        self.replies_changed.emit(self.reply_names())
        self._emit_preview()

    def _changed(self, before: tuple[dict, dict]) -> bool:
        if (self._customer.values, self._customer.offered) == before:
            return False
        self.values_changed.emit()
        self._emit_preview()
        return True

    def _emit_preview(self) -> None:
        if not self.reply_names():
            self.left_out_changed.emit([])
            self.preview_changed.emit("", "")
            return
        try:
            payload = self._render(None, strict=False)
        except KbError as exc:
            self.left_out_changed.emit([])
            self.preview_failed.emit(exc)
            return
        self.left_out_changed.emit(self.left_out())
        self.preview_changed.emit(payload.plain, payload.html or "")

    def _request(self, reply_index: int | None) -> ReplyRequest:
        index = self._reply_index if reply_index is None else reply_index
        return ReplyRequest(
            article_id=self._article.id if self._article is not None else "",
            reply=str(index + 1),
            values=self._customer.values,
            channel=self._channel,
            greeting_id=self._greeting_id,
            closing_id=self._closing_id,
        )

    def _composition(self, reply_index: int | None) -> Composition:
        return compose(self._kb, self._request(reply_index), self._settings)

    def _offer_snippets(self, article: Article | None, *, force: bool = False, follow: bool = False) -> None:
        """Send the snippet lists when the reply's language changed (or ``force``).

        Without an article the last language stays (at first: the KB's default).
        When the language changed (or ``follow``), a chosen greeting or closing
        in another language is replaced by its translation into this one, when
        it has one.
        """
        lang = article.lang if article is not None and article.lang else self._snippet_lang
        if lang is None:
            lang = self._kb.config.default_lang
        changed = lang != self._snippet_lang
        if not (changed or force):
            return
        self._snippet_lang = lang
        if changed or follow:
            self._greeting_id = snippet_in_language(self._kb, self._greeting_id, lang)
            self._closing_id = snippet_in_language(self._kb, self._closing_id, lang)
        self.snippets_changed.emit(snippet_choices(self._kb, lang, "greeting"),
                                   snippet_choices(self._kb, lang, "closing"), self._greeting_id, self._closing_id)

    def _composition_or_none(self, reply_index: int | None) -> Composition | None:
        try:
            return self._composition(reply_index)
        except KbError:
            return None

    def _builtins(self, composition: Composition) -> dict[str, str]:
        return builtins_for(composition, self._settings, self._today())

    def _render(self, reply_index: int | None, strict: bool) -> ClipboardPayload:
        composition = self._composition(reply_index)
        return render(composition, self._customer.values, self._channel, self._builtins(composition), strict=strict)
