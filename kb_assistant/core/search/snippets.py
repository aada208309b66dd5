"""Short result snippets with the matched words marked, cheap enough for every keystroke."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import datetime as dt

from kb_assistant.core.models import Article, KbConfig, SearchHit
from kb_assistant.core.search.analysis import TOKEN_PATTERN, index_form
from kb_assistant.core.search.schema import preview_text

SNIPPET_CHARS = 180
SCAN_CHARS = 6000
"""Only the start of a long article is scanned: a snippet is a hint, not a summary."""


_WORDS = re.compile(TOKEN_PATTERN)
"""Words as the index cuts them: a match is always a whole word of the text."""
_LETTER = re.compile(r"[^\W_]").match
SHORT_WORD = 2
_APOSTROPHES = "'’"


@lru_cache(maxsize=1024)
def _short_word(word: str) -> re.Pattern:
    """``word`` (a letter or two) standing alone: no letter before it, none or an apostrophe's word after."""
    return re.compile(r"(?<![^\W_])%s(?![^\W_])(?!['’][^\W_])" % re.escape(word))


class SnippetSource:
    """The start of one article's text, prepared once for every snippet taken from it.

    Each keystroke asks for the snippets of about a dozen results, mostly the
    same articles as the keystroke before, with new words. Scanning the text
    with a pattern of every term took a quarter of a live search on a large KB,
    and cutting every article into words with their spans still took 1.7 ms per
    new article, most of a slow keystroke's time on 1,500 articles. Here an
    article keeps its sorted distinct words (one C-level ``findall``); a term
    finds the words it starts by bisection in them, a word counts when its own
    index form is among the terms (stems are nearly always prefixes of their
    words), and only the words that count are looked up in the text.
    """

    __slots__ = ("head", "_lower", "_words", "_spans")

    def __init__(self, text: str) -> None:
        self.head = " ".join(text[:SCAN_CHARS].split())
        # "ё" and "е" are one letter to the index; the replacement keeps offsets
        folded = self.head.replace("ё", "е").replace("Ё", "Е")
        lower = folded.lower()
        # a letter whose lower case is longer ("İ") would shift the spans: such a text is cut word by word
        self._lower = lower if len(lower) == len(folded) else None
        words = _WORDS.findall(lower) if self._lower else [w.lower() for w in _WORDS.findall(folded)]
        self._words = sorted(set(words))
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def matches(self, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Character spans, in order, of the words whose index form is in ``terms``."""
        words, found = self._words, []
        for term in terms:
            position = bisect_left(words, term)
            while position < len(words) and words[position].startswith(term):
                if index_form(words[position]) in terms:
                    found.append(words[position])
                position += 1
        lower, spans = self._lower, []
        if lower is None:
            folded = self.head.replace("ё", "е").replace("Ё", "Е")
            return [m.span() for m in _WORDS.finditer(folded) if m.group(0).lower() in found]
        for word in set(found):
            known = self._spans.get(word)
            if known is None:
                # the next keystroke mostly asks for the same words of the same article
                known = self._spans[word] = self._find(word)
            spans += known
        return sorted(spans)

    def _find(self, word: str) -> list[tuple[int, int]]:
        """Where ``word`` stands as a whole word in the text."""
        lower = self._lower
        if len(word) <= SHORT_WORD:
            # a letter or two is inside nearly every word: let one C-level pass find it standing alone
            return [match.span() for match in _short_word(word).finditer(lower)
                    if _starts_token(lower, match.start())]
        spans, start = [], lower.find(word)
        while start >= 0:
            end = start + len(word)
            if _starts_token(lower, start) and _WORDS.match(lower, start).end() == end:
                spans.append((start, end))
            start = lower.find(word, end)
        return spans

    def snippet(self, terms: frozenset[str], width: int = SNIPPET_CHARS):
        """The window of the text with the most distinct matched words; see :func:`make_snippet`."""
        head = self.head
        matches = self.matches(terms) if terms else []
        if not matches:
            return _cut(head, 0, width)
        best_start, best_count = matches[0][0], 0
        # a window slides over the matches, counting its distinct words as they come in and go out
        words = [head[a:b].lower() for a, b in matches]
        counts: dict[str, int] = {}
        right = -1
        for left, (start, _) in enumerate(matches):
            while right + 1 < len(matches) and (right < left or matches[right + 1][1] - start <= width):
                right += 1
                counts[words[right]] = counts.get(words[right], 0) + 1
            if len(counts) > best_count:
                best_start, best_count = start, len(counts)
            if counts[words[left]] == 1:
                del counts[words[left]]
            else:
                counts[words[left]] -= 1
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


def _starts_token(text: str, start: int) -> bool:
    if start == 0 or _LETTER(text[start - 1]):
        return start == 0
    # a word joined by an apostrophe to the one before ("don't") is a token's second half,
    # unless it ends a chain with an even number of links ("a'b'c" is "a'b" and "c")
    links, apostrophe = 0, start - 1
    while text[apostrophe] in _APOSTROPHES and apostrophe > 0 and _LETTER(text[apostrophe - 1]):
        letter = apostrophe - 1
        while letter > 0 and _LETTER(text[letter - 1]):
            letter -= 1
        links += 1
        if letter == 0:
            break
        apostrophe = letter - 1
    return links % 2 == 0


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
