"""Parsing single article files: front matter, defaults, replies, links, encodings."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.articles.parse import category_of, default_id, parse_article_bytes
from tests.hostile.corpus import alias_bomb

FULL = """---
id: refund-card
title: Refund to a bank card
lang: en
product: Shopwave
tags: [refunds, payments]
questions:
  - How do I get my money back?
  - where is my refund
translations: {ru: refund-card-ru}
owner: Support content team
reviewed: 2026-10-01
review_every: 90
custom_key: kept
---
# Refund to a bank card

Body with a [[refund-delayed]] link and [the policy](../policy/returns.md).

```
## Reply: not a reply, inside code
[[not-a-link]]
```

## Reply: Refund started
Hello {{customer_name|there}}! The refund for order {{order_id}} is on its way.

### Details
Still part of the reply.

## Ответ: Возврат задерживается
Здравствуйте!

## Notes
Not a reply.
"""


def parse(text: str | bytes, path: str = "payments/refund.md", **kwargs):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_article_bytes(data, path, **kwargs)


def test_full_front_matter_is_read():
    parsed = parse(FULL)
    article = parsed.article
    assert parsed.problems == ()
    assert article.id == "refund-card"
    assert article.title == "Refund to a bank card"
    assert article.lang == "en"
    assert article.product == "Shopwave"
    assert article.tags == ("refunds", "payments")
    assert article.questions == ("How do I get my money back?", "where is my refund")
    assert article.translations == (("ru", "refund-card-ru"),)
    assert article.owner == "Support content team"
    assert article.reviewed == dt.date(2026, 10, 1)
    assert article.review_every == 90
    assert article.category == "payments"
    assert dict(article.extra) == {"custom_key": "kept"}
    assert article.body_line == 16


def test_replies_end_at_next_level_two_heading_and_skip_code():
    article = parse(FULL).article
    assert [r.name for r in article.replies] == ["Refund started", "Возврат задерживается"]
    started = article.replies[0]
    assert started.template.startswith("Hello {{customer_name|there}}!")
    assert "Still part of the reply." in started.template
    assert "Not a reply" not in article.replies[1].template
    assert FULL.split("\n")[started.line - 1] == "## Reply: Refund started"


def test_links_outside_code_are_found_with_lines():
    article = parse(FULL).article
    kinds = {(link.kind, link.target) for link in article.links}
    assert kinds == {("wiki", "refund-delayed"), ("relative", "../policy/returns.md")}
    wiki = next(link for link in article.links if link.kind == "wiki")
    assert "[[refund-delayed]]" in FULL.split("\n")[wiki.line - 1]


def test_plain_markdown_gets_defaults():
    article = parse("# Как вернуть товар\n\nТекст статьи про возврат.", "returns/how.md").article
    assert article.id == "returns/how"
    assert article.title == "Как вернуть товар"
    assert article.lang == "ru"
    assert article.type == "article"


def test_title_falls_back_to_file_name_with_an_error():
    parsed = parse("just some text without a heading", "misc/note-file.md")
    assert parsed.article.title == "note-file"
    assert [p.code for p in parsed.problems] == ["no-title"]


def test_sidecar_title_is_used():
    parsed = parse("text", "a/b.md", sidecar_title="From meta")
    assert parsed.article.title == "From meta"
    assert parsed.problems == ()


def test_language_detection_prefers_default_when_unclear():
    assert parse("# 123\n\n456", "x.md", default_lang="ru").article.lang == "ru"
    assert parse("# Hello\n\nSome English words here.", "x.md").article.lang == "en"
    # Russian text full of Latin product names is still Russian
    text = "# Настройка VPN\n\nОткройте Settings → Network и включите OpenVPN на сервере."
    assert parse(text, "x.md").article.lang == "ru"


def test_snippet_body_drops_title():
    text = "---\ntype: snippet\ntitle: Greeting\n---\n# Greeting\n\nHello {{customer_name|there}}!\n"
    article = parse(text, "snippets/hello.md").article
    assert article.type == "snippet"
    assert article.body == "Hello {{customer_name|there}}!"


def test_broken_yaml_is_located_and_body_kept():
    text = "---\ntitle: Fine\ntags: [a, b\n---\n# Heading\n\nBody stays.\n"
    parsed = parse(text)
    problem = parsed.problems[0]
    assert problem.code == "front-matter-yaml" and problem.severity == "error"
    assert problem.line in (3, 4)
    assert parsed.article.title == "Heading"
    assert "Body stays." in parsed.article.body


def test_unclosed_front_matter_is_reported():
    parsed = parse("---\ntitle: x\n# Heading\n")
    assert parsed.problems[0].code == "front-matter-unclosed"
    assert parsed.problems[0].line == 1
    assert parsed.article is not None


def test_front_matter_that_is_not_a_mapping():
    parsed = parse("---\n- a\n- b\n---\n# T\n")
    assert parsed.problems[0].code == "front-matter-list" and "mapping" in parsed.problems[0].message


def test_wrong_types_are_reported_and_dropped():
    text = "---\ntitle: [a, b]\ntags: {x: 1}\nreviewed: soon\nreview_every: -5\ntype: poem\n---\n# Real\n"
    parsed = parse(text)
    messages = " ".join(p.message for p in parsed.problems)
    for key in ("'title'", "'tags'", "'reviewed'", "'review_every'", "'type'"):
        assert key in messages
    assert [p.code for p in parsed.problems] == [
        "front-matter-value-text", "front-matter-value-list", "front-matter-value-date",
        "front-matter-value-days", "front-matter-value-type"]
    assert parsed.article.title == "Real"
    assert parsed.article.type == "article"


def test_impossible_date_does_not_crash():
    parsed = parse("---\nreviewed: 2026-13-45\n---\n# T\n")
    assert parsed.problems[0].code == "front-matter-yaml"


def test_cp1251_is_decoded_with_warning():
    data = "# Возврат денег\n\nТекст.".encode("cp1251")
    parsed = parse(data)
    assert parsed.article.title == "Возврат денег"
    assert parsed.article.encoding == "cp1251"
    assert [p.code for p in parsed.problems] == ["cp1251"]
    assert parsed.problems[0].severity == "warning"


def test_utf8_bom_and_crlf():
    data = "\ufeff---\r\ntitle: T\r\n---\r\nBody\r\n".encode("utf-8")
    article = parse(data).article
    assert article.title == "T"
    assert article.encoding == "utf-8-sig"
    assert article.newline == "\r\n"


def test_utf16_with_bom():
    article = parse("# Заголовок\n\nТекст".encode("utf-16")).article
    assert article.title == "Заголовок"


def test_binary_empty_and_huge_files_are_skipped():
    binary = parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert binary.article is None and binary.problems[0].code == "undecodable"
    empty = parse(b"  \n\n")
    assert empty.article is None and empty.problems[0].code == "empty"
    huge = parse(b"a" * (5 * 1024 * 1024))
    assert huge.article is None and huge.problems[0].code == "too-large"


def test_reply_without_name_and_duplicate_names():
    text = "# T\n\n## Reply:\ntext\n\n## Reply: Same\none\n\n## reply: same\ntwo\n"
    parsed = parse(text)
    codes = [p.code for p in parsed.problems]
    assert codes == ["reply-name", "duplicate-reply"]
    assert parsed.problems[0].line == 3


def test_default_id_and_category():
    assert default_id("a/b/c.md") == "a/b/c"
    assert default_id("c.MD") == "c"
    assert category_of("top.md") == ""
    assert category_of("a/b/c.md") == "a/b"


def test_stale_status():
    article = parse(FULL).article
    assert not article.is_stale(dt.date(2026, 12, 1))
    assert article.is_stale(dt.date(2027, 1, 1))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_front_matter_text_never_raises(front):
    parsed = parse(f"---\n{front}\n---\n# Title\n\nbody")
    if parsed.article is not None:
        assert isinstance(parsed.article.title, str)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_never_raise(data):
    parsed = parse(data)
    assert parsed.article is not None or parsed.problems


def test_a_yaml_alias_bomb_is_described_in_a_few_words():
    # each level repeats the one before nine times: written out whole, tags would be 9**5 items (the
    # hostile corpus has the 9**9 one, in a process of its own: a regression must not hang the suite)
    text = "---\n" + alias_bomb("tags", 5) + "\ntitle: *l4\n---\n# Bomb\n"
    parsed = parse(text)
    # the block is refused before anything walks it: one located error, the article kept from its body
    assert [p.code for p in parsed.problems] == ["front-matter-too-big"]
    assert parsed.problems[0].line == 2 and len(parsed.problems[0].message) < 200
    assert parsed.article.title == "Bomb" and parsed.article.tags == () and parsed.article.extra == ()


# -- issue 16 --------------------------------------------------------------------------------------

def test_a_review_schedule_past_the_calendar_is_never_an_overflow():
    for front in ("reviewed: 9999-12-31\nreview_every: 1", "reviewed: 2026-01-01\nreview_every: 3000000",
                  "reviewed: 2026-01-01\nreview_every: " + "9" * 40):
        article = parse(f"---\n{front}\n---\n# T\n").article
        assert article.review_due() == dt.date.max  # OverflowError before: check, index and search died
        assert not article.is_stale(dt.date(9999, 12, 31))


def test_a_bomb_or_a_deep_value_in_any_key_drops_the_block_before_anything_walks_it():
    # 9**5 items: past the bound, small enough that a regression fails here instead of hanging the suite
    for front in (alias_bomb("custom", 5), alias_bomb("questions", 5), "tags: &r [*r]", "x: " + "[" * 40 + "]" * 40):
        parsed = parse(f"---\ntitle: Kept?\n{front}\n---\n# From the body\n")
        assert [p.code for p in parsed.problems] == ["front-matter-too-big"]
        assert parsed.article.title == "From the body" and parsed.article.extra == ()


def test_a_nul_byte_anywhere_means_binary():
    parsed = parse(b"# Text first\n\n" + b"a" * 9000 + b"\x00 binary later")  # read as text before
    assert parsed.article is None and parsed.problems[0].code == "undecodable"
    assert parsed.problems[0].values["reason"].code == "binary-file"


def test_a_utf8_mark_before_bytes_that_are_not_utf8_is_read_as_cp1251_with_the_warning():
    parsed = parse(b"\xef\xbb\xbf" + "# Возврат\n\nДеньги.\n".encode("cp1251"))
    assert parsed.article.title == "Возврат" and parsed.article.encoding == "cp1251"
    assert [p.code for p in parsed.problems] == ["cp1251"]  # replacement characters and no word before
