"""Bug reports: Markdown and plain shapes, escaping, required fields, any text never raises."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.bugreport import (
    LABELS,
    BugReport,
    default_platforms,
    escape_markdown,
    field_lines,
    missing_fields,
    step_list,
    to_markdown,
    to_plain,
    unescape_markdown,
)

FULL = BugReport(
    summary="Pay *button* does nothing",
    steps="1. Open the app\n2) Tap [Pay]\n\n- Wait 10 s",
    expected="The order is paid",
    actual="Error #500\nthen a blank screen",
    customer_ref="order 123456",
    app_version="5.2.1",
    platform="Android",
    article_id="payments/card-declined",
    article_title="Card declined",
    reported_by="Анна",
    date=dt.date(2026, 3, 4),
)


def test_markdown_has_headings_numbered_steps_and_details():
    text = to_markdown(FULL)
    assert text.startswith("## Summary\n\nPay \\*button\\* does nothing\n")
    assert "## Steps to reproduce\n\n1. Open the app\n2. Tap \\[Pay\\]\n3. Wait 10 s\n" in text
    assert "## Actual result\n\nError \\#500\\\nthen a blank screen\n" in text
    assert "- **Customer or order:** order 123456" in text
    assert "- **Article:** Card declined (payments/card-declined)" in text
    assert "- **Reported by:** Анна" in text
    assert "- **Date:** 2026-03-04" in text


def test_plain_has_labels_and_numbers_but_no_marks():
    text = to_plain(FULL)
    assert text.splitlines()[0] == "Summary: Pay *button* does nothing"
    assert "Steps to reproduce:\n1. Open the app\n2. Tap [Pay]\n3. Wait 10 s" in text
    assert "Actual result:\nError #500\nthen a blank screen" in text
    assert "Platform: Android" in text
    assert "##" not in text and "**" not in text and "\\" not in text


def test_empty_fields_are_left_out():
    report = BugReport(summary="Crash", steps=["Open"], expected="No crash", actual="Crash")
    for text in (to_markdown(report), to_plain(report)):
        assert "Platform" not in text and "Details" not in text and "Article" not in text
    assert to_markdown(BugReport()) == "" and to_plain(BugReport()) == ""


def test_translated_labels():
    text = to_markdown(FULL, {"summary": "Кратко", "details": "Подробности"})
    assert text.startswith("## Кратко\n")
    assert "## Подробности" in text
    assert "## Expected result" in text  # missing labels fall back to English


def test_missing_fields_names_required_ones_in_order():
    assert missing_fields(BugReport()) == ["summary", "steps", "expected", "actual"]
    assert missing_fields(BugReport(summary=" ", steps="\n  \n", expected="x")) == ["summary", "steps", "actual"]
    assert missing_fields(FULL) == []


def test_steps_accept_a_list_or_text_and_drop_typed_numbering():
    assert step_list(BugReport(steps=["1. a", " ", "b\nc"])) == ["a", "b", "c"]
    assert step_list(BugReport(steps="• first\n– second\n10) third\n1.5 GB free")) == [
        "first", "second", "third", "1.5 GB free"
    ]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a*b_c", "a\\*b\\_c"),
        ("[x](y)", "\\[x\\](y)"),
        ("# title", "\\# title"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("1.5 GB", "1.5 GB"),
        ("---", "\\---"),
        ("<b>", "\\<b\\>"),
        ("&amp; & co", "\\&amp; & co"),
        ("`code` | ~x~", "\\`code\\` \\| \\~x\\~"),
        ("C:\\path", "C:\\\\path"),
    ],
)
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped
    assert unescape_markdown(escaped) == text


def test_default_platforms_are_plain_names():
    platforms = default_platforms()
    assert {"Android", "iOS", "Web (desktop)", "Web (mobile)"} <= set(platforms)
    assert len(platforms) == len(set(platforms))
    platforms.append("Smart TV")  # a fresh list every time: callers may edit it
    assert "Smart TV" not in default_platforms()


def test_labels_cover_every_output_field():
    assert set(LABELS) >= {"summary", "steps", "expected", "actual", "details", "customer_ref",
                           "app_version", "platform", "article", "reported_by", "date"}


TEXT = st.text(max_size=60)
FIELDS = ("summary", "steps", "expected", "actual", "customer_ref", "app_version",
          "platform", "article_id", "article_title", "reported_by")


@settings(max_examples=200, deadline=None)
@given(
    values=st.fixed_dictionaries({name: TEXT for name in FIELDS}),
    steps_as_list=st.booleans(),
    date=st.one_of(st.none(), st.dates(), TEXT),
)
def test_any_text_never_raises_and_markdown_keeps_every_field(values, steps_as_list, date):
    if steps_as_list:
        values["steps"] = values["steps"].split("x")
    report = BugReport(**values, date=date)
    markdown, plain = to_markdown(report), to_plain(report)
    missing_fields(report)
    unescaped = unescape_markdown(markdown)
    for name in ("summary", "steps", "expected", "actual", "customer_ref", "app_version",
                 "platform", "article", "reported_by", "date"):
        for line in field_lines(report, name):
            assert escape_markdown(line) in markdown
            assert line in plain
            assert line in unescaped


@given(st.text())
def test_escape_round_trips_any_line(text):
    line = text.replace("\r", " ").replace("\n", " ")
    assert unescape_markdown(escape_markdown(line)) == line
