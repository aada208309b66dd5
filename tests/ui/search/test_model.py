"""The results model: a sound Qt item model in every state, and what each role shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.ui.search.model import ResultRole, ResultsModel, badges, marked_snippet_html

REFUND = SearchHit(
    id="refund", title="Refund to a card", path="payments/refund.md", score=3.2,
    snippet="Refunds reach the card in days.", highlights=((0, 7), (18, 22)),
    reply_names=("Refund started", "Refund delayed"), tags=("refunds",), lang="en", category="payments",
    stale=True,
)
HELLO = SearchHit(id="hello", title="Greeting", path="snippets/hello.md", score=1.0, snippet="Hello there!",
                  type="snippet", lang="en")
BARE = SearchHit(id="bare", title="Bare", path="bare.md", score=0.5, snippet="")
HOSTILE = SearchHit(
    id="x", title="<script>alert(1)</script> & Co", path="x.md", score=1.0,
    snippet="<img src=x onerror=y> a&b <b>", highlights=((22, 25),),
)


def results(*hits, confident=True):
    return SearchResults(query="q", hits=tuple(hits), confident=confident, confidence=0.9 if confident else 0.1)


@pytest.fixture
def model():
    return ResultsModel()


def cell(model, row, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, 0), role)


# -- a sound model in every state ----------------------------------------------------------------


def test_empty_model_is_sound(model, qtmodeltester):
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.hit(0) is None


def test_filled_model_is_sound(model, qtmodeltester):
    model.set_results(results(REFUND, HELLO, BARE, HOSTILE))
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_model_stays_sound_through_updates_in_place(model, qtmodeltester, qtbot):
    qtmodeltester.check(model)  # the tester keeps watching the model's signals from here on
    with qtbot.waitSignal(model.rowsInserted):
        model.set_results(results(REFUND, HELLO))
    with qtbot.waitSignal(model.rowsRemoved), qtbot.waitSignal(model.dataChanged):
        model.set_hits((BARE,))  # the fixed list of recent/pinned articles
    assert [model.hit(row).id for row in range(model.rowCount())] == ["bare"]
    with qtbot.waitSignal(model.rowsRemoved):
        model.set_results(None)
    assert model.rowCount() == 0
    model.set_hits(())
    qtmodeltester.check(model)


def test_an_update_touches_only_what_changed(model, qtbot):
    model.set_results(results(REFUND, HELLO, BARE))
    changed = []
    model.dataChanged.connect(lambda first, last, roles=(): changed.append((first.row(), last.row())))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.rowsRemoved):
        model.set_results(results(REFUND, HELLO, BARE))  # the same answer again: nothing at all
        assert changed == []
        model.set_results(results(REFUND, BARE, HOSTILE))
    assert changed == [(1, 2)]
    model.set_results(results(REFUND, BARE, HOSTILE, confident=False))  # the same rows, now a weak answer: every row repaints dimmed
    assert changed[-1] == (0, 2) and model.confident is False


def test_rows_have_no_children_and_out_of_range_is_nothing(model):
    model.set_results(results(REFUND))
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(5, 0)) is None
    assert model.hit(-1) is None and model.hit(1) is None and model.hit(0) is REFUND


# -- roles -----------------------------------------------------------------------------


def test_display_and_accessible_text_read_title_badges_snippet(model):
    model.set_results(results(REFUND, BARE))
    expected = "Refund to a card (payments, EN, stale, replies: 2). Refunds reach the card in days."
    assert cell(model, 0) == expected
    assert cell(model, 0, Qt.ItemDataRole.AccessibleTextRole) == expected
    assert cell(model, 1) == "Bare (). "


def test_tooltip_is_the_path_and_hit_is_the_hit(model):
    model.set_hits((REFUND, HELLO))
    assert cell(model, 1, Qt.ItemDataRole.ToolTipRole) == "snippets/hello.md"
    assert cell(model, 0, ResultRole.Hit) is REFUND
    assert cell(model, 0, Qt.ItemDataRole.DecorationRole) is None


def test_badges_say_category_language_type_staleness_and_replies():
    assert badges(REFUND) == ["payments", "EN", "stale", "replies: 2"]
    assert badges(HELLO) == ["EN", "snippet"]
    assert badges(BARE) == []


def test_rich_text_bolds_the_matches(model):
    model.set_results(results(REFUND))
    rich = cell(model, 0, ResultRole.RichText)
    assert rich.startswith("<b>Refund to a card</b> ")
    assert "payments · EN · stale · replies: 2" in rich
    assert "<b>Refunds</b> reach the <b>card</b> in days." in rich


def test_rich_text_escapes_html_in_titles_and_snippets(model):
    model.set_results(results(HOSTILE))
    rich = cell(model, 0, ResultRole.RichText)
    assert "<script>" not in rich and "<img" not in rich
    assert "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</b>" in rich
    assert marked_snippet_html(HOSTILE) == "&lt;img src=x onerror=y&gt; <b>a&amp;b</b> &lt;b&gt;"


def test_confident_follows_the_results_and_fixed_lists_are_confident(model):
    model.set_results(results(REFUND, confident=False))
    assert model.confident is False
    model.set_results(results(REFUND, confident=True))
    assert model.confident is True
    model.set_results(None)
    assert model.confident is False
    model.set_hits((REFUND,))
    assert model.confident is True
