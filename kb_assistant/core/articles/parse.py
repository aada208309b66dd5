"""Parsing one article file into an :class:`~kb_assistant.core.models.Article`.

Parsing never raises for bad content: every problem becomes a located
:class:`~kb_assistant.core.models.Problem` and the article keeps as much as
could be read, so one broken file never hides the others or loses text.
"""

from __future__ import annotations

import unicodedata

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.language import detect_language
from kb_assistant.core.articles.scan import (
    extract_links,
    extract_replies,
    first_title,
    strip_title_heading,
)
from kb_assistant.core.errors import UndecodableError
from kb_assistant.core.files.textfile import MAX_ARTICLE_BYTES, content_hash, decode_article_bytes
from kb_assistant.core.messages import short_value
from kb_assistant.core.models import Article, Problem

KNOWN_KEYS = frozenset(
    {
        "id", "title", "lang", "product", "tags", "questions", "translations", "owner",
        "reviewed", "review_every", "type", "category", "placeholders",
    }
)
ARTICLE_TYPES = ("article", "snippet")
SUPPORTED_LANGS = ("ru", "en")


@dataclass(frozen=True)
class ParsedFile:
    """The outcome of reading one file: the article (None if unusable) and its problems."""

    article: Article | None
    problems: tuple[Problem, ...]


def default_id(rel_path: str) -> str:
    """The id of an article without an explicit one: its path without ``.md``, in NFC (macOS gives NFD names)."""
    path = PurePosixPath(unicodedata.normalize("NFC", rel_path))
    return str(path.with_suffix("")) if path.suffix.lower() == ".md" else str(path)


def category_of(rel_path: str) -> str:
    """The category of an article: its folder relative to the KB root ("" at the root)."""
    parent = str(PurePosixPath(rel_path).parent)
    return "" if parent == "." else parent


