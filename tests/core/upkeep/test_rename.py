"""Renaming and moving articles: every link, translation and learning path follows."""

from __future__ import annotations

import datetime as dt

import pytest

from kb_assistant.core.upkeep import rename as rename_module
from kb_assistant.core.upkeep.check import check_kb
from kb_assistant.core.errors import ArticleNotFoundError
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.errors import ExternalChangeError, RenameError, RenameFailedError
from kb_assistant.core.upkeep.rename import apply_rename, plan_rename

TODAY = dt.date(2026, 11, 27)
LINK_CODES = {"broken-link", "broken-translation", "broken-path"}

KB = {
    "_kb.yml": "name: Test\npaths:\n  - title: Start here\n    lang: en\n    articles: [pay/refund, ship/delivery]\n",
    "pay/refund.md": (
        "---\nlang: en\ntranslations: {ru: vozvrat}\n---\n# Refund\n\n"
        "Ship first: [delivery](../ship/delivery.md), also [[ship/delivery]].\n"
        "Back to [the top](refund.md#top) or [here](./refund.md). Self: [[pay/refund]].\n"
        "![chart](chart.png) [web](https://example.org/a.md)\n"
        "[ref]: ../ship/delivery.md\n"
    ),
    "pay/chart.png": b"\x89PNG\r\n\x1a\n",
    "ship/delivery.md": (
        "# Delivery\n\nRefunds: [[pay/refund]] and [[ pay/refund |the refund page]].\n"
        "Read [refund rules](../pay/refund.md#reply) or `[[pay/refund]]` in code.\n\n"
        "```markdown\n[[pay/refund]] and [x](../pay/refund.md)\n```\n"
    ),
    "ru/vozvrat.md": (
        "---\nid: vozvrat\nlang: ru\ntranslations:\n  en: pay/refund   # English\n---\n# Возврат\n\nТекст.\n"
    ),
    "root.md": "# Root\n\n[Refund](pay/refund.md) [[pay/refund|Refund]]\n",
}


def link_problems(root):
    return [p.format() for p in check_kb(load_kb(root), TODAY) if p.code in LINK_CODES]


def test_moving_an_article_fixes_every_link(write_kb):
    root = write_kb(KB)
    assert link_problems(root) == []
    kb = load_kb(root)
    plan = plan_rename(kb, "pay/refund", "money/back/refund.md")
    assert (plan.old_id, plan.new_id, plan.old_path, plan.new_path) == (
        "pay/refund", "money/back/refund", "pay/refund.md", "money/back/refund.md")
    assert plan.breaking == ()
    assert sorted(e.rel_path for e in plan.edits) == [
        "_kb.yml", "pay/refund.md", "root.md", "ru/vozvrat.md", "ship/delivery.md"]
    assert plan.edit_for("ship/delivery.md").lines == (3, 4)

    changed = apply_rename(root, plan)
    assert changed[0] == "money/back/refund.md"
    assert sorted(changed[1:]) == ["_kb.yml", "root.md", "ru/vozvrat.md", "ship/delivery.md"]
    assert not (root / "pay" / "refund.md").exists()

    kb = load_kb(root)
    assert link_problems(root) == []
    moved = kb.get("money/back/refund")
    assert moved.path == "money/back/refund.md" and "pay/refund" not in kb.articles
    assert kb.by_path("money/back/refund.md").id == "money/back/refund"
    assert dict(kb.get("vozvrat").translations) == {"en": "money/back/refund"}
    assert kb.config.paths[0].articles == ("money/back/refund", "ship/delivery")

    delivery = (root / "ship" / "delivery.md").read_text(encoding="utf-8")
    assert "[[money/back/refund]] and [[ money/back/refund |the refund page]]" in delivery
    assert "[refund rules](../money/back/refund.md#reply)" in delivery
    assert "`[[pay/refund]]` in code" in delivery   # inline code untouched
    assert "```markdown\n[[pay/refund]] and [x](../pay/refund.md)\n```" in delivery   # fenced code untouched
    own = (root / "money" / "back" / "refund.md").read_text(encoding="utf-8")
    assert "[delivery](../../ship/delivery.md)" in own
    assert "[the top](refund.md#top) or [here](./refund.md). Self: [[money/back/refund]]" in own
    assert "![chart](../../pay/chart.png)" in own and "(https://example.org/a.md)" in own
    assert "[ref]: ../../ship/delivery.md" in own
    assert "  en: money/back/refund # English" in (root / "ru" / "vozvrat.md").read_text(encoding="utf-8")
    assert (root / "root.md").read_text(encoding="utf-8") == (
        "# Root\n\n[Refund](money/back/refund.md) [[money/back/refund|Refund]]\n")


