"""Issue 11: every snippet of the bundled sample KB reads as plain text, with no Markdown and no holes.

The snippets are cut from the previews the index stores, whichever words match, so
each article is looked at with no match, with its own title and question words and
with the words most questions have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.search.analysis import index_form, tokenize
from kb_assistant.core.search.indexer import INDEX_NAME, live_generation, update_index
from kb_assistant.core.search.schema import document_for
from kb_assistant.core.search.snippets import article_hit, make_snippet

SAMPLE_KB = Path(__file__).resolve().parents[3] / "kb_assistant" / "sample_kb"
COMMON_WORDS = ["возврат", "заказ", "клиент", "здравствуйте", "карта", "доставка", "order", "refund", "customer",
                "hello", "card", "delivery", "zone", "зона", "телефон", "phone"]
HOLES = re.compile(r"\|"           # a table pipe (or its delimiter row)
                   r"|\{\{|\}\}"   # a placeholder left as it is
                   r"|[,:;] *[!?.,]"  # "Здравствуйте, !", "order on ." after an emptied placeholder
                   r"| [,.!?;:](?!\w)"  # "refund of , for", "on ."
                   r"|\(\s*\)|\[\s*\]"  # an empty bracket
                   r"|(?<![\w*])\*\*(?=\w)|(?<=\w)\*\*(?![\w*@])"  # bold marks, not "j***@example.com"
                   r"|__|`|^#|\s#+\s|\]\(")  # Markdown marks


@pytest.fixture(scope="module")
def sample():
    return load_kb(SAMPLE_KB)


@pytest.fixture(scope="module")
def stored_previews(sample, tmp_path_factory):
    """The preview of each article as the index stores it, by article id."""
    index_dir = tmp_path_factory.mktemp("sample-index")
    update_index(index_dir, SAMPLE_KB)
    index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    try:
        with index.searcher() as searcher:
            return {fields["id"]: fields["preview"] for fields in searcher.all_stored_fields()}
    finally:
        index.close()


def snippets(article, preview):
    """The article's snippets for no match, its own words and common words."""
    own = tokenize(" ".join([article.title, *article.questions]))
    for words in ([], own, own[:2], COMMON_WORDS, *([w] for w in COMMON_WORDS)):
        yield make_snippet(preview, frozenset(index_form(w) for w in words))[0]


def holes(text):
    return [text[max(0, m.start() - 30):m.end() + 30] for m in HOLES.finditer(text)]


def test_the_index_stores_a_readable_preview_of_every_article(sample, stored_previews):
    assert set(stored_previews) == set(sample.articles) and len(stored_previews) > 80
    found = {}
    for article_id, article in sample.articles.items():
        for snippet in snippets(article, stored_previews[article_id]):
            if holes(snippet):
                found[article_id] = holes(snippet)
    assert found == {}


def test_with_the_kb_s_labels_every_placeholder_reads_as_its_label(sample):
    found, shown = {}, set()
    for article_id, article in sample.articles.items():
        preview = document_for(article, sample.config)["preview"]
        if holes(preview):
            found[article_id] = holes(preview)
        shown.update(re.findall(r"\[[^\]]+\]", preview))
        assert not holes(article_hit(article, config=sample.config).snippet)
    assert found == {}
    assert {"[имя клиента]", "[customer name]", "[номер заказа]", "[order number]"} <= shown


def test_the_table_of_delivery_zones_reads_cell_by_cell(sample, stored_previews):
    snippet = make_snippet(stored_previews["delivery-times-costs-ru"], frozenset({index_form("зона")}))[0]
    assert "Зона 1 · Москва и Санкт-Петербург · 1–2 дня · 299 ₽ · 99 ₽." in snippet


def test_a_greeting_reads_with_its_placeholders_named(sample):
    preview = document_for(sample.articles["greeting-friendly-ru"], sample.config)["preview"]
    assert preview.startswith("Здравствуйте, [имя клиента]! Меня зовут [agent name]")
