"""Line-level structure of a Markdown body: headings, reply sections and links.

This is a light scanner, not a renderer: it only has to know which lines are
inside fenced code so that a ``## Reply:`` or ``[[id]]`` shown as an example in
a code block is not taken for the real thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb_assistant.core.articles.syntax import (
    FENCE_RE,
    INLINE_LINK_RE,
    WIKILINK_RE,
    atx_heading,
    blank_inline_code,
    reply_name,
)
from kb_assistant.core.models import Link, Reply

_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Heading:
    """A Markdown ATX heading: level, text and 0-based index of its line in the body."""

    level: int
    text: str
    index: int


@dataclass(frozen=True)
class ReplyIssue:
    """Something wrong with a reply heading: ``code`` says what (``"reply-name"``: it has no name)."""

    index: int
    code: str


def code_line_mask(lines: list[str]) -> list[bool]:
    """Return, for each line, whether it is inside (or delimits) a fenced code block."""
    mask: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = FENCE_RE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                mask.append(True)
            else:
                mask.append(False)
        else:
            mask.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
    return mask


def headings(lines: list[str], mask: list[bool] | None = None) -> list[Heading]:
    """Return the ATX headings outside fenced code."""
    mask = mask if mask is not None else code_line_mask(lines)
    found = []
    for index, line in enumerate(lines):
        if mask[index]:
            continue
        heading = atx_heading(line)
        if heading is not None:
            found.append(Heading(heading[0], heading[1], index))
    return found


def first_title(lines: list[str]) -> str:
    """Return the text of the first ``# `` heading, or "" when there is none."""
    for heading in headings(lines):
        if heading.level == 1 and heading.text:
            return heading.text
    return ""


def extract_replies(lines: list[str], first_line: int) -> tuple[list[Reply], list[ReplyIssue]]:
    """Find ``## Reply: NAME`` / ``## Ответ: NAME`` sections.

    A reply runs to the next heading of level 1 or 2. ``first_line`` is the file
    line number of ``lines[0]`` so replies carry real file lines.
    """
    mask = code_line_mask(lines)
    all_headings = headings(lines, mask)
    replies: list[Reply] = []
    issues: list[ReplyIssue] = []
    for position, heading in enumerate(all_headings):
        name = reply_name((heading.level, heading.text))
        if name is None:
            continue
        end = len(lines)
        for later in all_headings[position + 1:]:
            if later.level <= 2:
                end = later.index
                break
        if not name:
            issues.append(ReplyIssue(heading.index, "reply-name"))
            continue
        template = "\n".join(lines[heading.index + 1:end]).strip("\n")
        replies.append(Reply(name=name, template=template.strip(), line=first_line + heading.index))
    return replies, issues


def extract_links(lines: list[str], first_line: int) -> list[Link]:
    """Find ``[[id]]`` links and relative Markdown links outside code."""
    mask = code_line_mask(lines)
    links: list[Link] = []
    for index, line in enumerate(lines):
        if mask[index] or ("[" not in line):
            continue
        visible = blank_inline_code(line)
        line_no = first_line + index
        for match in WIKILINK_RE.finditer(visible):
            links.append(Link("wiki", match.group(1).strip(), line_no))
        for match in INLINE_LINK_RE.finditer(visible):
            target = match.group(1)
            if is_relative_target(target):
                links.append(Link("relative", target, line_no))
    return links


def is_relative_target(target: str) -> bool:
    """Whether a link target is a path relative to the current file."""
    return bool(target) and not (
        target.startswith(("#", "/", "\\")) or _SCHEME_RE.match(target) or target.startswith("//")
    )


def strip_title_heading(lines: list[str]) -> list[str]:
    """Drop a leading ``# `` heading (and blank lines around it) from a snippet body."""
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines):
        heading = atx_heading(lines[index])
        if heading is not None and heading[0] == 1:
            index += 1
    return lines[index:]
