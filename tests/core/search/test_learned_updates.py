"""New learned questions while the app runs: the term table and field norms stay, only the learned part changes."""

from __future__ import annotations

import pytest

from kb_assistant.core.search import SearchService

KB = {
    "translate.md": "---\nid: translate\nlang: en\n---\n# Translate a phrase\n\nTranslations into other languages.\n",
    "flights.md": "---\nid: flights\nlang: en\n---\n# Book a flight\n\nFlights and airlines to Lisbon.\n",
}


@pytest.fixture
def service(write_kb, tmp_path):
    with SearchService(write_kb(KB), tmp_path / "index") as found:
        found.update()
        assert found.read_terms()
        yield found


def top(service, text, **kw):
    return [hit.id for hit in service.search(text, **kw).hits]


def test_setting_learned_keeps_the_complete_term_table(service):
    stats = service._stats
    service.set_learned({"translate": [("ciao portuguese", 1.0)]})
    assert service._stats is stats and stats.preload()  # the same table, still complete: not read again
    assert stats.has_prefix("portug") and stats.completions("portug")
    assert top(service, "portugese")[0] == "translate"  # a typo of a learned word is corrected
    assert top(service, "portug", live=True)[0] == "translate"  # and completed


def test_replaced_learned_words_are_forgotten_and_index_counts_come_back(service):
    stats = service._stats
    flight_df = stats.df("flight")
    service.set_learned({"translate": [("ciao portuguese flight", 1.0)], "flights": [("flight lisbon", 1.0)]})
    assert stats.df("flight") >= flight_df
    service.set_learned({"flights": [("cheap tickets", 1.0)]})
    assert stats.df("flight") == flight_df  # the index's own count again
    assert not stats.known("ciao")
    assert top(service, "ciao") == []
    assert top(service, "cheap tickets")[0] == "flights"
    service.set_learned({})
    assert not stats.known("cheap") and stats.df("flight") == flight_df
    assert not stats.has_prefix("chea") and stats.completions("chea") == []


def test_a_word_first_learned_after_the_table_was_read_keeps_its_index_count(service):
    stats = service._stats
    airline_df = stats.df("airlin")
    service.set_learned({"translate": [("airlines translate", 1.0)]})
    service.set_learned({})
    assert stats.df("airlin") == airline_df and airline_df > 0
    assert top(service, "airlines")[0] == "flights"
