"""Search as you type: a key searches at once, keys typed during a search are coalesced, stale answers dropped."""

from kb_assistant.core.models import SearchResults
from kb_assistant.core.search import SearchFilters
from kb_assistant.ui.search import controller as controller_module
from kb_assistant.ui.search.controller import SearchController


def recorder(controller):
    requests = []
    controller.search_requested.connect(lambda rid, text, filters, as_typed: requests.append((rid, text)))
    return requests


def test_a_key_is_searched_at_once_without_a_pause(qtbot):
    noted = []
    controller = SearchController(note_latest=noted.append)
    requests = recorder(controller)
    controller.set_text("r")
    assert requests == [(1, "r")] and noted == [1] and controller.busy


def test_keys_typed_while_a_search_runs_make_one_request_for_the_latest_text(qtbot):
    controller = SearchController()
    requests = recorder(controller)
    shown = []
    controller.results_changed.connect(shown.append)
    for text in ("r", "re", "ref", "refu"):
        controller.set_text(text)
    assert requests == [(1, "r")]  # "re", "ref" and "refu" wait for the running search
    controller.on_results(1, SearchResults(query="r"))
    assert requests == [(1, "r"), (2, "refu")]  # coalesced: only the latest text
    assert shown == []  # the answer to "r" is stale by now: the screen waits for "refu"
    controller.on_results(2, SearchResults(query="refu"))
    assert [r.query for r in shown] == ["refu"] and not controller.busy


def test_a_request_the_worker_skipped_or_failed_still_frees_the_way(qtbot):
    controller = SearchController()
    requests = recorder(controller)
    controller.set_text("a")
    controller.set_text("ab")
    controller.on_request_done(1)  # no answer (the index failed, or no KB yet), but done
    assert requests == [(1, "a"), (2, "ab")]
    controller.on_request_done(1)  # a second word about an old request changes nothing
    assert requests == [(1, "a"), (2, "ab")] and controller.busy


def test_a_search_that_never_answers_does_not_hold_the_keys_back(qtbot):
    controller = SearchController()
    controller._stall.setInterval(10)
    requests = recorder(controller)
    controller.set_text("a")
    controller.set_text("ab")  # the worker is busy (indexing) and says nothing
    qtbot.waitUntil(lambda: len(requests) == 2, timeout=2000)
    assert requests[-1] == (2, "ab")
    assert controller_module.STALL_MS >= 500  # long enough never to fire while the engine answers in time


def test_stale_answers_are_dropped(qtbot):
    controller = SearchController()
    shown = []
    controller.results_changed.connect(shown.append)
    controller.set_text("a")
    controller.on_results(1, SearchResults(query="a"))
    controller.set_text("ab")
    controller.on_results(1, SearchResults(query="a"))  # a late duplicate of the old answer
    assert [r.query for r in shown] == ["a"]
    controller.on_results(2, SearchResults(query="ab"))
    assert [r.query for r in shown] == ["a", "ab"]


def test_clearing_the_text_cancels_and_says_so(qtbot):
    controller = SearchController()
    requests = recorder(controller)
    shown = []
    controller.results_changed.connect(shown.append)
    controller.set_text("refund")
    with qtbot.waitSignal(controller.cleared):
        controller.set_text("  ")
    controller.on_results(1, SearchResults(query="refund"))
    assert shown == [] and controller.latest is None and not controller.busy
    controller.set_text("new")  # not held back by the cancelled search
    assert requests[-1] == (3, "new")


def test_filters_trigger_a_new_search(qtbot):
    controller = SearchController()
    controller.set_text("refund")
    controller.on_request_done(1)
    with qtbot.waitSignal(controller.search_requested) as blocker:
        controller.set_filters(SearchFilters(lang="ru"))
    assert blocker.args[2] == SearchFilters(lang="ru")


def test_search_as_typed_holds_until_the_box_is_emptied(qtbot):
    controller = SearchController()
    requests = []
    controller.search_requested.connect(lambda rid, text, filters, as_typed: requests.append((text, as_typed)))
    controller.set_text("ghbdtn")
    controller.search_as_typed()  # at once, even while the first search runs
    assert requests[-1] == ("ghbdtn", True) and controller.as_typed
    controller.on_request_done(2)
    controller.set_text("ghbdtn vbh")
    assert requests[-1] == ("ghbdtn vbh", True)
    controller.set_text("")
    controller.set_text("ghbdtn")
    assert requests[-1] == ("ghbdtn", False) and not controller.as_typed


def test_a_question_typed_before_the_index_was_there_is_searched_when_part_of_it_is(qtbot):
    controller = SearchController()
    requests = recorder(controller)
    controller.on_index_grew(100, 1472)
    assert requests == []  # nothing typed: nothing to search
    controller.set_text("refund")
    controller.on_request_done(1)  # skipped by the worker: no index yet
    controller.on_index_grew(100, 1472)  # the first part of the new index is live
    assert requests == [(1, "refund"), (2, "refund")]


def test_the_article_marks_the_question_as_it_was_searched(qtbot):
    controller = SearchController()
    controller.set_text("rfr jnrk.xbnm gjlgbcre")
    assert controller.marked_words == "rfr jnrk.xbnm gjlgbcre"  # no answer yet
    controller.on_results(1, SearchResults(query="rfr jnrk.xbnm gjlgbcre", interpreted="как отключить подписку"))
    assert controller.marked_words == "как отключить подписку"  # typed on the wrong layout
    controller.set_text("rfr jnrk.xbnm gjlgbcre ")
    assert controller.marked_words == "rfr jnrk.xbnm gjlgbcre "  # the answer is for other text
    controller.on_results(2, SearchResults(query="rfr jnrk.xbnm gjlgbcre ", interpreted=""))
    assert controller.marked_words == "rfr jnrk.xbnm gjlgbcre "
