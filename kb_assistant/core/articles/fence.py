"""Front matter whose opening ``---`` line was damaged while editing.

A block opens only with a first line of exactly ``---``
(:func:`kb_assistant.core.articles.frontmatter.split_front_matter`). One stray
keystroke there (``--``, ``----``, ``---x``, ``--- notes``, `` ---``, an
autocorrected dash, a stray byte-order mark, the line deleted or joined with
the next) turns the whole block into body text: the article loses its title,
questions and language without a word. The editor uses :func:`damaged_opening`
to say so instead of showing an empty form, and ``kb-assistant check``
(:mod:`kb_assistant.core.upkeep.check`) to report it.
"""

from __future__ import annotations

import re

KNOWN_KEYS = frozenset({
    "id", "title", "lang", "product", "tags", "questions", "translations", "owner", "reviewed",
    "review_every", "type", "category", "placeholders",
})
"""Top-level keys of the article format (DESIGN.md, section 2); one of them must be there."""

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CLOSERS = ("---", "...")
_KEY_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
_SCAN_LINES = 200
"""Front matter is short: a closing line further down is no front matter's."""
BLANK_LINES_ABOVE = 2
"""The most empty lines typed above a damaged opening line that still leave it one."""


def damaged_opening(text: str) -> int | None:
    """The 1-based line of the closing ``---`` of a block whose opening line is damaged, else None.

    The text counts as such a block when its first line is not ``---`` but
    (after at most :data:`BLANK_LINES_ABOVE` empty lines typed above it) looks
    like a mistyped one (dashes with at most two other characters, or three
    dashes with anything after them), starts with dashes joined to a key
    (``---id: refund``), or is itself a ``key:`` line (the fence deleted); and
    when the lines up to the next ``---`` or ``...`` line are a YAML mapping
    (every unindented line a ``key:``) with at least one key of the article
    format. Plain Markdown (a heading, prose, a thematic break) never matches,
    so files without front matter stay what they are.
    """
    lines = text.split("\n", _SCAN_LINES)[:_SCAN_LINES]
    if lines[0].rstrip() == "---":
        return None
    blank = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if blank >= len(lines) or blank > BLANK_LINES_ABOVE:
        return None
    lines = lines[blank:]  # empty lines typed above the fence
    first = lines[0].strip().lstrip("\ufeff")
    rest = first.lstrip(_DASHES).strip()
    block, offset = lines[1:], 2 + blank  # offset: block[i] is line i + offset of the file
    if first and len(first) - len(rest) >= 2 and _KEY_LINE.match(rest):
        block, offset = [rest, *block], 1 + blank  # the fence's line break was deleted: "---id: refund"
    elif not _fence_like(first):
        if not _KEY_LINE.match(first):
            return None
        block, offset = [first, *block], 1 + blank  # the fence line itself was deleted
    closing = next((i for i, line in enumerate(block) if line.rstrip("\r").rstrip() in _CLOSERS), None)
    if closing is None:
        return None
    keys = []
    for line in block[:closing]:
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#") or line[:1] in (" ", "\t"):
            continue  # blank, comment, or part of the value above
        match = _KEY_LINE.match(line)
        if match is None:
            return None  # prose: not a mapping
        keys.append(match.group(1))
    if not KNOWN_KEYS.intersection(keys):
        return None
    return closing + offset


def _fence_like(line: str) -> bool:
    """A mistyped ``---``: at least one dash and at most two other characters, or three dashes and then anything."""
    if len(line) - len(line.lstrip(_DASHES)) >= 3:
        return True  # the fence is whole but words were typed after it ("--- front matter"); the block decides
    dashes = sum(1 for char in line if char in _DASHES)
    return dashes >= 1 and len(line.replace(" ", "")) - dashes <= 2
