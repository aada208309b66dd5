"""A small HTML tree, and the plain-text shapes of rendered Markdown.

Replies are parsed as Markdown once (to sanitized HTML); this module turns that
HTML into a tree and the tree into the plain text a channel wants: links as
``text (url)``, lists as ``1.`` / ``- `` lines, optional ``*bold*`` /
``_italic_`` marks, or no URLs at all for a phone script. :func:`to_html` writes
a tree back as HTML with hooks for text and attribute values, which is how
``core.templates`` puts escaped placeholder values into e-mail HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Deeper elements are flattened into their ancestor, so the recursive walkers
# below stay far from the interpreter's recursion limit whatever the input.
MAX_DEPTH = 64

VOID_TAGS = frozenset({"br", "hr", "img", "wbr", "col", "area", "input", "meta", "link"})
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                        "blockquote", "pre", "hr", "table", "thead", "tbody", "tfoot", "tr",
                        "dl", "dt", "dd"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
_URL_RE = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>]*[^\s<>.,;:!?)\]}'\"]")
_SCHEME_PREFIX_RE = re.compile(r"(?i)^[a-z][a-z0-9+.\-]*://")


def _identity(text: str) -> str:
    return text


@dataclass
class Element:
    """One HTML element; children are elements or text (entities already decoded)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self._stack) > MAX_DEPTH:
            return
        el = Element(tag, {k: v or "" for k, v in attrs})
        self._stack[-1].children.append(el)
        if tag not in VOID_TAGS:
            self._stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self._stack) <= MAX_DEPTH:
            self._stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        # Close the nearest open element of that name; an end tag that opens
        # nothing is ignored, so mismatched raw HTML cannot break the tree.
        for i in range(len(self._stack) - 1, 0, -1):
            if self._stack[i].tag == tag:
                del self._stack[i:]
                return

    def handle_data(self, data: str) -> None:
        children = self._stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def parse_html(html_text: str) -> Element:
    """Parse an HTML fragment into an :class:`Element` tree under a ``#root`` element."""
    builder = _TreeBuilder()
    builder.feed(html_text)
    builder.close()
    return builder.root


def to_html(
    root: Element,
    *,
    text: Callable[[str, bool], str] | None = None,
    attr: Callable[[str], str] = _identity,
) -> str:
    """Write a tree's children back as HTML.

    Args:
        root: the tree (its own tag is not written).
        text: ``text(data, in_pre) -> html`` for each text node; it must escape.
            Default: :func:`html.escape`.
        attr: maps each attribute value before it is escaped.

    Returns:
        The HTML fragment.
    """
    write_text = text or (lambda data, _in_pre: html.escape(data, quote=False))
    parts: list[str] = []

    def walk(node: Element, in_pre: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(write_text(child, in_pre))
                continue
            attrs = "".join(
                f' {name}="{html.escape(attr(value), quote=True)}"'
                for name, value in child.attrs.items()
            )
            parts.append(f"<{child.tag}{attrs}>")
            if child.tag not in VOID_TAGS:
                walk(child, in_pre or child.tag == "pre")
                parts.append(f"</{child.tag}>")

    walk(root, False)
    return "".join(parts)


@dataclass(frozen=True)
class PlainStyle:
    """How a channel writes rendered Markdown as plain text.

    Attributes:
        bold: mark put around bold text (``"*"`` for messengers), or "".
        italic: mark put around italic text, or "".
        bullet: marker of unordered list items.
        number_bullets: write unordered lists as numbered lines too (phone scripts).
        show_urls: write links as ``text (url)``; when False links become their
            text and bare URLs in the text become their host (``shop.example``).
        quote_prefix: prefix of blockquote lines, or "" for plain paragraphs.
        cell_separator: between table cells of one row.
        bold_headings: write headings in ``bold`` marks.
    """

    bold: str = ""
    italic: str = ""
    bullet: str = "- "
    number_bullets: bool = False
    show_urls: bool = True
    quote_prefix: str = ""
    cell_separator: str = " | "
    bold_headings: bool = False


def url_host(url: str) -> str:
    """Return the host of a URL without ``www.``: ``https://www.a.example/x`` -> ``a.example``."""
    rest = _SCHEME_PREFIX_RE.sub("", url)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1].split(":")[0]
    return host[4:] if host.lower().startswith("www.") else host


def _wrap(text: str, mark: str) -> str:
    core = text.strip()
    if not mark or not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark}{trail}"


def _normalize_inline(text: str) -> str:
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return text.strip(" \n")


