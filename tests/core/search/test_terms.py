"""Term statistics: the table read at once answers exactly what the term files answer one by one."""

from __future__ import annotations

import pytest

from kb_assistant.core.search import SearchService, update_index
from kb_assistant.core.search.terms import TermStats

WORDS = ("refund", "refunds", "refunded", "reset", "password", "passport", "возврат", "возврата",
         "вернуть", "пароль", "парольный", "доставка", "доставки", "card", "cart", "care")


@pytest.fixture
def reader(tmp_path):
    """A reader of an index in several segments (a first build's workers each write one)."""
    kb = tmp_path / "kb"
    kb.mkdir()
    for n in range(40):
        words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(1 + n % 5))
        (kb / f"a{n:03d}.md").write_text(
            f"---\nid: a{n:03d}\n---\n# Article {n} {WORDS[n % len(WORDS)]}\n\n{words} word{n % 9}.\n",
            encoding="utf-8")
    index_dir = tmp_path / "index"
    update_index(index_dir, kb, parallel_threshold=0)
    service = SearchService(kb, index_dir)
    service.refresh()
    reader = service._current_searcher().reader()  # noqa: SLF001
    assert len(reader.leaf_readers()) > 1
    yield reader
    service.close()


def test_frequencies_read_at_once_are_those_looked_up_over_every_segment(reader):
    looked_up, table = TermStats(reader), TermStats(reader)
    assert table.preload()
    terms = sorted(table._df)  # noqa: SLF001
    assert len(terms) > 20
    assert [table.df(t) for t in terms] == [looked_up.df(t) for t in terms]
    assert max(table.df(t) for t in terms) > 1


@pytest.mark.parametrize("prefix", ["r", "re", "ref", "pas", "в", "во", "пар", "ca", "word", "zz", "доставк"])
def test_completions_from_the_table_are_those_of_the_term_files(reader, prefix):
    looked_up, table = TermStats(reader), TermStats(reader)
    assert table.preload()
    assert table.completion_pool(prefix) == looked_up.completion_pool(prefix)
    assert table.completions(prefix) == looked_up.completions(prefix)


@pytest.mark.parametrize("stem", ["refund", "refun", "refundd", "rfund", "pasword", "passwort", "возврт",
                                  "паорль", "card", "cbrd", "x", "доставк"])
def test_words_one_edit_away_from_the_table_are_those_of_the_automaton(reader, stem):
    looked_up, table = TermStats(reader), TermStats(reader)
    assert table.preload()
    assert table.near(stem) == looked_up.near(stem)


def test_a_typo_finds_its_word_in_the_table(reader):
    table = TermStats(reader)
    assert table.preload()
    assert "password" in table.near("passwort")
    assert "passwort" not in table.near("passwort")


@pytest.mark.parametrize("prefix", ["r", "refu", "refundz", "пар", "парольн", "q", "wor", "word9", "доставкаа"])
def test_a_prefix_known_to_the_table_is_one_the_term_files_know(reader, prefix):
    looked_up, table = TermStats(reader), TermStats(reader)
    assert table.preload()
    assert table.has_prefix(prefix) == looked_up.has_prefix(prefix)


def test_a_word_read_in_both_layouts_is_read_once_per_index(reader):
    from kb_assistant.core.search.layout import repair_layout

    stats = TermStats(reader)
    assert repair_layout(stats, "hfccskrf djpdhfn", live=False) == repair_layout(TermStats(reader), "hfccskrf djpdhfn", live=False)
    kept = dict(stats.layout_words)
    assert kept
    repair_layout(stats, "hfccskrf djpdhfn", live=False)
    assert all(stats.layout_words[key] is value for key, value in kept.items())
