"""KB-wide checks behind ``kb-assistant check`` and the editor's problem list.

Loading already reports problems of single files (bad front matter, encoding,
duplicate ids); this module adds what needs the whole KB: links, translations,
placeholders, quiz sections, learning paths and review dates; and what only a
file's text shows, which the editor warns about as it is typed: a damaged
opening ``---`` and the new-article template's sample text left in
(:func:`text_problems`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from kb_assistant.core.articles.fence import BLANK_LINES_ABOVE, damaged_opening
from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.articles.template import (
    SAMPLE_BODIES,
    SAMPLE_QUESTIONS,
    SAMPLE_REPLY_NAMES,
    sample_text_left,
)
from kb_assistant.core.errors import UndecodableError
from kb_assistant.core.files.names import windows_name_problem
from kb_assistant.core.files.textfile import MAX_ARTICLE_BYTES, decode_article_bytes, read_limited
from kb_assistant.core.kb.links import link_path
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning.quiz import quiz_problems
from kb_assistant.core.models import Article, Problem
from kb_assistant.core.replies.templates import (
    BUILTIN_PLACEHOLDERS,
    find_malformed_placeholders,
    find_placeholders,
)

SAMPLE_CODES = {
    "question": "template-sample-question",
    "body": "template-sample-body",
    "reply": "template-sample-reply",
}
"""The problem code of each part of :class:`~kb_assistant.core.articles.template.SampleText`."""
_SAMPLE_STRINGS = (*SAMPLE_QUESTIONS, *SAMPLE_BODIES, *SAMPLE_REPLY_NAMES)
_SAMPLE_QUESTIONS = frozenset(SAMPLE_QUESTIONS)


def check_kb(kb: KnowledgeBase, today: dt.date | None = None) -> list[Problem]:
    """Return every problem of ``kb``: loading problems first, then KB-wide ones, by path."""
    today = today or dt.date.today()
    problems = list(kb.problems)
    unread = {p.path for p in kb.problems if p.code.startswith("front-matter-")}
    for article in kb.articles.values():
        problems.extend(check_article(article, kb, today))
        if windows_code := windows_name_problem(article.path):  # a KB in git may be checked out on Windows
            problems.append(Problem(article.path, None, "warning", windows_code, {"path": article.path}))
        if _text_may_show_problems(article, unread):
            problems.extend(_file_text_problems(kb.root, article))
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

    All but :func:`text_problems`: the editor finds those two itself, with the
    same functions, and lists them in its own words (``ui.editor.editor_checks``).

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


def text_problems(text: str, rel_path: str) -> list[Problem]:
    """What only the text of the article at ``rel_path`` shows, as ``kb-assistant check`` reports it.

    A damaged opening ``---`` (:func:`~kb_assistant.core.articles.fence.damaged_opening`)
    is an error on line 1: the whole front matter is read as body text, so the
    article has lost its title, questions and language. The new-article
    template's sample text (:func:`~kb_assistant.core.articles.template.sample_text_left`)
    is a warning on its own line: a sample question makes the article found for
    it, a sample line or reply reaches agents as if written for them.
    """
    out = []
    closing = damaged_opening(text)
    if closing is not None:
        out.append(Problem(rel_path, 1, "error", "front-matter-opening-damaged", {"closing": closing}))
    for item in sample_text_left(text):
        out.append(Problem(rel_path, item.line, "warning", SAMPLE_CODES[item.part]))
    return out


def _text_may_show_problems(article: Article, unread: set[str]) -> bool:
    """Whether :func:`text_problems` could find anything in the article's file, judged without reading it.

    The window checks the whole KB after every save, and reading each file
    again would double the check of a large KB, so a file is read only when
    this says so. It may say so for nothing, never miss a file that shows one.
    A damaged opening leaves the file without front matter, and the parsed
    body of such a file is its whole text below the newlines above it, so the
    detector itself is asked on that text (a block that was read is confirmed
    intact by the file). Sample text can only be where the template's sample
    words were parsed, or in front matter that could not be read (``unread``:
    the paths with a front-matter problem).
    """
    newlines_above = article.body_line - 1  # all that is above the body of a file without front matter
    if newlines_above <= BLANK_LINES_ABOVE and damaged_opening("\n" * newlines_above + article.body) is not None:
        return True
    if article.path in unread:
        return True
    if not _SAMPLE_QUESTIONS.isdisjoint(article.questions) or not _SAMPLE_QUESTIONS.isdisjoint(article.tags):
        return True  # a sample question left in the front matter, which YAML gives back as written
    return any(sample in article.body for sample in _SAMPLE_STRINGS)


def _file_text_problems(root: Path, article: Article) -> list[Problem]:
    """:func:`text_problems` of the article's file as it is on disk now."""
    try:
        data = read_limited(Path(root).joinpath(*article.path.split("/")), MAX_ARTICLE_BYTES)
        text = decode_article_bytes(data).text
    except (OSError, UndecodableError):
        return []  # gone or changed since the KB was loaded: the next load says so
    return text_problems(text, article.path)


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
