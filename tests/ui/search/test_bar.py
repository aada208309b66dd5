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


def test_categories_show_their_label_in_the_interface_language(qtbot, write_kb, qapp):
    from kb_assistant.ui.search.model import ResultsModel, badges
    from kb_assistant.ui.system import i18n

    kb = load_kb(write_kb({
        "_kb.yml": "categories:\n  delivery: {ru: Доставка, en: Delivery}\n  returns: {ru: Возвраты, en: Returns}\n",
        "delivery/a.md": "# A\n", "returns/b.md": "# B\n", "zoo/c.md": "# C\n",
    }))
    bar = SearchBar()
    qtbot.addWidget(bar)
    model = ResultsModel()
    model.category_labels = bar.category_labels  # as the window wires them
    try:
        i18n.install_translators(qapp, "ru")
        bar.set_kb(kb)
        labels = [bar.category.itemText(i) for i in range(1, bar.category.count())]
        assert labels == ["zoo", "Возвраты", "Доставка"]  # sorted by what is shown; no label: the folder
        assert bar.category.itemData(labels.index("Доставка") + 1) == "delivery"  # the filter is the folder
        hit = next(iter(kb.articles.values()))
        assert badges(load_hit(hit), model.category_labels)[0] == model.category_labels[hit.category]
        i18n.install_translators(qapp, "en")
        bar.set_kb(kb)
        assert {bar.category.itemText(i) for i in range(1, bar.category.count())} == {"Delivery", "Returns", "zoo"}
    finally:
        i18n.install_translators(qapp, "en")
        i18n.remove_translators(qapp)  # the other tests run untranslated


def load_hit(article):
    from kb_assistant.core.models import SearchHit

    return SearchHit(id=article.id, title=article.title, path=article.path, score=1.0, snippet="",
                     category=article.category)
