"""Language detection and keyboard-layout repair."""

import pytest

from kb_assistant.core.language import (
    detect_language,
    en_to_ru_layout,
    ru_to_en_layout,
    switch_layout,
)


def test_layout_conversions_both_ways():
    assert en_to_ru_layout("djpdhfn") == "возврат"
    assert ru_to_en_layout("руддщ") == "hello"
    assert en_to_ru_layout("cfqn") == "сайт"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("djpdhfn", "возврат"),
        ("руддщ", "hello"),
        (",tp", "без"),          # punctuation keys carry Russian letters
        ("ghbdtn", "привет"),
        ("123", None),           # not letters: left alone
        ("wi-fi", None),         # mixed symbols
        ("", None),
    ],
)
def test_switch_layout(word, expected):
    assert switch_layout(word) == expected


def test_detect_language():
    assert detect_language("Как вернуть деньги за заказ") == "ru"
    assert detect_language("How do I get a refund") == "en"
    assert detect_language("12345", default="ru") == "ru"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("ghbdtn,", "привет,"),      # the comma is a comma here, not "б"
        ("руддщ!", "hello!"),
        ("djpdhfn", None),           # nothing to keep: switch_layout's job
        (",,,", None),
        ("123,", None),
    ],
)
def test_switch_layout_keeping_trailing_punctuation(word, expected):
    from kb_assistant.core.language import switch_layout_keeping_punctuation

    assert switch_layout_keeping_punctuation(word) == expected
