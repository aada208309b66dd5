"""Using a reply: pick it, compose greeting + reply + closing, ask what it needs, shape it for a channel.

The one path of reply composition, shared by the command line and the window,
so both copy exactly the same text and refuse for the same reasons:

1. :func:`compose` picks the reply of an article (by name or 1-based number;
   a snippet is its own single reply) and the greeting and closing snippets
   around it, and raises a clear error for any id that is not there;
2. :func:`placeholders_needed` and :func:`unfilled_names` say what the
   fill-in form must ask and what would still block a copy;
3. :func:`render` fills the blocks in for a channel (strict for copying).

Blocks are never said twice (:func:`compose`, rules in
:mod:`kb_assistant.core.replies.blocks`): no greeting when the reply already
opens with one, no closing when it already ends with one, and the agent's
signature under the closing for the settings' signature channels unless the
reply already signs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from kb_assistant.core.errors import ArticleNotFoundError, ReplyNotFoundError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.labels import BUILTIN_PLACEHOLDER_LABELS
from kb_assistant.core.models import Article, Reply
from kb_assistant.core.replies.blocks import (
    SIGNATURE_TEMPLATE,
    ends_with_closing,
    has_signature,
    opens_with_greeting,
    wants_signature,
)
from kb_assistant.core.replies.templates import (
    BUILTIN_PLACEHOLDERS,
    AgentProfile,
    ClipboardPayload,
    builtin_values,
    find_placeholders,
    render_reply,
    unfilled,
)
from kb_assistant.core.settings import Settings


@dataclass(frozen=True)
class ReplyRequest:
    """What the agent asked for: which reply, with which values, for which channel.

    Attributes:
        article_id: the article (or snippet) whose reply is used.
        reply: the reply's name (case-insensitive) or 1-based number; "" for the first.
        values: placeholder values typed for the customer.
        channel: ``email``, ``chat``, ``messenger`` or ``phone``.
        greeting_id: the snippet put before the reply ("" for none).
        closing_id: the snippet put after the reply ("" for none).
        signature: put the agent's signature under the reply (True), leave it
            out (False), or as the settings say for ``channel`` (None).
    """

    article_id: str
    reply: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    channel: str = "email"
    greeting_id: str = ""
    closing_id: str = ""
    signature: bool | None = None


@dataclass(frozen=True)
class Composition:
    """A reply with the blocks around it, ready to be filled in.

    Attributes:
        article: the article the reply belongs to.
        reply: the reply itself.
        greeting: the greeting snippet's text, or None.
        closing: the closing snippet's text, or None.
        lang: the language replies are written in (dates, labels): the article's,
            else the KB's default, else English.
        signature: the signature block (:data:`SIGNATURE_TEMPLATE`), or None.
        left_out: what was asked for and left out because the reply already
            has it, as codes: ``greeting-in-reply``, ``closing-in-reply``,
            ``signature-in-reply`` (see :data:`~kb_assistant.core.replies.blocks.LEFT_OUT`).
    """

    article: Article
    reply: Reply
    greeting: str | None
    closing: str | None
    lang: str
    signature: str | None = None
    left_out: tuple[str, ...] = ()

    def blocks(self) -> tuple[str, ...]:
        """The templates in the order they are pasted: greeting, reply, closing, signature."""
        parts = (self.greeting, self.reply.template, self.closing, self.signature)
        return tuple(block for block in parts if block)


@dataclass(frozen=True)
class PlaceholderField:
    """One value the fill-in form asks for.

    Attributes:
        name: the placeholder name, e.g. ``order_id``.
        label: what the form shows: the ``_kb.yml`` label in the reply's language,
            else the name made readable ("Order id").
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


def reply_names(article: Article | None) -> list[str]:
    """The names of an article's replies, as they are numbered (a snippet: its title)."""
    if article is None:
        return []
    if article.type == "snippet":
        return [article.title]
    return [reply.name for reply in article.replies]


def pick_reply(kb: KnowledgeBase, article_id: str, which: str = "") -> Reply:
    """Find a reply of an article by name (case-insensitive) or 1-based number.

    A snippet is its own single reply. With ``which`` empty, the first reply.

    Raises:
        ArticleNotFoundError: no such article.
        ReplyNotFoundError: the article has no such reply (the message lists the ones it has).
    """
    article = kb.get(article_id)
    if article.type == "snippet":
        if which in ("", "1") or which.casefold() == article.title.casefold():
            return Reply(name=article.title, template=article.body, line=article.body_line)
        raise ReplyNotFoundError("snippet-reply-not-found", id=article_id, reply=which, title=article.title)
    if not article.replies:
        raise ReplyNotFoundError("no-replies", id=article_id)
    if not which:
        return article.replies[0]
    if which.isdigit():
        number = int(which)
        if 1 <= number <= len(article.replies):
            return article.replies[number - 1]
    else:
        found = article.reply(which)
        if found is not None:
            return found
    names = "; ".join(f"{n}. {r.name}" for n, r in enumerate(article.replies, 1))
    raise ReplyNotFoundError("reply-not-found", id=article_id, reply=which, names=names)


