"""Self-check quizzes written in article bodies, and the quiz item model.

A quiz section is a ``##`` heading named ``Quiz``, ``Self-check``, ``Проверь
себя`` or ``Тест`` (any case, an ending colon allowed). It runs to the next
``#`` or ``##`` heading and holds numbered questions, each answered either by
task-list options (``[x]`` marks the right ones) or by a blockquote (an open,
flashcard-style question)::

    ## Quiz
    1. How long does a card refund take?
       - [ ] 1 day
       - [x] 3–10 business days
    2. Can a refund go to a different card?
       > No, only to the card that paid.

Text before the first question is an introduction. Parsing never raises: each
malformed question becomes a located :class:`~kb_assistant.core.models.Problem`
and is left out, the others are kept.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

from kb_assistant.core.learning.sections import Section, split_sections
from kb_assistant.core.articles.scan import Heading, code_line_mask, headings
from kb_assistant.core.models import Article, Problem, Severity

QuizKind = Literal["choice", "open", "which-article"]

QUIZ_HEADINGS = ("quiz", "self-check", "проверь себя", "тест")
"""Heading texts (case-folded, without an ending colon) that make a ``##`` section a quiz."""

_QUIZ_HINT_RE = re.compile(r"^ {0,3}##[ \t]+(?:quiz|self-check|проверь себя|тест)\b", re.IGNORECASE | re.MULTILINE)
_QUESTION_RE = re.compile(r"^ {0,3}\d{1,9}[.)](?:[ \t]+(.*?))?[ \t]*$")
_OPTION_RE = re.compile(r"^[ \t]*[-*+][ \t]+\[([ xX])\](?:[ \t]+(.*?))?[ \t]*$")
_BULLET_RE = re.compile(r"^[ \t]*[-*+](?:[ \t]+|$)")
_ANSWER_RE = re.compile(r"^[ \t]*>[ \t]?(.*?)[ \t]*$")


@dataclass(frozen=True)
class QuizOption:
    """One answer to choose from.

    Attributes:
        text: the option as written (inline Markdown).
        correct: whether choosing it is right.
        article_id: for "which article" items, the article this title names.
    """

    text: str
    correct: bool
    article_id: str = ""


@dataclass(frozen=True)
class QuizItem:
    """One self-check question; also one flashcard.

    Attributes:
        id: a stable card id, ``ARTICLE_ID#HASH`` of the question text, so editing
            another question keeps this one's progress.
        article_id: the article the question belongs to (the right answer for
            "which article" items).
        kind: ``"choice"`` (options, one or more right), ``"open"`` (an answer to
            recall, graded by the learner) or ``"which-article"`` (a customer
            question and four article titles to choose from).
        question: the question text (inline Markdown).
        options: the options of "choice" and "which-article" items, in display order.
        answer: the answer of "open" items (Markdown, may span lines).
        line: the 1-based file line of the question (None for "which article" items).
        lang: the article's language.
    """

    id: str
    article_id: str
    kind: QuizKind
    question: str
    options: tuple[QuizOption, ...] = ()
    answer: str = ""
    line: int | None = None
    lang: str = ""

    def correct_indexes(self) -> frozenset[int]:
        """The 0-based positions of the right options."""
        return frozenset(i for i, option in enumerate(self.options) if option.correct)

    def is_correct(self, chosen: set[int] | frozenset[int] | list[int] | tuple[int, ...]) -> bool:
        """Whether choosing exactly the options at ``chosen`` (0-based) answers the item right."""
        return frozenset(chosen) == self.correct_indexes()


def card_id(article_id: str, source: str, question: str) -> str:
    """The stable id of a question: article id plus a hash of ``source`` and the question.

    Case and runs of white space in the question do not change the id.
    """
    folded = " ".join(question.casefold().split())
    digest = hashlib.sha256(f"{source}\0{folded}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{article_id}#{digest}"


def is_quiz_heading(text: str) -> bool:
    """Whether a ``##`` heading text names a quiz section."""
    return text.rstrip(": \t").casefold() in QUIZ_HEADINGS


def quiz_sections(lines: list[str], found: list[Heading] | None = None) -> list[Section]:
    """The quiz sections among the sections of ``lines`` (whose headings are ``found``, if known)."""
    return [s for s in split_sections(lines, found) if s.level == 2 and is_quiz_heading(s.title)]


def body_without_quiz(article: Article) -> str:
    """The article body with its quiz sections cut out, for reading without the answers."""
    if not _QUIZ_HINT_RE.search(article.body):
        return article.body
    lines = article.body.split("\n")
    drop = {i for s in quiz_sections(lines) for i in range(s.start, s.end)}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop).strip("\n")


def parse_article_quiz(article: Article) -> tuple[list[QuizItem], list[Problem]]:
    """The quiz items of ``article``'s quiz sections, and the problems of malformed ones."""
    if not _QUIZ_HINT_RE.search(article.body):  # most articles have no quiz: skip the line scan
        return [], []
    return parse_quiz(article.body.split("\n"), article.body_line, article.id, article.path, article.lang)


def quiz_problems(article: Article) -> list[Problem]:
    """Only the problems of ``article``'s quiz sections (for ``kb-assistant check``)."""
    return parse_article_quiz(article)[1]


