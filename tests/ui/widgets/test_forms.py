"""Form rows: the label's Alt key moves to the field, and a screen reader names it."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from kb_assistant.ui.widgets.forms import add_row, name_widget


def test_a_row_names_its_field_after_the_label_and_points_the_alt_key_at_it(qtbot):
    form_widget = QWidget()
    qtbot.addWidget(form_widget)
    form = QFormLayout(form_widget)
    field = QLineEdit(form_widget)
    label = add_row(form, "Order &number:", field, description="nine digits")
    assert label.buddy() is field and label.parent() is form_widget
    assert field.accessibleName() == "Order number" and field.accessibleDescription() == "nine digits"
    assert add_row(form, "&Title", QLineEdit(form_widget), name="Article title").buddy().accessibleName() == "Article title"


def test_a_row_holding_a_layout_points_at_its_buddy(qtbot):
    form_widget = QWidget()
    qtbot.addWidget(form_widget)
    form = QFormLayout(form_widget)
    row = QHBoxLayout()
    edit, button = QLineEdit(form_widget), QPushButton("Today", form_widget)
    row.addWidget(edit)
    row.addWidget(button)
    assert add_row(form, "&Reviewed", row, buddy=edit).buddy() is edit
    assert edit.accessibleName() == "Reviewed" and button.accessibleName() == ""
    name_widget(None, "nothing happens")  # a widget that is not there (a combo box without a line edit)
