"""``kb-assistant check`` reports what the editor warns about: a damaged opening ``---``, the template's sample text."""

from __future__ import annotations

import datetime as dt

import pytest

from kb_assistant.core.articles.fence import damaged_opening
from kb_assistant.core.articles.template import SAMPLE_BODIES, SAMPLE_QUESTIONS, article_template, sample_text_left
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.messages import MESSAGES
from kb_assistant.core.upkeep.check import SAMPLE_CODES, check_kb, check_text, text_problems

TODAY = dt.date(2026, 11, 27)
BLOCK = "id: refund\ntitle: Refund to a bank card\nlang: en\nquestions:\n  - where is my money\n"
BODY = "# Refund to a bank card\n\nRefunds take 3-10 business days.\n"
GOOD = "---\n" + BLOCK + "---\n" + BODY
TEXT_CODES = {"front-matter-opening-damaged", *SAMPLE_CODES.values()}


def text_findings(root):
    """``(path, line, severity, code)`` of the problems only a file's text shows."""
    return [(p.path, p.line, p.severity, p.code) for p in check_kb(load_kb(root), TODAY) if p.code in TEXT_CODES]


@pytest.mark.parametrize("opening", [
    "--",  # a dash deleted
    "- --",  # a space typed into it
    "\u2014-",  # autocorrected into an em dash
    "----",  # one typed too many
    "---x",  # a letter typed onto it
    "--- notes",  # words typed after it
    " ---",  # indented
    "\ufeff\ufeff---",  # a byte-order mark twice: decoding removes only the first
])
def test_a_damaged_opening_is_an_error_on_line_1(write_kb, opening):
    root = write_kb({"refund.md": opening + "\n" + BLOCK + "---\n" + BODY})
    assert text_findings(root) == [("refund.md", 1, "error", "front-matter-opening-damaged")]
    problem = next(p for p in check_kb(load_kb(root), TODAY) if p.code == "front-matter-opening-damaged")
    assert problem.values == {"closing": 7}
    assert problem.format().startswith("refund.md:1: error: the front matter cannot be read: line 1 must be exactly "
                                       "'---', so the lines up to line 7 are read as article text")


@pytest.mark.parametrize("text, closing", [
    (BLOCK + "---\n" + BODY, 6),  # the opening line deleted
    ("---id: refund\n" + BLOCK.split("\n", 1)[1] + "---\n" + BODY, 6),  # its line break deleted
    ("\n\n--\n" + BLOCK + "---\n" + BODY, 9),  # empty lines typed above it
    (("--\n" + BLOCK + "---\n" + BODY).replace("\n", "\r\n"), 7),  # Windows line endings
])
def test_other_damage_is_reported_on_line_1_too(write_kb, text, closing):
    root = write_kb({"refund.md": text})
    problems = [p for p in check_kb(load_kb(root), TODAY) if p.code == "front-matter-opening-damaged"]
    assert [(p.line, p.severity, p.values) for p in problems] == [(1, "error", {"closing": closing})]


def test_a_byte_order_mark_the_file_starts_with_is_no_damage(write_kb):
    root = write_kb({"refund.md": b"\xef\xbb\xbf" + GOOD.encode("utf-8")})
    assert text_findings(root) == []


@pytest.mark.parametrize("text", [
    GOOD,  # front matter as it should be
    GOOD.replace("\n", "\r\n"),
    BODY,  # plain Markdown: no front matter at all
    "# Title\n\nText.\n\n---\n\nMore text.\n",  # a thematic break
    "---\n---\n--\nid: refund\n---\n# Refund\n",  # an empty block, then a body that only looks like one
])
def test_intact_articles_and_plain_markdown_are_not_reported(write_kb, text):
    assert text_findings(write_kb({"refund.md": text})) == []


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_untouched_template_is_reported_part_by_part(write_kb, lang):
    text = article_template("Test" if lang == "en" else "Тест", lang)
    root = write_kb({f"new/test.{lang}.md": text})
    lines = text.split("\n")
    found = text_findings(root)
    assert [(path, severity, code) for path, _, severity, code in found] == [
        (f"new/test.{lang}.md", "warning", "template-sample-question"),
        (f"new/test.{lang}.md", "warning", "template-sample-body"),
        (f"new/test.{lang}.md", "warning", "template-sample-reply"),
    ]
    question, body, reply = (line for _, line, _, _ in found)
    assert lines[question - 1].strip() == "- " + SAMPLE_QUESTIONS[lang == "en"]
    assert lines[body - 1] == SAMPLE_BODIES[lang == "en"]
    assert lines[reply - 1].startswith("## ")
    assert [(p.line, p.code) for p in check_kb(load_kb(root), TODAY) if p.code in TEXT_CODES] == [
        (item.line, SAMPLE_CODES[item.part]) for item in sample_text_left(text)]  # the editor's own finder


def test_a_template_written_properly_is_not_reported(write_kb):
    text = article_template("Gift cards", "en")
    text = text.replace(SAMPLE_QUESTIONS[1], "Where is my gift card?")
    text = text.replace(SAMPLE_BODIES[1], "Gift cards arrive by e-mail within an hour.")
    text = text.replace("Hello {{customer_name|there}}!\n", "Hello {{customer_name|there}}!\nYour card is on its way.\n")
    assert text_findings(write_kb({"gift-cards.md": text})) == []


def test_a_template_written_in_part_keeps_the_rest_reported(write_kb):
    text = article_template("Gift cards", "en").replace(SAMPLE_QUESTIONS[1], "Where is my gift card?")
    assert [code for _, _, _, code in text_findings(write_kb({"gift-cards.md": text}))] == [
        "template-sample-body", "template-sample-reply"]


def test_a_sample_question_in_front_matter_that_cannot_be_read_is_still_found(write_kb):
    text = article_template("Test", "en").replace("tags: []", "tags: [")  # broken YAML: no field is parsed
    text = text.replace(SAMPLE_BODIES[1], "Written.").replace("First reply", "Sent")  # the question is all that is left
    found = [(p.line, p.code) for p in check_kb(load_kb(write_kb({"t.md": text})), TODAY)]
    assert (7, "template-sample-question") in found
    assert any(code.startswith("front-matter-yaml") for _, code in found)


def test_a_file_gone_since_loading_is_skipped(write_kb):
    root = write_kb({"refund.md": "--\n" + BLOCK + "---\n" + BODY, "other.md": GOOD.replace("refund", "other")})
    kb = load_kb(root)
    (root / "refund.md").unlink()
    assert [p for p in check_kb(kb, TODAY) if p.code in TEXT_CODES] == []


def test_check_and_the_editor_use_the_same_finders():
    text = "--\n" + article_template("Test", "en")[4:]
    problems = text_problems(text, "t.md")
    assert [(p.line, p.code) for p in problems] == (
        [(1, "front-matter-opening-damaged")] + [(item.line, SAMPLE_CODES[item.part]) for item in sample_text_left(text)])
    assert problems[0].values == {"closing": damaged_opening(text)}


def test_the_editors_check_leaves_them_to_the_editor(write_kb):
    # the editor lists these two in its own words (ui.editor.editor_checks): check_text must not list them again
    kb = load_kb(write_kb({"other.md": GOOD}))
    text = "--\n" + article_template("Test", "en")[4:]
    assert [p for p in check_text(text, "t.md", kb, TODAY) if p.code in TEXT_CODES] == []


def test_every_new_code_has_an_english_template():
    assert TEXT_CODES <= set(MESSAGES)
    assert "{closing}" in MESSAGES["front-matter-opening-damaged"]
