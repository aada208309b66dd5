"""The article view: sanitized rendered Markdown that never loads anything remote."""

from __future__ import annotations

import re

from typing import NamedTuple

from PySide6.QtCore import QByteArray, QRegularExpression, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.kb.links import resolve_link
from kb_assistant.core.models import Article
from kb_assistant.ui.system.messages import message_text


MATCH_CONTEXT_LINES = 2
"""Lines left visible above the first match of the question when an article opens scrolled to it."""

COUNT_LIMIT = 1000
"""Find-bar matches counted at most: a one-letter search in a huge article must not hold the GUI thread."""


class Matches(NamedTuple):
    """Where the find bar is among the matches of its text.

    Attributes:
        current: the number (from 1) of the selected match; 0 when none is selected.
        total: how many matches were counted.
        more: True when counting stopped at :data:`COUNT_LIMIT` with more to come.
    """

    current: int
    total: int
    more: bool


_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r'\balt="([^"]*)"', re.IGNORECASE)


def _image_placeholder(match: re.Match) -> str:
    """Images are never loaded: show their description instead of a broken picture."""
    alt = _ALT.search(match.group(0))
    text = alt.group(1) if alt and alt.group(1).strip() else "image"
    return f"<i>[{text}]</i>"


class ArticleView(QTextBrowser):
    """Shows one article; links are reported by signal, never followed by Qt itself.

    Signals:
        link_clicked(str): the ``href`` of a clicked link (see ``core.links``).
    """

    link_clicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_clicked.emit(url.toString()))
        self.article: Article | None = None
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(self.tr("The text of the selected article"))

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802
        # Articles never load anything: no remote images, no local files either.
        # An empty (not a null) answer, or Qt goes looking for a file itself.
        return QByteArray()

    def show_article(self, article: Article | None, html: str, query: str = "") -> None:
        """Show ``article`` rendered as ``html`` (already sanitized), marking ``query`` words.

        The view opens scrolled to the first marked word, with a couple of lines
        above it, so an answer deep in a long article is on screen at once; with
        no marked word it opens at the top.
        """
        self.article = article
        self.setHtml(_IMAGE.sub(_image_placeholder, html))
        marked = self.highlight(query)
        if marked:
            self.go_to(min(s.cursor.selectionStart() for s in marked), MATCH_CONTEXT_LINES)

    def follow_link(self, href: str, kb: KnowledgeBase, open_article) -> str:
        """Open a link of the shown article the way ``core.links`` says.

        Articles go to ``open_article(article_id)``, web and mail links to the
        browser, anchors scroll this view.

        Returns:
            "" when it was opened, else the reason it was not (for the status bar).
        """
        if self.article is None:
            return ""
        target = resolve_link(href, kb, self.article.path)
        if target.kind == "article":
            open_article(target.target)
        elif target.kind == "external":
            QDesktopServices.openUrl(QUrl(target.target))
        elif target.kind == "anchor":
            self.scrollToAnchor(target.target)
        else:
            return message_text(target.reason)
        return ""

    def go_to(self, position: int, context_lines: int = 0) -> None:
        """Put the cursor at ``position`` and scroll its line to the top, ``context_lines`` lines below it.

        The cursor moves too (it is invisible in a read-only view), so find and
        Alt+Down continue from there.
        """
        document = self.document()
        position = max(0, min(position, document.characterCount() - 1))
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        block = document.findBlock(position)
        top = document.documentLayout().blockBoundingRect(block).top()  # lays the document out to there
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            top += line.y()
        context = context_lines * self.fontMetrics().lineSpacing()
        self.verticalScrollBar().setValue(max(0, round(top - context)))

    def highlight(self, query: str) -> list[QTextEdit.ExtraSelection]:
        """Mark the words of ``query`` (and words starting with them) in the text; returns the marks."""
        selections = []
        marker = QTextCharFormat()
        marker.setBackground(QColor("#ffe680"))
        marker.setForeground(QColor("#000000"))
        words = {w for w in re.findall(r"\w{3,}", query.lower().replace("ё", "е"))}
        # a crude stem: the word without its last two letters finds its other forms
        stems = sorted({word[:-2] if len(word) > 5 else word for word in words}, key=lambda stem: (-len(stem), stem))
        if stems:
            # one pass over the text for every word (a pass per word was most of a preview's time)
            expression = QRegularExpression(
                r"\b(?:" + "|".join(QRegularExpression.escape(stem) for stem in stems) + r")\w*",
                QRegularExpression.PatternOption.CaseInsensitiveOption
                | QRegularExpression.PatternOption.UseUnicodePropertiesOption,
            )
            document = self.document()
            cursor = QTextCursor(document)
            while len(selections) <= 500:
                cursor = document.find(expression, cursor)
                if cursor.isNull():
                    break
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = marker
                selections.append(selection)
        self.setExtraSelections(selections)
        return selections

    def find_text(self, text: str, backwards: bool = False) -> bool:
        """Find ``text`` in the article from the cursor on, wrapping around."""
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        if self.find(text, flags):
            return True
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)
        return self.find(text, flags)

    def count_matches(self, text: str) -> Matches:
        """Count the matches of ``text`` the way :meth:`find_text` finds them (any case), in the document.

        Stops at :data:`COUNT_LIMIT`; the selected match (the last one found) gives ``current``.
        """
        if not text:
            return Matches(0, 0, False)
        document = self.document()
        selected = self.textCursor()
        start = selected.selectionStart() if selected.hasSelection() else -1
        cursor = QTextCursor(document)
        current = total = 0
        while True:
            cursor = document.find(text, cursor)
            if cursor.isNull():
                return Matches(current, total, False)
            if total == COUNT_LIMIT:
                return Matches(current, total, True)
            total += 1
            if cursor.selectionStart() == start:
                current = total
