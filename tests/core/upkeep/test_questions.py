"""Adding a question to an article's ``questions:``: comments, line endings and other keys kept."""

from __future__ import annotations

import pytest

from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.errors import FileReadError, FrontMatterBroken, FrontMatterValueError
from kb_assistant.core.upkeep.questions import add_question, add_question_file, has_question

COMMENTED = (
    "---\n"
    "# owned by the payments squad\n"
    "title: Refunds   # shown to agents\n"
    "questions:   # how customers ask it\n"
    "  - How do I get my money back?\n"
    "x-ticket: SUP-42\n"
    "---\n\n# Refunds\n"
)


def test_the_question_goes_last_and_comments_and_keys_stay():
    out = add_question(COMMENTED, "refund not received")
    assert out == COMMENTED.replace("  - How do I get my money back?\n",
                                    "  - How do I get my money back?\n  - refund not received\n")
    assert parse_article_bytes(out.encode(), "r.md").article.questions == (
        "How do I get my money back?", "refund not received")


def test_a_missing_key_is_created():
    assert add_question("---\ntitle: T\n---\nbody", "where is it") == \
        "---\ntitle: T\nquestions:\n  - where is it\n---\nbody"
    assert add_question("# Plain\n", "where is it") == "---\nquestions:\n  - where is it\n---\n# Plain\n"


def test_an_equal_question_is_not_added_twice():
    text = "---\nquestions:\n  - Где мой возврат?\n---\n# T\n"
    assert add_question(text, "  где   мой возврат? ") == text
    assert add_question("---\nquestions: [Ёлка пришла]\n---\n", "елка ПРИШЛА") == "---\nquestions: [Ёлка пришла]\n---\n"
    assert has_question(["Ёж"], "еж") and not has_question(["Ёж"], "ежи")
    assert add_question(text, "   ") == text


def test_a_russian_question_reads_back():
    out = add_question("---\nid: refund-ru\nlang: ru\n---\n# Возврат\n", "Не пришли деньги: что делать?")
    assert parse_article_bytes(out.encode(), "r.md").article.questions == ("Не пришли деньги: что делать?",)


def test_broken_yaml_raises():
    with pytest.raises(FrontMatterBroken):
        add_question("---\ntitle: [\n---\n# T\n", "q")


def test_questions_that_are_not_a_list_are_not_overwritten():
    with pytest.raises(FrontMatterValueError):
        add_question("---\nquestions: {a: b}\n---\n# T\n", "q")


def test_the_file_keeps_encoding_and_crlf(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("---\r\nid: a\r\n# asked by agents\r\nquestions:\r\n  - Возврат\r\n---\r\n# Возврат\r\n"
                     .encode("cp1251"))
    assert add_question_file(path, "Деньги не пришли") is not None
    text = path.read_bytes().decode("cp1251")
    assert text == "---\r\nid: a\r\n# asked by agents\r\nquestions:\r\n  - Возврат\r\n  - Деньги не пришли\r\n" \
                   "---\r\n# Возврат\r\n"


def test_the_file_is_not_written_when_the_question_is_there(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nquestions: [refund]\n---\n# T\n", encoding="utf-8")
    before = path.stat().st_mtime_ns
    assert add_question_file(path, "Refund") is None
    assert path.stat().st_mtime_ns == before


def test_a_broken_file_is_left_alone(tmp_path):
    path = tmp_path / "a.md"
    broken = b"---\ntitle: [\nquestions: []\n---\n# T\n"
    path.write_bytes(broken)
    with pytest.raises(FrontMatterBroken):
        add_question_file(path, "q", root=tmp_path)
    assert path.read_bytes() == broken


def test_an_unreadable_file_raises(tmp_path):
    with pytest.raises(FileReadError):
        add_question_file(tmp_path / "missing.md", "q", root=tmp_path)
