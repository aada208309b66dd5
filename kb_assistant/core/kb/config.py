"""Reading ``_kb.yml``: KB name, default language, synonyms, placeholders, learning paths, category labels."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.articles.parse import too_large
from kb_assistant.core.errors import UndecodableError
from kb_assistant.core.files.confine import outside_target
from kb_assistant.core.files.textfile import MAX_ARTICLE_BYTES, decode_article_bytes, read_limited
from kb_assistant.core.messages import clip, os_reason, short_value
from kb_assistant.core.models import KbConfig, LearningPath, Problem

CONFIG_NAME = "_kb.yml"
MAX_CONFIG_VALUES = 200_000
"""The most values one key of ``_kb.yml`` may hold with its aliases written out (a big KB's synonyms)."""
_KNOWN_KEYS = ("name", "default_lang", "synonyms", "placeholders", "paths", "categories")


def load_kb_config(root: Path) -> tuple[KbConfig, list[Problem]]:
    """Read ``root/_kb.yml``; a missing file is fine, a broken one is reported.

    Every part that can be read is kept: a bad synonym group does not drop the
    learning paths.
    """
    path = root / CONFIG_NAME
    if not os.path.lexists(path):
        return KbConfig(), []
    target = outside_target(root, path)
    if target is not None:
        return KbConfig(), [Problem(CONFIG_NAME, None, "warning", "symlink-outside-kb", {"target": target})]
    if not path.is_file():  # a folder (or a broken link) where the settings belong: say so, never ignore it silently
        return KbConfig(), [Problem(CONFIG_NAME, None, "error", "kb-config-not-file")]
    try:
        data = read_limited(path, MAX_ARTICLE_BYTES)
        if len(data) > MAX_ARTICLE_BYTES:
            return KbConfig(), [too_large(CONFIG_NAME, path.stat().st_size)]
        text = decode_article_bytes(data).text
    except OSError as exc:
        return KbConfig(), [Problem(CONFIG_NAME, None, "error", "kb-config-unreadable", {"reason": os_reason(exc)})]
    except UndecodableError as exc:
        return KbConfig(), [Problem(CONFIG_NAME, None, "error", "kb-config-unreadable", {"reason": exc.message()})]
    return parse_kb_config(text)


def parse_kb_config(text: str) -> tuple[KbConfig, list[Problem]]:
    """Parse the text of ``_kb.yml``; see :func:`load_kb_config`."""
    problems: list[Problem] = []

    def report(code: str, line: int | None = None, **values: object) -> None:
        problems.append(Problem(CONFIG_NAME, line, "error", code, values))

    try:
        data = yaml.load(text, Loader=fm.SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        report("kb-config-yaml", mark.line + 1 if mark else None, problem=clip(exc.problem or exc.context or ""))
        return KbConfig(), problems
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        report("kb-config-yaml", problem=clip(str(exc) or type(exc).__name__))
        return KbConfig(), problems
    if data is None:
        return KbConfig(), problems
    if not isinstance(data, dict):
        report("kb-config-not-mapping")
        return KbConfig(), problems
    for key in _KNOWN_KEYS:
        # an alias bomb ("synonyms: [*g]") or a recursive value is dropped before anything walks it
        if key in data and fm.value_size(data[key], MAX_CONFIG_VALUES) is None:
            report("kb-config-too-big", key=key, limit=MAX_CONFIG_VALUES, depth=fm.MAX_NESTING)
            del data[key]

    name = fm.as_text(data.get("name")) or ""
    default_lang = (fm.as_text(data.get("default_lang")) or "").lower()
    return (
        KbConfig(
            name=name,
            default_lang=default_lang,
            synonyms=_synonyms(data.get("synonyms"), report),
            placeholders=_placeholders(data.get("placeholders"), report),
            paths=_paths(data.get("paths"), report),
            categories=_categories(data.get("categories"), report),
        ),
        problems,
    )


def _synonyms(value: Any, report) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        report("kb-config-synonyms")
        return ()
    groups = []
    for number, group in enumerate(value, 1):
        words = fm.as_text_list(group)
        if words is None or len(words) < 2:
            report("kb-config-synonym-group", number=number, value=short_value(group))
            continue
        groups.append(tuple(words))
    return tuple(groups)


def _placeholders(value: Any, report) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        names = fm.as_text_list(value) or []
        return tuple((name, ()) for name in names)
    if not isinstance(value, dict):
        report("kb-config-placeholders")
        return ()
    out = []
    for name, labels in value.items():
        if isinstance(labels, dict):
            pairs = tuple((str(k).lower(), str(v)) for k, v in labels.items() if v is not None)
        elif labels is None:
            pairs = ()
        else:
            pairs = (("", str(labels)),)
        out.append((str(name), pairs))
    return tuple(out)


def _categories(value: Any, report) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """``categories: {delivery: {ru: Доставка, en: Delivery}, returns: Returns}``."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        report("kb-config-categories")
        return ()
    out = []
    for name, labels in value.items():
        if isinstance(labels, dict):
            pairs = tuple((str(k).lower(), str(v)) for k, v in labels.items() if v is not None and str(v).strip())
        elif labels is None or isinstance(labels, (list, tuple)):
            report("kb-config-category", category=short_value(name))
            continue
        else:
            pairs = (("", str(labels)),)
        if pairs:
            out.append((str(name), pairs))
    return tuple(out)


def _paths(value: Any, report) -> tuple[LearningPath, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        report("kb-config-paths")
        return ()
    paths = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict):
            report("kb-config-path-not-mapping", number=number)
            continue
        title = fm.as_text(item.get("title")) or ""
        articles = fm.as_text_list(item.get("articles"))
        if not title or not articles:
            report("kb-config-path-incomplete", number=number)
            continue
        paths.append(
            LearningPath(
                id=fm.as_text(item.get("id")) or f"path-{number}",
                title=title,
                lang=(fm.as_text(item.get("lang")) or "").lower(),
                articles=tuple(articles),
                description=fm.as_text(item.get("description")) or "",
            )
        )
    return tuple(paths)
