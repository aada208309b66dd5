"""``[[article-id]]`` and ``[[article-id|label]]`` links between articles.

Each becomes ``<a href="kb:article-id" class="wikilink">label</a>``. The ``kb:``
scheme keeps wiki links apart from web links, so the viewer can open them inside
the app; :func:`wikilink_target` turns such an ``href`` back into the id.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, unquote

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from kb_assistant.core.articles.syntax import WIKILINK_PATTERN

SCHEME = "kb:"

# Runs after backticks (190) and backslash escapes (180), so code spans keep
# "[[x]]" literally, and before reference/inline links (170/160), which would
# otherwise take the inner "[x]".
_PRIORITY = 175

TitleResolver = Callable[[str], "str | None"]


def wikilink_href(article_id: str) -> str:
    """Return the ``kb:`` href of an article id (non-ASCII and spaces percent-encoded)."""
    return SCHEME + quote(article_id, safe="/-_.~")


def wikilink_target(href: str) -> str | None:
    """Return the article id an ``href`` points to, or None when it is not a wiki link."""
    if not href.startswith(SCHEME):
        return None
    target = unquote(href[len(SCHEME):])
    return target or None


class WikiLinkInlineProcessor(InlineProcessor):
    """Turns one ``[[id]]`` / ``[[id|label]]`` match into a link element."""

    def __init__(self, pattern: str, md: Markdown, title_for: TitleResolver | None) -> None:
        super().__init__(pattern, md)
        self.title_for = title_for

    def handleMatch(  # noqa: N802
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int, int]:
        article_id = m.group(1).strip()
        if not article_id:
            # "[[ ]]" stays text: there is nothing to link to, and check reports it
            return None, m.start(0), m.end(0)
        label = (m.group(2) or "").strip()
        classes = "wikilink"
        if self.title_for is not None:
            title = self.title_for(article_id)
            if title is None:
                classes += " missing"
            elif not label:
                label = title
        el = etree.Element("a")
        el.set("href", wikilink_href(article_id))
        el.set("class", classes)
        # AtomicString: the label is shown as written, not parsed as Markdown again.
        el.text = AtomicString(label or article_id)
        return el, m.start(0), m.end(0)


class WikiLinkExtension(Extension):
    """Markdown extension for ``[[id]]`` links.

    Args:
        title_for: optional callable ``title_for(id) -> str | None``. It gives the
            label of links written without one; ``None`` marks the link
            ``class="wikilink missing"``. Without a resolver no link is marked missing.
    """

    def __init__(self, title_for: TitleResolver | None = None, **kwargs: object) -> None:
        # Kept out of Extension.config: Markdown coerces a config whose default
        # is None to a bool, which would turn the callable into True.
        self.title_for = title_for
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        processor = WikiLinkInlineProcessor(WIKILINK_PATTERN, md, self.title_for)
        md.inlinePatterns.register(processor, "kb_wikilink", _PRIORITY)


def makeExtension(**kwargs: Any) -> WikiLinkExtension:  # noqa: N802
    """Entry point Python-Markdown uses for ``extensions=["...wikilinks"]``."""
    return WikiLinkExtension(**kwargs)