def test_an_explicit_id_stays_and_only_paths_change(write_kb):
    root = write_kb({
        "a/card.md": "---\nid: refund-card\n---\n# Card\n\n[b](../b.md)\n",
        "b.md": "# B\n\n[[refund-card]] [card](a/card.md)\n",
    })
    plan = plan_rename(load_kb(root), "refund-card", "c/d/card.md")
    assert plan.new_id == "refund-card"
    assert [(e.rel_path, e.lines) for e in plan.edits] == [("a/card.md", (6,)), ("b.md", (3,))]
    apply_rename(root, plan)
    assert link_problems(root) == []
    assert load_kb(root).get("refund-card").path == "c/d/card.md"
    assert (root / "b.md").read_text() == "# B\n\n[[refund-card]] [card](c/d/card.md)\n"


def test_a_new_id_replaces_the_id_line(write_kb):
    root = write_kb({
        "card.md": "---\nid: refund-card   # keep me\ntitle: Card\n---\n# Card\n",
        "b.md": "---\ntranslations: {ru: refund-card, de: x}\n---\n# B\n\n[[refund-card]]\n",
        "x.md": "# X\n",
    })
    plan = plan_rename(load_kb(root), "refund-card", "card-2.md", new_id="card: new")
    apply_rename(root, plan)
    assert (root / "card-2.md").read_text().startswith("---\nid: 'card: new'   # keep me\ntitle: Card\n")
    assert (root / "b.md").read_text() == "---\ntranslations: {ru: 'card: new', de: x}\n---\n# B\n\n[[card: new]]\n"
    kb = load_kb(root)
    assert kb.get("card: new").path == "card-2.md"
    assert [p for p in link_problems(root) if "x" not in p] == []


def test_keeping_a_path_based_id_adds_an_id_line(write_kb):
    root = write_kb({"old.md": "# Old\n", "fm.md": "---\ntitle: FM\n---\nbody\n", "b.md": "[[old]] [[fm]]\n# B\n"})
    kb = load_kb(root)
    plan = plan_rename(kb, "old", "new/place.md", new_id="old")
    assert plan.old_id == plan.new_id == "old" and plan.edit_for("b.md") is None
    apply_rename(root, plan)
    assert (root / "new" / "place.md").read_text() == "---\nid: old\n---\n# Old\n"
    plan = plan_rename(load_kb(root), "fm", "fm2.md", new_id="fm")
    apply_rename(root, plan)
    assert (root / "fm2.md").read_text() == "---\nid: fm\ntitle: FM\n---\nbody\n"
    assert link_problems(root) == []


@pytest.mark.parametrize(("new_path", "message"), [
    ("../out.md", "leaves the knowledge base"),
    ("/etc/x.md", "relative to the knowledge base"),
    ("a/notes.txt", "must end with '.md'"),
    ("_drafts/a.md", "'_drafts' starts with '_' or '.'"),
    ("a/.hidden.md", "'.hidden.md' starts with"),
    ("b.md", "already exists"),
    ("b.md/c.md", "'b.md' is a file, not a folder"),
    ("a.md", "already the article's path"),
    ("a//c.md", "empty or '.' folder name"),
    ("", "empty"),
])
def test_bad_new_paths_are_refused(write_kb, new_path, message):
    root = write_kb({"a.md": "# A\n", "b.md": "# B\n"})
    with pytest.raises(RenameError) as caught:
        plan_rename(load_kb(root), "a", new_path)
    assert message in str(caught.value) and "a.md" in str(caught.value)
    assert caught.value.code.startswith(("rename-path-", "rename-target-"))
    assert caught.value.values["path"] == "a.md" and caught.value.values["new_path"] == new_path


def test_taken_and_bad_ids_are_refused(write_kb):
    root = write_kb({"a.md": "# A\n", "b.md": "# B\n", "x/a.md": "---\nid: c/a\n---\n# taken\n"})
    kb = load_kb(root)
    with pytest.raises(RenameError, match="'b' is already used by b.md"):
        plan_rename(kb, "a", "c.md", new_id="b")
    with pytest.raises(RenameError, match="'c/a' is already used by x/a.md"):
        plan_rename(kb, "a", "c/a.md")
    with pytest.raises(RenameError, match="cannot be an id"):
        plan_rename(kb, "a", "d.md", new_id="x|y")
    with pytest.raises(ArticleNotFoundError):
        plan_rename(kb, "nope", "d.md")


def test_what_cannot_be_fixed_is_listed_before_anything_happens(write_kb):
    root = write_kb({
        "a.md": "# A\n",
        # PyYAML reads a duplicate key (the last wins), the round-trip editor refuses it
        "dup.md": "---\ntranslations: {ru: a}\ntitle: D\ntranslations: {ru: a}\n---\n# Dup\n\n[[a]]\n",
        "odd.md": "---\nbase: &x a\ntranslations: {ru: *x}\n---\n# Odd\n\n[[a]]\n",
        "multi.md": "---\ntranslations: {\n  ru: a }\n---\n# Multi\n",
        "broken.md": "---\nid: broken\n# never closed\n[[a]]\n",
    })
    plan = plan_rename(load_kb(root), "a", "b.md")
    assert [(p.path, p.line, p.code) for p in plan.breaking] == [("dup.md", 2, "rename-translation")]
    assert "translation 'a' could not be updated automatically; change it to 'b' by hand" in plan.breaking[0].message
    assert plan.edit_for("dup.md").new_text.startswith("---\ntranslations: {ru: a}\ntitle: D\ntranslations: {ru: a}\n")
    # the wiki link in dup.md is still fixed
    assert plan.edit_for("dup.md").new_text.endswith("[[b]]\n")
    # through the ruamel document, only the translations entry changes (the alias's anchor stays)
    assert plan.edit_for("odd.md").new_text == "---\nbase: &x a\ntranslations: {ru: b}\n---\n# Odd\n\n[[b]]\n"
    assert plan.edit_for("multi.md").new_text == "---\ntranslations: {ru: b}\n---\n# Multi\n"
    assert plan.edit_for("broken.md").new_text.endswith("[[b]]\n")


def test_encodings_and_line_endings_are_kept(write_kb):
    root = write_kb({
        "a.md": "# A\n",
        "cp.md": "# Статья\r\n\r\nСм. [[a]]\r\n".encode("cp1251"),
        "u16.md": "# Ю\r\n[[a]]\r\n".encode("utf-16"),
    })
    apply_rename(root, plan_rename(load_kb(root), "a", "новая.md"))
    assert (root / "u16.md").read_bytes() == "# Ю\r\n[[новая]]\r\n".encode("utf-16")
    assert (root / "cp.md").read_bytes() == "# Статья\r\n\r\nСм. [[новая]]\r\n".encode("cp1251")


def test_a_new_id_cp1251_cannot_store_is_reported(write_kb):
    root = write_kb({"a.md": "# A\n", "cp.md": "# Статья\n[[a]]\n".encode("cp1251")})
    plan = plan_rename(load_kb(root), "a", "a-🎉.md")
    assert [(p.path, p.line, p.code) for p in plan.breaking] == [("cp.md", 2, "rename-encoding")]
    assert plan.edit_for("cp.md") is None


def test_relative_links_with_spaces_are_encoded(write_kb):
    root = write_kb({"a.md": "# A\n", "b.md": "[a](a.md)\n"})
    plan = plan_rename(load_kb(root), "a", "my folder/a (1).md")
    assert plan.edit_for("b.md").new_text == "[a](my%20folder/a%20%281%29.md)\n"


def test_a_change_since_planning_stops_before_anything_is_written(write_kb):
    root = write_kb(KB)
    plan = plan_rename(load_kb(root), "pay/refund", "money/refund.md")
    (root / "root.md").write_text("# Root\n\nrewritten by a colleague [[pay/refund]]\n")
    with pytest.raises(ExternalChangeError):
        apply_rename(root, plan)
    assert (root / "pay" / "refund.md").exists() and not (root / "money").exists()
    assert (root / "ship" / "delivery.md").read_text() == KB["ship/delivery.md"]


def test_a_failure_midway_names_the_changed_files(write_kb, monkeypatch):
    root = write_kb(KB)
    plan = plan_rename(load_kb(root), "pay/refund", "money/refund.md")
    real_save = rename_module.save_text

    def failing_save(path, text, snapshot, **kwargs):
        if path.name == "delivery.md":
            raise OSError(13, "Permission denied")
        return real_save(path, text, snapshot, **kwargs)

    monkeypatch.setattr(rename_module, "save_text", failing_save)
    with pytest.raises(RenameFailedError) as caught:
        apply_rename(root, plan)
    error = caught.value
    assert error.changed == ("money/refund.md", "_kb.yml", "root.md", "ru/vozvrat.md")
    assert error.pending == ("ship/delivery.md",)
    assert "ship/delivery.md could not be updated: Permission denied" in str(error)  # the system's own reason
    assert "Changed: money/refund.md, _kb.yml, root.md, ru/vozvrat.md" in str(error)


def test_a_failed_move_restores_the_article(write_kb, monkeypatch):
    root = write_kb(KB)
    plan = plan_rename(load_kb(root), "pay/refund", "money/refund.md")

    def no_replace(*args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(rename_module.os, "replace", no_replace)
    with pytest.raises(RenameFailedError, match="nothing was changed") as caught:
        apply_rename(root, plan)
    monkeypatch.undo()
    assert caught.value.changed == ()
    for rel, content in KB.items():
        if isinstance(content, str):
            assert (root / rel).read_text(encoding="utf-8") == content, rel


def test_a_sidecar_title_follows_the_article(write_kb):
    root = write_kb({"x/a.md": "body only\n", "x/a.meta.json": '{"title": "From sidecar"}'})
    apply_rename(root, plan_rename(load_kb(root), "x/a", "y/a.md"))
    assert load_kb(root).get("y/a").title == "From sidecar"


def test_only_learning_path_entries_change_in_kb_yml(write_kb):
    kb_yml = (
        "name: refund\nsynonyms:\n  - [refund, money back]\npaths:\n"
        "  - title: refund\n    lang: en\n    description: start with refund\n"
        "    articles:\n      - refund   # first\n      - other\n"
        "  - {title: Short, lang: en, articles: [other, 'refund']}\n"
    )
    root = write_kb({"_kb.yml": kb_yml, "refund.md": "# Refund\n", "other.md": "# Other\n"})
    plan = plan_rename(load_kb(root), "refund", "money/refund.md")
    assert plan.breaking == ()
    assert plan.edit_for("_kb.yml").new_text == kb_yml.replace(
        "      - refund   # first", "      - money/refund   # first").replace("'refund'", "money/refund")
    apply_rename(root, plan)
    config = load_kb(root).config
    assert [p.articles for p in config.paths] == [("money/refund", "other"), ("other", "money/refund")]
    assert config.name == "refund" and config.paths[0].description == "start with refund"
