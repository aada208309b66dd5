"""Readable plain text for result snippets (``markdown_to_preview``): no marks, no placeholder holes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb_assistant.core.render.plain import (
    CELL_SEPARATOR,
    markdown_to_plain,
    markdown_to_preview,
    placeholder_caption,
)

LABELS = {("customer_name", "ru"): "Имя клиента", ("customer_name", "en"): "Customer name",
          ("order_id", "ru"): "Номер заказа (9 цифр)", ("order_id", "en"): "Order number (9 digits)",
          ("refund_arn", "en"): "ARN of the refund"}


def labelled(lang):
    return lambda name, fallback: placeholder_caption(name, fallback, LABELS.get((name, lang), ""))


# -- tables ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("table", "rows"), [
    ("| zone | area |\n|---|---|\n| Zone 1 | Moscow |\n| Zone 2 | regional centres |",
     ["zone · area.", "Zone 1 · Moscow.", "Zone 2 · regional centres."]),
    ("| зона | срок |\n|:---|---:|\n| Зона 1 | 1–2 дня |", ["зона · срок.", "Зона 1 · 1–2 дня."]),
    ("zone | area\n--- | ---\nZone 1 | Moscow", ["zone · area.", "Zone 1 · Moscow."]),  # no outer pipes
    ("| a | | b |\n|---|---|---|", ["a · b."]),  # empty cells leave no gap
    ("| **bold** | `code` | [link](https://x.example) |", ["bold · code · link."]),
])
def test_a_table_reads_as_cells_joined_by_a_dot_without_its_delimiter_row(table, rows):
    assert markdown_to_preview(table).split("\n") == rows
    assert "|" not in markdown_to_preview(table) and "---" not in markdown_to_preview(table)


def test_a_table_ends_at_a_blank_line_and_a_pipe_in_prose_stays():
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n\nEither this | or that"
    assert markdown_to_preview(text) == f"a{CELL_SEPARATOR}b.\n1{CELL_SEPARATOR}2.\nEither this | or that."


def test_an_escaped_pipe_is_a_character_of_its_cell():
    assert markdown_to_preview("| a \\| b | c |") == "a | b · c."


# -- headings, lists, quotes, rules ---------------------------------------------------------------------


@pytest.mark.parametrize(("markdown", "preview"), [
    ("## Правила\nОдин промокод на заказ", "Правила.\nОдин промокод на заказ."),
    ("## Ответ: Возврат оформлен\nЗдравствуйте!", "Ответ: Возврат оформлен.\nЗдравствуйте!"),
    ("### Why? ###\nBecause", "Why?\nBecause."),  # a heading that ends with punctuation keeps it
    ("# Refund\n\nText", "Refund.\nText."),
    ("- Debit card\n- Credit card\n* Gift card", "Debit card.\nCredit card.\nGift card."),
    ("1. Откройте заказ\n2) Нажмите «Вернуть»", "Откройте заказ.\nНажмите «Вернуть»."),
    ("- item that\n  goes on", "item that goes on."),
    ("> Quoted text\n> goes on", "Quoted text goes on."),
    ("> Quoted\n>\n> - item", "Quoted.\nitem."),
    ("Before\n\n---\n\nAfter", "Before.\nAfter."),
    ("Setext title\n===\nbody", "Setext title.\nbody."),
    ("A paragraph\nwrapped over\nthree lines.", "A paragraph wrapped over three lines."),
    ("See (cancel-order)\n\n«Курьер не приехал»", "See (cancel-order).\n«Курьер не приехал»."),
])
def test_block_marks_go_and_each_block_ends_as_a_sentence(markdown, preview):
    assert markdown_to_preview(markdown) == preview


def test_a_first_heading_that_repeats_the_title_is_left_out():
    assert markdown_to_preview("# Возврат денег\n\nТекст", title="Возврат  денег") == "Текст."
    assert markdown_to_preview("# Other\n\nТекст", title="Возврат денег") == "Other.\nТекст."
    assert markdown_to_preview("Intro\n# Возврат денег", title="Возврат денег") == "Intro.\nВозврат денег."


# -- inline marks, links, code ---------------------------------------------------------------------------


@pytest.mark.parametrize(("markdown", "preview"), [
    ("Free from **$40**, *counted* after __discounts__ and _fees_.", "Free from $40, counted after discounts and fees."),
    ("Бесплатно от **3000 ₽**, ~~раньше~~ теперь.", "Бесплатно от 3000 ₽, раньше теперь."),
    ("5 * 3 and snake_case stay", "5 * 3 and snake_case stay."),
    ("A masked form (j\\*\\*\\*@example.com)", "A masked form (j***@example.com)."),
    ("See [[refund-card|the refund article]] or [[cancel-order]].", "See the refund article or cancel-order."),
    ("Open [the app](https://shop.example/app \"App\") ![logo](logo.png)", "Open the app logo."),
    ("Mail <support@shop.example> or <https://shop.example/help>", "Mail or https://shop.example/help."),
    ("<b>Bold</b> &amp; <i>tags</i> go &lt;here&gt;", "Bold & tags go <here>."),
    ("Run `kb-assistant --show` then `a_b*c`", "Run kb-assistant --show then a_b*c."),
])
def test_inline_marks_go_and_the_words_stay(markdown, preview):
    assert markdown_to_preview(markdown) == preview


def test_fenced_code_keeps_its_lines_without_the_fences():
    assert markdown_to_preview("Run:\n\n```bash\nkb-assistant index\n  --rebuild\n```\nDone") == (
        "Run:\nkb-assistant index --rebuild.\nDone.")
    assert markdown_to_preview("~~~\n# not a heading\n~~~") == "# not a heading."


# -- placeholders --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("markdown", "lang", "preview"), [
    ("Здравствуйте, {{customer_name}}!", "ru", "Здравствуйте, [имя клиента]!"),
    ("Hello {{customer_name|there}}!", "en", "Hello [customer name]!"),  # the label, before the fallback
    ("Заказ {{order_id}} отправлен.", "ru", "Заказ [номер заказа] отправлен."),  # the label's note goes
    ("Refund {{refund_arn}} sent.", "en", "Refund [ARN of the refund] sent."),  # an acronym keeps its case
    ("Срок {{response_time|1 рабочего дня}}.", "ru", "Срок [1 рабочего дня]."),  # no label: the fallback
    ("Refund of {{amount}} for order {{order_id}} on {{date}}.", "en",
     "Refund of [amount] for order [order number] on [date]."),  # no label, no fallback: the name
    ("Привет{{customer_name|}}!", "ru", "Привет[имя клиента]!"),
    ("Broken {{Order Id}} and {{ bad|words }} here", "en", "Broken [Order Id] and [words] here."),
])
def test_a_placeholder_shows_its_label_or_fallback_in_brackets(markdown, lang, preview):
    assert markdown_to_preview(markdown, labelled(lang)) == preview


def test_without_labels_a_placeholder_shows_its_fallback_else_its_name():
    assert markdown_to_preview("Hello {{customer_name|there}}, order {{order_id}}!") == (
        "Hello [there], order [order id]!")
    assert markdown_to_preview("Здравствуйте, {{customer_name|  }}!") == "Здравствуйте, [customer name]!"


def test_the_caption_of_a_placeholder():
    assert placeholder_caption("order_id", None, "Номер заказа (9 цифр)") == "номер заказа"
    assert placeholder_caption("city", None, "Город (в винительном падеже: «в Казань»)") == "город"
    assert placeholder_caption("x", None, "(only a note)") == "(only a note)"
    assert placeholder_caption("x", None, "A") == "a"
    assert placeholder_caption("x", " some  words ") == "some words"
    assert placeholder_caption("customer_name", None) == "customer name"


def test_the_indexed_words_keep_the_fallback_and_no_label():
    # the index holds what the customer would read; only the preview shows the labels
    assert markdown_to_plain("Hello {{customer_name|there}}, {{order_id}}!").split() == ["Hello", "there,", "!"]


# -- any text ------------------------------------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from("ab |-*_`#>[](){}!\\\n:.,«»1"), max_size=80))
def test_any_text_becomes_a_preview(text):
    preview = markdown_to_preview(text)
    assert isinstance(preview, str) and "\U000f0000" not in preview
    assert "  " not in preview


@pytest.mark.parametrize("text", [
    "-" + " " * 20_000 + "x", "|" + "-" * 20_000 + "x", "|" + " " * 20_000 + "x", "\n" * 20_000,
    "*" * 20_000 + " a", "_" * 20_000 + " a", "[x](" * 5_000, "{{" + " " * 3_000, "`" * 5_000,
    "<https://" + "a" * 50_000, "&" * 20_000, "\\" * 20_000, "| a " * 10_000, "[[" * 2_000,
])
def test_hostile_text_is_previewed_in_linear_time(text):
    # each of these took seconds with a backtracking pattern; no timing is asserted
    assert isinstance(markdown_to_preview(text), str)
