"""Loading a whole KB: scanning, skipping, bad files, duplicate ids, config."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb_assistant.core.errors import ArticleNotFoundError, KbNotFoundError
from kb_assistant.core.kb.load import load_kb, scan_kb
from kb_assistant.core.kb.config import parse_kb_config


def codes(kb):
    return sorted((p.path, p.code) for p in kb.problems)


def test_scan_skips_hidden_and_underscore_and_non_markdown(write_kb):
    root = write_kb({
        "a.md": "# A",
        "sub/b.md": "# B",
        "_drafts/c.md": "# C",
        ".git/d.md": "# D",
        "_kb.yml": "name: x",
        "_notes.md": "# notes",
        "image.png": b"\x89PNG",
        "readme.txt": "text",
    })
    assert [f.rel_path for f in scan_kb(root).files] == ["a.md", "sub/b.md"]


def test_missing_kb_folder(tmp_path):
    with pytest.raises(KbNotFoundError):
        load_kb(tmp_path / "nope")


def test_one_bad_file_never_stops_the_others(write_kb):
    root = write_kb({
        "good.md": "# Good\n\ntext",
        "broken-yaml.md": "---\ntitle: [\n---\n# Still here\n",
        "binary.md": b"\x00\x01\x02garbage",
        "empty.md": "",
        "legacy.md": "# Старая статья\n\nтекст".encode("cp1251"),
    })
    kb = load_kb(root)
    assert set(kb.articles) == {"good", "broken-yaml", "legacy"}
    assert codes(kb) == [
        ("binary.md", "undecodable"),
        ("broken-yaml.md", "front-matter-yaml"),
        ("empty.md", "empty"),
        ("legacy.md", "cp1251"),
    ]


def test_duplicate_ids_keep_both_articles_reachable(write_kb):
    root = write_kb({
        "a.md": "---\nid: same\n---\n# A",
        "b.md": "---\nid: same\n---\n# B",
    })
    kb = load_kb(root)
    assert kb.get("same").title == "A"
    assert kb.get("b").title == "B"
    problem = next(p for p in kb.problems if p.code == "duplicate-id-fallback")
    assert problem.path == "b.md" and problem.severity == "error"
    assert problem.values == {"id": "same", "other": "a.md", "fallback": "b"}
    assert "a.md" in problem.message and "reachable as 'b'" in problem.message


def test_unreadable_file_is_reported(write_kb, monkeypatch):
    root = write_kb({"secret.md": "# S", "ok.md": "# OK"})
    real_read = Path.read_bytes

    def read_bytes(self):
        # chmod 0 does not stop root (CI runs as root), so refuse the read here
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    kb = load_kb(root)
    assert set(kb.articles) == {"ok"}
    assert codes(kb) == [("secret.md", "unreadable")]


def test_unreadable_file_via_dangling_symlink(write_kb):
    root = write_kb({"ok.md": "# OK"})
    (root / "gone.md").symlink_to(root / "missing-target.md")
    kb = load_kb(root)
    assert set(kb.articles) == {"ok"}
    assert codes(kb) == [("gone.md", "broken-symlink")]


def test_symlink_loop_is_reported_not_followed_forever(write_kb):
    root = write_kb({"sub/a.md": "# A"})
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    kb = load_kb(root)
    assert set(kb.articles) == {"sub/a"}
    assert ("sub/loop", "symlink-loop") in codes(kb)


def test_get_unknown_article():
    from kb_assistant.core.kb.load import KnowledgeBase
    from kb_assistant.core.models import KbConfig

    with pytest.raises(ArticleNotFoundError):
        KnowledgeBase(root=None, config=KbConfig(), articles={}, problems=[]).get("x")


def test_kb_config_is_read(write_kb):
    root = write_kb({
        "_kb.yml": (
            "name: Demo\ndefault_lang: RU\n"
            "synonyms:\n  - [refund, money back, возврат]\n"
            "placeholders:\n  order_id: {en: Order number, ru: Номер заказа}\n"
            "paths:\n  - id: p1\n    title: Start\n    lang: ru\n    articles: [a, b]\n"
        ),
        "a.md": "just text",
    })
    kb = load_kb(root)
    assert kb.config.name == "Demo"
    assert kb.config.default_lang == "ru"
    assert kb.config.synonyms == (("refund", "money back", "возврат"),)
    assert kb.config.placeholder_label("order_id", "ru") == "Номер заказа"
    assert kb.config.paths[0].articles == ("a", "b")
    # the default language is used when the text gives no clue
    assert kb.get("a").lang == "en"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("name: [unclosed", "not valid YAML"),
        ("- just\n- a list", "must be a mapping"),
        ("synonyms: refund", "list of groups"),
        ("synonyms:\n  - [lonely]", "two or more"),
        ("paths:\n  - title: No articles", "needs a 'title'"),
        ("paths: 5", "list of learning paths"),
    ],
)
def test_bad_kb_config_is_reported(text, fragment):
    config, problems = parse_kb_config(text)
    assert problems and fragment in problems[0].message
    assert problems[0].path == "_kb.yml"


def test_bad_synonym_group_keeps_the_rest():
    config, problems = parse_kb_config("synonyms:\n  - [one]\n  - [a, b]\npaths:\n  - {title: T, articles: [x]}\n")
    assert config.synonyms == (("a", "b"),)
    assert len(config.paths) == 1
    assert len(problems) == 1


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_kb_config_text_never_raises(text):
    config, problems = parse_kb_config(text)
    assert all(p.path == "_kb.yml" for p in problems)


def test_parse_cache_reuses_unchanged_files_and_rereads_changed_ones(write_kb, monkeypatch):
    from kb_assistant.core.kb import load as kb_module
    from kb_assistant.core.kb.load import ParseCache

    root = write_kb({"a.md": "# Alpha\n", "b.md": "# Beta\n"})
    cache = ParseCache()
    load_kb(root, cache=cache)
    read = []
    original = kb_module.read_article_file
    monkeypatch.setattr(kb_module, "read_article_file", lambda f, lang="": read.append(f.rel_path) or original(f, lang))
    assert load_kb(root, cache=cache).articles["a"].title == "Alpha" and read == []
    (root / "b.md").write_text("# Beta, longer now\n", encoding="utf-8")
    cache.forget(["b.md"])
    kb = load_kb(root, cache=cache)
    assert read == ["b.md"] and kb.articles["b"].title == "Beta, longer now"
    (root / "a.md").unlink()
    assert "a" not in load_kb(root, cache=cache).articles


def test_parse_cache_rereads_a_file_whose_title_sidecar_changed(write_kb):
    from kb_assistant.core.kb.load import ParseCache

    root = write_kb({"doc.md": "Body only.\n", "doc.meta.json": '{"title": "Old title"}'})
    cache = ParseCache()
    assert load_kb(root, cache=cache).articles["doc"].title == "Old title"
    (root / "doc.meta.json").write_text('{"title": "A new, longer title"}', encoding="utf-8")
    assert load_kb(root, cache=cache).articles["doc"].title == "A new, longer title"
    (root / "doc.meta.json").unlink()
    assert load_kb(root, cache=cache).articles["doc"].title != "A new, longer title"