def snippet_text(kb: KnowledgeBase, snippet_id: str) -> str | None:
    """The body of snippet ``snippet_id`` (None for "" : no snippet).

    Raises:
        ArticleNotFoundError: when the id names no snippet of this KB.
    """
    if not snippet_id:
        return None
    article = kb.articles.get(snippet_id)
    if article is None or article.type != "snippet":
        raise ArticleNotFoundError("not-a-snippet", id=snippet_id)
    return article.body


def compose(kb: KnowledgeBase, request: ReplyRequest, settings: Settings | None = None) -> Composition:
    """Pick the requested reply and the greeting, closing and signature around it.

    Nothing is said twice: a greeting or closing that is the very snippet being
    copied is left out; so is a greeting when the reply already opens with one
    (:func:`~.blocks.opens_with_greeting`), a closing when it already ends with one
    (:func:`~.blocks.ends_with_closing`), and the signature when a block already carries
    it (:func:`~.blocks.has_signature`). The last three are named in ``left_out``.

    Args:
        kb: the knowledge base.
        request: what the agent asked for.
        settings: the agent's profile and signature channels; without them no
            signature is added.

    Raises:
        ArticleNotFoundError: the article, the greeting or the closing is not in the KB.
        ReplyNotFoundError: the article has no such reply.
    """
    reply = pick_reply(kb, request.article_id, request.reply)
    article = kb.get(request.article_id)
    greeting = None if request.greeting_id == article.id else snippet_text(kb, request.greeting_id)
    closing = None if request.closing_id == article.id else snippet_text(kb, request.closing_id)
    lang = article.lang or kb.config.default_lang or "en"
    left_out: list[str] = []
    if greeting is not None and opens_with_greeting(reply.template, greeting):
        greeting = None
        left_out.append("greeting-in-reply")
    if closing is not None and ends_with_closing(reply.template, closing):
        closing = None
        left_out.append("closing-in-reply")
    signature = None
    if settings is not None and wants_signature(settings, request.channel, request.signature):
        known = {"agent_name": settings.agent_name, "company": settings.company}
        if has_signature(settings.agent_signature, reply=reply.template, closing=closing, greeting=greeting,
                         known=known):
            left_out.append("signature-in-reply")
        else:
            signature = SIGNATURE_TEMPLATE
    return Composition(article, reply, greeting, closing, lang, signature, tuple(left_out))


def profile_from(settings: Settings) -> AgentProfile:
    """The agent's profile as the templates need it."""
    return AgentProfile(
        agent_name=settings.agent_name,
        agent_signature=settings.agent_signature,
        company=settings.company,
    )


def builtins_for(composition: Composition, settings: Settings, today: dt.date) -> dict[str, str]:
    """The built-in placeholder values for this reply: the agent's profile and the date in its language."""
    return builtin_values(profile_from(settings), today, composition.lang)


def placeholders_needed(
    kb: KnowledgeBase, composition: Composition, values: Mapping[str, str], builtins: Mapping[str, str]
) -> list[PlaceholderField]:
    """What the fill-in form asks for, across greeting, reply and closing, in order of use.

    Every placeholder except the built-ins; a built-in too when the profile
    leaves it empty and it has no fallback (so the form can fill the gap).
    """
    fallbacks: dict[str, str | None] = {}
    for block in composition.blocks():
        for placeholder in find_placeholders(block):
            if placeholder.name not in fallbacks:
                fallbacks[placeholder.name] = placeholder.fallback
            elif placeholder.fallback is None:
                fallbacks[placeholder.name] = None
    return [
        PlaceholderField(
            name,
            kb.config.placeholder_label(name, composition.lang) or BUILTIN_PLACEHOLDER_LABELS.get(name)
            or humanize(name),
            fallback,
            values.get(name, ""),
        )
        for name, fallback in fallbacks.items()
        if name not in BUILTIN_PLACEHOLDERS or (fallback is None and not builtins.get(name, "").strip())
    ]


def unfilled_names(composition: Composition, values: Mapping[str, str], builtins: Mapping[str, str]) -> list[str]:
    """Names with neither a value nor a fallback in any block: copying would be refused."""
    names = (name for block in composition.blocks() for name in unfilled(block, values, builtins))
    return list(dict.fromkeys(names))


def render(
    composition: Composition,
    values: Mapping[str, str],
    channel: str,
    builtins: Mapping[str, str],
    *,
    strict: bool = True,
) -> ClipboardPayload:
    """Fill the composition in for ``channel``.

    Raises:
        UnfilledPlaceholderError: ``strict`` and some placeholder has neither value nor fallback.
        ValueError: an unknown channel.
    """
    return render_reply(
        composition.reply.template,
        values,
        channel=channel,
        builtins=builtins,
        greeting=composition.greeting,
        closing=composition.closing,
        signature=composition.signature,
        strict=strict,
    )


def render_request(kb: KnowledgeBase, request: ReplyRequest, settings: Settings, today: dt.date) -> ClipboardPayload:
    """Compose and render a request for copying (what the command line does in one call).

    The signature goes under the reply as ``settings`` say for the request's
    channel (see :func:`compose`).

    Raises:
        ArticleNotFoundError, ReplyNotFoundError: see :func:`compose`.
        UnfilledPlaceholderError: placeholders without value or fallback remain.
    """
    composition = compose(kb, request, settings)
    return render(composition, request.values, request.channel, builtins_for(composition, settings, today))
