"""Light Markdown to text, for the search index and result snippets.

Not a renderer: it drops what is not words (URLs, tags, marks, placeholder holes)
and keeps the words where they were, cheaply enough to run on every article at
every index update. Channel-shaped plain text for the clipboard is
``render.html_text``'s job.
"""

from __future__ import annotations

import re

from kb_assistant.core.articles.syntax import PLACEHOLDER_RE, WIKILINK_RE

# possessive and no "(" in the target except balanced pairs: a run of "](" costs one short look each
_LINK_URL = re.compile(r"\]\((?:[^()\s]++|\([^()\s]*+\))*+(?:\s++\"[^\"\n]*+\")?\)")
_HTML_TAG = re.compile(r"<[^>\n]{1,200}>")
# a malformed placeholder ("{{Order Id}}", which check reports) is no words either
_BRACE_HOLE = re.compile(r"\{\{[^{}\n]*\}\}")
# "[ \t]*", not "\s*": a "\s*" after "^" runs over every following blank line, quadratic in them
_MD_MARKS = re.compile(r"(^|\s)[#>*+-]+\s|[*_`~]{1,3}|^[ \t]*\d+[.)]\s", re.MULTILINE)
_SPACES = re.compile(r"[ \t]+")


def markdown_to_plain(text: str) -> str:
    """Light Markdown-to-text for indexing and snippets: drop URLs, tags and marks.

    A wiki link reads as its label (else its id), a placeholder as its fallback
    (what the customer would read) or as nothing.
    """
    text = WIKILINK_RE.sub(lambda m: (m.group(2) or "").strip() or m.group(1).strip(), text)
    text = _LINK_URL.sub("]", text)
    text = _HTML_TAG.sub(" ", text)
    text = PLACEHOLDER_RE.sub(lambda m: m.group(2) or "", text)
    text = _BRACE_HOLE.sub(" ", text)
    text = _MD_MARKS.sub(lambda m: m.group(1) or " ", text)
    text = text.replace("[", "").replace("]", "")
    return _SPACES.sub(" ", text)
