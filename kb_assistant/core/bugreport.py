"""Bug reports for developers: one form, two shapes (tracker Markdown and chat plain text).

Plain Python (no Qt). The labels of the output are English by default; the UI
passes its translated labels (see :data:`LABELS` for the keys), so a Russian
team gets a Russian report without this module knowing about Qt.

Markdown output follows CommonMark (GitHub, GitLab, most trackers): values are
escaped so that what the agent typed is shown, never interpreted, and
``unescape_markdown(escape_markdown(text)) == text`` for any one line of text.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Fields a report cannot go without, in form order.
REQUIRED_FIELDS: tuple[str, ...] = ("summary", "steps", "expected", "actual")

#: Default (English) labels of every field; the UI passes translated ones.
LABELS: Mapping[str, str] = {
    "summary": "Summary",
    "steps": "Steps to reproduce",
    "expected": "Expected result",
    "actual": "Actual result",
    "details": "Details",
    "customer_ref": "Customer or order",
    "app_version": "App version",
    "platform": "Platform",
    "article": "Article",
    "reported_by": "Reported by",
    "date": "Date",
}

_DETAIL_FIELDS = ("customer_ref", "app_version", "platform", "article", "reported_by", "date")
# agents often number or bullet the steps themselves: "1. Open", "2) Tap", "- Pay", "• Wait"
_STEP_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-*•–])\s+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_MD_BULLET_OR_RULE = re.compile(r"^[-+](?=\s|$)|^[-=](?=[-=\s]*$)")
_MD_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class BugReport:
    """What an agent passes on to developers.

    Attributes:
        summary: one line: what is wrong.
        steps: steps to reproduce, a sequence or one multi-line string (one step a line).
        expected: what should have happened.
        actual: what happened instead.
        customer_ref: the customer's or the order's id.
        app_version: the version of the product the customer uses.
        platform: where it happened ("Android", "Web (desktop)" ...).
        article_id: the KB article the agent had open, if any.
        article_title: its title.
        reported_by: the agent's name.
        date: the day of the report (a date or text).
    """

    summary: str = ""
    steps: Sequence[str] | str = ()
    expected: str = ""
    actual: str = ""
    customer_ref: str = ""
    app_version: str = ""
    platform: str = ""
    article_id: str = ""
    article_title: str = ""
    reported_by: str = ""
    date: _dt.date | str | None = None


def default_platforms() -> list[str]:
    """Platforms offered in the form; the agent may type any other."""
    return ["Android", "iOS", "Web (desktop)", "Web (mobile)", "Windows app", "macOS app", "Linux app"]


def step_list(report: BugReport) -> list[str]:
    """The report's steps: one line each, blank ones dropped, typed-in numbering removed."""
    raw = report.steps.splitlines() if isinstance(report.steps, str) else report.steps
    steps = []
    for item in raw:
        for line in str(item).splitlines():
            line = _STEP_MARKER.sub("", line.strip()).strip()
            if line:
                steps.append(line)
    return steps


def missing_fields(report: BugReport) -> list[str]:
    """Names of required fields (:data:`REQUIRED_FIELDS`) that are empty, in form order."""
    missing = []
    for name in REQUIRED_FIELDS:
        empty = not step_list(report) if name == "steps" else not _text(getattr(report, name))
        if empty:
            missing.append(name)
    return missing


def escape_markdown(text: str) -> str:
    """Escape one line so that CommonMark shows it as typed.

    Escapes the inline marks (``\\ ` * _ [ ] < > # | ~``), an ``&`` that would
    start an entity, and block markers at the start (``- ``, ``+ ``, ``1. ``, a ``---`` or ``===`` line).
    """
    escaped = _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))
    escaped = _MD_ORDERED.sub(r"\1\\\2", escaped, count=1)
    return _MD_BULLET_OR_RULE.sub(lambda m: "\\" + m[0], escaped, count=1)


def unescape_markdown(text: str) -> str:
    """Undo backslash escapes (CommonMark: a backslash before ASCII punctuation)."""
    return _MD_UNESCAPE.sub(r"\1", text)


def field_lines(report: BugReport, name: str) -> list[str]:
    """The lines a field contributes to the output (normalized, as both shapes show them).

    ``name`` is a :class:`BugReport` field, or ``"article"`` (title and id).
    Multi-line fields keep their lines (stripped, no blank runs); one-line
    fields have their whitespace collapsed.
    """
    if name == "steps":
        return step_list(report)
    if name == "article":
        title, ident = _one_line(report.article_title), _one_line(report.article_id)
        if title and ident and title != ident:
            return [f"{title} ({ident})"]
        return [title or ident] if title or ident else []
    value = getattr(report, name)
    if name in ("summary", "expected", "actual"):
        return [line.strip() for line in _text(value).splitlines() if line.strip()]
    line = _one_line(value)
    return [line] if line else []


def to_markdown(report: BugReport, labels: Mapping[str, str] | None = None) -> str:
    """The report as tracker-ready Markdown: headings, numbered steps, a details list.

    Args:
        report: the report; empty fields are left out.
        labels: translated labels (keys of :data:`LABELS`); English by default.
    """
    label = {**LABELS, **(labels or {})}
    parts = []
    for name in ("summary", "steps", "expected", "actual"):
        lines = field_lines(report, name)
        if not lines:
            continue
        if name == "steps":
            body = "\n".join(f"{n}. {escape_markdown(step)}" for n, step in enumerate(lines, 1))
        else:
            # a backslash at the end of a line is a hard line break in CommonMark
            body = "\\\n".join(escape_markdown(line) for line in lines)
        parts.append(f"## {escape_markdown(label[name])}\n\n{body}")
    details = [
        f"- **{escape_markdown(label[name])}:** {escape_markdown(lines[0])}"
        for name in _DETAIL_FIELDS
        if (lines := field_lines(report, name))
    ]
    if details:
        parts.append(f"## {escape_markdown(label['details'])}\n\n" + "\n".join(details))
    return "\n\n".join(parts) + "\n" if parts else ""


def to_plain(report: BugReport, labels: Mapping[str, str] | None = None) -> str:
    """The report as plain text for a developers' chat: labels, numbered steps, no marks.

    Args:
        report: the report; empty fields are left out.
        labels: translated labels (keys of :data:`LABELS`); English by default.
    """
    label = {**LABELS, **(labels or {})}
    blocks = []
    for name in ("summary", "steps", "expected", "actual"):
        lines = field_lines(report, name)
        if not lines:
            continue
        if name == "steps":
            blocks.append(f"{label[name]}:\n" + "\n".join(f"{n}. {step}" for n, step in enumerate(lines, 1)))
        elif len(lines) == 1:
            blocks.append(f"{label[name]}: {lines[0]}")
        else:
            blocks.append(f"{label[name]}:\n" + "\n".join(lines))
    details = [f"{label[name]}: {lines[0]}" for name in _DETAIL_FIELDS if (lines := field_lines(report, name))]
    if details:
        blocks.append("\n".join(details))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


def _one_line(value: object) -> str:
    return " ".join(_text(value).split())
