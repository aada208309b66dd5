"""Shows reply placeholders in rendered articles.

``{{name}}`` and ``{{name|fallback}}`` become ``<span class="placeholder">{{name}}</span>``
so editors and agents reading an article see exactly which parts get filled in.
The fallback is shown as written, not rendered as Markdown. Clipboard rendering
never uses this extension: it fills placeholders instead (see ``core.replies.templates``).
Both take the placeholder syntax from ``core.articles.syntax``, so the article view
and the template filler can never disagree about what a placeholder is.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from kb_assistant.core.articles.syntax import PLACEHOLDER_PATTERN

# After backticks (190) so `{{name}}` in a code span stays code, and before
# wiki links (175) so a fallback containing "[[x]]" is shown as written.
_PRIORITY = 176


class PlaceholderInlineProcessor(InlineProcessor):
    """Wraps one well-formed placeholder in a ``span.placeholder``."""

    def handleMatch(  # noqa: N802
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        el = etree.Element("span")
        el.set("class", "placeholder")
        el.text = AtomicString(m.group(0))
        return el, m.start(0), m.end(0)


class PlaceholderExtension(Extension):
    """Markdown extension that highlights ``{{name}}`` placeholders when reading."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        md.inlinePatterns.register(
            PlaceholderInlineProcessor(PLACEHOLDER_PATTERN, md), "kb_placeholder", _PRIORITY
        )


def makeExtension(**kwargs: object) -> PlaceholderExtension:  # noqa: N802
    """Entry point Python-Markdown uses for ``extensions=["...placeholders"]``."""
    return PlaceholderExtension(**kwargs)
