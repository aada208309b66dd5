"""KB-wide checks: links, translations, placeholders, paths, stale reviews."""

from __future__ import annotations

import datetime as dt

from kb_assistant.core.upkeep.check import check_kb, relative_link_problem
from kb_assistant.core.kb.load import load_kb

TODAY = dt.date(2026, 11, 27)


def problems_of(root):
    return [(p.path, p.line, p.severity, p.code) for p in check_kb(load_kb(root), TODAY)]


def test_translations_must_exist_and_match_language(write_kb):
    root = write_kb({
        "a.md": "---\nid: a\nlang: en\ntranslations: {ru: a-ru, de: a-de}\n---\n# A\n",
        "a-ru.md": "---\nid: a-ru\nlang: en\ntranslations: {en: a}\n---\n# A ru\n",
    })
    found = problems_of(root)
    assert ("a.md", 1, "error", "broken-translation") in found
    assert ("a.md", 1, "warning", "translation-lang") in found


def test_relative_links(write_kb):
    root = write_kb({"x/a.md": "# A\n\n[ok](../b.md) [anchor](#top) [web](https://e.org) [bad](c.md) [out](../../etc/passwd)\n",
                     "b.md": "# B"})
    found = [(p.code, p.message) for p in check_kb(load_kb(root), TODAY)]
    assert found == [
        ("link-missing-file", "link 'c.md' points to a file that does not exist"),
        ("link-outside-kb", "link '../../etc/passwd' leads outside the knowledge base"),
    ]


def test_wiki_links_empty_missing_and_misspelt(write_kb):
    root = write_kb({"a.md": "# A\n\n[[ ]] [[ghost]] [[refund-crad]]\n", "refund-card.md": "# R"})
    found = [(p.code, p.values, p.message) for p in check_kb(load_kb(root), TODAY)]
    assert found == [
        ("empty-link", {}, "empty [[ ]] link"),
        ("broken-link", {"target": "ghost"}, "[[ghost]] points to no article"),
        ("broken-link-similar", {"target": "refund-crad", "suggestion": "refund-card"},
         "[[refund-crad]] points to no article (did you mean 'refund-card'?)"),
    ]


def test_relative_link_with_anchor_and_query(tmp_path):
    (tmp_path / "b.md").write_text("# B")
    assert relative_link_problem(tmp_path, "a.md", "b.md#part") == ""
    assert relative_link_problem(tmp_path, "a.md", "b.md?x=1") == ""


def test_placeholders(write_kb):
    root = write_kb({
        "_kb.yml": "placeholders: [order_id]\n",
        "a.md": (
            "---\nid: a\nplaceholders: [local_name]\n---\n# A\n\n## Reply: R\n"
            "{{order_id}} {{local_name}} {{agent_name}} {{undeclared}}\n{{order_idd}} {{Bad}} {{unclosed\n"
        ),
        "s.md": "---\ntype: snippet\n---\n# S\n\nHi {{nobody_knows}}\n",
    })
    found = problems_of(root)
    assert ("a.md", 8, "warning", "undeclared-placeholder") in found
    assert ("a.md", 9, "error", "unknown-placeholder") in found     # order_idd: did you mean
    assert sum(1 for f in found if f[3] == "bad-placeholder") == 2   # {{Bad}} and {{unclosed
    assert ("s.md", 6, "warning", "undeclared-placeholder") in found
    assert not any(f[3] == "unknown-placeholder" and f[1] == 8 and f[2] == "error" for f in found)


def test_a_bad_placeholder_names_its_reply_and_says_what_is_wrong(write_kb):
    root = write_kb({
        "a.md": "# A\n\n## Reply: Refund\nHi {{Order Id}} {{x\n",
        "s.md": "---\ntype: snippet\ntitle: Greeting\n---\n# Greeting\n\nHi {{}}\n",
    })
    found = [(p.path, p.values["reply"], p.values["issue"].code, p.message)
             for p in check_kb(load_kb(root), TODAY) if p.code == "bad-placeholder"]
    assert found == [
        ("a.md", "Refund", "placeholder-invalid-name-hint",
         "reply 'Refund': invalid placeholder name 'Order Id': use a-z, 0-9 and _ (e.g. {{order_id}})"),
        ("a.md", "Refund", "placeholder-unclosed", "reply 'Refund': '{{' without a closing '}}' on the same line"),
        ("s.md", "Greeting", "placeholder-empty-name", "reply 'Greeting': placeholder without a name: {{}}"),
    ]


def test_undeclared_placeholders_are_fine_when_the_kb_declares_none(write_kb):
    root = write_kb({"a.md": "# A\n\n## Reply: R\nHello {{customer_name}}\n"})
    assert problems_of(root) == []


def test_learning_paths_are_checked(write_kb):
    root = write_kb({
        "_kb.yml": "paths:\n  - {title: Start, lang: ru, articles: [a, ghost]}\n",
        "a.md": "---\nid: a\nlang: en\n---\n# A",
    })
    found = problems_of(root)
    assert ("_kb.yml", None, "error", "broken-path") in found
    assert ("_kb.yml", None, "warning", "path-lang") in found


def test_stale_is_a_warning(write_kb):
    root = write_kb({"a.md": "---\nreviewed: 2026-01-01\nreview_every: 30\n---\n# A"})
    assert problems_of(root) == [("a.md", 1, "warning", "stale")]


def test_check_text_reports_problems_of_unsaved_text_with_lines(write_kb):
    from kb_assistant.core.upkeep.check import check_text

    kb = load_kb(write_kb({"a.md": "---\nid: a\n---\n# A", "b.md": "---\nid: b\n---\n# B"}))
    text = "---\nid: a\ntitle: [\n---\n# Draft\n\nSee [[ghost]].\n\n## Reply: R\nHi {{Bad}}\n"
    found = [(p.line, p.code) for p in check_text(text, "b.md", kb, TODAY)]
    assert (4, "front-matter-yaml") in found
    assert (7, "broken-link") in found
    assert (10, "bad-placeholder") in found
    clean = check_text("---\nid: b\n---\n# B\n\nSee [[a]].\n", "b.md", kb, TODAY)
    assert clean == []
    duplicate = check_text("---\nid: a\n---\n# Copy\n", "c.md", kb, TODAY)
    assert [p.code for p in duplicate] == ["duplicate-id"]


def test_percent_encoded_relative_links_resolve(tmp_path):
    from kb_assistant.core.upkeep.check import relative_link_problem

    (tmp_path / "with space.md").write_text("# S")
    assert relative_link_problem(tmp_path, "a.md", "with%20space.md") == ""


def test_a_review_date_past_the_calendar_is_checked_like_any_other(write_kb):
    from kb_assistant.core.kb.load import load_kb

    root = write_kb({
        "end.md": "---\nreviewed: 9999-12-31\nreview_every: 1\n---\n# End\n",
        "long.md": "---\nreviewed: 2026-01-01\nreview_every: 3000000\n---\n# Long\n",
        "due.md": "---\nreviewed: 2020-01-01\nreview_every: 30\n---\n# Due\n",
    })
    problems = check_kb(load_kb(root), dt.date(2026, 6, 1))  # OverflowError before, for the whole KB
    assert [(p.path, p.code) for p in problems] == [("due.md", "stale")]
