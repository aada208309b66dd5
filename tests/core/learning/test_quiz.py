"""Quiz sections in article bodies: the format, malformed questions, and check."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.upkeep.check import check_kb, check_text
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.quiz import body_without_quiz, card_id, parse_article_quiz, parse_quiz

ARTICLE = """\
---
id: refund
lang: en
---
# Refund to a bank card

Cards take 3–10 business days.

## Reply: Refund started
Hello! Your refund is on its way.

## Quiz
Answer without looking.

1. How long does a card refund take?
   - [ ] 1 day
   - [x] 3–10 business days
   - [ ] a month
2. Can a refund go to a different card?
   > No, only to the card that paid.
3) Which methods refund instantly?
   Pick all that apply.
   * [X] Gift card
   + [x] Shopwave balance
   - [ ] Bank card

## Good to know
After 10 days, escalate.
"""


def article_of(text, path="refund.md"):
    parsed = parse_article_bytes(text.encode("utf-8"), path)
    assert parsed.article is not None
    return parsed.article


def quiz_of(body, first_line=1):
    return parse_quiz(body.split("\n"), first_line, "a", "a.md", "en")


def test_choice_open_and_multiple_answer_questions():
    items, problems = parse_article_quiz(article_of(ARTICLE))
    assert problems == []
    assert [(i.kind, i.question, i.line) for i in items] == [
        ("choice", "How long does a card refund take?", 15),
        ("open", "Can a refund go to a different card?", 19),
        ("choice", "Which methods refund instantly? Pick all that apply.", 21),
    ]
    first, second, third = items
    assert [(o.text, o.correct) for o in first.options] == [
        ("1 day", False), ("3–10 business days", True), ("a month", False)]
    assert first.is_correct([1]) and not first.is_correct([0, 1])
    assert second.answer == "No, only to the card that paid."
    assert third.correct_indexes() == {0, 1}
    assert all(i.article_id == "refund" and i.lang == "en" for i in items)


def test_quiz_is_not_a_reply_and_can_be_left_out_of_reading():
    article = article_of(ARTICLE)
    assert [r.name for r in article.replies] == ["Refund started"]
    assert "Quiz" not in article.replies[0].template
    reading = body_without_quiz(article)
    assert "3–10 business days" in reading and "## Good to know" in reading
    assert "## Quiz" not in reading and "[x]" not in reading


def test_russian_and_other_headings_case_insensitive():
    for heading in ("## Проверь себя", "## проверь себя:", "## QUIZ", "## Self-check", "## Тест"):
        items, problems = quiz_of(f"# T\n{heading}\n1. Вопрос?\n   > Ответ.\n")
        assert [i.answer for i in items] == ["Ответ."], heading
        assert problems == []
    for heading in ("### Quiz", "# Quiz", "## Quizzes", "## Reply: Quiz"):
        assert quiz_of(f"{heading}\n1. Q?\n   > A.\n") == ([], []), heading


def test_malformed_questions_are_located_problems_and_the_rest_is_kept():
    body = "\n".join([
        "## Quiz",                       # 10
        "- [x] an option before any question",
        "1. No answer at all",
        "2. Options without boxes",
        "   - one",
        "   - two",
        "3. Nothing right",
        "   - [ ] a",
        "   - [ ] b",
        "4. Both kinds",
        "   - [x] a",                    # 20
        "   > b",
        "5. A single option",
        "   - [x] only",
        "6.",
        "   > an answer to nothing",
        "7. Fine?",
        "   > Yes.",
        "",
        "Stray paragraph.",
        "## Quiz",                       # 30
        "Nothing here.",
        "## Next",
    ])
    items, problems = quiz_of(body, first_line=10)
    assert [i.question for i in items] == ["Fine?"]
    assert [(p.line, p.severity, p.code) for p in problems] == [
        (11, "error", "quiz-stray-option"),
        (12, "error", "quiz-no-answer"),
        (13, "error", "quiz-unboxed-options"),
        (16, "error", "quiz-no-correct"),
        (21, "error", "quiz-mixed"),
        (22, "error", "quiz-single-option"),
        (24, "error", "quiz-question"),
        (29, "warning", "quiz-text"),
        (30, "warning", "quiz-empty"),
    ]
    assert "question 2 ('Options without boxes')" in problems[2].message


def test_continuation_lines_and_answers_in_two_paragraphs():
    items, problems = quiz_of("\n".join([
        "## Quiz",
        "1. What does the customer",
        "need to send",
        "",
        "   to get a refund?",
        "",
        "> The order number",
        "and the card's last digits.",
        ">",
        "> Nothing else.",
        "2. Pick one",
        "   - [x] a long option",
        "     that goes on",
        "   - [ ] b",
    ]))
    assert problems == []
    assert items[0].question == "What does the customer need to send to get a refund?"
    assert items[0].answer == "The order number\nand the card's last digits.\n\nNothing else."
    assert [o.text for o in items[1].options] == ["a long option that goes on", "b"]


def test_a_plain_bullet_among_options_is_left_out_with_a_warning():
    items, problems = quiz_of("## Quiz\n1. Q?\n   - [x] a\n   - b\n   - [ ] c\n")
    assert [o.text for o in items[0].options] == ["a", "c"]
    assert [(p.line, p.severity, p.code) for p in problems] == [(2, "warning", "quiz-unboxed-item")]


def test_code_blocks_in_a_quiz_are_not_questions():
    items, problems = quiz_of("## Quiz\n```\n1. not a question\n```\n1. Real?\n   > Yes.\n")
    assert [i.question for i in items] == ["Real?"] and problems == []


def test_duplicate_question_is_reported_and_asked_once():
    items, problems = quiz_of("## Quiz\n1. Same?\n   > a\n## Тест\n1. same? \n   > b\n")
    assert [i.answer for i in items] == ["a"]
    assert [(p.line, p.code) for p in problems] == [(5, "quiz-duplicate")]


def test_card_ids_are_stable_and_ignore_case_and_spacing():
    assert card_id("a", "quiz", "How  long?") == card_id("a", "quiz", "how long?")
    assert card_id("a", "quiz", "How long?") != card_id("b", "quiz", "How long?")
    assert card_id("a", "quiz", "How long?") != card_id("a", "asks", "How long?")
    before, _ = quiz_of("## Quiz\n1. One?\n   > 1\n2. Two?\n   > 2\n")
    after, _ = quiz_of("## Quiz\n1. One, reworded?\n   > 1\n2. Two?\n   > 2 and more\n")
    assert before[1].id == after[1].id and before[0].id != after[0].id


def test_check_reports_malformed_quiz_sections(write_kb):
    root = write_kb({"a.md": "# A\n\n## Quiz\n1. Open?\n", "b.md": ARTICLE})
    found = [(p.path, p.line, p.code) for p in check_kb(load_kb(root), dt.date(2026, 11, 27))]
    assert found == [("a.md", 4, "quiz-no-answer")]
    kb = load_kb(root)
    unsaved = check_text("# A\n\n## Quiz\n1. Q?\n   - [ ] x\n   - [ ] y\n", "a.md", kb)
    assert [(p.line, p.code) for p in unsaved] == [(4, "quiz-no-correct")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "## Quiz", "## Тест", "## Other", "1. Q?", "2)", "   - [x] a", "- [ ] b", "- c", "> ans", ">", "",
    "   more", "text", "```", "### Sub", "# Title",
]) | st.text(), max_size=30))
def test_parser_never_raises(lines):
    lines = [line if isinstance(line, str) else "" for line in lines]
    body = "\n".join(lines)
    items, problems = parse_quiz(body.split("\n"), 1, "a", "a.md")
    assert all(p.line is not None and 1 <= p.line <= body.count("\n") + 1 for p in problems)
    assert all(i.kind in ("choice", "open") and i.question for i in items)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parser_never_raises_on_any_text(text):
    parse_quiz(("## Quiz\n" + text).split("\n"), 1, "a", "a.md")


def test_lines_count_from_the_file_start():
    items, _ = parse_article_quiz(article_of("---\nid: x\n---\n# T\n\n## Quiz\n1. Q?\n   > A.\n"))
    assert items[0].line == 7


def test_lines_after_a_blank_line_below_the_front_matter():
    items, _ = parse_article_quiz(article_of("---\nid: x\n---\n\n# T\n\n## Quiz\n1. Q?\n   > A.\n"))
    assert items[0].line == 8
