"""Splitting YAML front matter off a Markdown article and reading it safely."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

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
        error: a readable message when the block is broken, else "".
        error_line: the 1-based file line of the error, when known.
    """

    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    present: bool = False
    error: str = ""
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
        error="front matter starts with '---' but is never closed by a '---' line",
        error_line=1,
    )


def _parse_yaml(yaml_text: str, first_line: int) -> tuple[dict[str, Any], str, int | None]:
    if not yaml_text.strip():
        return {}, "", None
    try:
        data = yaml.load(yaml_text, Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        return {}, f"front matter is not valid YAML: {problem}", line
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        # ValueError: e.g. an impossible date such as 2026-13-45.
        return {}, f"front matter is not valid YAML: {exc}", first_line
    if data is None:
        return {}, "", None
    if not isinstance(data, dict):
        return {}, f"front matter must be a mapping of keys to values, not {_kind(data)}", first_line
    return {str(key): value for key, value in data.items()}, "", None


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


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
    raise ValueError(f"not a date: {value!r}")
