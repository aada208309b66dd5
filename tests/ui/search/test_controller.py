"""Debounced search requests and dropping stale answers."""

from kb_assistant.core.models import SearchResults
from kb_assistant.core.search import SearchFilters
from kb_assistant.ui.search.controller import SearchController


def test_keys_typed_in_a_burst_make_one_request(qtbot):
    noted = []
    controller = SearchController(note_latest=noted.append, debounce_ms=20)
    requests = []
    controller.search_requested.connect(lambda rid, text, filters, as_typed: requests.append((rid, text)))
    with qtbot.waitSignal(controller.search_requested, timeout=1000):
        for text in ("r", "re", "ref", "refu"):
            controller.set_text(text)
    assert requests == [(1, "refu")]
    assert noted == [1]


def test_stale_answers_are_dropped(qtbot):
    controller = SearchController(debounce_ms=1)
    shown = []
    controller.results_changed.connect(shown.append)
    with qtbot.waitSignal(controller.search_requested):
        controller.set_text("a")
    with qtbot.waitSignal(controller.search_requested):
        controller.set_text("ab")
    controller.on_results(1, SearchResults(query="a"))
    assert shown == []
    controller.on_results(2, SearchResults(query="ab"))
    assert [r.query for r in shown] == ["ab"]


def test_clearing_the_text_cancels_and_says_so(qtbot):
    controller = SearchController(debounce_ms=1)
    shown = []
    controller.results_changed.connect(shown.append)
    with qtbot.waitSignal(controller.search_requested):
        controller.set_text("refund")
    with qtbot.waitSignal(controller.cleared):
        controller.set_text("  ")
    controller.on_results(1, SearchResults(query="refund"))
    assert shown == [] and controller.latest is None


def test_filters_trigger_a_new_search(qtbot):
    controller = SearchController(debounce_ms=1)
    with qtbot.waitSignal(controller.search_requested):
        controller.set_text("refund")
    with qtbot.waitSignal(controller.search_requested) as blocker:
        controller.set_filters(SearchFilters(lang="ru"))
    assert blocker.args[2] == SearchFilters(lang="ru")


def test_search_as_typed_holds_until_the_box_is_emptied(qtbot):
    controller = SearchController(debounce_ms=1)
    requests = []
    controller.search_requested.connect(lambda rid, text, filters, as_typed: requests.append((text, as_typed)))
    with qtbot.waitSignal(controller.search_requested):
        controller.set_text("ghbdtn")
    controller.search_as_typed()  # at once, no pause
    assert requests[-1] == ("ghbdtn", True) and controller.as_typed
    with qtbot.waitSignal(controller.search_requested):
        controller.set_text("ghbdtn vbh")
    assert requests[-1] == ("ghbdtn vbh", True)
    controller.set_text("")
    with qtbot.waitSignal(controller.search_requested):
        controller.set_text("ghbdtn")
    assert requests[-1] == ("ghbdtn", False) and not controller.as_typed
