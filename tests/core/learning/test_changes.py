"""What changed since the last look: by content, named sections, no flood on a first start."""

from __future__ import annotations

import os

import pytest

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.changes import (
    FRONT_MATTER,
    INTRO,
    ArticleSnapshot,
    changes_since,
    section_hashes,
    take_snapshot,
)
from kb_assistant.core.learning.sections import split_sections

REFUND = """\
---
id: refund
tags: [money]
reviewed: 2026-01-01
---
# Refund

Intro text.

## How long
3–10 days.

### Detail
kept inside "How long".

## Reply: Started
Hello!
"""


@pytest.fixture
def root(write_kb):
    return write_kb({"refund.md": REFUND, "other.md": "# Other\n\ntext\n", "gone.md": "# Gone\n"})


def edit(root, name, old, new):
    path = root / name
    path.write_bytes(path.read_bytes().replace(old.encode(), new.encode()))


def summary(changes):
    return [(c.kind, c.article_id, c.sections_changed, c.sections_added, c.sections_removed) for c in changes]


def test_sections_cover_every_line():
    lines = REFUND.split("\n")[5:]
    sections = split_sections(lines)
    assert [(s.title, s.level) for s in sections] == [("Refund", 1), ("How long", 2), ("Reply: Started", 2)]
    assert sum(s.end - s.start for s in sections) == len(lines)
    assert [(s.level, s.start, s.end) for s in split_sections(["text", "## A", "b"])] == [(0, 0, 1), (2, 1, 3)]
    assert split_sections([]) == []


def test_section_names():
    kb_article = load_kb_text("---\nid: x\n---\nlead\n# Title\nintro\n## A\n1\n## A\n2\n# Second top\n3\n")
    assert [name for name, _ in section_hashes(kb_article)] == [FRONT_MATTER, INTRO, "A", "A (2)", "Second top"]


def load_kb_text(text):
    from kb_assistant.core.articles.parse import parse_article_bytes

    return parse_article_bytes(text.encode(), "x.md").article


def test_edit_names_the_section(root):
    before = take_snapshot(load_kb(root))
    edit(root, "refund.md", "3–10 days.", "3–12 days.")
    edit(root, "refund.md", "## Reply: Started\nHello!", "## Reply: Delayed\nSorry!")
    assert summary(changes_since(before, load_kb(root))) == [
        ("changed", "refund", ("How long",), ("Reply: Delayed",), ("Reply: Started",)),
    ]


def test_subsection_intro_and_front_matter_edits(root):
    before = take_snapshot(load_kb(root))
    edit(root, "refund.md", "kept inside", "still inside")
    edit(root, "refund.md", "Intro text.", "New intro.")
    edit(root, "refund.md", "tags: [money]", "tags: [money, cards]")
    [change] = changes_since(before, load_kb(root))
    assert change.sections_changed == (FRONT_MATTER, INTRO, "How long")
    assert change.sections == change.sections_changed


def test_added_and_deleted(root):
    before = take_snapshot(load_kb(root))
    (root / "gone.md").unlink()
    (root / "new.md").write_text("# New one\n", encoding="utf-8")
    changes = changes_since(before, load_kb(root))
    assert [(c.kind, c.article_id, c.title, c.path) for c in changes] == [
        ("deleted", "gone", "Gone", "gone.md"),
        ("added", "new", "New one", "new.md"),
    ]


def test_touch_line_endings_and_review_date_are_not_news(root):
    before = take_snapshot(load_kb(root))
    os.utime(root / "other.md", ns=(1, 1))
    path = root / "refund.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    edit(root, "refund.md", "reviewed: 2026-01-01", "reviewed: 2026-11-27")
    kb = load_kb(root)
    assert kb.articles["refund"].content_hash != before.by_id()["refund"].content_hash
    assert changes_since(before, kb) == []


def test_renamed_title_and_moved_file(root):
    before = take_snapshot(load_kb(root))
    text = (root / "refund.md").read_text(encoding="utf-8").replace("# Refund", "# Card refund")
    (root / "refund.md").unlink()
    (root / "money").mkdir()
    (root / "money" / "refund.md").write_text(text, encoding="utf-8")
    [change] = changes_since(before, load_kb(root))
    assert (change.kind, change.path, change.title, change.old_title) == (
        "changed", "money/refund.md", "Card refund", "Refund")
    assert INTRO in change.sections_changed


def test_first_start_reports_nothing(root):
    assert changes_since(None, load_kb(root)) == []


def test_snapshot_json_round_trip(root):
    snapshot = take_snapshot(load_kb(root))
    for article in snapshot.articles:
        assert ArticleSnapshot.from_json(article.id, article.to_json()) == article
    for bad in ([], {"path": "a", "title": "b", "hash": "c", "sections": [["x"]]}, {"path": 1}):
        with pytest.raises(ValueError):
            ArticleSnapshot.from_json("a", bad)
