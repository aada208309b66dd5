"""Splitting YAML front matter off a Markdown article and reading it safely."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from kb_assistant.core.messages import Message, clip

# libyaml's loader is several times faster; fall back to pure Python without it
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FENCE = "---"
_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class FrontMatter:
    """The result of splitting an article.

    Attributes:
        data: the parsed mapping ({} when absent or broken).
        body: the Markdown after the front matter.
        body_line: 1-based line number of the first body line in the file.
        present: whether the file had a front-matter block at all.
        error: why the block is broken (a code and its values), else None.
        error_line: the 1-based file line of the error, when known.
    """

    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    present: bool = False
    error: Message | None = None
    error_line: int | None = None


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` (newlines already normalised) into front matter and body.

    A front-matter block starts with a ``---`` line as the very first line and
    ends with the next ``---`` or ``...`` line. Broken YAML never raises: the
    error is returned with its line and the body is still returned whole, so the
    article stays readable and searchable.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return FrontMatter(body=text, body_line=1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSERS:
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            data, error, error_line = _parse_yaml(yaml_text, first_line=2)
            return FrontMatter(data, body, index + 2, True, error, error_line)
    # No closing fence: a thematic break at the top of a plain Markdown file is
    # legal Markdown, so keep the text as body and say why the metadata is ignored.
    return FrontMatter(
        body=text,
        body_line=1,
        present=True,
        error=Message("front-matter-unclosed"),
        error_line=1,
    )


def _parse_yaml(yaml_text: str, first_line: int) -> tuple[dict[str, Any], Message | None, int | None]:
    if not yaml_text.strip():
        return {}, None, None
    try:
        data = yaml.load(yaml_text, Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line
        return {}, yaml_error(exc.problem or exc.context or ""), line
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # ValueError: e.g. an impossible date such as 2026-13-45.
        return {}, yaml_error(str(exc) or type(exc).__name__), first_line
    if data is None:
        return {}, None, None
    if not isinstance(data, dict):
        return {}, not_a_mapping(data), first_line
    return {str(key): value for key, value in data.items()}, None, None


def yaml_error(problem: str, line: int | None = None) -> Message:
    """Why a front matter block is not valid YAML, in the YAML reader's own words (untranslated)."""
    values = {"problem": clip(problem or "invalid YAML")}
    return Message("front-matter-yaml-at", dict(values, line=line)) if line else Message("front-matter-yaml", values)


def not_a_mapping(value: object) -> Message:
    """The front matter holds a list or a text where keys and values belong."""
    if isinstance(value, list):
        return Message("front-matter-list")
    return Message("front-matter-text" if isinstance(value, str) else "front-matter-not-mapping")


def as_text(value: Any) -> str | None:
    """Return ``value`` as a stripped string if it is a scalar, else None."""
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value).strip()


def as_text_list(value: Any) -> list[str] | None:
    """Accept a list of scalars or a comma-separated string; None when unusable."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        items = [as_text(item) for item in value]
        if any(item is None for item in items):
            return None
        return [item for item in items if item]
    return None


def as_date(value: Any) -> dt.date | None:
    """Accept a YAML date or an ISO ``YYYY-MM-DD`` string; raise ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ValueError("not a date")
