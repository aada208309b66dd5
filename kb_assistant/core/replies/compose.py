"""Using a reply: pick it from an article, add greeting and closing, shape it for a channel.

Shared by the command line and the window, so both copy exactly the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from kb_assistant.core.errors import ArticleNotFoundError, ReplyNotFoundError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import Reply
from kb_assistant.core.settings import Settings
from kb_assistant.core.replies.templates import AgentProfile, ClipboardPayload, builtin_values, render_reply


@dataclass(frozen=True)
class ReplyRequest:
    """What the agent asked for: which reply, with which values, for which channel."""

    article_id: str
    reply: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    channel: str = "email"
    greeting_id: str = ""
    closing_id: str = ""


def pick_reply(kb: KnowledgeBase, article_id: str, which: str = "") -> Reply:
    """Find a reply of an article by name (case-insensitive) or 1-based number.

    A snippet is its own single reply. With ``which`` empty, the first reply.

    Raises:
        ArticleNotFoundError: no such article.
        ReplyNotFoundError: the article has no such reply (the message lists the ones it has).
    """
    article = kb.get(article_id)
    if article.type == "snippet":
        return Reply(name=article.title, template=article.body, line=article.body_line)
    if not article.replies:
        raise ReplyNotFoundError(f"article '{article_id}' has no replies", id=article_id)
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
    raise ReplyNotFoundError(f"article '{article_id}' has no reply '{which}'; it has: {names}",
                             id=article_id, reply=which)


def snippet_text(kb: KnowledgeBase, snippet_id: str) -> str | None:
    """The body of snippet ``snippet_id`` ("" id means none).

    Raises:
        ArticleNotFoundError: when the id names no article.
    """
    if not snippet_id:
        return None
    article = kb.get(snippet_id)
    if article.type != "snippet":
        raise ArticleNotFoundError(f"'{snippet_id}' is not a snippet", id=snippet_id)
    return article.body


def profile_from(settings: Settings) -> AgentProfile:
    """The agent's profile as the templates need it."""
    return AgentProfile(
        agent_name=settings.agent_name,
        agent_signature=settings.agent_signature,
        company=settings.company,
    )


def render_for_channel(
    kb: KnowledgeBase,
    reply: Reply,
    request: ReplyRequest,
    settings: Settings,
    today: dt.date,
    lang: str = "",
) -> ClipboardPayload:
    """Fill ``reply`` for ``request.channel`` with greeting and closing around it.

    Raises:
        UnfilledPlaceholderError: placeholders without value or fallback remain.
        ArticleNotFoundError: a greeting or closing id names no snippet.
    """
    article = kb.articles.get(request.article_id)
    language = lang or (article.lang if article else "") or kb.config.default_lang or "en"
    return render_reply(
        reply.template,
        request.values,
        channel=request.channel,
        builtins=builtin_values(profile_from(settings), today, language),
        greeting=snippet_text(kb, request.greeting_id),
        closing=snippet_text(kb, request.closing_id),
    )
