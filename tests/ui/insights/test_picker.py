"""The article picker: type to filter, arrows and Enter pick, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kb_assistant.ui.insights.controller import article_choices, filter_choices
from kb_assistant.ui.insights.picker import ArticlePickerDialog
from tests.ui.helpers import type_text


def test_choices_leave_snippets_out_and_filter_by_title_or_id(kb):
    choices = article_choices(kb)
    assert [c.id for c in choices] == ["about", "refund", "delivery"]  # by title; the snippet has no questions
    assert [c.id for c in filter_choices(choices, "ДОСТ")] == ["delivery"]
    assert [c.id for c in filter_choices(choices, "ref")] == ["refund"]
    assert filter_choices(choices, "") == choices


def test_typing_filters_and_enter_returns_the_id(qtbot, kb):
    dialog = ArticlePickerDialog(article_choices(kb), "деньги не пришли")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "деньги не пришли" in dialog.about.text() and dialog.list.count() == 3
    dialog.filter.setFocus()
    type_text(dialog.filter, "re")
    assert [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())] == ["refund"]
    assert "1 of 3" in dialog.count.text()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.chosen_id() == "refund"


def test_the_arrows_move_in_the_list_from_the_filter(qtbot, kb):
    dialog = ArticlePickerDialog(article_choices(kb))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # an item view takes the focus from an inactive window's line edit
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.focusWidget() is dialog.filter, timeout=3000)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.chosen_id() == "refund" and dialog.focusWidget() is dialog.filter


def test_nothing_matching_picks_nothing_and_esc_cancels(qtbot, kb):
    dialog = ArticlePickerDialog(article_choices(kb))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.filter, "zzz")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.chosen_id() == "" and not ok.isEnabled() and "No article matches" in dialog.count.text()
    dialog.accept()
    assert dialog.isVisible()  # Enter with nothing to pick keeps the dialog
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected
