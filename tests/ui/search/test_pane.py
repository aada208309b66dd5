"""The results column says plainly when nothing matches well."""

from __future__ import annotations

from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.ui.search.pane import ResultsPane

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
