"""The results list: keyboard moves, rich items that grow with their text, painting, activation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from kb_assistant.core.models import SearchHit
from kb_assistant.ui.search.model import ResultsModel
from kb_assistant.ui.search.view import ResultsView

LONG = "Refunds reach the card in three to ten business days, depending on the bank. " * 6


def hit(number: int, snippet: str = "Short snippet.") -> SearchHit:
    return SearchHit(id=f"a{number}", title=f"Article {number}", path=f"a{number}.md", score=1.0,
                     snippet=snippet, highlights=((0, 5),) if snippet else (), lang="en", category="payments")


@pytest.fixture
def view(qtbot):
    view = ResultsView()
    model = ResultsModel(view)
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(400, 300)
    return view


def fill(view, count: int, snippet: str = "Short snippet.") -> None:
    view.model().set_hits(tuple(hit(number, snippet) for number in range(count)))


def current(view) -> int:
    return view.currentIndex().row()


# -- move_selection ----------------------------------------------------------------------------


def test_moving_with_nothing_to_move_through_does_nothing(view):
    view.move_selection(1)
    assert current(view) == -1
    empty = ResultsView()
    empty.move_selection(1)  # no model at all
    assert empty.currentIndex().row() == -1


@pytest.mark.parametrize("step", [1, -1, 5, -5])
def test_any_first_move_selects_the_first_row(view, step):
    fill(view, 8)
    assert current(view) == -1
    view.move_selection(step)
    assert current(view) == 0
    assert view.selectionModel().isSelected(view.model().index(0, 0))


def test_moves_stop_at_both_ends(view):
    fill(view, 3)
    view.move_selection(1)
    view.move_selection(1)
    view.move_selection(1)
    assert current(view) == 2
    view.move_selection(1)
    assert current(view) == 2
    view.move_selection(-1)
    assert current(view) == 1
    view.move_selection(-1)
    view.move_selection(-1)
    assert current(view) == 0


def test_page_steps_move_by_five_and_clamp(view):
    fill(view, 12)
    view.move_selection(1)
    view.move_selection(5)
    assert current(view) == 5
    view.move_selection(5)
    assert current(view) == 10
    view.move_selection(5)
    assert current(view) == 11
    view.move_selection(-5)
    assert current(view) == 6
    view.move_selection(-5)
    view.move_selection(-5)
    assert current(view) == 0


def test_an_update_in_place_keeps_the_current_row_while_it_exists(view):
    fill(view, 4)
    view.move_selection(1)
    view.move_selection(1)
    fill(view, 2)  # the rows change in place (the pane selects the first row of a new answer)
    assert current(view) == 1
    fill(view, 0)
    assert current(view) == -1
    fill(view, 3)
    view.move_selection(1)
    assert current(view) == 0


# -- the delegate ---------------------------------------------------------------------------


def option_for(view, width: int, selected: bool = False) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, width, 80)
    option.font = view.font()
    option.widget = view  # the delegate draws the item background with the view's style
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    return option


def height(view, row: int, width: int) -> int:
    return view.itemDelegate().sizeHint(option_for(view, width), view.model().index(row, 0)).height()


def test_a_long_snippet_and_a_narrow_list_make_taller_items(view):
    view.model().set_hits((hit(0, "Short."), hit(1, LONG)))
    assert height(view, 1, 400) > height(view, 0, 400)
    assert height(view, 1, 150) > height(view, 1, 400)
    assert height(view, 0, 400) > 0


def paint(view, row: int, selected: bool) -> QPixmap:
    pixmap = QPixmap(400, 120)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    try:
        option = option_for(view, 400, selected)
        option.rect = QRect(0, 0, 400, 120)
        view.itemDelegate().paint(painter, option, view.model().index(row, 0))
    finally:
        painter.end()
    return pixmap


def colours(pixmap: QPixmap) -> set[int]:
    image = pixmap.toImage()
    return {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def highlights(view) -> set[int]:
    """The selection colour, whether or not the (offscreen) window counts as active."""
    palette = view.palette()
    return {palette.color(group, QPalette.ColorRole.Highlight).rgb()
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)}


def test_selected_and_unselected_rows_paint(view):
    fill(view, 2, LONG)
    plain = paint(view, 0, selected=False)
    chosen = paint(view, 0, selected=True)
    assert len(colours(plain)) > 1  # the text was drawn
    assert colours(chosen) & highlights(view) and not colours(plain) & highlights(view)


def test_a_row_without_rich_text_paints_no_text(view):
    blank = paint(view, 0, selected=False)  # the model is empty: the index is invalid
    assert len(colours(blank)) == 1


def test_the_list_paints_its_rows_with_the_current_one_selected(view, qtbot):
    fill(view, 3, LONG)
    view.show()
    qtbot.waitExposed(view)
    before = view.viewport().grab()
    view.move_selection(1)
    after = view.viewport().grab()
    assert not colours(before) & highlights(view) and colours(after) & highlights(view)


# -- activation -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_a_row_activates_it(view, qtbot, key):
    fill(view, 3)
    view.show()
    view.setFocus()
    view.move_selection(1)
    view.move_selection(1)
    with qtbot.waitSignal(view.activated, timeout=1000) as activated:
        qtbot.keyClick(view, key)
    assert activated.args[0].row() == 1


def test_enter_without_a_current_row_activates_nothing(view, qtbot):
    fill(view, 3)
    view.show()
    with qtbot.assertNotEmitted(view.activated):
        qtbot.keyClick(view, Qt.Key.Key_Return)