def too_large(rel_path: str, size: int) -> Problem:
    """The problem of a file above :data:`MAX_ARTICLE_BYTES` (``size`` bytes): it is no article."""
    return Problem(rel_path, None, "error", "too-large",
                   {"size_kib": size // 1024, "limit_mib": MAX_ARTICLE_BYTES // 1024 // 1024})


def parse_article_bytes(
    data: bytes,
    rel_path: str,
    *,
    default_lang: str = "",
    mtime_ns: int = 0,
    sidecar_title: str = "",
) -> ParsedFile:
    """Parse the raw bytes of the file at ``rel_path`` (relative to the KB root).

    Args:
        data: the file's bytes.
        rel_path: "/"-separated path relative to the KB root, used for the default
            id, the category and in messages.
        default_lang: language to assume when the text gives no clue.
        mtime_ns: the file's modification time, kept for incremental indexing.
        sidecar_title: a title found beside the file (``NAME.meta.json``), used
            when neither the front matter nor a ``# `` heading gives one.
    """
    problems: list[Problem] = []

    def report(severity: str, code: str, line: int | None = None, **values: object) -> None:
        problems.append(Problem(rel_path, line, severity, code, values))  # type: ignore[arg-type]

    if len(data) > MAX_ARTICLE_BYTES:
        return ParsedFile(None, (too_large(rel_path, len(data)),))
    try:
        decoded = decode_article_bytes(data)
    except UndecodableError as exc:
        report("error", "undecodable", reason=exc.message())
        return ParsedFile(None, tuple(problems))
    if decoded.encoding == "cp1251":
        report("warning", "cp1251")
    if not decoded.text.strip():
        report("warning", "empty")
        return ParsedFile(None, tuple(problems))

    split = fm.split_front_matter(decoded.text)
    if split.error:
        report("error", split.error.code, split.error_line, **split.error.values)
    meta = split.data
    body_lines = split.body.split("\n")
    fields = _read_fields(meta, report, split.body_line if split.present else 1)

    title = fields.pop("title", "") or first_title(body_lines) or sidecar_title
    if not title:
        report("error", "no-title")
        title = PurePosixPath(rel_path).stem
    lang = fields.pop("lang", "") or detect_language(
        f"{title}\n{split.body}", default=default_lang or "en"
    )

    replies, reply_issues = extract_replies(body_lines, split.body_line)
    for issue in reply_issues:
        report("error", issue.code, split.body_line + issue.index)
    seen_names: set[str] = set()
    for reply in replies:
        if reply.name.casefold() in seen_names:
            report("warning", "duplicate-reply", reply.line, name=reply.name)
        seen_names.add(reply.name.casefold())

    article_type = fields.pop("type", "article")
    body_line = split.body_line
    if article_type == "snippet":
        # a snippet's body is the reusable block after its title; keep its real first line
        rest = strip_title_heading(body_lines)
        body_line += len(body_lines) - len(rest)
        while rest and not rest[0].strip():
            rest, body_line = rest[1:], body_line + 1
        body = "\n".join(rest).strip()
    else:
        body = split.body.strip("\n")
        body_line += len(split.body) - len(split.body.lstrip("\n"))  # blank lines dropped above the body

    extra = tuple((key, value) for key, value in meta.items() if key not in KNOWN_KEYS)
    article = Article(
        id=unicodedata.normalize("NFC", fields.pop("id", "")) or default_id(rel_path),
        title=title,
        path=rel_path,
        lang=lang,
        body=body,
        type=article_type,
        tags=tuple(fields.pop("tags", ())),
        product=fields.pop("product", ""),
        category=fields.pop("category", "") or category_of(rel_path),
        questions=tuple(fields.pop("questions", ())),
        translations=tuple(sorted(fields.pop("translations", {}).items())),
        owner=fields.pop("owner", ""),
        reviewed=fields.pop("reviewed", None),
        review_every=fields.pop("review_every", None),
        replies=tuple(replies),
        links=tuple(extract_links(body_lines, split.body_line)),
        body_line=body_line,
        encoding=decoded.encoding,
        newline=decoded.newline,
        content_hash=content_hash(data),
        mtime_ns=mtime_ns,
        size=len(data),
        placeholders=tuple(fields.pop("placeholders", ())),
        extra=extra,
    )
    return ParsedFile(article, tuple(problems))


def _read_fields(meta: dict[str, Any], report, first_line: int) -> dict[str, Any]:
    """Validate known front-matter keys; bad values are reported and dropped."""
    out: dict[str, Any] = {}
    line = 1 if first_line > 1 else None

    def bad(key: str, code: str) -> None:
        # one code per expected shape ("front-matter-value-date" ...), so the whole sentence translates;
        # the value is described by a bounded function: "tags: *j" may stand for millions of items
        report("error", code, line, key=key, value=short_value(meta[key]))

    for key in ("id", "title", "product", "owner", "category"):
        if key in meta and meta[key] is not None:
            value = fm.as_text(meta[key])
            if value is None:
                bad(key, "front-matter-value-text")
            else:
                out[key] = value.strip("/") if key in ("id", "category") else value
    if "lang" in meta and meta["lang"] is not None:
        value = fm.as_text(meta["lang"])
        if value is None or not value:
            bad("lang", "front-matter-value-lang")
        else:
            out["lang"] = value.lower()
    for key in ("tags", "questions"):
        if key in meta:
            items = fm.as_text_list(meta[key])
            if items is None:
                bad(key, "front-matter-value-list")
            else:
                out[key] = items
    if "translations" in meta and meta["translations"] is not None:
        value = meta["translations"]
        if isinstance(value, dict) and all(fm.as_text(v) for v in value.values()):
            out["translations"] = {str(k).lower(): fm.as_text(v) for k, v in value.items()}
        else:
            bad("translations", "front-matter-value-translations")
    if "reviewed" in meta and meta["reviewed"] is not None:
        try:
            out["reviewed"] = fm.as_date(meta["reviewed"])
        except ValueError:
            bad("reviewed", "front-matter-value-date")
    if "review_every" in meta and meta["review_every"] is not None:
        value = meta["review_every"]
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            out["review_every"] = value
        else:
            bad("review_every", "front-matter-value-days")
    if "type" in meta and meta["type"] is not None:
        value = (fm.as_text(meta["type"]) or "").lower()
        if value in ARTICLE_TYPES:
            out["type"] = value
        else:
            bad("type", "front-matter-value-type")
    if "placeholders" in meta and meta["placeholders"] is not None:
        value = meta["placeholders"]
        names = list(value) if isinstance(value, dict) else fm.as_text_list(value)
        if names is None:
            bad("placeholders", "front-matter-value-placeholders")
        else:
            out["placeholders"] = [str(name) for name in names]
    return out