def parse_quiz(
    lines: list[str], first_line: int, article_id: str, path: str, lang: str = ""
) -> tuple[list[QuizItem], list[Problem]]:
    """Parse every quiz section of a body.

    Args:
        lines: the body's lines.
        first_line: the file line number of ``lines[0]``.
        article_id: the article's id, for card ids.
        path: the article's path, for problems.
        lang: the article's language, copied to the items.

    Returns:
        The well-formed items in order, and the problems found. A question with
        an error is left out; one with only a warning is kept. Two questions with
        the same text in one article would share a card, so the second is left out.
    """
    items: list[QuizItem] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    mask = code_line_mask(lines)
    found = headings(lines, mask)
    skip = list(mask)  # code, and the subheadings a quiz may group its questions under
    for heading in found:
        skip[heading.index] = True
    for section in quiz_sections(lines, found):
        parser = _SectionParser(lines, skip, first_line, article_id, path, lang, problems)
        found = parser.run(section)
        if not found and not parser.had_questions:
            parser.report(section.start, "warning", "quiz-empty", section=section.title)
        for item in found:
            if item.id in seen:
                parser.report(item.line - first_line, "warning", "quiz-duplicate", question=_short(item.question))
                continue
            seen.add(item.id)
            items.append(item)
    return items, problems


@dataclass
class _Question:
    """A question being read: its text lines and whatever answers it so far."""

    number: int
    index: int
    text: list[str]
    options: list[tuple[bool, list[str], int]] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    bullets: int = 0
    reported: bool = False

    @property
    def title(self) -> str:
        return " ".join(self.text).strip()


class _SectionParser:
    """Reads the lines of one quiz section into items, reporting what is wrong."""

    def __init__(self, lines, skip, first_line, article_id, path, lang, problems) -> None:
        self.lines, self.skip, self.first_line = lines, skip, first_line
        self.article_id, self.path, self.lang, self.problems = article_id, path, lang, problems
        self.count = 0

    @property
    def had_questions(self) -> bool:
        return self.count > 0

    def report(self, index: int, severity: Severity, code: str, **values: object) -> None:
        """Add the problem ``code`` at the section's line ``index``."""
        self.problems.append(Problem(self.path, self.first_line + index, severity, code, values))

    def run(self, section: Section) -> list[QuizItem]:
        """The well-formed items of ``section``; malformed ones are reported."""
        items: list[QuizItem] = []
        current: _Question | None = None
        last = ""  # what the previous non-blank line belonged to: "question", "option", "answer" or ""
        blank = False
        for index in range(section.start + 1, section.end):
            line = self.lines[index]
            if self.skip[index]:
                last, blank = "", False  # code and subheadings are not questions or answers
                continue
            if not line.strip():
                blank = True
                continue
            if match := _QUESTION_RE.match(line):
                self._finish(current, items)
                self.count += 1
                current = _Question(self.count, index, [match.group(1) or ""])
                last = "question"
            elif match := _OPTION_RE.match(line):
                last = self._option(current, index, match.group(1) != " ", match.group(2) or "")
            elif match := _ANSWER_RE.match(line):
                last = self._answer(current, index, match.group(1), blank)
            elif current is not None and _BULLET_RE.match(line):
                current.bullets += 1  # an option without its [ ] box: said when the question ends
                last = ""
            else:
                last = self._text(current, index, line, last, blank)
            blank = False
        self._finish(current, items)
        return items

    def _option(self, current: _Question | None, index: int, correct: bool, text: str) -> str:
        if current is None:
            self.report(index, "error", "quiz-stray-option")
            return ""
        if current.answer or current.reported:
            return self._mixed(current, index)
        current.options.append((correct, [text], index))
        return "option"

    def _answer(self, current: _Question | None, index: int, text: str, blank: bool) -> str:
        if current is None:
            return ""  # a quote in the introduction
        if current.options or current.reported:
            return self._mixed(current, index)
        if blank and current.answer:
            current.answer.append("")  # a second paragraph of the answer
        current.answer.append(text)
        return "answer"

    def _mixed(self, current: _Question, index: int) -> str:
        if not current.reported:
            self.report(index, "error", "quiz-mixed", number=current.number)
            current.reported = True
        return ""

    def _text(self, current: _Question | None, index: int, line: str, last: str, blank: bool) -> str:
        if current is None:
            return ""  # the introduction
        text = line.strip()
        # right after a line, text continues it (Markdown's lazy continuation);
        # after a blank line only indented text still belongs to the question
        if last == "question" and (not blank or line[:1] in " \t"):
            current.text.append(text)
            return "question"
        if not blank and last == "option":
            current.options[-1][1].append(text)
            return "option"
        if not blank and last == "answer":
            current.answer.append(text)
            return "answer"
        self.report(index, "warning", "quiz-text", number=current.number)
        return ""

    def _finish(self, question: _Question | None, items: list[QuizItem]) -> None:
        if question is None or question.reported:
            return
        title = question.title
        if not title:
            self.report(question.index, "error", "quiz-question", number=question.number)
            return
        where = {"number": question.number, "question": _short(title)}
        item_id = card_id(self.article_id, "quiz", title)
        line = self.first_line + question.index
        if question.options:
            options = tuple(QuizOption(" ".join(text).strip(), correct) for correct, text, _ in question.options)
            problem = _options_problem(options)
            if problem:
                self.report(question.index, "error", problem, **where)
                return
            if question.bullets:
                self.report(question.index, "warning", "quiz-unboxed-item", **where)
            items.append(QuizItem(item_id, self.article_id, "choice", title, options, line=line, lang=self.lang))
            return
        answer = "\n".join(question.answer).strip()
        if answer:
            items.append(QuizItem(item_id, self.article_id, "open", title, answer=answer, line=line, lang=self.lang))
        elif question.bullets:
            self.report(question.index, "error", "quiz-unboxed-options", **where)
        else:
            self.report(question.index, "error", "quiz-no-answer", **where)


def _options_problem(options: tuple[QuizOption, ...]) -> str | None:
    """The problem code of what is wrong with a question's options, None when nothing."""
    if any(not option.text for option in options):
        return "quiz-empty-option"
    if len(options) < 2:
        return "quiz-single-option"
    if not any(option.correct for option in options):
        return "quiz-no-correct"
    return None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
