"""What a link in an article leads to, and whether the app may follow it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import unquote, urlsplit

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.render.mdext.wikilinks import wikilink_target

EXTERNAL_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class LinkTarget:
    """Where a clicked link goes.

    Attributes:
        kind: ``"article"`` (open inside the app), ``"external"`` (open in the
            browser or mail client), ``"anchor"`` (a place in this article) or
            ``"refused"`` (never followed).
        target: the article id, the URL or the anchor.
        reason: why a link is refused, for the status bar.
    """

    kind: Literal["article", "external", "anchor", "refused"]
    target: str = ""
    reason: str = ""


def resolve_link(href: str, kb: KnowledgeBase, from_path: str) -> LinkTarget:
    """Classify ``href`` clicked in the article stored at ``from_path``.

    ``[[id]]`` links and relative links to articles open inside the app; http(s)
    and mailto go outside; anything else (``javascript:``, ``file:``, a path out
    of the KB folder, a missing article) is refused with a reason.
    """
    href = (href or "").strip()
    if not href:
        return LinkTarget("refused", reason="empty link")
    article_id = wikilink_target(href)
    if article_id is not None:
        if article_id in kb.articles:
            return LinkTarget("article", article_id)
        return LinkTarget("refused", article_id, f"no article with id '{article_id}'")
    parts = urlsplit(href)
    if parts.scheme:
        if parts.scheme.lower() in EXTERNAL_SCHEMES:
            return LinkTarget("external", href)
        return LinkTarget("refused", href, f"links of type '{parts.scheme}:' are not opened")
    if href.startswith("#"):
        return LinkTarget("anchor", href[1:])
    if href.startswith(("/", "\\")) or parts.netloc:
        return LinkTarget("refused", href, "absolute paths are not opened")
    path = unquote(parts.path)
    resolved: list[str] = []
    for part in (PurePosixPath(from_path).parent / path).parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not resolved:
                return LinkTarget("refused", href, "the link leads outside the knowledge base")
            resolved.pop()
        else:
            resolved.append(part)
    article = kb.by_path("/".join(resolved))
    if article is None:
        return LinkTarget("refused", href, "no article at that path")
    return LinkTarget("article", article.id)
