"""New articles from the template parse cleanly and pass the checks."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.articles.template import (
    SAMPLE_QUESTIONS,
    article_template,
    new_article_path,
    sample_text_left,
    slugify,
)
from kb_assistant.core.articles.parse import parse_article_bytes


def test_slugify():
    assert slugify("Возврат денег на карту") == "vozvrat-deneg-na-kartu"
    assert slugify("Refund: card / SBP!") == "refund-card-sbp"
    assert slugify("???") == "article"


def test_new_article_path():
    assert new_article_path("returns", "Возврат", "ru") == "returns/vozvrat.ru.md"
    assert new_article_path("", "Hello", "en") == "hello.en.md"


@pytest.mark.parametrize("lang, kind", [("ru", "article"), ("en", "article"), ("ru", "snippet"), ("en", "snippet")])
def test_template_parses_without_problems(lang, kind):
    text = article_template("Новая статья: тест" if lang == "ru" else "New article: test", lang, kind,
                            today=dt.date(2026, 11, 27), owner="Support team")
    parsed = parse_article_bytes(text.encode(), "x/new.md")
    assert parsed.problems == ()
    article = parsed.article
    assert article.lang == lang and article.type == kind and article.owner == "Support team"
    assert article.reviewed is None  # nobody reviewed a template: see test_reviewed_only_when_written
    if kind == "article":
        assert len(article.replies) == 1


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)
       .filter(lambda t: t.strip()))
def test_any_title_round_trips(title):
    parsed = parse_article_bytes(article_template(title, "en").encode("utf-8"), "n.md")
    assert parsed.article.title == title.strip()


def test_translation_path_and_id_follow_the_kb_naming():
    from kb_assistant.core.articles.template import translation_id, translation_path

    assert translation_path("returns/refund-card.ru.md", "ru", "en") == "returns/refund-card.en.md"
    assert translation_path("faq/refund.md", "", "ru") == "faq/refund.ru.md"
    assert translation_id("refund-card-ru", "ru", "en") == "refund-card"
    assert translation_id("refund-card", "en", "ru") == "refund-card-ru"


def test_translation_text_links_back_and_keeps_comments():
    from kb_assistant.core.articles.template import translation_text

    text = "---\nid: refund-card-ru\n# owner: Olga\nlang: ru\ntags: [refund]\n---\n# Возврат\n"
    new = translation_text(text, "refund-card-ru", "ru", "refund-card", "en")
    assert new.startswith("---\nid: refund-card\n# owner: Olga\nlang: en\n")
    assert "translations:" in new and "ru: refund-card-ru" in new and new.endswith("# Возврат\n")


@pytest.mark.parametrize("lang, kind", [("ru", "article"), ("en", "article"), ("ru", "snippet"), ("en", "snippet"),
                                        ("", "article")])
def test_the_template_has_no_empty_fallback(lang, kind):
    from kb_assistant.core.articles.syntax import PLACEHOLDER_RE

    text = article_template("Тест" if lang == "ru" else "Test", lang, kind, today=dt.date(2026, 11, 27))
    placeholders = [(m.group(1), m.group(2)) for m in PLACEHOLDER_RE.finditer(text)]
    assert placeholders and all(fallback is None or fallback.strip() for _, fallback in placeholders)
    assert "|}}" not in text


def test_the_template_greets_as_the_sample_kb_does():
    from kb_assistant.core.replies.templates import find_placeholders

    ru = parse_article_bytes(article_template("Тест", "ru").encode(), "t.ru.md").article
    en = parse_article_bytes(article_template("Test", "en").encode(), "t.en.md").article
    assert ru.replies[0].template.strip() == "Здравствуйте, {{customer_name}}!"  # the form asks for the name
    assert [(p.name, p.fallback) for p in find_placeholders(en.replies[0].template)] == [("customer_name", "there")]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_untouched_template_is_all_sample_text(lang):
    from kb_assistant.core.articles.template import sample_text_left

    text = article_template("Тест" if lang == "ru" else "Test", lang)
    found = sample_text_left(text)
    assert [item.part for item in found] == ["question", "body", "reply"]
    lines = text.split("\n")
    assert lines[found[0].line - 1].strip().startswith("- ") and lines[found[2].line - 1].startswith("## ")


def test_written_parts_are_no_longer_sample_text():
    from kb_assistant.core.articles.template import SAMPLE_BODIES, SAMPLE_QUESTIONS, sample_text_left

    text = article_template("Test", "en")
    text = text.replace(SAMPLE_QUESTIONS[1], "Where is my gift card?")
    assert [item.part for item in sample_text_left(text)] == ["body", "reply"]
    text = text.replace(SAMPLE_BODIES[1], "Gift cards arrive by e-mail.")
    assert [item.part for item in sample_text_left(text)] == ["reply"]
    text = text.replace("Hello {{customer_name|there}}!\n", "Hello {{customer_name|there}}!\nYour card is sent.\n")
    assert sample_text_left(text) == []  # the reply may keep its sample name once it says something


def test_reviewed_only_when_written_past_the_template():
    from kb_assistant.core.articles.template import SAMPLE_BODIES, SAMPLE_QUESTIONS, reviewed_by_its_author

    today = dt.date(2026, 11, 27)
    template = article_template("Test", "en")
    assert reviewed_by_its_author(template, template, today) == template  # untouched
    half = template.replace(SAMPLE_BODIES[1], "Gift cards arrive by e-mail.")
    assert reviewed_by_its_author(half, template, today) == half  # the sample question is still there
    written = half.replace(SAMPLE_QUESTIONS[1], "Where is my gift card?").replace(
        "Hello {{customer_name|there}}!\n", "Hello {{customer_name|there}}! Your card is sent.\n")
    dated = reviewed_by_its_author(written, template, today)
    assert parse_article_bytes(dated.encode(), "t.en.md").article.reviewed == today
    assert reviewed_by_its_author(dated, template, dt.date(2027, 1, 1)) == dated  # a date is never moved
    snippet = article_template("Greeting", "en", "snippet")
    assert reviewed_by_its_author(snippet, snippet, today) == snippet
    assert "reviewed: 2026-11-27" in reviewed_by_its_author(snippet + "Have a good day!\n", snippet, today)


def test_a_new_translation_does_not_inherit_the_originals_review():
    from kb_assistant.core.articles.template import translation_text

    text = "---\nid: refund-ru\nlang: ru\nreviewed: 2026-10-01\nreview_every: 90\n---\n# Возврат\n"
    new = translation_text(text, "refund-ru", "ru", "refund", "en")
    assert "reviewed" not in new and "review_every: 90" in new


@pytest.mark.parametrize("question", ["Не пришли деньги: что делать?", "yes", "- #1 'quoted' \"twice\"",
                                      "two\nlines  here"])
def test_a_question_from_the_insights_replaces_the_sample_one(question):
    text = article_template("Refund", "ru", question=question)
    parsed = parse_article_bytes(text.encode(), "n.md")
    assert parsed.problems == ()
    assert parsed.article.questions == (" ".join(question.split()),)
    assert SAMPLE_QUESTIONS[0] not in text
    assert [part.part for part in sample_text_left(text)] == ["body", "reply"]  # the question is no sample
    snippet = article_template("Hello", "en", "snippet", question=question)
    assert parse_article_bytes(snippet.encode(), "s.md").article.questions == ()
