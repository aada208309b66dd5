"""The article format's own syntax, defined once for every reader of it.

The renderer (``render.mdext``), the scanner (``articles.scan``), rename's link
rewriting (``upkeep.rename``), the indexer's plain text (``render.plain``), the
reply filler (``replies.templates``) and the editor's highlighter all import
these patterns, so they cannot disagree about what a ``[[link]]``, a
``{{placeholder}}`` or a ``## Reply:`` heading is.

Every pattern is written so that it cannot backtrack badly on hostile text (an
article may be 4 MiB, a line thousands of brackets): negated character classes,
no nested quantifiers, no lazy scan before a back-reference. Where a regex could
not say it linearly (code spans, heading text), a small function does.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque

WIKILINK_PATTERN = r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]"
"""``[[id]]`` or ``[[id|label]]`` on one line, no brackets inside; group 1 is the id,
group 2 the label (None without ``|``). The id may be empty or blank: the scanner
finds ``[[ ]]`` so that ``check`` reports it, and the renderer leaves it as text."""

WIKILINK_RE = re.compile(WIKILINK_PATTERN)

NAME_PATTERN = r"[a-z][a-z0-9_]*"
"""A valid placeholder name: lowercase ASCII letter, then letters, digits, ``_``."""

PLACEHOLDER_PATTERN = r"(?<!\{)\{\{[ \t]*(" + NAME_PATTERN + r")[ \t]*(?:\|([^{}\n]*))?\}\}(?!\})"
"""One well-formed placeholder: exactly two braces each side, on one line, no braces
inside; group 1 is the name, group 2 the fallback (None without ``|``)."""

PLACEHOLDER_RE = re.compile(PLACEHOLDER_PATTERN)
NAME_RE = re.compile(NAME_PATTERN)

# possessive (*+, ++): nothing is given back, so a line of "[x](" costs one short look per bracket; the
# target may hold one level of balanced parentheses (wiki/Foo_(bar)) but no "(" or "[" of its own
_LINK_BODY = (r"\[(?:[^\[\]\n]++|\[[^\[\]\n]*+\])*+\]\(\s*+<?((?:[^()\[\s>]++|\([^()\[\s>]*+\))++)>?"
              r"(?:\s++\"[^\"\n]*+\")?\s*+\)")
INLINE_LINK_RE = re.compile(r"(?<!!)" + _LINK_BODY)
"""An inline Markdown link ``[text](target "title")`` (not an image); group 1 is the target."""

LINK_OR_IMAGE_RE = re.compile(r"!?" + _LINK_BODY)
"""An inline link or image ``![alt](target)``; group 1 is the target (a moved file keeps its pictures)."""

REFERENCE_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?")
"""A link reference definition ``[name]: target``; group 1 is the target."""

FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
"""The opening or closing line of a fenced code block; group 1 is the fence."""

HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*)|[ \t#]*)$")
"""An ATX heading line; group 1 the marks, group 2 the text with any closing ``#`` run."""

REPLY_HEADING_RE = re.compile(r"(reply|ответ)\s*:\s*(.*)", re.IGNORECASE)
"""The text of a level-2 heading that starts a reply: ``Reply: NAME`` / ``Ответ: NAME``."""

_BACKTICKS = re.compile(r"`+")


def atx_heading(line: str) -> tuple[int, str] | None:
    """``(level, text)`` of an ATX heading line, else None (text without the closing ``#`` run)."""
    match = HEADING_RE.match(line)
    if match is None:
        return None
    return len(match.group(1)), (match.group(2) or "").rstrip(" \t#").strip()


def reply_name(heading: tuple[int, str] | None) -> str | None:
    """The reply name of a heading from :func:`atx_heading` ("" when it has none), else None."""
    if heading is None or heading[0] != 2:
        return None
    match = REPLY_HEADING_RE.fullmatch(heading[1])
    return match.group(2).strip() if match else None


def inline_code_spans(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each inline code span of one line, backticks included.

    A span opens with a run of backticks and closes at the next run of exactly the
    same length, as in CommonMark and Python-Markdown. Linear in the line's length,
    where the regex ``(`+)(.+?)\\1`` is cubic on a line of backticks.
    """
    runs = [match.span() for match in _BACKTICKS.finditer(line)]
    later: dict[int, deque[int]] = defaultdict(deque)
    for number, (start, end) in enumerate(runs):
        later[end - start].append(number)
    spans = []
    number = 0
    while number < len(runs):
        start, end = runs[number]
        same = later[end - start]
        while same and same[0] <= number:
            same.popleft()
        if same:
            close = same.popleft()
            spans.append((start, runs[close][1]))
            number = close + 1
        else:
            number += 1
    return spans


def blank_inline_code(line: str) -> str:
    """``line`` with its inline code spans blanked out (same length, so offsets still match)."""
    spans = inline_code_spans(line) if "`" in line else []
    if not spans:
        return line
    parts, last = [], 0
    for start, end in spans:
        parts += [line[last:start], " " * (end - start)]
        last = end
    parts.append(line[last:])
    return "".join(parts)
