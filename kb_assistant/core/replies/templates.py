"""Reply templates: placeholders, filling, and the clipboard shape of each channel.

A template is the Markdown body of a reply (or of a snippet such as a greeting)
with ``{{name}}`` / ``{{name|fallback}}`` placeholders. :func:`render_reply`
fills one in and shapes it for a channel (DESIGN.md 5):

* ``email``: sanitized HTML plus a readable plain-text part;
* ``chat``: plain text without Markdown marks, links as ``text (url)``;
* ``messenger``: plain text with ``*bold*`` / ``_italic_``;
* ``phone``: a script to read aloud: lists as numbered lines, no URLs at all
  (a link becomes its text, a bare URL its host such as ``shopwave.example``).

Filling rules:

* a value is used when it is not blank (values are stripped; ``values`` win
  over ``builtins``); otherwise the fallback; otherwise the placeholder is
  unfilled: :class:`UnfilledPlaceholderError` when ``strict``, else shown as
  ``[name]`` (previews);
* values are data, never Markdown or HTML: each is replaced by a private-use
  token before Markdown runs and put back afterwards, escaped in HTML (a newline
  becomes ``<br>``) and verbatim in plain text;
* fallback text is template text, so it may contain Markdown;
* soft line breaks are kept (replies are messages, not documents), so the
  e-mail HTML and every plain shape break lines where the author did.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from kb_assistant.core.errors import UnfilledPlaceholderError
from kb_assistant.core.messages import Message, clip
from kb_assistant.core.render.markdown import clean_text, markdown_to_html, sanitize_html
from kb_assistant.core.articles.syntax import NAME_RE, PLACEHOLDER_RE
from kb_assistant.core.models import CHANNELS, Placeholder
from kb_assistant.core.render.html_text import Element, PlainStyle, html_to_text, parse_html, to_html

BUILTIN_PLACEHOLDERS = ("agent_name", "agent_signature", "company", "today")

CHANNEL_STYLES: Mapping[str, PlainStyle] = MappingProxyType({
    "email": PlainStyle(quote_prefix="> "),
    "chat": PlainStyle(),
    "messenger": PlainStyle(bold="*", italic="_", bold_headings=True),
    "phone": PlainStyle(number_bullets=True, show_urls=False, cell_separator=", "),
})

_BRACE_RUN_RE = re.compile(r"\{\{+|\}\}+")
_SHOWN_CHARS = 60
"""The most of a malformed placeholder a message quotes."""
# the braces of a placeholder, as values: a literal brace in a message template would be a format field
_BRACES = MappingProxyType({"open": "{{", "close": "}}"})
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


@dataclass(frozen=True)
class AgentProfile:
    """Who is answering: the source of the built-in placeholders."""

    agent_name: str = ""
    agent_signature: str = ""
    company: str = ""


@dataclass(frozen=True)
class TemplateIssue:
    """A malformed placeholder in a template.

    Attributes:
        offset: index of the problem in the template.
        line: 1-based line within the template.
        text: the offending text (a ``{{...}}`` or a stray ``}}``).
        code: ``"unclosed"``, ``"empty-name"``, ``"invalid-name"``, ``"nested"``
            or ``"stray-close"``.
        values: the values of its message (the name, a suggested name ...).
        end: index just after the offending text in the template (the end of the
            line for an unclosed ``{{``); ``text`` may be cut shorter for messages.
    """

    offset: int
    line: int
    text: str
    code: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    end: int = -1

    def explanation(self) -> Message:
        """What is wrong, as a message (``placeholder-<code>``; with a suggested name when there is one)."""
        suffix = "-hint" if "hint" in self.values else ""
        return Message(f"placeholder-{self.code}{suffix}", {"text": self.text, **_BRACES, **self.values})

    @property
    def message(self) -> str:
        """The English explanation."""
        return str(self.explanation())


@dataclass(frozen=True)
class ClipboardPayload:
    """A reply ready for the clipboard: ``html`` only for the ``email`` channel."""

    channel: str
    plain: str
    html: str | None = None


def line_of(template: str, offset: int) -> int:
    """Return the 1-based line of ``offset`` in ``template``."""
    return template.count("\n", 0, max(0, offset)) + 1


def find_placeholders(template: str) -> list[Placeholder]:
    """Return the well-formed placeholders of a template, in order.

    A placeholder is ``{{name}}`` or ``{{name|fallback}}`` on one line, with exactly
    two braces each side, a name matching ``[a-z][a-z0-9_]*`` (spaces around it
    allowed) and no braces inside. The fallback is stripped; ``{{name|}}`` has
    fallback ``""`` (empty is fine), ``{{name}}`` has fallback None.
    """
    return [
        Placeholder(m.group(1), None if m.group(2) is None else m.group(2).strip(" \t"),
                    m.start(), m.end())
        for m in PLACEHOLDER_RE.finditer(template)
    ]


def find_malformed_placeholders(template: str) -> list[TemplateIssue]:
    """Return every ``{{`` / ``}}`` that is not part of a well-formed placeholder."""
    valid = {m.start(): m.end() for m in PLACEHOLDER_RE.finditer(template)}
    issues: list[TemplateIssue] = []
    counted = [0, 1]  # offset and line reached: issues come in order, so newlines are counted once

    def issue(offset: int, end: int, text: str, code: str, **values: object) -> None:
        counted[1] += template.count("\n", counted[0], offset)
        counted[0] = offset
        issues.append(TemplateIssue(offset, counted[1], text, code, values, end))

    pos, line_end = 0, -1
    while (run := _BRACE_RUN_RE.search(template, pos)) is not None:
        start = run.start()
        if start in valid:
            pos = valid[start]
            continue
        pos = run.end()
        if run.group()[0] == "}":
            issue(start, pos, run.group(), "stray-close")
            continue
        if start > line_end:  # found once per line, not once per "{{" of a line of them
            line_end = template.find("\n", start)
            line_end = len(template) if line_end == -1 else line_end
        close = _BRACE_RUN_RE.search(template, run.end(), line_end)
        if close is None or close.group()[0] == "{":
            issue(start, line_end, template[start:min(line_end, start + _SHOWN_CHARS)], "unclosed")
            continue
        pos = close.end()
        text = clip(template[start:pos], _SHOWN_CHARS)  # "{{ ...4 MiB... }}" is shown by its start
        inner = template[run.end():close.start()]
        name = clip(inner.partition("|")[0].strip(" \t"), _SHOWN_CHARS)
        if len(run.group()) > 2 or len(close.group()) > 2 or "{" in inner or "}" in inner:
            issue(start, pos, text, "nested")
        elif not name:
            issue(start, pos, text, "empty-name")
        else:
            hint = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            suggestion = {"hint": "{{" + hint + "}}"} if NAME_RE.fullmatch(hint) else {}
            issue(start, pos, text, "invalid-name", name=name, **suggestion)
    return issues


def placeholder_names(template: str) -> list[str]:
    """Return the placeholder names of a template, each once, in order of first use."""
    return list(dict.fromkeys(p.name for p in find_placeholders(template)))


def _clean_value(value: object) -> str:
    text = clean_text(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _resolve(values: Mapping[str, str], builtins: Mapping[str, str]) -> dict[str, str]:
    resolved: dict[str, str] = {}
    for source in (builtins, values):
        for name, value in source.items():
            text = _clean_value(value) if value is not None else ""
            if text:
                resolved[name] = text
    return resolved


def _missing(template: str, resolved: Mapping[str, str]) -> list[str]:
    return [p.name for p in find_placeholders(template)
            if p.fallback is None and p.name not in resolved]


def unfilled(
    template: str, values: Mapping[str, str], builtins: Mapping[str, str] | None = None
) -> list[str]:
    """Return the names that would stay unfilled, each once, in order.

    A name is unfilled when some occurrence has no fallback and neither ``values``
    nor ``builtins`` give it a non-blank value.
    """
    resolved = _resolve(values, builtins or {})
    return list(dict.fromkeys(_missing(clean_text(template), resolved)))


def format_date(day: date, lang: str) -> str:
    """Format a date the way a reply says it: ``27.11.2026`` (ru), ``November 27, 2026`` (else)."""
    if lang.lower().startswith("ru"):
        return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
    return f"{_EN_MONTHS[day.month - 1]} {day.day}, {day.year}"


def builtin_values(profile: AgentProfile, today: date, lang: str) -> dict[str, str]:
    """Return the values of :data:`BUILTIN_PLACEHOLDERS` for an agent, a day and a language."""
    return {
        "agent_name": profile.agent_name,
        "agent_signature": profile.agent_signature,
        "company": profile.company,
        "today": format_date(today, lang),
    }


class _Slots:
    """Text kept away from Markdown, each behind a private-use token.

    A token is U+E000, the slot number in hex written with U+E001..U+E010, and
    U+E011. Markdown and nh3 treat these characters as ordinary text. The same
    characters typed in a template are themselves put behind tokens, so a
    template can never forge one.
    """

    _RESERVED_RE = re.compile("[\ue000-\ue011]")
    _TOKEN_RE = re.compile("\ue000([\ue001-\ue010]+)\ue011")

    def __init__(self) -> None:
        self._items: list[str] = []

    def token(self, text: str) -> str:
        self._items.append(text)
        digits = format(len(self._items) - 1, "x")
        return "\ue000" + "".join(chr(0xE001 + int(d, 16)) for d in digits) + "\ue011"

    def protect(self, template_text: str) -> str:
        return self._RESERVED_RE.sub(lambda m: self.token(m.group()), template_text)

    def _value(self, m: re.Match[str]) -> str:
        index = int("".join(format(ord(c) - 0xE001, "x") for c in m.group(1)), 16)
        return self._items[index] if index < len(self._items) else ""

    def plain(self, text: str) -> str:
        return self._TOKEN_RE.sub(self._value, text)

    def attr(self, text: str) -> str:
        return self._TOKEN_RE.sub(lambda m: self._value(m).replace("\n", " "), text)

    def html_text(self, text: str, in_pre: bool) -> str:
        parts: list[str] = []
        last = 0
        for m in self._TOKEN_RE.finditer(text):
            parts.append(html.escape(text[last:m.start()], quote=False))
            value = html.escape(self._value(m), quote=False)
            parts.append(value if in_pre else value.replace("\n", "<br>\n"))
            last = m.end()
        parts.append(html.escape(text[last:], quote=False))
        return "".join(parts)


def _fill(template: str, resolved: Mapping[str, str], slots: _Slots) -> str:
    out: list[str] = []
    last = 0
    for p in find_placeholders(template):
        out.append(slots.protect(template[last:p.start]))
        if p.name in resolved:
            out.append(slots.token(resolved[p.name]))
        elif p.fallback is not None:
            out.append(slots.protect(p.fallback))
        else:
            out.append(slots.token(f"[{p.name}]"))
        last = p.end
    out.append(slots.protect(template[last:]))
    return "".join(out)


def _render_block(source: str, slots: _Slots) -> Element:
    raw = parse_html(markdown_to_html(source, hard_breaks=True))
    # Values go into attributes (a link to {{url}}) before sanitizing, so nh3
    # judges the real URL; text keeps its tokens until the channel is known.
    return parse_html(sanitize_html(to_html(raw, attr=slots.attr), policy="email"))


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def render_reply(
    template: str,
    values: Mapping[str, str],
    *,
    channel: str,
    builtins: Mapping[str, str] | None = None,
    greeting: str | None = None,
    closing: str | None = None,
    signature: str | None = None,
    strict: bool = True,
) -> ClipboardPayload:
    """Fill a reply template and shape it for a channel's clipboard.

    Args:
        template: the reply's Markdown with placeholders.
        values: placeholder values from the fill-in form (data, never Markdown).
        channel: ``"email"``, ``"chat"``, ``"messenger"`` or ``"phone"``.
        builtins: values of the built-in placeholders (:func:`builtin_values`);
            ``values`` override them.
        greeting: a template put before the reply, as its own block.
        closing: a template put after the reply (closing words).
        signature: a template put last, under the closing (the agent's
            signature, usually ``{{agent_signature}}``: a value, so its lines are
            kept and it is escaped in HTML). No separator line ("-- ") is added:
            it is its own paragraph, as e-mail clients paste it cleanly.
        strict: raise on unfilled placeholders; when False (previews) they are
            shown as ``[name]``.

    Returns:
        The payload: ``plain`` for every channel, ``html`` for e-mail only.

    Raises:
        UnfilledPlaceholderError: ``strict`` and some placeholder of any block has
            neither a value nor a fallback; it names them all.
        ValueError: ``channel`` is not one of :data:`models.CHANNELS`.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
    resolved = _resolve(values, builtins or {})
    parts = (greeting, template, closing, signature)
    blocks = [clean_text(b) for b in parts if b is not None and b.strip()]
    if strict:
        missing = _unique(name for block in blocks for name in _missing(block, resolved))
        if missing:
            raise UnfilledPlaceholderError(missing)
    slots = _Slots()
    trees = [_render_block(_fill(block, resolved, slots), slots) for block in blocks]
    style = CHANNEL_STYLES[channel]
    texts = (html_to_text(tree, style, slots.plain) for tree in trees)
    plain = "\n\n".join(text for text in texts if text)
    html_out = None
    if channel == "email":
        body = "\n".join(to_html(tree, text=slots.html_text) for tree in trees)
        html_out = sanitize_html(body, policy="email").strip()
    return ClipboardPayload(channel, plain, html_out)
