"""The front matter form's model: edits keep unknown keys, order, comments and the body."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.errors import KbError
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.errors import FrontMatterBroken
from kb_assistant.core.articles.frontmatter_form import apply_form, form_values
from tests.hostile.corpus import alias_bomb

DESIGN_SAMPLE = """\
---
id: refund-card              # optional; default: path from the KB root without ".md"
title: Refund to a bank card # optional; default: first "# " heading, else the file name
lang: en                     # optional; detected from the text when missing
product: Shopwave
tags: [refunds, payments]
questions:                   # how customers ask it; searched with a boost
  - How do I get my money back?
  - where is my refund
translations: {ru: refund-card-ru}
owner: Support content team
reviewed: 2026-10-01         # with review_every (days) gives "stale" status
review_every: 90
type: article                # or "snippet"
---
# Refund to a bank card

Body in Markdown...

## Reply: Refund started
Hello {{customer_name}}! The refund for order {{order_id}} is on its way ...
"""

RUSSIAN = """\
---
# Статья поддержки; не удалять комментарий
title: "Возврат на карту"
lang: ru
tags: [ возврат,  'карта' ]
questions:
- Как вернуть деньги?
- 'где мой возврат'   # частый вопрос

x-jira: SUP-1234
translations:
  en: refund-card
owner: Команда контента
---


# Возврат на карту

Текст статьи.
"""

UNUSUAL = """\
---
title:   Spaced   out
custom_list:
    -   one
    -   two
nested:
    deep: {a: 1, b: [x, y]}
