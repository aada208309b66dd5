"""A damaged opening ``---`` is recognised, and plain Markdown is left alone (issue 12)."""

from __future__ import annotations

import pytest

from kb_assistant.core.articles.fence import damaged_opening
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.errors import FrontMatterBroken

BLOCK = "id: refund\ntitle: Refund\n# a comment\ntags: [refunds]\nquestions:\n  - where is my money\n"
BODY = "# Refund\n\nRefunds take days.\n"


@pytest.mark.parametrize("text, closing", [
    ("--\n" + BLOCK + "---\n" + BODY, 8),  # a dash deleted
    ("----\n" + BLOCK + "---\n" + BODY, 8),  # one typed too many
    ("---x\n" + BLOCK + "---\n" + BODY, 8),  # a letter typed onto it
    (" ---\n" + BLOCK + "---\n" + BODY, 8),  # indented
    ("\u2014\n" + BLOCK + "---\n" + BODY, 8),  # autocorrected into an em dash
    ("---id: refund\n" + BLOCK.split("\n", 1)[1] + "---\n" + BODY, 7),  # its line break deleted
    (BLOCK + "---\n" + BODY, 7),  # the line deleted
    ("\n---\n" + BLOCK + "---\n" + BODY, 9),  # an empty line typed above it
    ("--\n" + BLOCK + "...\n" + BODY, 8),  # closed by "..."
])
def test_a_damaged_opening_line_is_found_with_the_closing_line(text, closing):
    assert damaged_opening(text) == closing
    assert text.split("\n")[closing - 1] in ("---", "...")


@pytest.mark.parametrize("text", [
    "---\n" + BLOCK + "---\n" + BODY,  # front matter as it should be
    BODY,  # no front matter at all
    "# Title\n\nText.\n\n---\n\nMore text.\n",  # a thematic break
    "Note: read this\n---\nA setext heading above.\n",  # unknown key: Markdown
    "--\nhello world\n---\n",  # prose between the lines
    "- item one\n- item two\n---\n",  # a list
    "---\n" + BLOCK,  # unclosed: reported by the reader already
    "", "\n\n\n",
])
def test_plain_markdown_and_good_front_matter_are_not_flagged(text):
    assert damaged_opening(text) is None


def test_a_document_with_a_damaged_opening_is_never_edited():
    text = "--\n" + BLOCK + "---\n" + BODY
    doc = FrontMatterDocument.parse(text)
    assert doc.error is not None and doc.error_line == 1 and doc.opening_damaged == 8
    with pytest.raises(FrontMatterBroken):
        doc.set("title", "Other")  # before: a second block was put above the damaged one
    assert doc.to_text() == text


def test_a_file_without_front_matter_still_gets_a_block():
    doc = FrontMatterDocument.parse(BODY)
    assert doc.error is None and doc.opening_damaged is None
    doc.set("title", "Refund")
    assert doc.to_text() == "---\ntitle: Refund\n---\n" + BODY
