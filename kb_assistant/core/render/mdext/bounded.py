"""Python-Markdown with a bound on the work hostile text can cause.

An article is shared by a whole team and a reply is rendered once per channel,
so no text may take seconds to render. Python-Markdown (3.x) and the standard
library's HTML parser it uses have three places where work grows with the square
of a paragraph; :class:`BoundedExtension` bounds each, keeping what an author
writes rendering as before:

* **links and images.** Every ``[`` and ``![`` is tried as a link: a walk to the
  matching ``]`` and, after ``](``, to the matching ``)``, to the end of the
  paragraph when there is none (``'![' * 4000``, ``'[x](' * 4000``: seconds).
  The walks become possessive regular expressions (C speed, no backtracking)
  within :data:`TEXT_CHARS` / :data:`DESTINATION_CHARS` characters, brackets
  nested :data:`TEXT_NESTING` deep and parentheses two deep; a longer or deeper
  link is left as text.
* **the table test.** ``tables`` splits the whole rest of a block into rows each
  time a block is tried, and a run of headings (``'#\n' * 6000``) re-tries the
  rest after every line. The test now reads the rows it needs, lazily.
* **unclosable ``<``.** ``html.parser`` scans from every ``<a`` to the next
  ``>`` (``'<a ' * 4000``: seconds). A ``<`` that starts markup but is followed by
  another such ``<`` before any ``>`` cannot start a tag; it is kept out of the
  parser's way (as a private character, shown as ``&lt;`` again after rendering).
* **long blocks.** A heading, setext underline or rule splits one line off a
  block and puts the rest back, and the next tests search all of that rest
  again (``'=\n' * 12000``: seconds). The searching tests first look for their
  one character at memory speed, and a block (text between blank lines) longer
  than :data:`BLOCK_LINES` lines or :data:`BLOCK_CHARS` characters is cut into
  blocks of that size, so that what remains is bounded per block. Only text
  beyond those sizes without a blank line renders differently (a 3,000-row table
  becomes two).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown import Extension, Markdown
from markdown.extensions.tables import PIPE_LEFT, PIPE_NONE, PIPE_RIGHT, TableProcessor
from markdown.inlinepatterns import LinkInlineProcessor, dequote
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

TEXT_CHARS = 2000
"""The longest link (or image) text read, in characters."""
DESTINATION_CHARS = 4000
"""The longest ``(url "title")`` read, in characters."""
TITLE_CHARS = 500
"""The longest link title read: an unclosed quote is searched for its end this far only."""
TEXT_NESTING = 3
"""How deeply brackets may nest inside a link text (``[a [b [c]] d](x)``)."""
SHORT_REST = 256
"""Within this many characters of a paragraph's end, Python-Markdown's own scans run: each is
short there, so the whole stays linear, and odd input (``[]('(``) reads exactly as it always did."""


def _nested(inner: str, open_: str, close: str, depth: int) -> str:
    """A possessive pattern for text of ``inner`` characters with balanced ``open_``/``close``, ``depth`` deep."""
    pattern = f"{inner}*+"
    for _ in range(depth):
        pattern = f"(?:{inner}++|{open_}{pattern}{close})*+"
    return pattern


# up to and including the "]" that closes the "[" before the scan started
_TEXT_RE = re.compile(_nested(r"[^\[\]]", r"\[", r"\]", TEXT_NESTING) + r"\]")
# an href: no quotes, parentheses nested two deep, spaces as long as no title (a quote) follows
_HREF = r"(?:[^()\s\"']++|\((?:[^()\s\"']++|\([^()\s\"']*+\))*+\)|\s++(?![\"']))*+"
# (url), (url "title"), (url 'title'): the title ends at the quote that the closing ")" follows
_TITLE = r"(?P<quote>[\"'])(?P<title>[\s\S]{0,%d}?)(?P=quote)" % TITLE_CHARS
_DESTINATION_RE = re.compile(r"\(\s*+(?P<href>" + _HREF + r")\s*+(?:" + _TITLE + r"\s*+)?\)")
# a destination with a quote that is not a title (o'brien.md): up to the balanced ")"
_PLAIN_DESTINATION_RE = re.compile(r"\(\s*+(?P<href>" + _nested(r"[^()]", r"\(", r"\)", 2) + r")\)")
_SPACE_RE = re.compile(r"\s")


def _bounded_text(self: LinkInlineProcessor, data: str, index: int) -> tuple[str, int, bool]:
    """``getText``: the text between ``[`` (just before ``index``) and its ``]``, if close enough."""
    if len(data) - index <= SHORT_REST:
        return LinkInlineProcessor.getText(self, data, index)
    match = _TEXT_RE.match(data, index, min(len(data), index + TEXT_CHARS))
    if match is None:
        return "", index, False
    return data[index:match.end() - 1], match.end(), True


def _bounded_link(self: LinkInlineProcessor, data: str, index: int) -> tuple[str, str | None, int, bool]:
    """``getLink``: the ``(url "title")`` at ``index``, if it closes within the bound."""
    if len(data) - index <= SHORT_REST:
        return LinkInlineProcessor.getLink(self, data, index)
    end = min(len(data), index + DESTINATION_CHARS)
    angled = self.RE_LINK.match(data, index, end)
    if angled and angled.group(1):  # [text](<url> "title"), as Python-Markdown reads it
        title = angled.group(2)[1:-1] if angled.group(2) else None
        return self._finish(angled.group(1)[1:-1], title, angled.end(0))
    for pattern in (_DESTINATION_RE, _PLAIN_DESTINATION_RE):
        match = pattern.match(data, index, end)
        if match is not None:
            title = match.groupdict().get("title")
            return self._finish(match.group("href"), title, match.end())
    return "", None, index, False


def _finish(self: LinkInlineProcessor, href: str, title: str | None, index: int) -> tuple[str, str | None, int, bool]:
    if title is not None:
        title = _SPACE_RE.sub(" ", dequote(self.unescape(title.strip())))
    return self.unescape(href).strip(), title, index, True


def _rows(text: str) -> Iterator[str]:
    """The lines of ``text``, one at a time (``split`` would copy all of them for the first few)."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def _bounded_table_test(self: TableProcessor, parent, block: str) -> bool:
    """``TableProcessor.test`` reading only the rows it needs (same answer, same ``border`` and ``separator``)."""
    header0, newline, rest = block.partition("\n")
    if not newline:
        return False
    header0 = header0.strip(" ")
    self.border = PIPE_NONE
    if header0.startswith("|"):
        self.border |= PIPE_LEFT
    if self.RE_END_BORDER.search(header0) is not None:
        self.border |= PIPE_RIGHT
    row0_len = len(self._split_row(header0))
    is_table = row0_len > 1
    if not is_table and row0_len == 1 and self.border:
        # each row of a one-column table needs a pipe: the first row without one decides
        for line in _rows(rest):
            line = line.strip(" ")
            is_table = line.startswith("|") or self.RE_END_BORDER.search(line) is not None
            if not is_table:
                break
    if is_table:
        row = self._split_row(rest.partition("\n")[0].strip(" "))
        is_table = len(row) == row0_len and set("".join(row)) <= set("|:- ")
        if is_table:
            self.separator = row
    return is_table


BLOCK_LINES = 2000
"""The most lines a block (text between blank lines) keeps; a longer one is cut with a blank line."""
BLOCK_CHARS = 128 * 1024
"""The most characters a block keeps before it is cut (at a line end)."""


def cut_long_blocks(lines: list[str]) -> list[str]:
    """``lines`` with a blank line put in wherever a block would pass :data:`BLOCK_LINES` or :data:`BLOCK_CHARS`."""
    out: list[str] = []
    count = chars = 0
    for line in lines:
        if not line.strip():
            count = chars = 0
        elif count >= BLOCK_LINES or (count and chars + len(line) > BLOCK_CHARS):
            out.append("")
            count, chars = 1, len(line)
        else:
            count, chars = count + 1, chars + len(line)
        out.append(line)
    return out


def _first_looking_for(processor, needles: tuple[str, ...]) -> None:
    """Make ``processor.test`` run its regex only when one of ``needles`` is in the block (a memchr)."""
    original = processor.test

    def test(parent, block: str) -> bool:
        return any(needle in block for needle in needles) and original(parent, block)

    processor.test = test


LT = "\ufdd0"
"""Stands for an unclosable ``<`` while Markdown runs (a noncharacter: never in text it keeps)."""
_MARKUP_OR_CLOSE = re.compile(r"<(?=[A-Za-z/!?])|>")


def neutralise_unclosable(text: str) -> str:
    """``text`` with each ``<`` that cannot start a tag replaced by :data:`LT` (linear).

    A ``<`` that starts markup (a letter, ``/``, ``!`` or ``?`` follows) is
    unclosable when another such ``<`` comes before the next ``>``, or no ``>``
    comes at all. A closed comment (``<!-- ... -->``) is left whole, tags in it
    included. A :data:`LT` already in the text becomes U+FFFD first.
    """
    text = text.replace(LT, "\ufffd")
    cut: list[int] = []
    pending, position = -1, 0
    comments_close = "-->" in text  # once a comment does not close, none after it can
    while (match := _MARKUP_OR_CLOSE.search(text, position)) is not None:
        position = match.end()
        if match.group() == ">":
            pending = -1
            continue
        if pending >= 0:
            cut.append(pending)
        pending = match.start()
        if comments_close and text.startswith("<!--", pending):
            end = text.find("-->", pending + 4)
            if end >= 0:
                pending, position = -1, end + 3
            else:
                comments_close = False
    if pending >= 0:
        cut.append(pending)
    if not cut:
        return text
    parts, last = [], 0
    for start in cut:
        parts += [text[last:start], LT]
        last = start + 1
    parts.append(text[last:])
    return "".join(parts)


class _Prepare(Preprocessor):
    """After fenced code is stashed (25), before the HTML block parser (20): long blocks cut, ``<`` neutralised."""

    def run(self, lines: list[str]) -> list[str]:
        joined = "\n".join(lines)
        done = neutralise_unclosable(joined)
        return cut_long_blocks(lines if done is joined else done.split("\n"))


class _Restore(Postprocessor):
    """After everything else: the stand-in ``<`` is written as the text it was."""

    def run(self, text: str) -> str:
        return text.replace(LT, "&lt;") if LT in text else text


_TEXT_ONLY = ("reference", "image_reference", "short_reference", "short_image_ref")
_TEXT_AND_DESTINATION = ("link", "image_link")


class BoundedExtension(Extension):
    """Python-Markdown with bounded link scans, table tests and ``<`` handling (see the module notes).

    Put it after ``tables`` in the extension list, so that its table processor is the one bounded.
    """

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        for name in _TEXT_ONLY + _TEXT_AND_DESTINATION:
            if name not in md.inlinePatterns:
                continue
            processor = md.inlinePatterns[name]
            # bound on the instance: the classes stay Python-Markdown's, whatever version is installed
            processor.getText = _bounded_text.__get__(processor)
            if name in _TEXT_AND_DESTINATION:
                processor.getLink = _bounded_link.__get__(processor)
                processor._finish = _finish.__get__(processor)
        blocks = md.parser.blockprocessors
        if "table" in blocks:
            blocks["table"].test = _bounded_table_test.__get__(blocks["table"])
        for name, needles in (("hashheader", ("#",)), ("quote", (">",))):
            if name in blocks:  # they search the whole block for a line starting so
                _first_looking_for(blocks[name], needles)
        md.preprocessors.register(_Prepare(md), "kb_prepare", 24)
        md.postprocessors.register(_Restore(md), "kb_restore_lt", 5)


def makeExtension(**kwargs: object) -> BoundedExtension:  # noqa: N802
    """Entry point Python-Markdown uses for ``extensions=["...bounded"]``."""
    return BoundedExtension(**kwargs)
