"""The editor's window: Markdown with highlighting, live preview, problems, safe saving."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.files.autosave import AutosaveStore, Draft
from kb_assistant.core.articles.fence import damaged_opening
from kb_assistant.core.articles.frontmatter import split_front_matter
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.frontmatter_form import apply_form, form_values
from kb_assistant.core.articles.template import reviewed_by_its_author, sample_text_left
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.render.markdown import render_article_html
from kb_assistant.core.models import Problem
from kb_assistant.core.upkeep.questions import add_question
from kb_assistant.core.upkeep.review import mark_reviewed
from kb_assistant.core.errors import (
    EncodingChangeNeeded,
    ExternalChangeError,
    FileReadError,
    FrontMatterBroken,
    FrontMatterValueError,
    StorageError,
)
from kb_assistant.core.files.storage import FileSnapshot, read_text, save_text, unified_diff
from kb_assistant.ui.system.actions import add_action
from kb_assistant.ui.widgets.article_view import ArticleView
from kb_assistant.ui.editor.editor_checks import TextFindings, find_problems, finding_lines, front_matter_error_text
from kb_assistant.ui.editor.editor_checks import sample_names
from kb_assistant.ui.editor.front_matter_form import FrontMatterForm
from kb_assistant.ui.editor.highlighter import ArticleHighlighter
from kb_assistant.ui.editor.questions import EditorQuestions
from kb_assistant.ui.editor.retranslation import EditorRetranslation
from kb_assistant.ui.editor.text_edit import replace_changed_part
from kb_assistant.ui.system.messages import error_text, problem_line
from kb_assistant.ui.system.tasks import TaskRunner

PREVIEW_DELAY_MS = 300
CHECK_DELAY_MS = 500
AUTOSAVE_MS = 5000
FORM_SYNC_MS = 250


def render_preview(text: str, kb: KnowledgeBase) -> str:
    """The article body rendered exactly as agents see it (front matter left out)."""
    body = split_front_matter(text).body
    return render_article_html(body, title_for=kb.title_of)


class EditorWindow(EditorRetranslation, EditorQuestions, QMainWindow):
    """Edits one article file of the KB.

    Signals:
        saved(str): the KB-relative path just written (re-index it at once).
        translation_requested(str): open or create the translation of this file (KB-relative path).
        rename_requested(str): rename or move this file (KB-relative path).
        publish_requested(str): publish this file to the team (KB-relative path).
    """

    saved = Signal(str)
    translation_requested = Signal(str)
    rename_requested = Signal(str)
    publish_requested = Signal(str)

    def __init__(self, kb_root: Path, kb: KnowledgeBase, autosave: AutosaveStore,
                 runner: TaskRunner | None = None, today=dt.date.today, parent=None) -> None:
        super().__init__(parent)
        self.kb_root = Path(kb_root)
        self.kb = kb
        self.autosave = autosave
        self.runner = runner or TaskRunner(self)
        self.today = today
        self.rel_path = ""
        self.snapshot: FileSnapshot | None = None
        self.problems: list[Problem] = []
        self.findings = TextFindings()
        self._no_saved_file = False  # a new file or a restored draft: unsaved even before an edit
        self._initial_text = ""  # what a new file started as (its template)
        self._draft_written = False
        self._add_widgets()
        self._add_actions()
        self._connect_signals()

    # -- building --------------------------------------------------------
    def _add_widgets(self) -> None:
        self.editor = QPlainTextEdit(self)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = ArticleHighlighter(self.editor.document())
        self.preview = ArticleView(self)
        self.form = FrontMatterForm(self, today=self.today)
        form_area = QScrollArea(self)
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        self.problem_list = QListWidget(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._name_widgets()
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(form_area)
        top.addWidget(self.editor)
        top.addWidget(self.preview)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 4)
        top.setStretchFactor(2, 4)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(top)
        main.addWidget(self.problem_list)
        main.setStretchFactor(0, 5)
        main.setStretchFactor(1, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.notice)
        layout.addWidget(main, 1)
        self.setCentralWidget(central)
        self.preview_timer = self._timer(PREVIEW_DELAY_MS, self._render_preview)
        self.check_timer = self._timer(CHECK_DELAY_MS, self._check)
        self.autosave_timer = self._timer(AUTOSAVE_MS, self._autosave)
        self.form_timer = self._timer(FORM_SYNC_MS, self._sync_form)
        self.setTabOrder(self.form, self.editor)
        self.resize(1400, 800)

    def _name_widgets(self) -> None:
        """What a screen reader calls the parts (again after a change of language)."""
        for widget, name in ((self.editor, self.tr("Article text")), (self.preview, self.tr("Preview")),
                             (self.problem_list, self.tr("Problems in this article")), (self.notice, self.tr("Notice"))):
            widget.setAccessibleName(name)

    def _timer(self, interval: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _add_actions(self) -> None:
        action = partial(add_action, self)
        menu = self.menuBar().addMenu(self.tr("&File"))
        action(menu, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        action(menu, self.tr("&Publish to the team…"), lambda: self.publish_requested.emit(self.rel_path), "Ctrl+Shift+U")
        action(menu, self.tr("&Close"), self.close, QKeySequence.StandardKey.Close)
        article = self.menuBar().addMenu(self.tr("&Article"))
        action(article, self.tr("Mark &reviewed today"), self.mark_reviewed, "Ctrl+Shift+R")
        action(article, self.tr("Open or create the &translation"),
               lambda: self.translation_requested.emit(self.rel_path), "Ctrl+T")
        action(article, self.tr("Re&name or move…"), lambda: self.rename_requested.emit(self.rel_path), "F2")
        action(article, self.tr("Go to the te&xt"), self.editor.setFocus, "Ctrl+1")
        action(article, self.tr("Go to the &front matter form"), self.form.title.setFocus, "Ctrl+2")
        action(article, self.tr("Go to the &problems"), self.problem_list.setFocus, "Ctrl+3")

    def _connect_signals(self) -> None:
        self.editor.textChanged.connect(self._text_changed)
        # the document's clean state is the saved text: undoing back to it is "not modified"
        self.editor.document().modificationChanged.connect(self._show_modified)
        self.runner.finished.connect(self._task_done)
        self.runner.failed.connect(self._task_failed)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self.editor.verticalScrollBar().valueChanged.connect(self._sync_scroll)
        self.form.edited.connect(self._form_edited)
        self.form.invalid.connect(self._form_invalid)

    # -- opening and state -------------------------------------------------
    def open_file(self, rel_path: str) -> None:
        """Open an existing article file (KB-relative path)."""
        text, snapshot = read_text(self.kb_root / rel_path, root=self.kb_root)
        self.rel_path, self.snapshot = rel_path, snapshot
        self._set_text(text)
        self._mark_saved()

    def new_file(self, rel_path: str, text: str) -> None:
        """Start a new article that is written at the first save."""
        self.rel_path, self.snapshot = rel_path, None
        self._initial_text = text
        self._set_text(text)
        self._mark_unsaved()

    def restore_draft(self, draft: Draft) -> None:
        """Put autosaved (unsaved) text back after a crash or a kill.

        When the file changed on disk after the draft's edits began, saving
        asks (reload, keep mine, compare) instead of overwriting that change.
        """
        self.rel_path = draft.rel_path
        try:
            _disk_text, disk = read_text(self.kb_root / draft.rel_path, root=self.kb_root)
        except FileReadError:
            disk = None
        if disk is not None and draft.conflicts_with_disk(disk.content_hash):
            # remember the file as the draft knew it, so Ctrl+S sees the change on disk
            disk = dataclasses.replace(disk, content_hash=draft.base_hash or "")
            self.set_notice(self.tr("The file changed on disk after these edits were made. "
                                    "Saving will offer to compare."))
        elif disk is None and draft.base_hash is not None:
            self.set_notice(self.tr("The file was deleted or cannot be read; saving creates it again."))
        self.snapshot = disk
        self._set_text(draft.text)
        self._mark_unsaved()

    def set_notice(self, text: str) -> None:
        """A line above the editor (translation out of date, draft conflicts); "" hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self._render_preview()
        self._check()
        self._sync_form()

    @property
    def dirty(self) -> bool:
        """Whether the text differs from the file on disk (a new file or a restored draft always does)."""
        return self._no_saved_file or self.editor.document().isModified()

    def _mark_saved(self) -> None:
        """The text is the file on disk: here is the document's clean (undo) state."""
        self._no_saved_file = False
        self.editor.document().setModified(False)
        self._show_modified()

    def _mark_unsaved(self) -> None:
        self._no_saved_file = True
        self._show_modified()

    def _show_modified(self, *_args) -> None:
        marker = " •" if self.dirty else ""
        self.setWindowTitle(self.tr("{0}{1} — KB Assistant editor").format(self.rel_path, marker))

    def _text_changed(self) -> None:
        self.preview_timer.start()
        self.check_timer.start()
        self.form_timer.start()
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    # -- front matter form -------------------------------------------------
    def _sync_form(self) -> None:
        """Text → form: show the YAML's values (fields being typed in are left alone)."""
        doc = FrontMatterDocument.parse(self.editor.toPlainText())
        if doc.error:
            # the fields keep the last values read, read-only, until the text is fixed
            where = self.tr("line {0}: ").format(doc.error_line) if doc.error_line and not doc.opening_damaged else ""
            self.form.set_broken(self.tr("The front matter cannot be read ({0}{1}); fix it in the text.")
                                 .format(where, front_matter_error_text(doc)))
            return
        self.form.set_broken("")
        self.form.set_values(form_values(doc))

    def _form_edited(self, values: dict) -> None:
        """Form → text: rewrite only the front matter, keeping unknown keys and comments."""
        doc = FrontMatterDocument.parse(self.editor.toPlainText())
        try:
            text = apply_form(doc, values)
        except (FrontMatterBroken, FrontMatterValueError) as exc:
            self.form.message.setText(error_text(exc))
            return
        replace_changed_part(self.editor, text)

    def _form_invalid(self, message: str) -> None:
        self.form.message.setText(message)

    def mark_reviewed(self) -> None:
        """Set ``reviewed`` to today in the text (saved with Ctrl+S like any edit)."""
        self._edit_front_matter(lambda text: mark_reviewed(text, self.today()),
                                self.tr("Marked reviewed on {0}; save to keep it.").format(self.today().isoformat()))

    def add_question(self, question: str) -> bool:
        """Add ``question`` to ``questions:`` in the text (saved with Ctrl+S); False when the front matter is broken."""
        return self._edit_front_matter(lambda text: add_question(text, question),
                                       self.tr("Added the question “{0}”; save to keep it.").format(question))

    def _edit_front_matter(self, change, done: str) -> bool:
        """Apply ``change(text) -> text`` as an undoable edit (the unsaved edits around it stay)."""
        try:
            text = change(self.editor.toPlainText())
        except (FrontMatterBroken, FrontMatterValueError) as exc:
            doc = FrontMatterDocument.parse(self.editor.toPlainText())
            reason = front_matter_error_text(doc) if doc.opening_damaged else error_text(exc)
            self.statusBar().showMessage(reason, 8000)
            return False
        replace_changed_part(self.editor, text)
        self.statusBar().showMessage(done, 5000)
        return True

    # -- background work ---------------------------------------------------
    def _render_preview(self) -> None:
        text, kb = self.editor.toPlainText(), self.kb
        self.runner.submit("preview", lambda: render_preview(text, kb))

    def _check(self) -> None:
        text, kb, rel, today = self.editor.toPlainText(), self.kb, self.rel_path, self.today()
        self.runner.submit("problems", lambda: find_problems(text, rel, kb, today))

    def _task_done(self, channel: str, result) -> None:
        if channel == "preview":
            position = self.preview.verticalScrollBar().value()
            self.preview.show_article(None, result)
            self.preview.verticalScrollBar().setValue(position)
        elif channel == "problems":
            self.show_findings(result)

    def _task_failed(self, channel: str, error: BaseException) -> None:
        # a bug in the preview or the check: say so (it is logged in full), keep editing
        self.statusBar().showMessage(error_text(error), 8000)

    def show_findings(self, findings: TextFindings) -> None:
        """List the check's problems and the editor's own findings, by line."""
        self.findings = findings
        self.show_problems(findings.problems)

    def show_problems(self, problems: list[Problem]) -> None:
        """List problems with their lines; activating one moves the cursor there."""
        self.problems = problems
        rows = [(p.line or 0, p.severity != "error", problem_line(p, with_path=False)) for p in problems]
        rows += finding_lines(self.findings)
        self.problem_list.clear()
        for line, _warning, text in sorted(rows, key=lambda row: row[:2]):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, line)
            self.problem_list.addItem(item)
        told = self.tr("The front matter cannot be read: see the problems below.")
        if self.findings.opening_damaged:
            self.statusBar().showMessage(told, 8000)
        elif self.statusBar().currentMessage() == told:  # fixed: the notice goes with the problem
            self.statusBar().clearMessage()

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        self.go_to_line(item.data(Qt.ItemDataRole.UserRole))

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of 1-based ``line``."""
        block = self.editor.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def _sync_scroll(self, value: int) -> None:
        source = self.editor.verticalScrollBar()
        target = self.preview.verticalScrollBar()
        if source.maximum() > 0:
            target.setValue(round(value / source.maximum() * target.maximum()))

    # -- saving --------------------------------------------------------------
    def _autosave(self) -> None:
        if not self.rel_path:
            return
        if self.dirty:
            base = self.snapshot.content_hash if self.snapshot else ""
            self.autosave.save_draft(self.kb_root, self.rel_path, self.editor.toPlainText(), base)
            self._draft_written = True
        elif self._draft_written:  # undone back to the saved text: nothing left to offer after a crash
            self.autosave.discard(self.kb_root, self.rel_path)
            self._draft_written = False

    def save(self) -> bool:
        """Ctrl+S: write atomically; never overwrite a file changed on disk without asking."""
        text = self.editor.toPlainText()
        # judged on the text as it is now: the background check may be a keystroke behind
        errors = sum(1 for p in self.problems if p.severity == "error") + bool(damaged_opening(text))
        if errors and not self.confirm(
            self.tr("Save with problems?"),
            self.tr("This article has {0} errors (see the list below). Save anyway?").format(errors),
        ):
            return False
        sample = sample_text_left(text)
        if sample and not self.confirm(
            self.tr("Save the template's sample text?"),
            self.tr("Still the template's sample text: {0}. Saved like this, agents would find it and read it as "
                    "written for them. Save anyway?").format(sample_names(sample)),
        ):
            return False
        if self.snapshot is None and self._initial_text:  # the first save of a new article
            replace_changed_part(self.editor, reviewed_by_its_author(text, self._initial_text, self.today()))
        return self._write(force=False)

    def _write(self, force: bool, encoding: str | None = None) -> bool:
        text = self.editor.toPlainText()
        try:
            self.snapshot = save_text(self.kb_root / self.rel_path, text, self.snapshot, root=self.kb_root,
                                      force=force, encoding=encoding)
        except ExternalChangeError as exc:
            return self._resolve_conflict(exc, text)
        except EncodingChangeNeeded as exc:
            if self.confirm(self.tr("Save as UTF-8?"),
                            self.tr("{0}\n\nSave the file as UTF-8 instead?").format(error_text(exc))):
                return self._write(force, encoding="utf-8")
            return False
        except StorageError as exc:  # disk full, permissions, an encoding that cannot hold the text
            self._autosave()
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("{0}\n\nYour text is kept here and in the autosave folder.").format(error_text(exc)))
            return False
        self.set_notice("")
        self.autosave.discard(self.kb_root, self.rel_path)
        self._draft_written = False
        self._mark_saved()
        self.statusBar().showMessage(self.tr("Saved {0}").format(self.rel_path), 5000)
        self.saved.emit(self.rel_path)
        return True

    def _resolve_conflict(self, exc: ExternalChangeError, mine: str) -> bool:
        """The file changed on disk since it was opened: reload, keep mine, or compare."""
        choice = self.ask_conflict()
        if choice == "reload":
            self.open_file(self.rel_path)
            return False
        if choice == "keep":
            return self._write(force=True)
        if choice == "compare":
            self.show_diff(unified_diff(exc.disk_text, mine, self.tr("on disk"), self.tr("yours")))
        return False

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.dirty:
            choice = self.ask_unsaved()
            if choice == "cancel" or (choice == "save" and not self.save()):
                event.ignore()
                return
            if choice == "discard":
                self.autosave.discard(self.kb_root, self.rel_path)
        elif self._draft_written:
            self.autosave.discard(self.kb_root, self.rel_path)
        self.autosave_timer.stop()
        super().closeEvent(event)
