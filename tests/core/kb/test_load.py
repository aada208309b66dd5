"""Loading a whole KB: scanning, skipping, bad files, duplicate ids, config."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb_assistant.core.errors import ArticleNotFoundError, KbNotFoundError
from kb_assistant.core.kb.load import load_kb, scan_kb
from kb_assistant.core.kb.config import parse_kb_config
from tests.hostile.corpus import alias_bomb


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
    from kb_assistant.core.kb import load

    root = write_kb({"secret.md": "# S", "ok.md": "# OK"})
    real_read = load.read_limited

    def read_limited(path, limit):
        # chmod 0 does not stop root (CI runs as root), so refuse the read here
        if Path(path).name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return real_read(path, limit)

    monkeypatch.setattr(load, "read_limited", read_limited)
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


def test_category_labels_per_language(write_kb):
    root = write_kb({
        "_kb.yml": (
            "categories:\n  delivery: {ru: Доставка, en: Delivery}\n  returns: Возвраты\n"
            "  account/security: {ru: Безопасность}\n  account: {ru: Аккаунт, en: Account}\n"
            "  broken: [a, b]\n"
        ),
        "delivery/a.md": "# A",
    })
    kb = load_kb(root)
    config = kb.config
    assert config.category_label("delivery", "ru") == "Доставка"
    assert config.category_label("delivery", "en") == "Delivery"
    assert config.category_label("returns", "en") == "Возвраты"  # one label for every language
    assert config.category_label("account/security", "en") == "Безопасность"  # the only label there is
    assert config.category_label("account/billing", "ru") == "Аккаунт / billing"  # folder by folder
    assert config.category_label("payments", "ru") == "payments"  # no label: the folder name
    assert [p.code for p in kb.problems if p.path == "_kb.yml"] == ["kb-config-category"]


def test_categories_that_are_not_a_mapping_are_reported(write_kb):
    kb = load_kb(write_kb({"_kb.yml": "categories: [delivery]\n", "a.md": "# A"}))
    assert kb.config.categories == ()
    assert [p.code for p in kb.problems if p.path == "_kb.yml"] == ["kb-config-categories"]


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


# -- issue 16: links out of the KB, title sidecars, _kb.yml, sizes --------------------------------

@pytest.fixture
def outside(tmp_path):
    """A private folder beside the KB, holding what no agent may ever see."""
    folder = tmp_path / "home"
    (folder / "etc").mkdir(parents=True)
    (folder / "credentials").write_text("# Keys\n\naws_secret_access_key quetzalcoatl\n")
    (folder / "etc" / "passwd.md").write_text("# Passwd\n\nroot quetzalcoatl\n")
    (folder / "meta.json").write_text('{"title": "quetzalcoatl"}')
    return folder


def test_links_out_of_the_kb_are_skipped_with_a_located_warning(write_kb, outside):
    root = write_kb({"good.md": "# Good", "sub/ok.md": "# Ok"})
    (root / "notes.md").symlink_to(outside / "credentials")
    (root / "etc").symlink_to(outside / "etc")
    (root / "sub" / "up").symlink_to(outside)
    scan = scan_kb(root)
    assert [f.rel_path for f in scan.files] == ["good.md", "sub/ok.md"]
    assert sorted((p.path, p.code, p.severity) for p in scan.problems) == [
        ("etc", "symlink-outside-kb", "warning"), ("notes.md", "symlink-outside-kb", "warning"),
        ("sub/up", "symlink-outside-kb", "warning")]
    assert str(outside / "credentials") in next(p.message for p in scan.problems if p.path == "notes.md")
    assert all(str(outside) not in folder for folder in scan.folders)  # never watched either
    kb = load_kb(root)
    assert set(kb.articles) == {"good", "sub/ok"}


def test_links_inside_the_kb_keep_working_and_loops_stay_reported(write_kb):
    root = write_kb({"v2/guide.md": "# Guide", "sub/a.md": "# A"})
    (root / "latest.md").symlink_to(root / "v2" / "guide.md")
    (root / "sub" / "loop").symlink_to(root / "sub")
    kb = load_kb(root)
    assert set(kb.articles) == {"latest", "v2/guide", "sub/a"}
    assert codes(kb) == [("sub/loop", "symlink-loop")]


def test_a_sidecar_that_leads_out_or_cannot_be_used_gives_no_title(write_kb, outside):
    root = write_kb({
        "linked.md": "No heading.", "deep.md": "No heading.", "digits.md": "No heading.", "good.md": "No heading.",
        "deep.meta.json": "[" * 100_000,  # RecursionError before, for the whole KB
        "digits.meta.json": '{"title": ' + "9" * 5000 + "}",
        "good.meta.json": '{"title": "Exported title"}',
    })
    (root / "linked.meta.json").symlink_to(outside / "meta.json")
    kb = load_kb(root)
    assert kb.get("good").title == "Exported title"
    assert {kb.get(name).title for name in ("linked", "deep", "digits")} == {"linked", "deep", "digits"}
    found = {p.path: (p.code, p.values.get("reason")) for p in kb.problems if p.path.endswith(".meta.json")}
    assert found["linked.meta.json"][0] == "symlink-outside-kb"
    assert found["deep.meta.json"] == ("sidecar-unusable", found["deep.meta.json"][1])
    assert found["deep.meta.json"][1].code == "json-too-deep"
    assert found["digits.meta.json"][1].code == "json-number-too-long"


def test_a_kb_yml_that_is_no_file_or_leads_out_is_reported(write_kb, outside):
    root = write_kb({"a.md": "# A"})
    (root / "_kb.yml").mkdir()
    assert ("_kb.yml", "kb-config-not-file") in codes(load_kb(root))  # ignored silently before
    (root / "_kb.yml").rmdir()
    (outside / "kb.yml").write_text("name: quetzalcoatl\n")
    (root / "_kb.yml").symlink_to(outside / "kb.yml")
    kb = load_kb(root)
    assert kb.config.name == "" and ("_kb.yml", "symlink-outside-kb") in codes(kb)


def test_an_undecodable_file_name_is_reported_and_skipped(write_kb):
    root = write_kb({"a.md": "# A"})
    (root / b"\xff\xfe.md".decode("utf-8", "surrogateescape")).write_text("# Odd")
    kb = load_kb(root)
    assert set(kb.articles) == {"a"} and codes(kb) == [("\\xff\\xfe.md", "undecodable-name")]


def test_a_huge_file_is_refused_by_its_size_without_being_read(write_kb, monkeypatch):
    from kb_assistant.core.kb import load

    root = write_kb({"a.md": "# A", "dump.md": b"x" * (5 * 1024 * 1024)})
    monkeypatch.setattr(load, "read_limited", lambda path, limit: pytest.fail(f"read {path}") if "dump" in str(path)
                        else open(path, "rb").read())
    kb = load_kb(root)
    [problem] = kb.problems
    assert (problem.path, problem.code, problem.values["size_kib"]) == ("dump.md", "too-large", 5120)


@pytest.mark.parametrize("key", ["synonyms", "paths", "placeholders", "name"])
def test_a_kb_yml_bomb_drops_its_key_and_keeps_the_others(key):
    bomb = alias_bomb("x", 6) + "\n"  # 9**6 items: past the bound, yet no hang if that regresses
    keep = {"synonyms": "synonyms: [[refund, money back]]\n", "name": "name: Shopwave\n"}
    text = bomb + "".join(line for name, line in keep.items() if name != key) + f"{key}: [*l5, *l5]\n"
    config, problems = parse_kb_config(text)  # 8 GB and minutes in check before
    assert [(p.code, p.values["key"]) for p in problems] == [("kb-config-too-big", key)]
    assert (config.name == "Shopwave") == (key != "name") and bool(config.synonyms) == (key != "synonyms")
