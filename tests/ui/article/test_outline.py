"""Go to section (Ctrl+Shift+O): the open article's headings, filtered by typing; Enter scrolls there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from kb_assistant.ui.article.outline import Heading, OutlineDialog, document_headings, indented, matching
from kb_assistant.ui.article.pane import ArticlePane
from tests.ui.helpers import type_text

HTML = ("<h1>Refund to a bank card</h1><p>Intro.</p>"
        + "".join(f"<h2>Step {n}</h2>" + "<p>Filler text.</p>" * 10 for n in range(1, 6))
        + "<h3>Если   деньги не пришли</h3><p>Ждите.</p><h2></h2><h2>Reply: Refund started</h2><p>On its way.</p>")


def _document() -> QTextDocument:
    document = QTextDocument()
    document.setHtml(HTML)
    return document


def test_headings_come_from_the_rendered_document_in_reading_order():
    document = _document()
    headings = document_headings(document)
    assert [(h.level, h.text) for h in headings] == [
        (1, "Refund to a bank card"), (2, "Step 1"), (2, "Step 2"), (2, "Step 3"), (2, "Step 4"), (2, "Step 5"),
        (3, "Если деньги не пришли"), (2, "Reply: Refund started")]  # spaces collapsed, the empty one left out
    positions = [h.position for h in headings]
    assert positions == sorted(positions) and positions[0] == 0
    assert document.findBlock(positions[3]).text() == "Step 3"


def test_filtering_wants_every_word_in_any_case_and_e_for_yo():
    headings = document_headings(_document())
    assert [h.text for h in matching(headings, "refund")] == ["Refund to a bank card", "Reply: Refund started"]
    assert [h.text for h in matching(headings, "REFUND card")] == ["Refund to a bank card"]
    assert [h.text for h in matching(headings, "дЕньги")] == ["Если деньги не пришли"]
    assert [h.text for h in matching([Heading(2, "Ещё раз", 0)], "еще")] == ["Ещё раз"]
    assert len(matching(headings, "  ")) == len(headings) and matching(headings, "nowhere") == []


def test_the_list_is_indented_below_the_articles_top_level():
    assert indented(Heading(2, "Step", 0), top=2) == "Step"
    assert indented(Heading(3, "Detail", 0), top=2) == "    Detail"
    assert indented(Heading(1, "Title", 0), top=2) == "Title"


def test_the_dialog_filters_and_enter_reports_the_chosen_heading(qtbot):
    headings = document_headings(_document())
    dialog = OutlineDialog(headings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.visible_texts() == [h.text for h in headings]
    assert dialog.count.text() == f"Sections: {len(headings)} of {len(headings)}"
    type_text(dialog.field, "step")
    assert dialog.visible_texts() == ["Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)  # Up and Down move in the list from the field
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert dialog.list.currentItem().text().strip() == "Step 3"
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert chosen.args == [headings[3].position] and not dialog.isVisible()


def test_esc_closes_and_nothing_is_chosen(qtbot):
    dialog = OutlineDialog(document_headings(_document()))
    qtbot.addWidget(dialog)
    dialog.show()
    chosen = []
    dialog.chosen.connect(chosen.append)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and chosen == []


def test_a_screen_reader_hears_the_field_the_list_and_each_level(qtbot):
    dialog = OutlineDialog(document_headings(_document()))
    qtbot.addWidget(dialog)
    assert dialog.field.accessibleName() == "Find a section"
    assert dialog.list.accessibleName() == "Sections of the article"
    assert dialog.list.item(1).data(Qt.ItemDataRole.AccessibleTextRole) == "Step 1, level 2"


def test_an_article_without_headings_says_so(qtbot):
    dialog = OutlineDialog([])
    qtbot.addWidget(dialog)
    assert dialog.visible_texts() == [] and dialog.count.text() == "This article has no sections"
    dialog.go_to_current()  # Enter on an empty list does nothing


def test_the_pane_jumps_to_the_chosen_heading(qtbot):
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.show_outline() is None  # no article: nothing to list
    pane.view.show_article(object(), HTML)
    dialog = pane.show_outline()
    assert dialog is pane.outline and "Step 4" in dialog.visible_texts()
    assert pane.view.verticalScrollBar().value() == 0
    type_text(dialog.field, "step 4")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert pane.outline is None
    assert pane.view.verticalScrollBar().value() > 0
    assert pane.view.textCursor().block().text() == "Step 4"
    top = pane.view.cursorRect(pane.view.textCursor()).top()
    assert 0 <= top <= pane.view.fontMetrics().lineSpacing()  # the heading is at the top of the view
