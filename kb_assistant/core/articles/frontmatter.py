"""Splitting YAML front matter off a Markdown article and reading it safely."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from kb_assistant.core.messages import Message, clip

# libyaml's loader is several times faster (and refuses nesting beyond 1000 levels at once)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FENCE = "---"
_CLOSERS = ("---", "...")

MAX_VALUES = 10_000
"""The most values (scalars, items, keys) a front matter block may hold once its aliases are written out."""
MAX_NESTING = 32
"""The deepest lists and mappings may nest in YAML the app reads."""


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
        data = yaml.load(yaml_text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
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
    too_big = oversized_key(data, MAX_VALUES)
    if too_big is not None:
        # an alias bomb ("tags: *j", 900 bytes for 10**9 items) or a recursive value: nothing
        # downstream (checks, hashes, the editor's form) may ever walk it, so none of it is kept
        return {}, Message("front-matter-too-big", {"key": clip(str(too_big), 60), "limit": MAX_VALUES,
                                                    "depth": MAX_NESTING}), first_line
    return {str(key): value for key, value in data.items()}, None, None


def value_size(value: Any, limit: int = MAX_VALUES, max_depth: int = MAX_NESTING) -> int | None:
    """How many values ``value`` holds with its YAML aliases written out; None above ``limit``.

    None too when lists and mappings nest deeper than ``max_depth`` or a value
    contains itself (``&a [*a]``). The work is linear in the *distinct* nodes: a
    node an alias shares is measured once, so a billion-item alias bomb costs a
    few dozen steps and never expands.
    """
    measured = _measure(value, 0, {}, set(), limit, max_depth)
    return None if measured is None else measured[0]


def oversized_key(data: dict, limit: int, max_depth: int = MAX_NESTING) -> object | None:
    """The first key of ``data`` whose value makes the mapping exceed :func:`value_size`'s bounds, else None."""
    memo: dict[int, tuple[int, int]] = {}
    total = 0
    for key, item in data.items():
        measured = _measure(item, 1, memo, set(), limit - total, max_depth)
        if measured is None:
            return key
        total += measured[0] + 1
    return None


def _measure(node: Any, depth: int, memo: dict[int, tuple[int, int]], active: set[int], limit: int,
             max_depth: int) -> tuple[int, int] | None:
    """``(values, height)`` of ``node``, or None past the bounds (recursion stops at ``max_depth``)."""
    if isinstance(node, dict):
        children: Any = (part for pair in node.items() for part in pair)
    elif isinstance(node, (list, tuple, set, frozenset)):
        children = node
    else:
        return (1, 0) if limit >= 1 else None
    key = id(node)
    if key in memo:
        size, height = memo[key]
        return (size, height) if size <= limit and depth + height <= max_depth else None
    if key in active or depth >= max_depth:
        return None
    active.add(key)
    size, height = 1, 0
    for child in children:
        measured = _measure(child, depth + 1, memo, active, limit - size, max_depth)
        if measured is None:
            return None
        size, height = size + measured[0], max(height, measured[1] + 1)
    active.discard(key)
    memo[key] = (size, height)
    return size, height


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
