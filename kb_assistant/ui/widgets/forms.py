"""Form rows a keyboard and a screen reader can use: every field has a label with an Alt key and a name."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget


def name_widget(widget: QWidget | None, name: str, description: str = "") -> None:
    """Give ``widget`` the name (and the longer description) a screen reader announces."""
    if widget is None:
        return
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)


def add_row(form: QFormLayout, label_text: str, field: QWidget | QLayout, *, buddy: QWidget | None = None,
            name: str = "", description: str = "") -> QLabel:
    """Add ``label_text`` and ``field`` as a row of ``form``.

    Args:
        form: the form layout (its widget owns the label).
        label_text: the label, with ``&`` before its Alt key.
        field: the field, or a layout holding it (then ``buddy`` says which widget the key moves to).
        buddy: the widget the label's Alt key moves to; ``field`` itself by default.
        name: what a screen reader calls the field; the label without ``&`` and ``:`` by default.
        description: a longer hint for the screen reader.

    Returns:
        The label.
    """
    target = buddy if buddy is not None else field
    label = QLabel(label_text, form.parentWidget())
    label.setBuddy(target)
    form.addRow(label, field)
    name_widget(target, name or label_text.replace("&", "").rstrip(":").strip(), description)
    return label
