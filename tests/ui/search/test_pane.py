"""The results column says plainly when nothing matches well."""

from __future__ import annotations

from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.ui.search.pane import PREVIEW_FOLLOW_MS, ResultsPane

HIT = SearchHit(id="a", title="Alpha", path="a.md", score=1.0, snippet="alpha")


def test_no_good_match_nothing_found_and_a_confident_answer(qtbot):
    pane = ResultsPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_results(SearchResults("weather", (HIT,), confident=False))
    assert pane.no_match.isVisible() and "No good match" in pane.no_match.text()
    assert pane.current_hit() == HIT  # the closest one is still selected, for the keyboard
    pane.show_results(SearchResults("zzz"))
    assert pane.no_match.isVisible() and "zzz" in pane.no_match.text()
    assert pane.current_hit() is None
    pane.show_results(SearchResults("alpha", (HIT,), confident=True))
    assert not pane.no_match.isVisible()
    pane.show_results(SearchResults("weather", (HIT,), confident=False))
    pane.show_hits((HIT,))
    assert not pane.no_match.isVisible() and pane.model.rowCount() == 1
    pane.show_results(None)
    assert not pane.no_match.isVisible() and pane.model.rowCount() == 0


def test_a_weak_answer_reads_as_weak_to_eyes_and_to_a_screen_reader(qtbot):
    pane = ResultsPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_results(SearchResults("weather", (HIT,), confident=False))
    assert pane.no_match.text() == "No good match. Closest:"
    assert not pane.model.confident
    spoken = pane.model.data(pane.model.index(0, 0))
    assert spoken.startswith("Weak match: Alpha")
    pane.show_results(SearchResults("alpha", (HIT,), confident=True))
    assert pane.model.data(pane.model.index(0, 0)).startswith("Alpha")


def test_a_repaired_layout_says_what_was_searched_and_offers_the_text_as_typed(qtbot):
    pane = ResultsPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_results(SearchResults("djpdhfn", (HIT,), interpreted="возврат", confident=True))
    assert pane.repaired.isVisible()
    assert pane.searched_as.text() == "Searched as: возврат"
    assert "djpdhfn" in pane.as_typed.text() and pane.as_typed.accessibleName() == pane.as_typed.text()
    with qtbot.waitSignal(pane.as_typed_requested, timeout=1000):
        pane.as_typed.click()
    pane.show_results(SearchResults("refund", (HIT,), confident=True))
    assert not pane.repaired.isVisible()
    pane.show_results(SearchResults("djpdhfn", (HIT,), interpreted="возврат", confident=True))
    pane.show_hits((HIT,))
    assert not pane.repaired.isVisible()


def test_the_preview_follows_an_article_that_replaces_the_current_row_in_place(qtbot):
    pane = ResultsPane()
    qtbot.addWidget(pane)
    other = SearchHit(id="b", title="Beta", path="b.md", score=1.0, snippet="beta")
    rows = []
    pane.current_row_changed.connect(rows.append)
    pane.show_results(SearchResults("a", (HIT, other), confident=True))
    assert rows == []  # while typing the article follows only when the keys pause
    qtbot.waitUntil(lambda: rows == [0])
    # the next key's answer puts another article first: the row stays current, its article changes
    pane.show_results(SearchResults("b", (other, HIT), confident=True))
    qtbot.waitUntil(lambda: rows == [0, 0])
    assert pane.current_hit() == other
    pane.show_results(SearchResults("b", (other, HIT), confident=True))  # the same answer: nothing to follow
    qtbot.wait(PREVIEW_FOLLOW_MS * 2)
    assert rows == [0, 0]
    pane.view.move_selection(1)  # the agent moves: at once
    assert rows == [0, 0, 1]


def test_keys_typed_in_a_burst_make_the_article_follow_once(qtbot):
    pane = ResultsPane()
    qtbot.addWidget(pane)
    other = SearchHit(id="b", title="Beta", path="b.md", score=1.0, snippet="beta")
    rows = []
    pane.current_row_changed.connect(rows.append)
    for first in (HIT, other, HIT, other):
        pane.show_results(SearchResults("q", (first,), confident=True))
    qtbot.wait(PREVIEW_FOLLOW_MS * 3)
    assert rows == [0] and pane.current_hit() == other