def _raw_text(node: Element) -> str:
    return "".join(c if isinstance(c, str) else _raw_text(c) for c in node.children)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _PlainWriter:
    """Walks a tree into blocks of text; ``expand`` fills values in at the end of a block."""

    def __init__(self, style: PlainStyle, expand: Callable[[str], str]) -> None:
        self.style = style
        self.expand = expand

    def blocks(self, nodes: list[Element | str]) -> list[str]:
        out: list[str] = []
        run: list[Element | str] = []
        for node in nodes:
            if isinstance(node, Element) and node.tag in BLOCK_TAGS:
                self._flush(run, out)
                run = []
                out.extend(self.block(node))
            else:
                run.append(node)
        self._flush(run, out)
        return out

    def _flush(self, run: list[Element | str], out: list[str]) -> None:
        text = self.paragraph(run) if run else ""
        if text:
            out.append(text)

    def paragraph(self, nodes: list[Element | str], *, bold: bool = False) -> str:
        # Values are expanded only after whitespace is normalised, so a value's
        # own spaces and line breaks survive as the agent typed them.
        text = _normalize_inline(self.inline(nodes, bold=bold))
        if bold:
            text = _wrap(text, self.style.bold)
        return self.expand(text)

    def block(self, el: Element) -> list[str]:
        tag = el.tag
        if tag in ("ul", "ol"):
            return [text] if (text := self.list_block(el)) else []
        if tag == "li":
            return [text] if (text := self.list_block(Element("ul", {}, [el]))) else []
        if tag == "pre":
            text = self.expand(_raw_text(el)).rstrip("\n")
            return [text] if text.strip() else []
        if tag == "hr":
            return []
        if tag in _HEADINGS:
            text = self.paragraph(el.children, bold=self.style.bold_headings)
            return [text] if text else []
        if tag in ("table", "thead", "tbody", "tfoot", "tr"):
            return [text] if (text := self.table(el)) else []
        if tag == "blockquote":
            inner = "\n\n".join(self.blocks(el.children))
            prefix = self.style.quote_prefix
            if prefix and inner:
                inner = "\n".join(prefix + line if line else prefix.rstrip()
                                  for line in inner.split("\n"))
            return [inner] if inner else []
        return self.blocks(el.children)

    def list_block(self, el: Element) -> str:
        ordered = el.tag == "ol" or self.style.number_bullets
        number = _int(el.attrs.get("start"), 1) if el.tag == "ol" else 1
        lines: list[str] = []
        for child in el.children:
            if isinstance(child, str) and not child.strip():
                continue
            nodes = child.children if isinstance(child, Element) and child.tag == "li" else [child]
            marker = f"{number}. " if ordered else self.style.bullet
            body = "\n".join(self.blocks(nodes)).split("\n")
            lines.append((marker + body[0]).rstrip())
            indent = " " * len(marker)
            lines.extend(indent + line if line.strip() else "" for line in body[1:])
            number += 1
        return "\n".join(lines)

    def table(self, el: Element) -> str:
        rows: list[str] = []
        stack: list[Element] = [el]
        while stack:
            node = stack.pop()
            if node.tag == "tr":
                cells = [self.paragraph(c.children) for c in node.children
                         if isinstance(c, Element) and c.tag in ("th", "td")]
                rows.append(self.style.cell_separator.join(cells))
            else:
                stack.extend(c for c in reversed(node.children) if isinstance(c, Element))
        return "\n".join(row for row in rows if row.strip())

    def inline(self, nodes: list[Element | str], *, bold: bool = False,
               italic: bool = False) -> str:
        parts: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                parts.append(_HTML_SPACE_RE.sub(" ", node))
            elif node.tag == "br":
                parts.append("\n")
            elif node.tag in ("strong", "b"):
                inner = self.inline(node.children, bold=True, italic=italic)
                parts.append(inner if bold else _wrap(inner, self.style.bold))
            elif node.tag in ("em", "i"):
                inner = self.inline(node.children, bold=bold, italic=True)
                parts.append(inner if italic else _wrap(inner, self.style.italic))
            elif node.tag == "a":
                parts.append(self.link(node, self.inline(node.children, bold=bold, italic=italic)))
            elif node.tag == "img":
                parts.append(node.attrs.get("alt", ""))
            else:
                parts.append(self.inline(node.children, bold=bold, italic=italic))
        return "".join(parts)

    def link(self, el: Element, label: str) -> str:
        href = el.attrs.get("href", "").strip()
        if not self.style.show_urls or not href:
            return label
        shown = href[7:] if href.lower().startswith("mailto:") else href
        if not label.strip():
            return shown
        plain_label = self.expand(label).strip()
        if plain_label in (self.expand(shown), self.expand(href)):
            return label
        return f"{label} ({shown})"


def html_to_text(
    root: Element | str,
    style: PlainStyle = PlainStyle(),
    expand: Callable[[str], str] = _identity,
) -> str:
    """Write (sanitized) HTML as plain text in a channel's style.

    Blank lines are normalised (at most one between blocks), trailing spaces
    stripped, and the text has no leading or trailing newline.

    Args:
        root: a tree from :func:`parse_html`, or an HTML string.
        style: the channel's :class:`PlainStyle`.
        expand: applied to each finished block of text (before layout such as
            list indentation); ``core.templates`` uses it to put values in.

    Returns:
        The plain text.
    """
    tree = parse_html(root) if isinstance(root, str) else root
    text = "\n\n".join(_PlainWriter(style, expand).blocks(tree.children))
    if not style.show_urls:
        text = _URL_RE.sub(lambda m: url_host(m.group(0)), text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
