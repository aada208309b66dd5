"""Syntax highlighting for articles: front matter, headings, reply sections, placeholders."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from kb_assistant.core.articles.syntax import FENCE_RE, PLACEHOLDER_RE, WIKILINK_RE, atx_heading, reply_name
from kb_assistant.core.replies.templates import find_malformed_placeholders

# block states: what the line continues
NORMAL, FRONT_MATTER, CODE = 0, 1, 2


def _format(color: str, *, bold: bool = False, italic: bool = False, background: str = "") -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


class ArticleHighlighter(QSyntaxHighlighter):
    """Marks what matters to an editor: the YAML block, headings, replies, placeholders, links."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.formats = {
            "front_matter": _format("#6a5acd"),
            "heading": _format("#1f4e9c", bold=True),
            "reply": _format("#0b7a3e", bold=True, background="#e8f6ee"),
            "placeholder": _format("#a0522d", bold=True, background="#fff2cc"),
            "broken": _format("#ffffff", background="#c62828"),
            "link": _format("#00838f"),
            "code": _format("#555555"),
        }

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        previous = self.previousBlockState()
        block = self.currentBlock()
        if block.blockNumber() == 0 and text.rstrip() == "---":
            self.setFormat(0, len(text), self.formats["front_matter"])
            self.setCurrentBlockState(FRONT_MATTER)
            return
        if previous == FRONT_MATTER:
            self.setFormat(0, len(text), self.formats["front_matter"])
            closed = text.rstrip() in ("---", "...")
            self.setCurrentBlockState(NORMAL if closed else FRONT_MATTER)
            return
        fence = bool(FENCE_RE.match(text))
        if previous == CODE or fence:
            self.setFormat(0, len(text), self.formats["code"])
            opening = previous != CODE and fence
            closing = previous == CODE and fence
            self.setCurrentBlockState(CODE if opening or (previous == CODE and not closing) else NORMAL)
            return
        self.setCurrentBlockState(NORMAL)
        heading = atx_heading(text)
        if reply_name(heading) is not None:
            self.setFormat(0, len(text), self.formats["reply"])
        elif heading is not None:
            self.setFormat(0, len(text), self.formats["heading"])
        for match in WIKILINK_RE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.formats["link"])
        # broken as ``check`` sees it (one linear definition, where a regex of its own was quadratic)
        for issue in find_malformed_placeholders(text) if "{{" in text or "}}" in text else ():
            self.setFormat(issue.offset, issue.end - issue.offset, self.formats["broken"])
        for match in PLACEHOLDER_RE.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.formats["placeholder"])
