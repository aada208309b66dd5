"""Back and forward through the opened articles: the history's rules, without Qt."""

from __future__ import annotations

from kb_assistant.ui.article.history import GLANCE, ArticleHistory


class Clock:
    """Seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += seconds


def visited(*ids: str, **options) -> ArticleHistory:
    history = ArticleHistory(**options)
    for article_id in ids:
        history.visit(article_id)
    return history


def test_back_and_forward_walk_the_opened_articles():
    history = visited("a", "b", "c")
    assert history.current == "c" and history.can_go_back() and not history.can_go_forward()
    assert history.back() == "b" and history.back() == "a"
    assert history.back() is None and history.current == "a" and not history.can_go_back()
    assert history.forward() == "b" and history.forward() == "c"
    assert history.forward() is None and history.current == "c"


def test_showing_the_article_gone_back_to_adds_nothing():
    history = visited("a", "b", "c")
    target = history.back()
    history.visit(target)  # the preview opens it and reports it like any other open
    assert history.entries() == ["a", "b", "c"] and history.current == "b"
    assert history.can_go_forward()


def test_opening_a_new_article_after_going_back_drops_the_forward_list():
    history = visited("a", "b", "c")
    history.back()
    history.back()
    history.visit("d")
    assert history.entries() == ["a", "d"] and not history.can_go_forward()
    assert history.back() == "a"


def test_opening_the_same_article_again_is_not_a_new_entry():
    history = visited("a", "a", "b", "b", "b")
    assert history.entries() == ["a", "b"]
    history.visit("a")  # the same article later is a new step, as in a browser
    assert history.entries() == ["a", "b", "a"]


def test_the_history_is_bounded_and_keeps_the_newest():
    history = visited(*(f"article-{n}" for n in range(150)), limit=100)
    entries = history.entries()
    assert len(entries) == 100 and entries[0] == "article-50" and entries[-1] == "article-149"
    steps = 0
    while history.back() is not None:
        steps += 1
    assert steps == 99 and history.current == "article-50"


def test_articles_removed_from_the_kb_are_skipped_both_ways():
    history = visited("a", "gone", "b", "also-gone", "c")
    exists = lambda article_id: "gone" not in article_id  # noqa: E731
    assert history.back(exists) == "b" and history.back(exists) == "a"
    assert history.forward(exists) == "b" and history.forward(exists) == "c"
    history = visited("gone", "a")
    assert not history.can_go_back(exists) and history.back(exists) is None and history.current == "a"


def test_a_copy_of_the_current_article_is_not_somewhere_to_go():
    history = visited("a", "b", "a")
    assert not history.can_go_back(lambda article_id: article_id != "b")
    assert history.back(lambda article_id: article_id != "b") is None and history.current == "a"


def test_an_empty_history_goes_nowhere():
    history = ArticleHistory()
    assert history.current is None and history.back() is None and history.forward() is None
    assert not history.can_go_back() and not history.can_go_forward()


def test_results_passed_over_while_typing_give_way_to_the_next_one():
    clock = Clock()
    history = ArticleHistory(clock=clock)
    history.visit("read")
    for article_id in ("r", "re", "ref", "refund"):  # the results' first article, one per keystroke
        history.visit(article_id, passing=True)
        clock.wait(0.2)
    assert history.entries() == ["read", "refund"]
    clock.wait(GLANCE)  # the agent stayed on it: it counts
    history.visit("password", passing=True)
    assert history.entries() == ["read", "refund", "password"]


def test_an_article_the_agent_went_into_stays():
    clock = Clock()
    history = ArticleHistory(clock=clock)
    history.visit("a", passing=True)
    history.keep()  # the keyboard went into the article
    history.visit("b", passing=True)
    history.visit("b")  # Enter on the previewed result: an explicit open keeps it
    history.visit("c", passing=True)
    assert history.entries() == ["a", "b", "c"]


def test_passing_back_to_the_article_before_does_not_repeat_it():
    history = ArticleHistory(clock=Clock())
    history.visit("a")
    history.visit("b", passing=True)
    history.visit("a", passing=True)
    assert history.entries() == ["a"] and history.current == "a"
    history.visit("c", passing=True)  # "a" was opened, not passed over: it stays
    assert history.entries() == ["a", "c"]


def test_an_article_gone_back_to_is_never_replaced():
    history = ArticleHistory(clock=Clock())
    history.visit("a")
    history.visit("b")
    history.back()
    history.visit("c", passing=True)
    history.visit("d", passing=True)
    assert history.entries() == ["a", "d"]
