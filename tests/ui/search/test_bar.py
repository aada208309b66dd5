"""The search bar: typing, Enter, Up/Down to the results, filters from the KB."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.search import SearchFilters
from kb_assistant.ui.search.bar import SearchBar


def test_keys_in_the_box_move_through_the_results_and_enter_submits(qtbot):
    bar = SearchBar()
    qtbot.addWidget(bar)
    moves = []
    bar.move_requested.connect(moves.append)
    with qtbot.waitSignal(bar.text_changed):
        qtbot.keyClicks(bar.box, "refund")
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
        qtbot.keyClick(bar.box, key)
    assert moves == [1, -1, 5, -5]
    qtbot.keyClick(bar.box, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # a modified key is the box's own
    assert moves == [1, -1, 5, -5]
    with qtbot.waitSignal(bar.submitted):
        qtbot.keyClick(bar.box, Qt.Key.Key_Return)


def test_filters_follow_the_kb_and_keep_a_choice_that_still_exists(qtbot, write_kb):
    kb = load_kb(write_kb({
        "account/a.md": "---\ntags: [login, sms]\n---\n# A\n",
        "returns/b.md": "---\ntags: [refund]\n---\n# B\n",
    }))
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.set_kb(kb)
    assert [bar.category.itemData(i) for i in range(bar.category.count())] == ["", "account", "returns"]
    assert [bar.tag.itemData(i) for i in range(bar.tag.count())] == ["", "login", "refund", "sms"]
    with qtbot.waitSignal(bar.filters_changed) as changed:
        bar.category.setCurrentIndex(bar.category.findData("returns"))
    assert changed.args == [SearchFilters(category="returns")]
    with qtbot.assertNotEmitted(bar.filters_changed):
        bar.set_kb(kb)  # a reload keeps the choice and says nothing
    assert bar.filters() == SearchFilters(category="returns")
    bar.language.setCurrentIndex(bar.language.findData("ru"))
    assert bar.filters() == SearchFilters(lang="ru", category="returns")
