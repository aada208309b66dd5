"""Light Markdown to text: words for the search index, readable text for result snippets.

Not a renderer: :func:`markdown_to_plain` drops what is not words (URLs, tags,
marks, placeholders without a fallback) and keeps the words where they were;
:func:`markdown_to_preview` also keeps what a reader needs (table cells apart,
sentences ended, placeholders as ``[label]``). Both are cheap enough to run on
every article at every index update. Channel-shaped plain text for the
clipboard is ``render.html_text``'s job.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from kb_assistant.core.articles.syntax import (
    FENCE_RE,
    LINK_OR_IMAGE_RE,
    PLACEHOLDER_RE,
    WIKILINK_RE,
    atx_heading,
    inline_code_spans,
)

_HTML_TAG = re.compile(r"<[^>\n]{1,200}>")
# a malformed placeholder ("{{Order Id}}", which check reports) is no words either
_BRACE_HOLE = re.compile(r"\{\{[^{}\n]*\}\}")
# "[ \t]*", not "\s*": a "\s*" after "^" runs over every following blank line, quadratic in them
_MD_MARKS = re.compile(r"(^|\s)[#>*+-]+\s|[*_`~]{1,3}|^[ \t]*\d+[.)]\s", re.MULTILINE)
_SPACES = re.compile(r"[ \t]+")


def markdown_to_plain(text: str) -> str:
    """Light Markdown-to-text for the index: drop URLs, tags and marks (snippets: :func:`markdown_to_preview`).

    A wiki link reads as its label (else its id), a placeholder as its fallback
    (what the customer would read) or as nothing.
    """
    text = WIKILINK_RE.sub(lambda m: (m.group(2) or "").strip() or m.group(1).strip(), text)
    text = LINK_OR_IMAGE_RE.sub(_link_text, text)
    text = _HTML_TAG.sub(" ", text)
    text = PLACEHOLDER_RE.sub(lambda m: m.group(2) or "", text)
    text = _BRACE_HOLE.sub(" ", text)
    text = _MD_MARKS.sub(lambda m: m.group(1) or " ", text)
    text = text.replace("[", "").replace("]", "")
    return _SPACES.sub(" ", text)


# -- readable text for result snippets ---------------------------------------------------------------

PlaceholderCaption = Callable[[str, "str | None"], str]
"""``(name, fallback) -> words`` shown for a placeholder in a preview (the brackets are added)."""

_ESCAPABLE = "\\`*_{}[]()#+-.!|~<>\"&"
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + "])")
# an escaped mark is kept as a private-use character while the marks are taken out, then put back
_PRIVATE = 0xF0000
_PRIVATE_CHARS = re.compile("[\U000f0000-\U000f00ff]")
_PROTECTABLE = re.compile("[" + re.escape(_ESCAPABLE) + "]")


def _protect(text: str) -> str:
    """``text`` with its mark characters as private-use ones, which no inline pattern touches."""
    return _PROTECTABLE.sub(lambda m: chr(_PRIVATE + ord(m.group(0))), text)


def _unprotect(text: str) -> str:
    return _PRIVATE_CHARS.sub(lambda m: chr(ord(m.group(0)) - _PRIVATE), text)

# possessive: a long run of spaces or dashes that is no delimiter row fails at once
_TABLE_DELIMITER = re.compile(r"^[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]{1,2000})>")
# emphasis marks are flanking runs (not "5 * 3", not the "_" of snake_case); the lookahead first
# lets every other character fail at once
_EMPHASIS = re.compile(r"(?=[*_~])(?:\*+(?=\S)|(?<=\S)\*+|(?<!\w)_+(?=\S)|(?<=\S)_+(?!\w)|~~)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_SENTENCE_END = ".!?:;…,"
"""A block ending with one of these is not given a "." ("Dear [customer name]," stays)."""
_CLOSERS = "\"'»)]”’"
CELL_SEPARATOR = " · "
"""Between the cells of a table row in a preview."""
_PARENTHESIS = re.compile(r"[ \t]*\([^()]*\)[ \t]*$")


def placeholder_caption(name: str, fallback: str | None, label: str = "") -> str:
    """The words a preview shows for a placeholder: its label, else its fallback, else its name.

    A label reads as part of the sentence: first letter lower-cased (not in an
    acronym) and without its trailing note in parentheses, so the KB's
    "Номер заказа (9 цифр)" shows as "номер заказа". The name reads as words
    ("order_id" -> "order id").
    """
    label = " ".join(label.split())
    if label:
        label = _PARENTHESIS.sub("", label) or label
        if label[1:2].islower() or len(label) == 1:
            label = label[:1].lower() + label[1:]
        return label
    fallback = " ".join((fallback or "").split())
    return fallback or " ".join(name.replace("_", " ").split())


def markdown_to_preview(text: str, caption: PlaceholderCaption | None = None, title: str = "") -> str:
    """Markdown as the plain text a result snippet shows: readable, no marks, no holes.

    * a table row reads as its cells joined by " · " (the delimiter row is dropped);
    * headings, list items, quotes, emphasis, code spans and fences lose their marks,
      links read as their text, wiki links as their label (else their id), HTML tags go;
    * a placeholder reads as ``[caption]`` (see :func:`placeholder_caption`), so
      "Здравствуйте, {{customer_name}}!" is "Здравствуйте, [имя клиента]!", never "Здравствуйте, !";
    * each heading, list item, table row and paragraph ends as a sentence, on a line
      of its own (a "." is added where it ends without punctuation), since a snippet
      runs them into one line.

    Args:
        text: an article's Markdown body.
        caption: the words for a placeholder (``(name, fallback)``); by default its
            fallback, else its name.
        title: the article's title: a first level-1 heading that repeats it is left
            out (the result list shows the title above the snippet).

    One pass over the lines takes the block marks off; the inline patterns then run
    once over the whole text. Every step is linear in the text (see ``core.articles.syntax``).
    """
    caption = caption or (lambda name, fallback: placeholder_caption(name, fallback))
    lines = _PRIVATE_CHARS.sub("", text).split("\n")
    out: list[str] = []
    fence = ""
    table = False
    title_key = " ".join(title.split()).casefold()
    first = True  # nothing but blank lines yet
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        opening = FENCE_RE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = ""
                out.append(_BLOCK)
            elif line.strip():
                out.append(_protect(line.strip()) + " ")
            continue
        if opening:
            fence, table, first = opening.group(1), False, False
            out.append(_BLOCK)
            continue
        if not line.strip() or _RULE.match(line) or _TABLE_DELIMITER.match(line):
            table = table and bool(line.strip())
            out.append(_BLOCK)
            continue
        heading = atx_heading(line)
        if heading is not None:
            table = False
            if not (heading[0] == 1 and title_key and first and _words(heading[1], caption) == title_key):
                out += [_BLOCK, _code_spans(heading[1]), _BLOCK]
            first = False
            continue
        first = False
        quoted = _QUOTE.match(line)
        if quoted:
            line = line[quoted.end():]
        item = _LIST_ITEM.match(line)
        if item:
            out.append(_BLOCK)
            line = line[item.end():]
        table = (table and "|" in line) or _is_table_row(line, following)
        if table:
            out += [_BLOCK, _CELL.join(_code_spans(cell) for cell in _CELL_SPLIT.split(line.strip())), _BLOCK]
            continue
        out.append(_code_spans(line) + " ")
        if quoted and _QUOTE.match(following):
            following = following[_QUOTE.match(following).end():]  # the quote goes on
        if not following.strip() or _starts_block(following):
            out.append(_BLOCK)
    blocks = (_finish(block) for block in _inline("".join(out), caption).split(_BLOCK))
    preview = "\n".join(block for block in blocks if block)
    return _unprotect(preview)


_BLOCK = "\U000f00fe"
"""Ends a block (heading, list item, table row, paragraph) while the inline patterns run."""
_CELL = "\U000f00fd"
"""Parts the cells of a table row while the inline patterns run."""


def _words(heading: str, caption: PlaceholderCaption) -> str:
    """A heading's words, case-folded, to compare with the title."""
    return " ".join(_unprotect(_inline(heading, caption)).split()).casefold()


