""""Which article answers this customer?" items from the articles' questions."""

from __future__ import annotations

import random

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.which_article import which_article_items


def article(title, lang="en", questions=(), **meta):
    lines = ["---", f"title: {title}", f"lang: {lang}"]
    if questions:
        lines.append("questions:")
        lines += [f"  - {q}" for q in questions]
    lines += [f"{k}: {v}" for k, v in meta.items()]
    return "\n".join(lines + ["---", f"# {title}", "", "text", ""])


def kb_with(write_kb, files):
    return load_kb(write_kb(files))


def sample(write_kb):
    return kb_with(write_kb, {
        "returns/refund.md": article("Refund to a card", questions=["Where is my money?", "refund how long"]),
        "returns/delayed.md": article("Refund delayed"),
        "returns/return.md": article("Return an item"),
        "returns/defect.md": article("Defective item"),
        "app/crash.md": article("App crashes"),
        "app/push.md": article("Push notifications"),
        "ru/refund.md": article("Возврат на карту", "ru", ["Где мои деньги?"]),
        "ru/a.md": article("Статья А", "ru"),
        "ru/b.md": article("Статья Б", "ru"),
        "hello.md": article("Greeting", type="snippet"),
    })


def test_four_titles_same_language_right_one_marked(write_kb):
    kb = sample(write_kb)
    items = which_article_items(kb, random.Random(1))
    assert [i.question for i in items] == ["Where is my money?", "refund how long"]
    for item in items:
        assert item.kind == "which-article" and item.article_id == "returns/refund"
        assert len(item.options) == 4 and len({o.text for o in item.options}) == 4
        assert [o.article_id for o in item.options if o.correct] == ["returns/refund"]
        assert item.is_correct([next(iter(item.correct_indexes()))])
        assert all(kb.articles[o.article_id].lang == "en" for o in item.options)
        assert "Greeting" not in {o.text for o in item.options}


def test_same_category_preferred(write_kb):
    kb = sample(write_kb)
    for seed in range(20):
        item = which_article_items(kb, random.Random(seed))[0]
        assert {kb.articles[o.article_id].category for o in item.options} == {"returns"}


def test_other_categories_fill_in(write_kb):
    kb = kb_with(write_kb, {
        "returns/refund.md": article("Refund to a card", questions=["Where is my money?"]),
        "returns/delayed.md": article("Refund delayed"),
        "app/crash.md": article("App crashes"),
        "app/push.md": article("Push notifications"),
    })
    [item] = which_article_items(kb, random.Random(3))
    assert {o.text for o in item.options} == {"Refund to a card", "Refund delayed", "App crashes", "Push notifications"}


def test_deterministic_for_a_seed(write_kb):
    kb = sample(write_kb)
    assert which_article_items(kb, random.Random(7)) == which_article_items(kb, random.Random(7))
    orders = {tuple(o.text for o in which_article_items(kb, random.Random(s))[0].options) for s in range(30)}
    assert len(orders) > 1


def test_fewer_than_four_articles_in_a_language_gives_nothing(write_kb):
    kb = sample(write_kb)
    assert which_article_items(kb, random.Random(1), lang="ru") == []
    assert all(i.lang == "en" for i in which_article_items(kb, random.Random(1)))


def test_an_article_asked_the_same_way_is_never_a_wrong_option(write_kb):
    kb = kb_with(write_kb, {
        "a.md": article("Refund to a card", questions=["Where is my money?"]),
        "b.md": article("Refund delayed", questions=["where is my  MONEY?"]),
        "c.md": article("Return an item"),
        "d.md": article("Defective item"),
        "e.md": article("Refund to a card"),  # same title: would be a right-looking wrong option
        "f.md": article("Push notifications"),
    })
    for seed in range(10):
        item = next(i for i in which_article_items(kb, random.Random(seed)) if i.article_id == "a")
        assert {o.article_id for o in item.options} == {"a", "c", "d", "f"}
