"""Which links the article view follows, and how."""

import pytest

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.messages import MESSAGES
from kb_assistant.core.kb.links import link_path, resolve_link
from kb_assistant.core.render.mdext.wikilinks import wikilink_href


@pytest.fixture
def kb(write_kb):
    return load_kb(write_kb({
        "returns/refund.md": "---\nid: refund\n---\n# Refund",
        "returns/item.md": "---\nid: item\n---\n# Item",
        "orders/cancel.md": "---\nid: cancel\n---\n# Cancel",
    }))


@pytest.mark.parametrize(
    "href, kind, target",
    [
        (wikilink_href("cancel"), "article", "cancel"),
        ("item.md", "article", "item"),
        ("../orders/cancel.md#when", "article", "cancel"),
        ("https://shop.example/x", "external", "https://shop.example/x"),
        ("mailto:help@shop.example", "external", "mailto:help@shop.example"),
        ("#section", "anchor", "section"),
        ("javascript:alert(1)", "refused", "javascript:alert(1)"),
        ("file:///etc/passwd", "refused", "file:///etc/passwd"),
        ("../../../etc/passwd", "refused", "../../../etc/passwd"),
        ("/etc/passwd", "refused", "/etc/passwd"),
        ("missing.md", "refused", "missing.md"),
        (wikilink_href("ghost"), "refused", "ghost"),
        ("", "refused", ""),
    ],
)
def test_resolve_link(kb, href, kind, target):
    found = resolve_link(href, kb, "returns/refund.md")
    assert (found.kind, found.target) == (kind, target)
    if kind == "refused":
        assert found.reason.code in MESSAGES and str(found.reason)  # a code the window translates


@pytest.mark.parametrize(
    "from_path, target, expected",
    [
        ("returns/refund.md", "item.md", "returns/item.md"),
        ("returns/refund.md", "./item.md#top", "returns/item.md"),
        ("returns/refund.md", "../orders/cancel.md?x=1", "orders/cancel.md"),
        ("returns/refund.md", "with%20space.md", "returns/with space.md"),
        ("returns/refund.md", "a/../../b.md", "b.md"),
        ("returns/refund.md", "../../outside.md", None),
        ("refund.md", "../x.md", None),
        ("refund.md", "#anchor", ""),
    ],
)
def test_link_path_walks_dot_dot_once_for_the_view_check_and_rename(from_path, target, expected):
    assert link_path(from_path, target) == expected