def _is_table_row(line: str, following: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") or ("|" in stripped and bool(_TABLE_DELIMITER.match(following)))


def _starts_block(line: str) -> bool:
    return bool(atx_heading(line) or FENCE_RE.match(line) or _LIST_ITEM.match(line) or _QUOTE.match(line)
                or line.strip().startswith("|") or _RULE.match(line))


def _finish(block: str) -> str:
    """One block's words as a sentence: single spaces, cells joined, a "." unless it ends with punctuation."""
    if _CELL in block:
        block = CELL_SEPARATOR.join(cell for cell in (" ".join(c.split()) for c in block.split(_CELL)) if cell)
    else:
        block = " ".join(block.split())
    core = block.rstrip(_CLOSERS)
    return block if not core or core[-1] in _SENTENCE_END else block + "."


def _code_spans(line: str) -> str:
    """``line`` with each inline code span's text protected from the inline patterns, backticks dropped."""
    if "`" not in line:
        return line
    parts, last = [], 0
    for start, end in inline_code_spans(line):
        parts += [line[last:start], _protect(line[start:end].strip("`").strip())]
        last = end
    parts.append(line[last:])
    return "".join(parts).replace("`", "")


def _inline(text: str, caption: PlaceholderCaption) -> str:
    """Inline Markdown as words: links as their text, placeholders as ``[caption]``, marks and tags dropped."""
    text = _ESCAPE.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), text)
    text = WIKILINK_RE.sub(lambda m: _protect((m.group(2) or "").strip() or m.group(1).strip()), text)
    text = LINK_OR_IMAGE_RE.sub(_link_text, text)
    text = _AUTOLINK.sub(lambda m: _protect(m.group(1)), text)
    text = _HTML_TAG.sub(" ", text)
    text = PLACEHOLDER_RE.sub(lambda m: _bracketed(caption(m.group(1), m.group(2))), text)
    text = _BRACE_HOLE.sub(lambda m: _bracketed(_malformed(m.group(0))), text)
    text = _EMPHASIS.sub("", text)
    text = text.replace("[", "").replace("]", "")
    if "&" in text:
        text = _ENTITY.sub(lambda m: _protect(html.unescape(m.group(0))), text)
    return text


def _link_text(match: re.Match) -> str:
    """The text of an inline link or image (its alt text) matched by ``LINK_OR_IMAGE_RE``."""
    whole = match.group(0)
    opening = whole.index("[") + 1
    closing = whole.rfind("](", 0, match.start(1) - match.start())
    return whole[opening:closing] if closing >= opening else ""


def _malformed(hole: str) -> str:
    """A malformed placeholder ("{{Order Id}}", which check reports) reads as its words."""
    name, _, fallback = hole[2:-2].partition("|")
    return " ".join((fallback or name).split())


def _bracketed(words: str) -> str:
    words = " ".join(words.replace("[", "").replace("]", "").split())
    return _protect(f"[{words}]") if words else ""
