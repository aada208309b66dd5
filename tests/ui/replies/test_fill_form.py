"""The fill-in form: labels and fallbacks, the required guard, keyboard, accessibility."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QLineEdit

from kb_assistant.core.replies.compose import PlaceholderField
from kb_assistant.ui.replies.fill_form import FillInDialog, ask_values, with_mnemonic

# The offscreen platform warns when a dialog with a layout (hence a minimum size) is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FIELDS = [
    PlaceholderField("customer_name", "Customer name", "there"),
    PlaceholderField("order_id", "Order number", None),
    PlaceholderField("note", "Note & comment", ""),
]


@pytest.fixture
def dialog(qtbot):
    widget = FillInDialog(FIELDS)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_text(widget, text: str) -> None:
    """Send one key event per character (qtbot.keyClicks aborts on non-ASCII text)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def labels(dialog) -> dict[str, QLabel]:
    return {label.buddy(): label for label in dialog.findChildren(QLabel) if label.buddy()}


def test_fields_show_labels_fallbacks_and_required_marks(dialog):
    by_edit = labels(dialog)
    name, order, note = (dialog.edit(n) for n in ("customer_name", "order_id", "note"))
    assert by_edit[name].text() == "C&ustomer name"
    assert by_edit[order].text() == "O&rder number *"
    assert by_edit[note].text() == "&Note && comment"
    assert name.placeholderText() == "empty: “there”"
    assert order.placeholderText() == ""
    assert order.accessibleDescription() == "required"
    assert "there" in name.accessibleDescription()
    assert note.placeholderText() == "may stay empty"


def test_mnemonics_are_unique_and_skip_taken_letters():
    used = {"o"}
    assert with_mnemonic("Order", used) == "O&rder"
    assert with_mnemonic("Order", used) == "Or&der"
    assert with_mnemonic("Имя клиента", used) == "&Имя клиента"
    assert with_mnemonic("R&D", {"r", "d"}) == "R&&D"


def test_ok_is_disabled_until_required_fields_are_filled(dialog, qtbot):
    assert not dialog.ok_button().isEnabled()
    qtbot.keyClicks(dialog.edit("order_id"), "   ")
    assert not dialog.ok_button().isEnabled()
    dialog.edit("order_id").clear()
    qtbot.keyClicks(dialog.edit("order_id"), "123456789")
    assert dialog.ok_button().isEnabled()
    dialog.edit("order_id").clear()
    assert not dialog.ok_button().isEnabled()


def test_typed_values_are_returned(dialog, qtbot):
    qtbot.keyClicks(dialog.edit("order_id"), "A-42 ")
    type_text(dialog.edit("customer_name"), "Анна")
    assert dialog.values() == {"customer_name": "Анна", "order_id": "A-42", "note": ""}


def test_current_values_are_prefilled_and_first_empty_field_has_focus(qtbot):
    fields = [PlaceholderField("customer_name", "Customer name", "there", "Anna"),
              PlaceholderField("order_id", "Order number", None, "")]
    widget = FillInDialog(fields)
    qtbot.addWidget(widget)
    assert widget.edit("customer_name").text() == "Anna"
    assert widget.focusWidget() is widget.edit("order_id")


def test_enter_accepts_only_when_complete(dialog, qtbot):
    order = dialog.edit("order_id")
    qtbot.keyClick(dialog.edit("customer_name"), Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.focusWidget() is order
    qtbot.keyClicks(order, "7")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(order, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_escape_cancels(dialog, qtbot):
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.edit("customer_name"), Qt.Key.Key_Escape)


def test_every_interactive_widget_has_an_accessible_name(dialog):
    interactive = dialog.findChildren(QLineEdit) + dialog.findChildren(QAbstractButton)
    assert len(interactive) == 5
    for widget in interactive:
        assert widget.accessibleName().strip(), widget


def test_ask_values_returns_values_or_none(qtbot):
    def answer(accept: bool) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FillInDialog)
        dialog.edit("order_id").setText("555")
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, lambda: answer(True))
    assert ask_values(None, FIELDS[:2]) == {"customer_name": "", "order_id": "555"}
    QTimer.singleShot(0, lambda: answer(False))
    assert ask_values(None, FIELDS[:2]) is None
    assert ask_values(None, []) == {}
