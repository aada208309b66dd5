"""The editor's window: Markdown with highlighting, live preview, problems, safe saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
)

from kb_assistant.core.autosave import AutosaveStore
from kb_assistant.core.check import check_text
from kb_assistant.core.frontmatter import split_front_matter
from kb_assistant.core.kb import KnowledgeBase
from kb_assistant.core.markdown_render import render_article_html
from kb_assistant.core.models import Problem
from kb_assistant.core.storage import ExternalChangeError, FileSnapshot, read_text, save_text, unified_diff
from kb_assistant.ui.article_view import ArticleView
from kb_assistant.ui.editor.highlighter import ArticleHighlighter
from kb_assistant.ui.tasks import TaskRunner

PREVIEW_DELAY_MS = 300
CHECK_DELAY_MS = 500
AUTOSAVE_MS = 5000


def render_preview(text: str, kb: KnowledgeBase) -> str:
    """The article body rendered exactly as agents see it (front matter left out)."""
    body = split_front_matter(text).body
    return render_article_html(body, title_for=lambda i: kb.articles[i].title if i in kb.articles else None)


class EditorWindow(QMainWindow):
    """Edits one article file of the KB.

    Signals:
        saved(str): the KB-relative path just written (re-index it at once).
    """

    saved = Signal(str)

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
        self._dirty = False
        self._add_widgets()
        self._add_actions()
        self._connect_signals()

    # -- building --------------------------------------------------------
    def _add_widgets(self) -> None:
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Article text"))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = ArticleHighlighter(self.editor.document())
        self.preview = ArticleView(self)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.problem_list = QListWidget(self)
        self.problem_list.setAccessibleName(self.tr("Problems in this article"))
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.editor)
        top.addWidget(self.preview)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(top)
        main.addWidget(self.problem_list)
        main.setStretchFactor(0, 5)
        main.setStretchFactor(1, 1)
        self.setCentralWidget(main)
        self.preview_timer = self._timer(PREVIEW_DELAY_MS, self._render_preview)
        self.check_timer = self._timer(CHECK_DELAY_MS, self._check)
        self.autosave_timer = self._timer(AUTOSAVE_MS, self._autosave)
        self.resize(1200, 760)

    def _timer(self, interval: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _add_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        save = QAction(self.tr("&Save"), self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        menu.addAction(save)
        close = QAction(self.tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(close)

    def _connect_signals(self) -> None:
        self.editor.textChanged.connect(self._text_changed)
        self.runner.finished.connect(self._task_done)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.editor.verticalScrollBar().valueChanged.connect(self._sync_scroll)

    # -- opening and state -------------------------------------------------
    def open_file(self, rel_path: str) -> None:
        """Open an existing article file (KB-relative path)."""
        text, snapshot = read_text(self.kb_root / rel_path)
        self.rel_path, self.snapshot = rel_path, snapshot
        self._set_text(text)
        self._set_dirty(False)

    def new_file(self, rel_path: str, text: str) -> None:
        """Start a new article that is written at the first save."""
        self.rel_path, self.snapshot = rel_path, None
        self._set_text(text)
        self._set_dirty(True)

    def restore_draft(self, text: str) -> None:
        """Put autosaved (unsaved) text back after a crash."""
        self._set_text(text)
        self._set_dirty(True)

    def _set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self._render_preview()
        self._check()

    @property
    def dirty(self) -> bool:
        """Whether there are unsaved edits."""
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        marker = " •" if dirty else ""
        self.setWindowTitle(self.tr("{0}{1} — KB Assistant editor").format(self.rel_path, marker))

    def _text_changed(self) -> None:
        self._set_dirty(True)
        self.preview_timer.start()
        self.check_timer.start()
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    # -- background work ---------------------------------------------------
    def _render_preview(self) -> None:
        text, kb = self.editor.toPlainText(), self.kb
        self.runner.submit("preview", lambda: render_preview(text, kb))

    def _check(self) -> None:
        text, kb, rel, today = self.editor.toPlainText(), self.kb, self.rel_path, self.today()
        self.runner.submit("problems", lambda: check_text(text, rel or "new.md", kb, today))

    def _task_done(self, channel: str, result) -> None:
        if channel == "preview":
            position = self.preview.verticalScrollBar().value()
            self.preview.show_article(None, result)
            self.preview.verticalScrollBar().setValue(position)
        elif channel == "problems":
            self.show_problems(result)

    def show_problems(self, problems: list[Problem]) -> None:
        """List problems with their lines; activating one moves the cursor there."""
        self.problems = problems
        self.problem_list.clear()
        for problem in problems:
            where = self.tr("line {0}").format(problem.line) if problem.line else ""
            item = QListWidgetItem(f"{where}  {problem.severity}: {problem.message}".strip())
            item.setData(Qt.ItemDataRole.UserRole, problem.line or 0)
            self.problem_list.addItem(item)

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
        if self._dirty and self.rel_path:
            base = self.snapshot.content_hash if self.snapshot else ""
            self.autosave.save_draft(self.kb_root, self.rel_path, self.editor.toPlainText(), base)

    def save(self) -> bool:
        """Ctrl+S: write atomically; never overwrite a file changed on disk without asking."""
        errors = [p for p in self.problems if p.severity == "error"]
        if errors and not self.confirm(
            self.tr("Save with problems?"),
            self.tr("This article has {0} errors (see the list below). Save anyway?").format(len(errors)),
        ):
            return False
        return self._write(force=False)

    def _write(self, force: bool) -> bool:
        text = self.editor.toPlainText()
        try:
            self.snapshot = save_text(self.kb_root / self.rel_path, text, self.snapshot, force=force)
        except ExternalChangeError as exc:
            return self._resolve_conflict(exc, text)
        self.autosave.discard(self.kb_root, self.rel_path)
        self._set_dirty(False)
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

    # -- questions (separate so tests can answer them) -------------------------
    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_conflict(self) -> str:
        """'reload', 'keep' or 'compare' (or '' to do nothing)."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Changed on disk"))
        box.setText(self.tr("{0} was changed on disk after you opened it.").format(self.rel_path))
        reload = box.addButton(self.tr("&Reload from disk"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep mine"), QMessageBox.ButtonRole.AcceptRole)
        compare = box.addButton(self.tr("&Compare"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {reload: "reload", keep: "keep", compare: "compare"}.get(box.clickedButton(), "")

    def show_diff(self, diff: str) -> None:
        """Show a unified diff in a read-only window."""
        view = QTextBrowser()
        view.setWindowTitle(self.tr("Compare: on disk and yours"))
        view.setPlainText(diff)
        view.setAccessibleName(self.tr("Differences"))
        view.resize(800, 600)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        self._diff_view = view

    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel' when closing with unsaved edits."""
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to {0}?").format(self.rel_path),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._dirty:
            choice = self.ask_unsaved()
            if choice == "cancel" or (choice == "save" and not self.save()):
                event.ignore()
                return
            if choice == "discard":
                self.autosave.discard(self.kb_root, self.rel_path)
        self.autosave_timer.stop()
        super().closeEvent(event)
