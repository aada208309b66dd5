"""Keyboard-layout repair on evidence only: a word is retyped when it reads only on the other layout.

Each test states what the agent typed and what is searched; the small bilingual KB
below holds the words the evidence is looked up in.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb_assistant.core.language import switch_layout
from kb_assistant.core.search.analysis import tokenize
from kb_assistant.core.search.layout import repair_layout
from kb_assistant.core.search.query import build_query
from kb_assistant.core.search.terms import TermStats

LAYOUT_KB = {
    "refund.ru.md": (
        "---\nid: refund-ru\nlang: ru\n---\n# Возврат денег\n\n"
        "Как вернуть деньги: возврат приходит на карту. Курьер не приехал? Привет, напишите нам.\n"
    ),
    "promo.ru.md": (
        "---\nid: promo-ru\nlang: ru\n---\n# Промокод не работает\n\n"
        "Розыгрыш с призами в приложении Shopwave: промокод работает в корзине.\n"
    ),
    "refund.en.md": (
        "---\nid: refund\nlang: en\n---\n# Refund to a card\n\n"
        "How to get a refund. Say hello to the customer. Shopwave on iPhone. Code rjhpvyt.\n"
    ),
    "cancel.en.md": "---\nid: cancel\nlang: en\n---\n# Cancel an order\n\nHow to cancel a paid order in the cart.\n",
}
"""Russian and English words; "rjhpvyt" is an English product code that is "корзмне", a typo of
"корзине", on the other layout."""


@pytest.fixture
def stats(open_reader, write_kb, tmp_path):
    return TermStats(open_reader(write_kb(LAYOUT_KB, tmp_path / "layout-kb")))


def searched(stats, text, live=True):
    """What is searched for ``text``: the plan's reading, or the text itself when it is kept."""
    plan = build_query(stats, text, live=live)
    return (plan.interpreted or text.strip()) if plan else text.strip()


# -- the cases -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["п", "g", "c", "с", "пр", "gh"])
@pytest.mark.parametrize("live", [True, False])
def test_a_lone_letter_or_two_is_searched_as_typed(stats, text, live):
    assert searched(stats, text, live) == text
    assert build_query(stats, text, live=live).interpreted == ""


@pytest.mark.parametrize("text", ["курьер не п", "курьер не пр", "how to c", "how to ca", "how to g"])
def test_a_half_typed_last_word_keeps_the_script_of_its_question(stats, text):
    assert searched(stats, text) == text
    assert searched(stats, text + " ", live=True) == text


@pytest.mark.parametrize(("typed", "meant"), [("djpdhfn", "возврат"), ("ghjvjrjl", "промокод"), ("руддщ", "hello")])
@pytest.mark.parametrize("live", [True, False])
def test_a_word_that_reads_only_on_the_other_layout_is_retyped(stats, typed, meant, live):
    assert searched(stats, typed, live) == meant


def test_a_real_word_is_never_retyped(stats):
    for text in ("возврат", "hello", "refund", "промокод", "cancel", "shopwave"):
        assert build_query(stats, text).interpreted == ""
        assert build_query(stats, text, live=True).interpreted == ""


# -- the whole question on the other layout ---------------------------------------------------------


@pytest.mark.parametrize("live", [True, False])
def test_a_question_typed_wholly_on_the_other_layout(stats, live):
    assert searched(stats, "hjpsuhsi ghbp", live) == "розыгрыш приз"  # "приз" is a prefix of "призами"
    assert searched(stats, "rehmth yt ghbt[fk", live) == "курьер не приехал"  # "yt" flips with its question


def test_short_words_and_stop_words_flip_with_their_question_never_alone(stats):
    assert searched(stats, "hjpsuhsi c") == "розыгрыш с"  # "c" reads both ways; the question says Russian
    assert searched(stats, "rfr dthyenm ltymub", live=False) == "как вернуть деньги"
    assert searched(stats, "rfr", live=False) == "rfr"  # "как" alone: a stop word says nothing
    assert searched(stats, "yt", live=False) == "yt"
    assert searched(stats, "ghb", live=False) == "ghb"  # "при"


