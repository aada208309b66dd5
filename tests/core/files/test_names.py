"""Names Windows cannot hold, refused by new article and rename and reported by check; NFC ids and paths."""

from __future__ import annotations

import unicodedata

import pytest

from kb_assistant.core.articles.template import new_article_path
from kb_assistant.core.errors import RenameError
from kb_assistant.core.files.names import windows_name_problem
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.messages import english
from kb_assistant.core.upkeep.check import check_kb
from kb_assistant.core.upkeep.rename import plan_rename


@pytest.mark.parametrize("rel_path, code", [
    ("refund.md", None),
    ("returns/refund-card.en.md", None),
    ("возврат/деньги.md", None),
    ("auxiliary.md", None),
    ("console/con-tips.md", None),
    ("aux.md", "windows-name-reserved"),
    ("AUX.en.md", "windows-name-reserved"),
    ("con", "windows-name-reserved"),
    ("nul.txt", "windows-name-reserved"),
    ("com1.md", "windows-name-reserved"),
    ("LPT9.en.md", "windows-name-reserved"),
    ("prn/refund.md", "windows-name-reserved"),
    ("why?.md", "windows-name-characters"),
    ("a<b>.md", "windows-name-characters"),
    ('say "hi".md', "windows-name-characters"),
    ("a|b.md", "windows-name-characters"),
    ("a*.md", "windows-name-characters"),
    ("c:d.md", "windows-name-characters"),
    ("folder./a.md", "windows-name-trailing"),
    ("folder /a.md", "windows-name-trailing"),
    ("a.md.", "windows-name-trailing"),
])
def test_windows_name_problem(rel_path, code):
    assert windows_name_problem(rel_path) == code


def test_every_code_has_an_english_text_naming_the_path():
    for code in ("windows-name-reserved", "windows-name-characters", "windows-name-trailing"):
        assert english(code, {"path": "x/aux.md"}).startswith("x/aux.md: Windows cannot hold this name")


def test_a_new_article_titled_like_a_device_gets_a_name_windows_can_hold():
    assert new_article_path("", "Con", "en") == "con-article.en.md"
    assert windows_name_problem(new_article_path("tips", "AUX", "")) is None
    assert new_article_path("", "Refund", "en") == "refund.en.md"


def test_rename_refuses_a_name_windows_cannot_hold(write_kb):
    kb = load_kb(write_kb({"refund.md": "# Refund\n"}))
    with pytest.raises(RenameError) as caught:
        plan_rename(kb, "refund", "why?.md")
    assert caught.value.code == "windows-name-characters" and "why?.md" in str(caught.value)
    with pytest.raises(RenameError) as caught:
        plan_rename(kb, "refund", "aux.en.md")
    assert caught.value.code == "windows-name-reserved"
    assert plan_rename(kb, "refund", "money/refund.md").new_path == "money/refund.md"


def test_check_warns_about_names_windows_cannot_hold(write_kb):
    kb = load_kb(write_kb({"aux.md": "# Aux\n", "ok.md": "# Ok\n"}))
    found = [(p.path, p.severity, p.code) for p in check_kb(kb) if p.code.startswith("windows-name")]
    assert found == [("aux.md", "warning", "windows-name-reserved")]


def test_a_decomposed_file_name_gives_a_composed_id_and_path(write_kb):
    decomposed = unicodedata.normalize("NFD", "й")
    assert decomposed != "й" and len(decomposed) == 2
    root = write_kb({f"{decomposed}.md": "# Letter\n", f"папка-{decomposed}/a.md": "---\nid: ид-" + decomposed
                     + "\n---\n# A\n"})
    kb = load_kb(root)
    assert "й" in kb.articles and kb.articles["й"].title == "Letter"
    assert "ид-й" in kb.articles
    for article in kb.articles.values():
        assert unicodedata.is_normalized("NFC", article.id)
        assert (root / article.path).read_bytes()  # the path still opens the file on this file system
