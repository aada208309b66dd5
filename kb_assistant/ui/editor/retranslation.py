"""An open editor window follows a change of the interface language, and keeps every edit.

An editor may hold what matters most, unsaved text, so it is never closed or
rebuilt for a new language: it translates itself in place when Qt sends it
``LanguageChange``. Its own strings are set again (the menus, the names a screen
reader reads, the title, the problem list); the front matter form, whose labels
are set once when it is built, is replaced by a new one that takes over every
field exactly as typed, a half-typed value included, with the focus and the
cursor. The text itself, its undo history and its saved state are not touched.

Not translated again: a notice above the text and a status bar message already
shown stay in the language they were written in until they are replaced.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QScrollArea, QSpinBox

from kb_assistant.ui.editor.front_matter_form import FrontMatterForm

_FIELDS = (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox)


class EditorRetranslation:
    """Mixed into :class:`~kb_assistant.ui.editor.editor_window.EditorWindow` (a QMainWindow)."""

    _retranslate_timer: QTimer | None = None

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            # one switch sends several (the old translators out, the new ones in): translate once, after them all
            if self._retranslate_timer is None:
                self._retranslate_timer = QTimer(self)
                self._retranslate_timer.setSingleShot(True)
                self._retranslate_timer.setInterval(0)
                self._retranslate_timer.timeout.connect(self.retranslate)
            self._retranslate_timer.start()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every string again in the interface language of now; the text and the form's fields stay."""
        self._name_widgets()
        self._replace_form()  # before the menus: "Go to the front matter form" goes to the new one
        self._replace_menus()
        self._show_modified()  # the title
        self._check()  # the problem list is written in the language of the moment it was made

    def _replace_menus(self) -> None:
        bar = self.menuBar()
        menus = [action.menu() for action in bar.actions() if action.menu() is not None]
        bar.clear()
        for menu in menus:
            for action in menu.actions():
                action.setShortcuts([])  # gone at once: two actions on one key would make Qt fire neither
                action.deleteLater()
            menu.deleteLater()
        self._add_actions()

    def _replace_form(self) -> None:
        old: FrontMatterForm = self.form
        area = next(area for area in self.findChildren(QScrollArea) if area.widget() is old)
        new = FrontMatterForm(area, today=self.today)
        focused, focus = self.focusWidget(), None  # the window's, kept while another window is active
        for name, field in vars(old).items():
            target = getattr(new, name, None)
            if isinstance(field, _FIELDS) and type(target) is type(field):
                _copy_field(field, target)
                if focused is not None and (field is focused or field.isAncestorOf(focused)):
                    focus = target
        broken = not old.title.isEnabled()  # set_broken: read-only until the text's front matter is fixed
        area.takeWidget()
        area.setWidget(new)
        old.deleteLater()
        self.form = new
        # connected only now: taking the fields over must not write them into the text
        new.edited.connect(self._form_edited)
        new.invalid.connect(self._form_invalid)
        self.setTabOrder(new, self.editor)
        if broken:
            self._sync_form()  # says again, in the new language, why the fields are read-only
        else:
            new.message.setText(new.values()[1])  # a field that cannot be read, said in the new language
        if focus is not None:
            focus.setFocus()


def _copy_field(source, target) -> None:
    """Give ``target`` the value and the cursor of ``source`` (a field of the same type)."""
    if isinstance(source, QLineEdit):
        target.setText(source.text())
        target.setCursorPosition(source.cursorPosition())
    elif isinstance(source, QPlainTextEdit):
        target.setPlainText(source.toPlainText())
        cursor = target.textCursor()
        cursor.setPosition(min(source.textCursor().position(), len(target.toPlainText())))
        target.setTextCursor(cursor)
    elif isinstance(source, QComboBox):
        target.setCurrentText(source.currentText())
    else:
        target.setValue(source.value())
