"""The article syntax, defined once: the renderer, the scanner and the indexer's plain text agree on it."""

from __future__ import annotations

import re

import pytest

from kb_assistant.core.articles.scan import extract_links, extract_replies, headings
from kb_assistant.core.articles.syntax import (
    atx_heading,
    blank_inline_code,
    inline_code_spans,
    reply_name,
)
from kb_assistant.core.render.markdown import render_article_html
from kb_assistant.core.render.plain import markdown_to_plain

# one line each: the text, and the [[...]] links in it as (id, label or "")
WIKILINK_EXAMPLES: list[tuple[str, list[tuple[str, str]]]] = [
    ("See [[refund]].", [("refund", "")]),
    ("See [[refund|the refund page]].", [("refund", "the refund page")]),
    ("See [[ refund | Refund ]].", [("refund", "Refund")]),
    ("Two: [[a]] and [[b|Bee]].", [("a", ""), ("b", "Bee")]),
    ("Empty: [[]] and [[ ]].", [("", ""), ("", "")]),
    ("Label only: [[|x]].", [("", "x")]),
    ("Empty label: [[c|]].", [("c", "")]),
    ("Pipes in the label: [[d|e|f]].", [("d", "e|f")]),
    ("Brackets around: [[[g]]].", [("g", "")]),
    ("Not links: [[a]b]] [x] [[ [y] ]] [[open", []),
]


def _rendered_links(text: str) -> list[str]:
    return re.findall(r'<a class="wikilink[^"]*" href="kb:([^"]*)"', render_article_html(text))


@pytest.mark.parametrize(("text", "links"), WIKILINK_EXAMPLES)
def test_the_scanner_finds_every_wiki_link_the_syntax_defines(text, links):
    assert [(link.kind, link.target) for link in extract_links([text], 1)] == [("wiki", i) for i, _ in links]


@pytest.mark.parametrize(("text", "links"), WIKILINK_EXAMPLES)
def test_the_renderer_links_the_same_ones_except_empty_ids(text, links):
    assert _rendered_links(text) == [i for i, _ in links if i]
    if any(not i for i, _ in links):
        assert "[[" in render_article_html(text)  # an empty [[ ]] stays text; check reports it


@pytest.mark.parametrize(("text", "links"), WIKILINK_EXAMPLES)
def test_the_plain_text_reads_each_link_as_its_label_else_its_id(text, links):
    plain = markdown_to_plain(text)
    for article_id, label in links:
        assert (label or article_id) in plain
    if links:
        assert "[[" not in plain and "|" not in plain.replace("e|f", "")


def test_links_in_inline_code_and_fenced_code_are_not_links():
    lines = ["`[[a]]` and ``x `[[b]]` y`` and [[c]]", "```", "[[d]]", "```"]
    assert [link.target for link in extract_links(lines, 1)] == ["c"]
    assert _rendered_links("\n".join(lines)) == ["c"]


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        ("a `b` c", [(2, 5)]),
        ("``a ` b`` c", [(0, 9)]),
        ("`a`` b", []),  # a run closes only at a run of the same length
        ("`a` `b`", [(0, 3), (4, 7)]),
        ("no code", []),
        ("`" * 7, []),
    ],
)
def test_inline_code_spans(line, spans):
    assert inline_code_spans(line) == spans
    blanked = blank_inline_code(line)
    assert len(blanked) == len(line)
    assert all(blanked[a:b].strip() == "" for a, b in spans)


@pytest.mark.parametrize(
    ("line", "heading", "reply"),
    [
        ("## Reply: Refund started", (2, "Reply: Refund started"), "Refund started"),
        ("##   ответ :  Возврат  ##", (2, "ответ :  Возврат"), "Возврат"),
        ("## Reply:", (2, "Reply:"), ""),
        ("### Reply: deeper", (3, "Reply: deeper"), None),
        ("# Title #", (1, "Title"), None),
        ("##Reply: no space", None, None),
        ("    ## indented code", None, None),
        ("####### seven", None, None),
    ],
)
def test_headings_and_reply_headings(line, heading, reply):
    assert atx_heading(line) == heading
    assert reply_name(atx_heading(line)) == reply
    assert [(h.level, h.text) for h in headings([line])] == ([heading] if heading else [])


def test_a_reply_heading_without_a_name_is_an_issue_not_a_reply():
    replies, issues = extract_replies(["## Reply:", "text", "## Reply: Named", "more"], 1)
    assert [r.name for r in replies] == ["Named"] and [i.index for i in issues] == [0]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("[" * 2000, ""),
        ("[[" * 2000, ""),
        ("[[a" * 2000, "a" * 2000),
        ("{{" + " " * 3000, "{{ "),
        ("`" * 5000, " "),
        ("\n" * 20000, "\n" * 20000),
    ],
)
def test_hostile_text_is_read_in_linear_time(text, plain):
    # The old patterns took 21 s ("[" * 2000) to minutes ("{{" and spaces) here: every
    # pattern of core.articles.syntax is linear, so these answer at once (no timing asserted).
    assert markdown_to_plain(text) == plain
    assert extract_links(text.split("\n"), 1) == []
    assert headings(text.split("\n")) == []


def test_a_long_heading_line_with_many_closing_marks():
    line = "## " + "# " * 3000 + "x"
    assert atx_heading(line) == (2, ("# " * 3000 + "x"))
