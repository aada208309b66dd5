"""What a link in an article leads to, and whether the app may follow it.

:func:`link_path` is the one place that walks a relative link's ``..`` segments:
the article view (:func:`resolve_link`), ``check`` and rename all use it, so a
link the view refuses as leaving the KB is the link ``check`` reports and the
link rename leaves alone.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import unquote, urlsplit

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.messages import Message
from kb_assistant.core.render.mdext.wikilinks import wikilink_target

EXTERNAL_SCHEMES = ("http", "https", "mailto")

_ANCHOR_OR_QUERY = re.compile(r"[#?]")


def path_part(target: str) -> str:
    """A link target without its ``#anchor`` or ``?query`` (still %-escaped)."""
    return _ANCHOR_OR_QUERY.split(target, maxsplit=1)[0]


def link_path(from_path: str, target: str) -> str | None:
    """The KB path a relative link of the file at ``from_path`` leads to.

    Args:
        from_path: the linking file, relative to the KB root ("/" separated).
        target: the link as written (``../orders/cancel.md#when``, ``with%20space.md``).

    Returns:
        The "/"-separated path relative to the KB root (``""`` when the target
        has no path: a pure ``#anchor``), or None when the link climbs out of the KB folder.
    """
    parts: list[str] = []
    clean = unquote(path_part(target))
    if not clean:
        return ""
    for part in (PurePosixPath(from_path).parent / clean).parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


@dataclass(frozen=True)
class LinkTarget:
    """Where a clicked link goes.

    Attributes:
        kind: ``"article"`` (open inside the app), ``"external"`` (open in the
            browser or mail client), ``"anchor"`` (a place in this article) or
            ``"refused"`` (never followed).
        target: the article id, the URL or the anchor.
        reason: why a link is refused (a message code and values), for the status bar.
    """

    kind: Literal["article", "external", "anchor", "refused"]
    target: str = ""
    reason: Message | None = None


def resolve_link(href: str, kb: KnowledgeBase, from_path: str) -> LinkTarget:
    """Classify ``href`` clicked in the article stored at ``from_path``.

    ``[[id]]`` links and relative links to articles open inside the app; http(s)
    and mailto go outside; anything else (``javascript:``, ``file:``, a path out
    of the KB folder, a missing article) is refused with a reason.
    """
    href = (href or "").strip()
    if not href:
        return LinkTarget("refused", reason=Message("link-empty"))
    article_id = wikilink_target(href)
    if article_id is not None:
        if article_id in kb.articles:
            return LinkTarget("article", article_id)
        return LinkTarget("refused", article_id, Message("article-not-found", {"id": article_id}))
    parts = urlsplit(href)
    if parts.scheme:
        if parts.scheme.lower() in EXTERNAL_SCHEMES:
            return LinkTarget("external", href)
        return LinkTarget("refused", href, Message("link-scheme-refused", {"scheme": parts.scheme}))
    if href.startswith("#"):
        return LinkTarget("anchor", href[1:])
    if href.startswith(("/", "\\")) or parts.netloc:
        return LinkTarget("refused", href, Message("link-absolute"))
    path = link_path(from_path, href)
    if path is None:
        return LinkTarget("refused", href, Message("link-outside-kb", {"target": href}))
    article = kb.by_path(path)
    if article is None:
        return LinkTarget("refused", href, Message("link-no-article-at", {"target": href}))
    return LinkTarget("article", article.id)
