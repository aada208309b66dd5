"""The find bar says which match is selected of how many: "3 of 7", or "Not found"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kb_assistant.ui.article.find_bar import FindBar
from kb_assistant.ui.article.pane import ArticlePane
from kb_assistant.ui.widgets.article_view import Matches

TEXT = "<p>Refund, refund and REFUND.</p><p>No refunds on Sunday. Refund.</p>"


def _pane(qtbot):
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    pane.view.show_article(None, TEXT)
    pane.find_bar.open_bar()
    return pane


def test_enter_says_which_match_of_how_many(qtbot):
    pane = _pane(qtbot)
    bar = pane.find_bar
    qtbot.keyClicks(bar.field, "REFUND")  # any case, like the find itself
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == "1 of 5"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == "3 of 5"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back one
    assert bar.status.text() == "2 of 5"
    for _ in range(4):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == "1 of 5"  # wrapped around


def test_no_match_says_not_found_and_editing_forgets_the_count(qtbot):
    pane = _pane(qtbot)
    bar = pane.find_bar
    qtbot.keyClicks(bar.field, "sunday")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == "1 of 1"
    qtbot.keyClicks(bar.field, "s")
    assert bar.status.text() == ""  # the count was about "sunday"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == "Not found"


def test_another_article_forgets_the_count(qtbot):
    pane = _pane(qtbot)
    qtbot.keyClicks(pane.find_bar.field, "refund")
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
    assert pane.find_bar.status.text()
    pane.view.show_article(None, "<p>Another text.</p>")
    assert pane.find_bar.status.text() == ""


def test_more_matches_than_are_counted(qtbot):
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.show_matches(Matches(3, 1000, True))
    assert bar.status.text() == "3 of more than 1000"
    bar.show_matches(Matches(0, 1000, True))
    assert bar.status.text() == "More than 1000 matches"
    bar.show_matches(Matches(0, 0, False))
    assert bar.status.text() == "Not found"
