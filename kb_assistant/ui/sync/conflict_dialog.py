"""Someone published the same lines first: each file's theirs, mine and the difference; the editor picks or edits.

Nothing is published until every file has a chosen text; Cancel publishes
nothing and loses nothing (the editor's commit stays on this computer).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.sync import Conflict
from kb_assistant.ui.widgets.forms import name_widget


def _viewer(parent: QWidget, name: str) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    name_widget(view, name)
    return view


class ConflictDialog(QDialog):
    """One row per conflicting file; for the selected one: theirs, mine, the diff, and the text to publish.

    Args:
        conflicts: the files whose lines both sides changed.
        parent: the window it belongs to.
    """

    def __init__(self, conflicts: tuple[Conflict, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = [conflict for conflict in conflicts if not conflict.binary]
        self.binary = [conflict.path for conflict in conflicts if conflict.binary]
        self.chosen: dict[str, str | None] = {}
        self.setWindowTitle(self.tr("Publish: someone changed the same lines"))
        self.resize(1000, 680)
        intro = QLabel(self.tr("Another editor published changes to the same lines first. For each file, take "
                               "theirs or yours, or edit the text below; nothing is published until every file "
                               "has a text. Cancel keeps your change on this computer, unpublished."), self)
        intro.setWordWrap(True)
        self.files = QListWidget(self)
        name_widget(self.files, self.tr("Files in conflict"))
        self.tabs = QTabWidget(self)
        self.theirs = _viewer(self, self.tr("Their version"))
        self.mine = _viewer(self, self.tr("Your version"))
        self.diff = _viewer(self, self.tr("What differs"))
        self.tabs.addTab(self.theirs, self.tr("&Theirs"))
        self.tabs.addTab(self.mine, self.tr("&Mine"))
        self.tabs.addTab(self.diff, self.tr("&Difference"))
        self.result = QPlainTextEdit(self)
        name_widget(self.result, self.tr("Text to publish"), self.tr("Edit it freely; it is what will be published"))
        self.take_theirs = QPushButton(self.tr("Take t&heirs"), self)
        self.take_mine = QPushButton(self.tr("Take m&ine"), self)
        self.use_text = QPushButton(self.tr("&Use this text"), self)
        self.state = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Publish"))
        self._lay_out(intro)
        self.files.currentRowChanged.connect(self._show_file)
        self.take_theirs.clicked.connect(lambda: self._choose(self._current().theirs))
        self.take_mine.clicked.connect(lambda: self._choose(self._current().mine))
        self.use_text.clicked.connect(lambda: self._choose(self.result.toPlainText()))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for conflict in self.conflicts:
            self.files.addItem(conflict.path)
        self.files.setCurrentRow(0)
        self._update()

    def _lay_out(self, intro: QLabel) -> None:
        choices = QHBoxLayout()
        for button in (self.take_theirs, self.take_mine, self.use_text):
            choices.addWidget(button)
        choices.addStretch(1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, 3)
        column.addWidget(QLabel(self.tr("Text to publish:"), self))
        column.addWidget(self.result, 2)
        column.addLayout(choices)
        split = QSplitter(self)
        split.addWidget(self.files)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)

    def resolutions(self) -> dict[str, str | None]:
        """The text chosen for each file (None: delete it), once every file has one."""
        return dict(self.chosen)

    def _current(self) -> Conflict:
        return self.conflicts[max(0, self.files.currentRow())]

    def _show_file(self, row: int) -> None:
        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        self.theirs.setPlainText(conflict.theirs if conflict.theirs is not None else self.tr("(deleted by them)"))
        self.mine.setPlainText(conflict.mine if conflict.mine is not None else self.tr("(deleted by you)"))
        self.diff.setPlainText(conflict.diff)
        chosen = self.chosen.get(conflict.path, conflict.mine)
        self.result.setPlainText(chosen or "")

    def _choose(self, text: str | None) -> None:
        conflict = self._current()
        self.chosen[conflict.path] = text
        self.result.setPlainText(text or "")
        item = self.files.item(self.files.currentRow())
        item.setText(self.tr("{0} — resolved").format(conflict.path))
        self._update()
        following = next((row for row, c in enumerate(self.conflicts) if c.path not in self.chosen), None)
        if following is not None:
            self.files.setCurrentRow(following)

    def _update(self) -> None:
        left = [c.path for c in self.conflicts if c.path not in self.chosen]
        if self.binary:
            self.state.setText(self.tr("These files are not text and cannot be merged here: {0}. Resolve them "
                                       "with git.").format(", ".join(self.binary)))
        elif left:
            self.state.setText(self.tr("{0} of {1} files still need a text.").format(len(left), len(self.conflicts)))
        else:
            self.state.setText(self.tr("Every file has a text: Publish sends them."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not left and not self.binary)