empty:
reviewed: '2026-01-05'
...
Body right after the closing dots.
"""

CRLF = "---\r\ntitle: Windows file # c\r\ntags: [a]\r\n---\r\n\r\n# Windows file\r\nbody\r\n"

NO_FRONT_MATTER = "\n\n# Plain article\n\nJust Markdown.\n"

SAMPLES = [DESIGN_SAMPLE, RUSSIAN, UNUSUAL, CRLF, NO_FRONT_MATTER, "---\n---\nbody", "---\n# only a comment\n---\n"]


@pytest.mark.parametrize("text", SAMPLES)
def test_round_trip_without_change_is_byte_identical(text):
    doc = FrontMatterDocument.parse(text)
    assert doc.error is None
    assert doc.to_text() == text
    assert doc.render() == text
    assert not doc.modified


@pytest.mark.parametrize("text", SAMPLES)
def test_setting_the_same_values_changes_nothing(text):
    doc = FrontMatterDocument.parse(text)
    assert apply_form(doc, form_values(doc)) == text


def test_editing_title_keeps_comments_unknown_keys_and_order():
    doc = FrontMatterDocument.parse(RUSSIAN)
    doc.set("title", "Возврат денег на банковскую карту")
    text = doc.to_text()
    assert text == RUSSIAN.replace('"Возврат на карту"', '"Возврат денег на банковскую карту"')
    assert doc.keys() == ["title", "lang", "tags", "questions", "x-jira", "translations", "owner"]


def test_editing_title_keeps_the_end_of_line_comment():
    doc = FrontMatterDocument.parse(DESIGN_SAMPLE)
    doc.set("title", "Card refunds")
    lines = doc.to_text().splitlines()
    assert lines[2].startswith("title: Card refunds")
    assert lines[2].endswith('# optional; default: first "# " heading, else the file name')
    assert doc.to_text().replace(lines[2], "") == DESIGN_SAMPLE.replace(DESIGN_SAMPLE.splitlines()[2], "")


def test_adding_a_key_to_an_article_without_front_matter_creates_a_block():
    doc = FrontMatterDocument.parse(NO_FRONT_MATTER)
    assert doc.keys() == [] and not doc.present
    doc.set("title", "Plain article")
    doc.set("tags", ["faq", "basics"])
    text = doc.to_text()
    assert text == "---\ntitle: Plain article\ntags: [faq, basics]\n---\n" + NO_FRONT_MATTER
    parsed = parse_article_bytes(text.encode(), "plain.md").article
    assert parsed.title == "Plain article" and parsed.tags == ("faq", "basics")


def test_adding_keys_to_an_empty_or_comment_only_block():
    doc = FrontMatterDocument.parse("---\n# only a comment\n---\nbody")
    doc.set("owner", "Team")
    assert doc.to_text() == "---\n# only a comment\nowner: Team\n---\nbody"


def test_removing_a_key_keeps_the_rest_and_the_comments_after_it():
    doc = FrontMatterDocument.parse(RUSSIAN)
    doc.set("questions", None)
    doc.set("owner", "")
    text = doc.to_text()
    assert "questions" not in text and "Как вернуть" not in text and "owner" not in text
    assert "\nx-jira: SUP-1234\n" in text
    assert "# Статья поддержки; не удалять комментарий\n" in text
    assert text.endswith("---\n\n\n# Возврат на карту\n\nТекст статьи.\n")
    assert doc.keys() == ["title", "lang", "tags", "x-jira", "translations"]


def test_removing_every_key_of_a_created_block_leaves_no_block():
    doc = FrontMatterDocument.parse(NO_FRONT_MATTER)
    doc.set("title", "x")
    doc.set("title", None)
    assert doc.to_text() == NO_FRONT_MATTER


def test_tags_edit_keeps_flow_style_and_following_comment():
    doc = FrontMatterDocument.parse(DESIGN_SAMPLE)
    doc.set("tags", ["refunds", "payments", "cards"])
    doc.set("questions", ["How do I get my money back?", "refund to card"])
    text = doc.to_text()
    assert "\ntags: [refunds, payments, cards]\n" in text
    assert "questions:                   # how customers ask it; searched with a boost\n" \
           "  - How do I get my money back?\n  - refund to card\ntranslations:" in text
    assert doc.get("tags") == ["refunds", "payments", "cards"]


def test_block_list_edit_keeps_indentation_and_section_comment():
    doc = FrontMatterDocument.parse(RUSSIAN)
    doc.set("questions", ["Как вернуть деньги?", "Возврат не пришёл"])
    text = doc.to_text()
    assert "questions:\n- Как вернуть деньги?\n- 'где мой возврат'" not in text
    assert "questions:\n- Как вернуть деньги?\n- Возврат не пришёл\n\nx-jira: SUP-1234\n" in text


def test_reviewed_date_edit():
    doc = FrontMatterDocument.parse(DESIGN_SAMPLE)
    assert doc.get("reviewed") == dt.date(2026, 10, 1)
    doc.set("reviewed", dt.date(2027, 2, 3))
    assert "\nreviewed: 2027-02-03         # with review_every (days) gives \"stale\" status\n" in doc.to_text()
    doc.set("reviewed", "2027-03-04")
    assert doc.get("reviewed") == dt.date(2027, 3, 4)
    with pytest.raises(ValueError):
        doc.set("reviewed", "2027-13-45")


def test_review_every_and_translations():
    doc = FrontMatterDocument.parse(DESIGN_SAMPLE)
    doc.set("review_every", "30")
    doc.set("translations", {"ru": "refund-card-ru", "de": "refund-card-de"})
    text = doc.to_text()
    assert "\nreview_every: 30\n" in text
    assert "\ntranslations: {ru: refund-card-ru, de: refund-card-de}\n" in text
    with pytest.raises(ValueError):
        doc.set("review_every", 0)
    with pytest.raises(TypeError):
        doc.set("tags", "a, b")


def test_values_the_yaml_1_1_reader_would_misread_are_quoted():
    doc = FrontMatterDocument.parse(NO_FRONT_MATTER)
    doc.set("title", "yes")
    doc.set("product", "1:20")
    doc.set("owner", "2026-01-01")
    doc.set("translations", {"no": "article-no"})
    article = parse_article_bytes(doc.to_text().encode(), "a.md").article
    assert (article.title, article.product, article.owner) == ("yes", "1:20", "2026-01-01")
    assert article.translations == (("no", "article-no"),)


def test_a_new_key_can_go_first():
    doc = FrontMatterDocument.parse("---\n# about\ntitle: FM\n---\nbody\n")
    doc.set("id", "fm", first=True)
    doc.set("owner", "Team")
    assert doc.to_text() == "---\n# about\nid: fm\ntitle: FM\nowner: Team\n---\nbody\n"


def test_editing_a_mapping_keeps_the_comments_of_its_entries():
    doc = FrontMatterDocument.parse("---\ntranslations:\n  en: refund   # English\n  de: x\n---\nbody\n")
    doc.set("translations", {"en": "refund-2", "de": "x"})
    assert doc.to_text() == "---\ntranslations:\n  en: refund-2 # English\n  de: x\n---\nbody\n"


def test_crlf_text_keeps_its_line_endings_after_an_edit():
    doc = FrontMatterDocument.parse(CRLF)
    doc.set("owner", "Team")
    assert doc.to_text() == "---\r\ntitle: Windows file # c\r\ntags: [a]\r\nowner: Team\r\n---\r\n\r\n# Windows file\r\nbody\r\n"


def test_render_with_a_new_body():
    doc = FrontMatterDocument.parse("---\ntitle: T\n---")
    assert doc.body == ""
    assert doc.render("# New body\n") == "---\ntitle: T\n---\n# New body\n"


@pytest.mark.parametrize(("text", "line"), [
    ("---\ntitle: T\ntags: [a, b\n---\n# Body\n", 4),
    ("---\ntitle: a: b\n---\nbody", 2),
    ("---\ntitle: T\ntitle: U\n---\nbody", 3),
    ("---\n- just\n- a list\n---\nbody", 2),
    ("---\ntitle: never closed\n\n# Body\n", 1),
    ("---\ntitle: T\nnote: 'a\x0cb'\n---\nbody", 3),
    ("---\ntitle: T\nreviewed: 2026-13-45\n---\nbody", 2),
])
def test_broken_yaml_is_reported_and_never_rewritten(text, line):
    doc = FrontMatterDocument.parse(text)
    assert doc.error and doc.error_line == line
    with pytest.raises(FrontMatterBroken) as caught:
        doc.set("title", "New")
    assert isinstance(caught.value, KbError) and caught.value.code == "front-matter-broken"
    assert caught.value.values["reason"] == doc.error  # the reason is translated with the message
    with pytest.raises(FrontMatterBroken):
        apply_form(doc, {"owner": "Someone"})
    assert doc.to_text() == text
    assert apply_form(doc, form_values(doc)) == text


def test_broken_yaml_message_names_the_line():
    doc = FrontMatterDocument.parse("---\ntitle: T\ntags: [a, b\n---\n# Body\n")
    assert doc.error.code == "front-matter-yaml-at" and doc.error.values["line"] == 4
    assert "line 4" in str(doc.error)


@settings(max_examples=300, deadline=None)
@given(title=st.text().filter(lambda s: s.strip()))
def test_any_title_reads_back_with_the_projects_parser(title):
    for text in (DESIGN_SAMPLE, RUSSIAN, NO_FRONT_MATTER):
        doc = FrontMatterDocument.parse(text)
        doc.set("title", title)
        rendered = doc.to_text()
        parsed = parse_article_bytes(rendered.encode("utf-8"), "a.md")
        assert parsed.article is not None
        assert parsed.article.title == title.strip()
        assert not [p for p in parsed.problems if p.code.startswith("front-matter")]
        assert rendered.endswith(doc.body)


@pytest.mark.parametrize("odd", ["\u2028", "\x85", "\u2029"])
def test_unusual_line_break_characters_in_values_survive_an_edit(odd):
    text = f"---\nnote: 'a{odd}b'\ntitle: Old\nowner: X\n---\n# Body\n"
    doc = FrontMatterDocument.parse(text)
    assert doc.error is None and doc.to_text() == text
    doc.set("title", "New")
    again = FrontMatterDocument.parse(doc.to_text())
    assert again.get("note") == doc.get("note")
    assert (again.get("title"), again.get("owner"), again.keys()) == ("New", "X", ["note", "title", "owner"])
    assert again.body == "# Body\n"


def test_a_block_that_cannot_be_rewritten_faithfully_is_refused_not_mangled():
    # a key holding a raw NEL line break: ruamel.yaml cannot write it back as read
    text = "---\n# top\n? '\x85  '  # c\n: []\n---\n\n# Body\n"
    doc = FrontMatterDocument.parse(text)
    assert doc.error is None and doc.to_text() == text
    doc.set("title", "New")
    with pytest.raises(FrontMatterBroken):
        doc.to_text()


# -- issue 16: values that expand or nest without bound ---------------------------------------------

@pytest.mark.parametrize("front", [alias_bomb("tags", 5) + "\n", alias_bomb("x", 5) + "\ntranslations: {ru: *l4}\n",
                                   "x: " + "[" * 2000 + "\n"])
def test_a_bomb_or_deep_nesting_is_refused_and_the_text_kept(front):
    text = f"---\ntitle: T\n{front}---\n# Body\n"
    doc = FrontMatterDocument.parse(text)  # the form, _plain and every comparison would expand it
    assert doc.error is not None and doc.error.code in ("front-matter-too-big", "front-matter-too-deep")
    assert form_values(doc)["tags"] == [] and doc.to_text() == text
    with pytest.raises(FrontMatterBroken):
        doc.set("title", "New")
