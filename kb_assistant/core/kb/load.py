"""The knowledge base on disk: finding article files and loading them all."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kb_assistant.core.articles.parse import ParsedFile, default_id, parse_article_bytes, too_large
from kb_assistant.core.errors import ArticleNotFoundError, KbNotFoundError
from kb_assistant.core.files.confine import kb_root_of, link_outside, outside_target, real_path
from kb_assistant.core.files.jsonfile import JsonError, read_json
from kb_assistant.core.files.names import nfc
from kb_assistant.core.files.textfile import MAX_ARTICLE_BYTES, read_limited
from kb_assistant.core.kb.config import load_kb_config
from kb_assistant.core.messages import os_reason
from kb_assistant.core.models import Article, KbConfig, Problem

ARTICLE_SUFFIX = ".md"
SIDECAR_BYTES = 1024 * 1024
"""A title sidecar larger than this is not one (a title is a line)."""


@dataclass(frozen=True)
class ArticleFile:
    """An article file found by a scan: its path and the stat data that tells changes.

    ``abs_path`` is a plain string: a scan of a large KB makes thousands of these
    and most are never opened, so no ``Path`` object is built for them.
    """

    rel_path: str
    abs_path: str
    mtime_ns: int
    size: int


@dataclass
class ScanResult:
    """Files found under a KB root, and the problems met on the way (loops, unreadable dirs)."""

    files: list[ArticleFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    """Every folder read (absolute paths, the root first): what a file watcher should watch."""


def is_hidden_name(name: str) -> bool:
    """Files and folders starting with ``_`` or ``.`` are not articles."""
    return name.startswith(("_", "."))


def scan_kb(root: Path) -> ScanResult:
    """Find every article file under ``root`` in a stable (sorted) order.

    Symbolic links follow the one rule of :mod:`~kb_assistant.core.files.confine`:
    a link (to a file or a folder) whose target lies outside the KB folder is
    reported and skipped; one inside works. Symlinked folders are followed once;
    a link back into a folder already visited (a loop) is reported and skipped.

    Raises:
        KbNotFoundError: when ``root`` is not a folder.
    """
    root = Path(root)
    if not root.is_dir():
        raise KbNotFoundError(path=str(root))
    result = ScanResult()
    visited: set[tuple[int, int]] = set()
    _walk(root, "", visited, result, real_path(root))
    return result


def _composed(rel_path: str, abs_path: str, real_root: str) -> str:
    """``rel_path`` in NFC (macOS writes names decomposed) when that spelling reaches the same file.

    On macOS both spellings open the file; on a file system that tells them apart
    (Linux) a decomposed name is kept as it is, so the file can still be opened
    (its id is composed anyway: :func:`~kb_assistant.core.articles.parse.default_id`).
    """
    if unicodedata.is_normalized("NFC", rel_path):
        return rel_path
    composed = nfc(rel_path)
    try:
        return composed if os.path.samefile(os.path.join(real_root, *composed.split("/")), abs_path) else rel_path
    except OSError:
        return rel_path


def _walk(folder: Path, rel: str, visited: set[tuple[int, int]], result: ScanResult, real_root: str) -> None:
    try:
        stat = folder.stat()
    except OSError as exc:
        result.problems.append(Problem(rel, None, "error", "folder-unreadable", {"reason": os_reason(exc)}))
        return
    key = (stat.st_dev, stat.st_ino)
    if key in visited:
        result.problems.append(
            Problem(rel, None, "warning", "symlink-loop")
        )
        return
    visited.add(key)
    result.folders.append(str(folder))
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        result.problems.append(Problem(rel, None, "error", "folder-unlistable", {"reason": os_reason(exc)}))
        return
    for entry in entries:
        if is_hidden_name(entry.name):
            continue
        child_rel = f"{rel}/{entry.name}" if rel else entry.name
        if not _is_text(entry.name):
            # bytes the system's encoding cannot read: no index, JSON line or clipboard can carry the name
            shown = child_rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            result.problems.append(Problem(shown, None, "warning", "undecodable-name"))
            continue
        try:
            if entry.is_symlink() and os.path.exists(entry.path):
                target = outside_target(folder, entry.path, real_root)
                if target is not None:
                    result.problems.append(Problem(child_rel, None, "warning", "symlink-outside-kb",
                                                   {"target": target}))
                    continue
            if entry.is_dir():
                _walk(Path(entry.path), child_rel, visited, result, real_root)
            elif entry.name.lower().endswith(ARTICLE_SUFFIX) and entry.is_file():
                info = entry.stat()
                result.files.append(ArticleFile(_composed(child_rel, entry.path, real_root), entry.path,
                                                info.st_mtime_ns, info.st_size))
            elif entry.is_symlink() and not entry.name.lower().endswith(ARTICLE_SUFFIX):
                continue
            elif entry.is_symlink():
                result.problems.append(Problem(child_rel, None, "warning", "broken-symlink"))
        except OSError as exc:
            result.problems.append(Problem(child_rel, None, "error", "entry-unreadable", {"reason": os_reason(exc)}))


def _is_text(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: an undecodable byte in the name
        return False
    return True


def read_article_file(file: ArticleFile, default_lang: str = "") -> ParsedFile:
    """Read and parse one scanned file; an unreadable file becomes a problem, never an exception.

    The file and its title sidecar are read only within the KB (the link rule of
    :func:`scan_kb`, applied again for files listed without a scan).
    """
    root = kb_root_of(file.abs_path, file.rel_path)
    target = link_outside(root, file.abs_path)
    if target is not None:
        return ParsedFile(None, (Problem(file.rel_path, None, "warning", "symlink-outside-kb", {"target": target}),))
    if file.size > MAX_ARTICLE_BYTES:  # never read a huge file into memory only to refuse it
        return ParsedFile(None, (too_large(file.rel_path, file.size),))
    try:
        data = read_limited(file.abs_path, MAX_ARTICLE_BYTES)
    except OSError as exc:
        problem = Problem(file.rel_path, None, "error", "unreadable", {"reason": os_reason(exc)})
        return ParsedFile(None, (problem,))
    title, sidecar_problem = _sidecar_title(root, file)
    parsed = parse_article_bytes(data, file.rel_path, default_lang=default_lang, mtime_ns=file.mtime_ns,
                                 sidecar_title=title)
    if sidecar_problem is None:
        return parsed
    return ParsedFile(parsed.article, (*parsed.problems, sidecar_problem))


def _sidecar_title(root: Path, file: ArticleFile) -> tuple[str, Problem | None]:
    """Title from a sibling ``NAME.meta.json``, as documentation exports often keep it.

    A sidecar that cannot be used gives no title, and a warning when it exists but
    is unreadable, not JSON, nested too deeply or a link out of the KB.
    """
    meta = Path(file.abs_path).with_suffix(".meta.json")
    rel = file.rel_path[: -len(".md")] + ".meta.json" if file.rel_path.lower().endswith(".md") else meta.name
    target = link_outside(root, meta)
    if target is not None:
        return "", Problem(rel, None, "warning", "symlink-outside-kb", {"target": target})
    try:
        data = read_json(meta, max_bytes=SIDECAR_BYTES)
    except JsonError as exc:
        if exc.missing or os.path.isdir(meta):
            return "", None
        return "", Problem(rel, exc.line, "warning", "sidecar-unusable", {"reason": exc.message()})
    title = data.get("title") if isinstance(data, dict) else None
    return (title.strip() if isinstance(title, str) else ""), None


@dataclass
class KnowledgeBase:
    """A loaded knowledge base: config, articles by id, and every problem found.

    Attributes:
        root: the KB folder.
        config: settings from ``_kb.yml``.
        articles: articles and snippets by id, in path order.
        problems: problems met while loading, in path order.
    """

    root: Path
    config: KbConfig
    articles: dict[str, Article]
    problems: list[Problem]

    def get(self, article_id: str) -> Article:
        """Return the article with ``article_id``.

        Raises:
            ArticleNotFoundError: when there is none.
        """
        try:
            return self.articles[article_id]
        except KeyError:
            raise ArticleNotFoundError(id=article_id) from None

    def title_of(self, article_id: str) -> str | None:
        """The title of article ``article_id``, None when there is none (for ``[[id]]`` link labels)."""
        article = self.articles.get(article_id)
        return article.title if article is not None else None

    def by_path(self, rel_path: str) -> Article | None:
        """Return the article stored at ``rel_path`` (relative, "/" separated), if any."""
        for article in self.articles.values():
            if article.path == rel_path:
                return article
        return None

    def snippets(self, lang: str | None = None) -> list[Article]:
        """Return the snippets (greetings, closings ...), optionally of one language."""
        return [
            a for a in self.articles.values()
            if a.type == "snippet" and (lang is None or a.lang == lang)
        ]


class ParseCache:
    """Parsed files kept between loads, so a reload after one save reads one file.

    An entry is reused while the file's modification time and size, those of its
    ``NAME.meta.json`` title sidecar (or its absence), and the KB's default
    language are unchanged.
    """

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple, ParsedFile]] = {}

    @staticmethod
    def _stamp(file: ArticleFile, default_lang: str) -> tuple:
        try:
            meta = os.stat(Path(file.abs_path).with_suffix(".meta.json"))
            sidecar = (meta.st_mtime_ns, meta.st_size)
        except OSError:
            sidecar = None
        return file.mtime_ns, file.size, sidecar, default_lang

    def get(self, file: ArticleFile, default_lang: str) -> ParsedFile | None:
        """The parsed file if it is still current, else None."""
        entry = self._entries.get(file.rel_path)
        if entry is not None and entry[0] == self._stamp(file, default_lang):
            return entry[1]
        return None

    def put(self, file: ArticleFile, default_lang: str, parsed: ParsedFile) -> None:
        """Remember ``parsed`` for ``file``."""
        self._entries[file.rel_path] = (self._stamp(file, default_lang), parsed)

    def forget(self, rel_paths) -> None:
        """Drop these files (they were just written; their stat may look unchanged)."""
        for rel_path in rel_paths:
            self._entries.pop(rel_path, None)

    def clear(self) -> None:
        """Drop everything."""
        self._entries.clear()

    def keep_only(self, rel_paths: set[str]) -> None:
        """Drop files that are gone."""
        for rel_path in [p for p in self._entries if p not in rel_paths]:
            del self._entries[rel_path]


def load_kb(root: Path, progress: Callable[[int, int], None] | None = None,
            cache: ParseCache | None = None) -> KnowledgeBase:
    """Load every article under ``root``.

    Duplicate ids are reported as errors; the later file (in path order) falls
    back to its path-based id so that it stays reachable.

    Args:
        root: the KB folder.
        progress: called as ``progress(done, total)`` while files are read.
        cache: parsed files from an earlier load, reused when unchanged (and filled).

    Raises:
        KbNotFoundError: when ``root`` is not a folder.
    """
    root = Path(root)
    scan = scan_kb(root)
    config, problems = load_kb_config(root)
    problems.extend(scan.problems)
    articles: dict[str, Article] = {}
    total = len(scan.files)
    for done, file in enumerate(scan.files, 1):
        parsed = cache.get(file, config.default_lang) if cache is not None else None
        if parsed is None:
            parsed = read_article_file(file, config.default_lang)
            if cache is not None:
                cache.put(file, config.default_lang, parsed)
        problems.extend(parsed.problems)
        if parsed.article is not None:
            _add_unique(articles, parsed.article, problems)
        if progress is not None:
            progress(done, total)
    if cache is not None:
        cache.keep_only({file.rel_path for file in scan.files})
    return KnowledgeBase(root, config, articles, problems)


def _add_unique(articles: dict[str, Article], article: Article, problems: list[Problem]) -> None:
    if article.id not in articles:
        articles[article.id] = article
        return
    first = articles[article.id]
    fallback = default_id(article.path)
    code = "duplicate-id-fallback" if fallback not in articles else "duplicate-id-skipped"
    problems.append(Problem(article.path, 1, "error", code, {"id": article.id, "other": first.path, "fallback": fallback}))
    if fallback not in articles:
        from dataclasses import replace

        articles[fallback] = replace(article, id=fallback)
