"""KB-wide checks behind ``kb-assistant check`` and the editor's problem list.

Loading already reports problems of single files (bad front matter, encoding,
duplicate ids); this module adds what needs the whole KB: links, translations,
placeholders, quiz sections, learning paths and review dates.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.kb.links import link_path
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning.quiz import quiz_problems
from kb_assistant.core.models import Article, Problem
from kb_assistant.core.replies.templates import (
    BUILTIN_PLACEHOLDERS,
    find_malformed_placeholders,
    find_placeholders,
)


def check_kb(kb: KnowledgeBase, today: dt.date | None = None) -> list[Problem]:
    """Return every problem of ``kb``: loading problems first, then KB-wide ones, by path."""
    today = today or dt.date.today()
    problems = list(kb.problems)
    for article in kb.articles.values():
        problems.extend(check_article(article, kb, today))
    problems.extend(_check_paths(kb))
    return sorted(problems, key=lambda p: (p.path, p.line or 0))


def check_article(article: Article, kb: KnowledgeBase, today: dt.date | None = None) -> list[Problem]:
    """Problems of one article that need the rest of the KB to see."""
    today = today or dt.date.today()
    out: list[Problem] = []

    def report(severity: str, code: str, line: int | None, **values: object) -> None:
        out.append(Problem(article.path, line, severity, code, values))  # type: ignore[arg-type]

    for link in article.links:
        if link.kind == "wiki":
            if not link.target:
                report("error", "empty-link", link.line)
            elif link.target not in kb.articles:
                code, hint = _suggest("broken-link", link.target, kb.articles)
                report("error", code, link.line, target=link.target, **hint)
        else:
            code = relative_link_problem(kb.root, article.path, link.target)
            if code:
                report("error", code, link.line, target=link.target)
    for lang, target in article.translations:
        if target not in kb.articles:
            code, hint = _suggest("broken-translation", target, kb.articles)
            report("error", code, 1, lang=lang, target=target, **hint)
        elif kb.articles[target].lang != lang:
            report("warning", "translation-lang", 1, lang=lang, target=target, other_lang=kb.articles[target].lang)
    out.extend(_check_placeholders(article, kb))
    out.extend(quiz_problems(article))
    if article.is_stale(today):
        report("warning", "stale", 1, due=article.review_due().isoformat(), reviewed=article.reviewed.isoformat(),
               days=article.review_every)
    return out


def check_text(text: str, rel_path: str, kb: KnowledgeBase, today: dt.date | None = None) -> list[Problem]:
    """Problems of an article being edited, from its unsaved text (as ``check`` would report them).

    Args:
        text: the editor's current text.
        rel_path: where the article lives (or will live) in the KB.
        kb: the rest of the KB, for links, translations and duplicate ids.
        today: the date "stale" is judged against.
    """
    parsed = parse_article_bytes(text.encode("utf-8"), rel_path, default_lang=kb.config.default_lang)
    problems = [p for p in parsed.problems if p.code != "cp1251"]
    article = parsed.article
    if article is not None:
        other = kb.articles.get(article.id)
        if other is not None and other.path != rel_path:
            problems.append(Problem(rel_path, 1, "error", "duplicate-id", {"id": article.id, "other": other.path}))
        problems.extend(check_article(article, kb, today))
    return sorted(problems, key=lambda p: (p.line or 0, p.severity != "error"))


def relative_link_problem(root: Path, article_path: str, target: str) -> str:
    """The problem code of a broken relative link of the article at ``article_path`` ("" when fine).

    ``"link-outside-kb"`` for a link that leaves the KB folder (the app never
    follows it), ``"link-missing-file"`` for one to a file that does not exist.
    """
    path = link_path(article_path, target)
    if path is None:
        return "link-outside-kb"
    if path and not Path(root).joinpath(*path.split("/")).exists():
        return "link-missing-file"
    return ""


def _check_placeholders(article: Article, kb: KnowledgeBase) -> list[Problem]:
    out: list[Problem] = []
    declared = {name for name, _ in kb.config.placeholders} | set(article.placeholders)
    known = declared | set(BUILTIN_PLACEHOLDERS)
    templates = [(r.name, r.template, r.line + 1) for r in article.replies]
    if article.type == "snippet":
        templates.append((article.title, article.body, article.body_line))  # a snippet is one reply
    for name, template, first_line in templates:
        for issue in find_malformed_placeholders(template):
            out.append(Problem(article.path, first_line + issue.line - 1, "error", "bad-placeholder",
                               {"reply": name, "issue": issue.explanation()}))
        line, counted = first_line, 0  # placeholders come in order: each newline is counted once
        for placeholder in find_placeholders(template):
            if placeholder.name in known:
                continue
            line += template.count("\n", counted, placeholder.start)
            counted = placeholder.start
            values = {"reply": name, "placeholder": "{{" + placeholder.name + "}}"}
            close = difflib.get_close_matches(placeholder.name, sorted(known), n=1, cutoff=0.75)
            if close:
                out.append(Problem(article.path, line, "error", "unknown-placeholder", dict(values, suggestion=close[0])))
            elif declared:
                out.append(Problem(article.path, line, "warning", "undeclared-placeholder", values))
    return out


def _check_paths(kb: KnowledgeBase) -> list[Problem]:
    out = []
    for path in kb.config.paths:
        for article_id in path.articles:
            article = kb.articles.get(article_id)
            values = {"path": path.title, "id": article_id}
            if article is None:
                code, extra = _suggest("broken-path", article_id, kb.articles)
                out.append(Problem("_kb.yml", None, "error", code, dict(values, **extra)))
            elif path.lang and article.lang != path.lang:
                out.append(Problem("_kb.yml", None, "warning", "path-lang",
                                   dict(values, lang=path.lang, other_lang=article.lang)))
    return out


def _suggest(code: str, target: str, articles) -> tuple[str, dict[str, str]]:
    """``code`` and no values, or ``code-similar`` and the id the author probably meant."""
    close = difflib.get_close_matches(target, list(articles), n=1, cutoff=0.7)
    return (f"{code}-similar", {"suggestion": close[0]}) if close else (code, {})


def count_by_severity(problems: list[Problem]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = sum(1 for p in problems if p.severity == "error")
    return errors, len(problems) - errors
