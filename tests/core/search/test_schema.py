"""The index schema: which fields exist, how an article becomes a document, plain text for indexing."""

from __future__ import annotations

import dataclasses
import pickle

from hypothesis import given
from hypothesis import strategies as st

from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.models import KbConfig, Reply
from kb_assistant.core.search.schema import (
    PAIR_SOURCE_CHARS,
    SNIPPET_SOURCE_CHARS,
    TEXT_FIELDS,
    build_schema,
    document_for,
    preview_text,
    split_reply_names,
)
from tests.core.search.helpers import KB_FILES


def article(rel_path: str, text: str):
    parsed = parse_article_bytes(text.encode("utf-8"), rel_path)
    assert parsed.article is not None, parsed.problems
    return parsed.article


def test_the_indexed_body_is_words_without_marks_urls_or_placeholders():
    doc = document_for(article("links.md", (
        "# Title\n\nSee [[refund|the refund page]] and [docs](https://x.example \"t\") "
        "<b>bold</b> **strong** `code`\n- item\n> quote\nHello {{customer_name|there}} {{order_id}}!"
    )))
    words = doc["body"].split()
    assert "the refund page" in doc["body"]  # a wiki link reads as its label
    assert "docs" in words and "https" not in doc["body"] and "x.example" not in doc["body"]
    assert "<b>" not in doc["body"] and "bold" in words and "*" not in doc["body"] and "`" not in doc["body"]
    assert "item" in words and "quote" in words and ">" not in doc["body"]
    # a placeholder reads as its fallback (what the customer would see), or not at all
    assert "there" in words and "customer_name" not in doc["body"] and "order_id" not in doc["body"]
    # the preview is for reading: the placeholders are shown, not holes
    assert doc["preview"].endswith("Hello [there] [order id]!")


@given(st.text(max_size=200))
def test_any_body_becomes_a_document(text):
    base = article("any.md", "# Any\n\nBody.")
    doc = document_for(dataclasses.replace(base, body=text))
    assert isinstance(doc["body"], str) and isinstance(doc["preview"], str)
    assert len(doc["preview"]) <= SNIPPET_SOURCE_CHARS and "{{" not in doc["preview"].replace(text, "")


def test_every_searched_field_is_in_the_schema_with_its_boost():
    schema = build_schema()
    for name, boost in TEXT_FIELDS.items():
        assert schema[name].format.field_boost == boost
    assert {"path", "id", "pairs", "preview", "tags", "lang", "product", "category", "type"} <= set(schema.names())
    assert build_schema() is not build_schema()  # schemas are mutable: one per index


def test_the_pickled_schema_names_the_analyzers_at_their_import_path():
    # Whoosh unpickles the schema on every open: moving the analyzers breaks old indexes
    # unless SCHEMA_VERSION is bumped (DESIGN.md section 10)
    assert b"kb_assistant.core.search.analysis" in pickle.dumps(build_schema())


def test_an_article_becomes_one_document():
    refund = article("payments/refund.en.md", KB_FILES["payments/refund.en.md"])
    doc = document_for(refund)
    assert doc["path"] == "payments/refund.en.md" and doc["id"] == "refund"
    assert doc["title"] == "Refund to a bank card"
    assert doc["questions"] == "How do I get my money back?"
    assert doc["tags"] == "refunds,payments" and doc["tagtext"] == "refunds payments"
    assert doc["product"] == "shopwave" and doc["lang"] == "en" and doc["category"] == "payments"
    assert doc["type"] == "article"
    assert doc["review_due"] == "2020-01-31"
    assert split_reply_names(doc["reply_names"]) == ("Refund started",)
    assert "{{" not in doc["body"] and "3 to 10 business days" in doc["body"]
    assert doc["title"] in doc["pairs"] and doc["questions"] in doc["pairs"]


def test_empty_optional_fields_are_left_out_of_the_index():
    doc = document_for(article("loose.md", "# Loose note\n\nNo front matter at all."))
    assert doc["tags"] is None and doc["product"] is None and doc["category"] is None
    assert doc["review_due"] == "" and split_reply_names(doc["reply_names"]) == ()


def test_long_articles_store_a_bounded_preview_and_pair_source():
    long_body = "word " * 10_000
    doc = document_for(article("long.md", "# Long\n\n" + long_body))
    assert len(doc["preview"]) == SNIPPET_SOURCE_CHARS
    assert len(doc["pairs"]) <= len("Long\n") + PAIR_SOURCE_CHARS


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\x1f"), min_size=1, max_size=20), max_size=5))
def test_reply_names_survive_the_round_trip(names):
    base = article("r.md", "# R\n\nBody.")
    replies = tuple(Reply(name, "text", 1) for name in names)
    joined = document_for(dataclasses.replace(base, replies=replies))["reply_names"]
    assert split_reply_names(joined) == tuple(names)


def test_the_preview_shows_placeholders_by_their_label_in_the_article_s_language():
    config = KbConfig(placeholders=(("customer_name", (("en", "Customer name"), ("ru", "Имя клиента"))),
                                    ("order_id", (("en", "Order number (9 digits)"), ("ru", "Номер заказа (9 цифр)")))))
    ru = article("r.ru.md", "---\nlang: ru\n---\n# Возврат\n\nЗдравствуйте, {{customer_name}}! Заказ {{order_id|ваш}}.")
    en = article("r.en.md", "---\nlang: en\n---\n# Refund\n\nHello {{customer_name|there}}! Order {{order_id}}.")
    assert preview_text(ru, config) == "Здравствуйте, [имя клиента]! Заказ [номер заказа]."
    assert preview_text(en, config) == "Hello [customer name]! Order [order number]."
    assert document_for(en, config)["preview"] == preview_text(en, config)
    # without the KB's labels: the fallback, else the name
    assert preview_text(ru) == "Здравствуйте, [customer name]! Заказ [ваш]."
    # the index keeps the words a customer would read
    assert document_for(ru, config)["body"].split() == ["Возврат", "Здравствуйте,", "!", "Заказ", "ваш."]


def test_the_preview_leaves_out_a_first_heading_that_repeats_the_title():
    assert preview_text(article("t.md", "# Refund\n\nBody text")) == "Body text."
    assert preview_text(article("t.md", "---\ntitle: Other\n---\n# Refund\n\nBody")) == "Refund.\nBody."


def test_a_huge_body_is_previewed_from_its_start():
    base = article("huge.md", "# Huge\n\nBody.")
    doc = document_for(dataclasses.replace(base, body=("| a | b |\n" * 200_000)))
    assert len(doc["preview"]) == SNIPPET_SOURCE_CHARS and "|" not in doc["preview"]
