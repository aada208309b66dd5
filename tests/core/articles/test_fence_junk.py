"""A whole ``---`` with words typed after it, and a stray byte-order mark, are damaged openings too (issue 12)."""

from __future__ import annotations

import pytest

from kb_assistant.core.articles.fence import damaged_opening

BLOCK = "id: refund\ntitle: Refund\nquestions:\n  - where is my money\n"
BODY = "# Refund\n\nRefunds take days.\n"


@pytest.mark.parametrize("first", [
    "--- front matter",  # a note typed after the fence
    "---- metadata ----",
    "---  # the article's properties",
    "\ufeff---",  # a second byte-order mark, left after decoding removed the first
    "\ufeff ---",
])
def test_a_fence_with_more_after_it_is_damaged(first):
    assert damaged_opening(first + "\n" + BLOCK + "---\n" + BODY) == 6


@pytest.mark.parametrize("text", [
    "--- a line of dashes and words\n\nJust text.\n---\n",  # no mapping below it: Markdown
    "----------- notes\nSee: the manual\n---\n",  # a mapping, but of no article key
])
def test_dashes_and_words_above_no_front_matter_are_left_alone(text):
    assert damaged_opening(text) is None