def test_a_half_typed_wrong_layout_word_is_retyped_on_the_question_s_evidence(stats):
    assert searched(stats, "djpd") == "возв"  # the whole question: no term starts "djpd", many "возв"
    assert searched(stats, "ltymub djpd") == "деньги возв"  # the rest is Russian
    assert searched(stats, "ltymub djpd", live=False) == "деньги djpd"  # finished, "возв" is no word
    assert searched(stats, "refund djpd") == "refund djpd"  # the rest is English: wait for the word
    assert searched(stats, "refund djpdhfn ") == "refund возврат"  # ... which, finished, reads only in Russian
    assert searched(stats, "how to djpd") == "how to djpd"


def test_a_question_typed_right_keeps_its_half_typed_foreign_word(stats):
    # "Как включить поддержку HTT" (HTTP): the Russian words were typed right, so the Latin
    # letters are meant; only a finished word that reads solely on the other layout flips
    assert searched(stats, "не работает djpd") == "не работает djpd"
    assert searched(stats, "не работает djpdhfn ", live=True) == "не работает возврат"
    assert searched(stats, "промокод c", live=False) == "промокод c"  # a letter of both layouts
    assert searched(stats, "промокод c") == "промокод c"


def test_a_russian_question_with_an_english_product_name(stats):
    assert searched(stats, "не работает shopwave") == "не работает shopwave"
    assert searched(stats, "не работает ырщзцфму") == "не работает shopwave"  # typed on the Russian layout
    # the Russian words on the English layout, the name typed right on it
    assert searched(stats, "yt hf,jnftn shopwave") == "не работает shopwave"


def test_a_typo_stays_in_its_own_script(stats):
    # "корзмне" is one edit from "корзине"; on the other layout it is the code "rjhpvyt"
    assert searched(stats, "промокод в корзмне", live=False) == "промокод в корзмне"
    assert searched(stats, "корзмне", live=False) == "rjhpvyt"  # alone, the evidence is the other layout
    assert searched(stats, "code корзмне", live=False) == "code rjhpvyt"  # the rest is English
    # a typo made on the wrong layout is retyped, so the typo rule can find the word
    assert searched(stats, "djphfn", live=False) == "возрат"
    assert "возврат" in build_query(stats, "djphfn").groups[0].alternatives


def test_punctuation_after_a_word_is_kept(stats):
    assert searched(stats, "ghbdtn, rehmth", live=False) == "привет, курьер"  # not "приветб"
    assert searched(stats, "руддщ!", live=False) == "hello!"


# -- searching as typed ---------------------------------------------------------------------------------


def test_search_as_typed_repairs_nothing(stats):
    plan = build_query(stats, "djpdhfn", live=True, repair=False)
    assert plan.interpreted == "" and [g.word for g in plan.groups] == ["djpdhfn"]
    assert build_query(stats, "hjpsuhsi ghbp", repair=False).interpreted == ""
    assert build_query(stats, "djpdhfn", live=True).interpreted == "возврат"


def test_extra_spaces_alone_are_no_reinterpretation(stats):
    # the window would say "Searched as: ..." for a double space typed by mistake
    assert build_query(stats, "курьер  не   пришёл", live=True).interpreted == ""
    assert build_query(stats, "  refund  djpdhfn ").interpreted == "refund возврат"


def test_the_trailing_space_is_kept(stats):
    assert repair_layout(stats, "djpdhfn ", live=True) == "возврат "
    assert repair_layout(stats, "курьер не п", live=True) == "курьер не п"


# -- any text --------------------------------------------------------------------------------------------

KB_WORDS = sorted({w for text in LAYOUT_KB.values() for w in tokenize(text.split("---")[-1]) if len(w) > 2})
WRONG = [switch_layout(w) for w in KB_WORDS if switch_layout(w)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(KB_WORDS), min_size=1, max_size=5), st.booleans())
def test_a_question_of_known_words_is_searched_as_typed(stats, words, live):
    text = " ".join(words)
    assert repair_layout(stats, text, live) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(KB_WORDS) | st.sampled_from(WRONG) | st.text(max_size=6), max_size=6),
       st.booleans())
def test_any_question_keeps_its_number_of_words(stats, words, live):
    text = " ".join(words)
    repaired = repair_layout(stats, text, live)
    assert len(repaired.split()) == len(text.split())
    for before, after in zip(text.split(), repaired.split()):
        assert after in (before, switch_layout(before)) or after.rstrip(",.;:!?'\"])}") == switch_layout(
            before.rstrip(",.;:!?'\"])}"))
