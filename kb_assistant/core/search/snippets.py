"""Short result snippets with the matched words marked, cheap enough for every keystroke."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

import datetime as dt

from kb_assistant.core.models import Article, KbConfig, SearchHit
from kb_assistant.core.search.analysis import TOKEN_PATTERN, index_form
from kb_assistant.core.search.schema import preview_text

SNIPPET_CHARS = 180
SCAN_CHARS = 6000
"""Only the start of a long article is scanned: a snippet is a hint, not a summary."""


_WORDS = re.compile(TOKEN_PATTERN)
"""Words as the index cuts them: a match is always a whole word of the text."""


class SnippetSource:
    """The start of one article's text, prepared once for every snippet taken from it.

    Each keystroke asks for the snippets of about a dozen results, mostly the
    same articles as the keystroke before, with new words. Scanning the text
    with a pattern of every term took a quarter of a live search on a large KB;
    here the text is cut into words once, and a term finds the words it starts
    by bisection in their sorted list. A word counts when its own index form is
    among the terms (stems are nearly always prefixes of their words).

    The spans are kept flat (about 40 KB per article, half of it the text): the
    search keeps hundreds of these.
    """

    __slots__ = ("head", "_words", "_first", "_starts", "_ends")

    def __init__(self, text: str) -> None:
        self.head = " ".join(text[:SCAN_CHARS].split())
        # "ё" and "е" are one letter to the index; the replacement keeps offsets
        folded = self.head.replace("ё", "е").replace("Ё", "Е")
        spans: dict[str, list[tuple[int, int]]] = {}
        for match in _WORDS.finditer(folded):
            spans.setdefault(match.group(0).lower(), []).append(match.span())
        self._words = sorted(spans)
        # word i's spans are _starts/_ends[_first[i]:_first[i + 1]]; a head is at most SCAN_CHARS long
        self._first, self._starts, self._ends = array("H", [0]), array("H"), array("H")
        for word in self._words:
            for start, end in spans[word]:
                self._starts.append(start)
                self._ends.append(end)
            self._first.append(len(self._starts))

    def matches(self, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Character spans, in order, of the words whose index form is in ``terms``."""
        words, found = self._words, set()
        for term in terms:
            position = bisect_left(words, term)
            while position < len(words) and words[position].startswith(term):
                if index_form(words[position]) in terms:
                    found.add(position)
                position += 1
        first, starts, ends = self._first, self._starts, self._ends
        return sorted((starts[k], ends[k]) for i in found for k in range(first[i], first[i + 1]))

    def snippet(self, terms: frozenset[str], width: int = SNIPPET_CHARS):
        """The window of the text with the most distinct matched words; see :func:`make_snippet`."""
        head = self.head
        matches = self.matches(terms) if terms else []
        if not matches:
            return _cut(head, 0, width)
        best_start, best_count = matches[0][0], 0
        right = 0
        for left, (start, _) in enumerate(matches):
            right = max(right, left)
            while right + 1 < len(matches) and matches[right + 1][1] - start <= width:
                right += 1
            distinct = len({head[a:b].lower() for a, b in matches[left:right + 1]})
            if distinct > best_count:
                best_start, best_count = start, distinct
        start = max(0, best_start - width // 4)
        if start and head[start - 1] != " ":
            # open at a word: the one the window starts in when it is short, else the next one
            # (never at the tail of a long one, such as the ")." of "(password-reset-ru).")
            space = head.rfind(" ", 0, start)
            if space >= 0 and start - space < 20:
                start = space + 1
            else:
                space = head.find(" ", start, best_start)
                start = space + 1 if space >= 0 else start
        return _cut(head, start, width, matches)


def make_snippet(text: str, terms: frozenset[str], width: int = SNIPPET_CHARS):
    """Pick the window of ``text`` with the most distinct matched words.

    Args:
        text: plain text of the article.
        terms: index forms (stems) that count as matches.
        width: the snippet's length in characters, about.

    Returns:
        ``(snippet, spans)``: the snippet text (single spaces, "…" where cut)
        and ``(start, end)`` character spans of matched words in it.
    """
    return SnippetSource(text).snippet(frozenset(terms), width)


def _cut(head: str, start: int, width: int, matches=()):
    end = min(len(head), start + width)
    if end < len(head):
        space = head.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(head) else ""
    body = head[start:end]
    stripped = body.strip()
    shift = len(prefix) - start - (len(body) - len(body.lstrip()))
    spans = tuple((a + shift, b + shift) for a, b in matches if a >= start and b <= start + len(stripped))
    return prefix + stripped + suffix, spans


def mark_spans(text: str, spans, mark, plain=None) -> str:
    """``text`` with each ``(start, end)`` span of ``spans`` passed through ``mark``.

    The one walk over a snippet's highlight spans, for every way of showing them:
    the command line brackets them, the window bolds them in HTML.

    Args:
        text: the snippet.
        spans: sorted, non-overlapping ``(start, end)`` character spans in ``text``.
        mark: turns a matched piece into its shown form, e.g. ``lambda s: f"[{s}]"``.
        plain: turns the pieces between matches into theirs (``html.escape``); as is when None.
    """
    plain = plain or (lambda piece: piece)
    parts, last = [], 0
    for start, end in spans:
        parts += [plain(text[last:start]), mark(text[start:end])]
        last = end
    parts.append(plain(text[last:]))
    return "".join(parts)


def article_hit(article: Article, today: dt.date | None = None, config: KbConfig | None = None) -> SearchHit:
    """A result-list entry for an article listed without a search (pinned, recent).

    Its snippet is the start of the article's readable text, as a search result's
    would be (``config`` gives the placeholder labels, see :func:`preview_text`).
    """
    snippet, _spans = make_snippet(preview_text(article, config), frozenset())
    return SearchHit(
        id=article.id, title=article.title, path=article.path, score=0.0, snippet=snippet,
        reply_names=tuple(r.name for r in article.replies), tags=article.tags, lang=article.lang,
        category=article.category, product=article.product, type=article.type,
        stale=article.is_stale(today),
    )
