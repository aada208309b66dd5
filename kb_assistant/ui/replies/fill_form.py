"""The fill-in form: one line per placeholder a reply needs.

Keyboard first: every label has an Alt mnemonic, the first empty field has
focus, Enter accepts, Esc cancels, and OK stays disabled while a required
value is missing. Fallbacks are shown as placeholder text, so the agent sees
what an empty field will say.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.labels import PLACEHOLDER_CONTEXT
from kb_assistant.core.replies.compose import PlaceholderField


def field_label(field: PlaceholderField) -> str:
    """A field's label in the interface language: the built-ins' labels are translated, a KB's own shown as written."""
    return QCoreApplication.translate(PLACEHOLDER_CONTEXT, field.label)


def with_mnemonic(text: str, used: set[str]) -> str:
    """Return ``text`` with an ``&`` before its first letter or digit not yet in ``used``.

    A literal ``&`` in ``text`` is doubled. The chosen character is added to
    ``used``; when every character is taken, the text gets no mnemonic.
    """
    for position, char in enumerate(text):
        key = char.casefold()
        if char.isalnum() and key not in used:
            used.add(key)
            return text[:position].replace("&", "&&") + "&" + text[position:].replace("&", "&&")
    return text.replace("&", "&&")


class FillInDialog(QDialog):
    """Ask for the values of a reply's placeholders.

    Args:
        fields: what to ask, in order (:meth:`ReplyController.placeholders_needed`).
        parent: the parent widget.
        title: the window title; "Fill in the reply" by default.
    """

    def __init__(
        self,
        fields: Sequence[PlaceholderField],
        parent: QWidget | None = None,
        *,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self._edits: dict[str, QLineEdit] = {}
        self.setWindowTitle(title or self.tr("Fill in the reply"))
        self.setAccessibleName(self.windowTitle())

        intro = QLabel(self.tr("The values are kept for this customer until you clear them."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        used = {"o", "c"}  # OK and Cancel keep their usual Alt keys
        for field in self._fields:
            edit = self._make_edit(field)
            label_text = with_mnemonic(field_label(field), used) + (" *" if field.required else "")
            label = QLabel(label_text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self._edits[field.name] = edit

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.ok_button()
        ok.setText(self.tr("&OK"))
        ok.setAccessibleName(self.tr("OK"))
        ok.setAccessibleDescription(self.tr("Use these values"))
        ok.setDefault(True)
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Close without using the values"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        if any(field.required for field in self._fields):
            layout.addWidget(QLabel(self.tr("* required"), self))
        layout.addWidget(self._buttons)

        self._update_ok()
        self._focus_first_empty()

    def _make_edit(self, field: PlaceholderField) -> QLineEdit:
        edit = QLineEdit(field.value, self)
        edit.setAccessibleName(field_label(field))
        edit.setToolTip(f"{{{{{field.name}}}}}")
        if field.required:
            edit.setAccessibleDescription(self.tr("required"))
        elif field.fallback:
            edit.setPlaceholderText(self.tr("empty: “{0}”").format(field.fallback))
            edit.setAccessibleDescription(
                self.tr("optional; when empty the reply says “{0}”").format(field.fallback)
            )
        else:
            edit.setPlaceholderText(self.tr("may stay empty"))
            edit.setAccessibleDescription(self.tr("optional; may stay empty"))
        edit.textChanged.connect(self._update_ok)
        edit.returnPressed.connect(self._focus_first_missing)
        return edit

    def ok_button(self) -> QPushButton:
        """The OK button (disabled while a required field is empty)."""
        return self._buttons.button(QDialogButtonBox.StandardButton.Ok)

    def edit(self, name: str) -> QLineEdit:
        """The line edit of placeholder ``name``."""
        return self._edits[name]

    def missing(self) -> list[str]:
        """Names of required fields still empty."""
        return [f.name for f in self._fields if f.required and not self._edits[f.name].text().strip()]

    def values(self) -> dict[str, str]:
        """Every field's value, stripped ("" for an empty one)."""
        return {name: edit.text().strip() for name, edit in self._edits.items()}

    def _update_ok(self) -> None:
        self.ok_button().setEnabled(not self.missing())

    def _focus_first_missing(self) -> None:
        """Enter with a required field empty: go there instead of accepting."""
        missing = self.missing()
        if missing:
            self._edits[missing[0]].setFocus()

    def _focus_first_empty(self) -> None:
        edits = list(self._edits.values())
        target = next((e for e in edits if not e.text().strip()), edits[0] if edits else None)
        if target is not None:
            target.setFocus()
        else:
            self.ok_button().setFocus()


def ask_values(
    parent: QWidget | None, fields: Sequence[PlaceholderField], *, title: str = ""
) -> dict[str, str] | None:
    """Show the fill-in form and wait.

    Returns:
        The values when the agent accepts, None when they cancel; ``{}`` without
        asking when there is nothing to fill.
    """
    if not fields:
        return {}
    dialog = FillInDialog(fields, parent, title=title)
    try:
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
