"""The one configured Markdown renderer and HTML sanitizer.

Everything the app shows or copies as HTML goes through here:

* :func:`markdown_to_html` converts Markdown with the project's extensions and
  never raises (a pathological input falls back to escaped text);
* :func:`sanitize_html` cleans HTML with nh3 under one of two policies:
  ``"article"`` for reading in the app, ``"email"`` for the clipboard;
* :func:`render_markdown` and :func:`render_article_html` combine both.

Policies (DESIGN.md 7: no remote content, no scripts, safe links only):

* article: links keep ``http``, ``https``, ``mailto``, ``kb:`` (wiki links) and
  relative hrefs; protocol-relative ``//host`` hrefs are dropped. Images keep only
  a relative ``src`` (screenshots next to the article); a remote or ``data:``
  image loses its ``src`` and so loads nothing.
* email: links keep only ``http``, ``https`` and ``mailto`` (a relative link means
  nothing in the customer's mail client); no images, no classes, no spans.
* both: ``<script>``/``<style>`` are removed with their content, event handler and
  ``style`` attributes never survive, links get ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import markdown
import nh3
from markdown.extensions import Extension

from kb_assistant.core.render.mdext.bounded import BoundedExtension
from kb_assistant.core.render.mdext.placeholders import PlaceholderExtension
from kb_assistant.core.render.mdext.wikilinks import WikiLinkExtension

log = logging.getLogger(__name__)

Policy = Literal["article", "email"]

EMAIL_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "code", "pre",
     "h1", "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td"}
)
ARTICLE_TAGS = EMAIL_TAGS | {"h5", "h6", "span", "mark", "del", "s", "sup", "sub", "img",
                             "dl", "dt", "dd", "div"}

_EMAIL_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
_ARTICLE_ATTRIBUTES = {**_EMAIL_ATTRIBUTES, "img": {"src", "alt", "title"}, "code": {"class"}}
_ARTICLE_CLASSES = {"a": {"wikilink", "missing"}, "span": {"placeholder"}}
_EMAIL_SCHEMES = frozenset({"http", "https", "mailto"})
_ARTICLE_SCHEMES = _EMAIL_SCHEMES | {"kb"}

_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_CODE_CLASS_RE = re.compile(r"^language-[\w+#.\-]{1,40}$")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Replace lone surrogates (from ``surrogateescape`` decoding) with U+FFFD.

    nh3 and the clipboard both need valid UTF-8; everything else passes unchanged.
    """
    return _SURROGATE_RE.sub("\ufffd", text)


def _base_extensions(hard_breaks: bool) -> list[str | Extension]:
    # bounded work (mdext.bounded): Python-Markdown's link scans and table test, and html.parser on
    # unclosed "<a", are quadratic in a paragraph; after "tables", whose test it bounds
    extensions: list[str | Extension] = ["tables", "fenced_code", "sane_lists", BoundedExtension()]
    if hard_breaks:
        extensions.append("nl2br")
    return extensions


def markdown_to_html(
    text: str, *, extensions: Sequence[Extension] = (), hard_breaks: bool = False
) -> str:
    """Convert Markdown to (unsanitized) HTML with the project's standard extensions.

    The standard set is ``tables`` (with ``align`` attributes, not styles),
    ``fenced_code``, ``sane_lists`` and bounded work on hostile text (``mdext.bounded``);
    ``extensions`` are added after them.
    Never raises: Python-Markdown recurses on nested blocks, so an input like
    2000 nested list markers would exceed the recursion limit; such input is
    logged and shown as escaped paragraphs instead.

    Args:
        text: Markdown source.
        extensions: extra extension instances (ours from ``core.mdext``).
        hard_breaks: turn single newlines inside a paragraph into ``<br>`` (the
            chat-message convention used for replies; articles keep Markdown's).

    Returns:
        HTML that still needs :func:`sanitize_html` before anyone sees it.
    """
    text = clean_text(text)
    md = markdown.Markdown(
        extensions=[*_base_extensions(hard_breaks), *extensions],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    try:
        return md.convert(text)
    except Exception:  # noqa: BLE001 - a third-party parser must not block a reply or a preview
        log.warning("Markdown could not render a text of %d chars; showing it as plain text",
                    len(text), exc_info=True)
        return _escaped_paragraphs(text)


def _escaped_paragraphs(text: str) -> str:
    paragraphs = (p.strip() for p in re.split(r"\n[ \t]*\n", text))
    return "\n".join(
        "<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>" for p in paragraphs if p
    )


def _is_relative(url: str) -> bool:
    url = url.strip()
    # "//host/x" and "\\host\x" are host references that merely lack a scheme.
    return not (_SCHEME_RE.match(url) or url.startswith(("//", "\\\\", "/\\", "\\/")))


def _article_attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "a" and attr == "href" and value.strip().startswith(("//", "\\")):
        return None
    if tag == "img" and attr == "src":
        return value if _is_relative(value) and not value.startswith(("/", "\\")) else None
    if tag == "code" and attr == "class":
        kept = [c for c in value.split() if _CODE_CLASS_RE.match(c)]
        return " ".join(kept) or None
    return value


def sanitize_html(html_text: str, *, policy: Policy = "article") -> str:
    """Clean HTML with nh3 under the ``"article"`` or ``"email"`` policy (see module doc).

    Args:
        html_text: untrusted HTML.
        policy: ``"article"`` for the in-app viewer, ``"email"`` for the clipboard.

    Returns:
        Sanitized HTML safe to display or paste.
    """
    html_text = clean_text(html_text)
    if policy == "email":
        return nh3.clean(
            html_text,
            tags=set(EMAIL_TAGS),
            attributes={k: set(v) for k, v in _EMAIL_ATTRIBUTES.items()},
            url_schemes=set(_EMAIL_SCHEMES),
            url_relative="deny",
            link_rel="noopener noreferrer",
        )
    return nh3.clean(
        html_text,
        tags=set(ARTICLE_TAGS),
        attributes={k: set(v) for k, v in _ARTICLE_ATTRIBUTES.items()},
        allowed_classes={k: set(v) for k, v in _ARTICLE_CLASSES.items()},
        attribute_filter=_article_attribute_filter,
        url_schemes=set(_ARTICLE_SCHEMES),
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str, *, extensions: Iterable[Extension] = ()) -> str:
    """Render Markdown to sanitized article HTML.

    Uses the standard extensions plus ``[[id]]`` wiki links (without a title
    resolver) and any ``extensions`` given.

    Args:
        text: Markdown source.
        extensions: extra extension instances.

    Returns:
        Sanitized HTML (article policy).
    """
    exts = [WikiLinkExtension(), *extensions]
    return sanitize_html(markdown_to_html(text, extensions=exts), policy="article").strip()


def render_article_html(
    body: str, *, title_for: Callable[[str], str | None] | None = None
) -> str:
    """Render an article body for reading in the app.

    Wiki links get titles (and ``missing`` marks) from ``title_for``; reply
    placeholders are shown as ``<span class="placeholder">{{name}}</span>``.

    Args:
        body: the article's Markdown body (without front matter).
        title_for: ``title_for(id) -> title | None``; None for an unknown id.

    Returns:
        Sanitized HTML (article policy).
    """
    exts = [WikiLinkExtension(title_for=title_for), PlaceholderExtension()]
    return sanitize_html(markdown_to_html(body, extensions=exts), policy="article").strip()
