"""The editor's workbench: opens editor windows and the editor's tools, and reports saved files.

It owns no search: a saved or renamed file is announced with a signal and
``app.py`` connects that to the search worker.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from kb_assistant.core.articles.template import translation_id, translation_path, translation_text
from kb_assistant.core.articles.parse import default_id
from kb_assistant.core.files.autosave import AutosaveStore, Draft
from kb_assistant.core.errors import KbError
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.frontmatter_form import apply_form, form_values
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import Article, KbConfig, Problem
from kb_assistant.core.upkeep.questions import add_question_file
from kb_assistant.core.upkeep.rename import apply_rename
from kb_assistant.core.upkeep.review import mark_reviewed_file, review_queue, translation_lag
from kb_assistant.ui.editor.editor_checks import front_matter_error_text
from kb_assistant.ui.editor.editor_window import EditorWindow
from kb_assistant.ui.editor.new_article_dialog import NewArticleDialog, kb_folders
from kb_assistant.ui.editor.rename_dialog import RenameDialog
from kb_assistant.ui.editor.review_panel import ReviewPanel
from kb_assistant.ui.editor.text_edit import replace_changed_part
from kb_assistant.ui.system.messages import error_text, problem_line
from kb_assistant.ui.system.tasks import TaskRunner


_LAG = "lag:"
"""Task channel prefix of the translation-lag check of one editor (followed by its path)."""


class EditorWorkbench(QObject):
    """Editor windows (one per file), new articles, drafts, reviews, translations, renames.

    Signals:
        files_saved(list): KB-relative paths written by an editor (re-index them now).
        kb_changed(): files were moved or several changed (reload the whole KB).
        renamed(str, str): an article's id changed (old id, new id).
        publish_requested(list): publish these saved files (KB-relative) to the team (the window asks what changed).
        message(str): a line for the main window's status bar.
    """

    files_saved = Signal(list)
    kb_changed = Signal()
    renamed = Signal(str, str)
    publish_requested = Signal(list)
    message = Signal(str)

    def __init__(self, kb_root: Path, autosave: AutosaveStore, today=dt.date.today, owner: str = "",
                 parent_window: QWidget | None = None, ui_language: str = "") -> None:
        """``ui_language``: the interface language ("ru", "en"); "" reads the installed translation."""
        super().__init__(parent_window)
        self.ui_language = ui_language
        self.kb_root = Path(kb_root)
        self.autosave = autosave
        self.today = today
        self.owner = owner
        self.parent_window = parent_window
        self.kb: KnowledgeBase | None = None
        self.editors: dict[str, EditorWindow] = {}
        self.review_panel: ReviewPanel | None = None
        self.runner = TaskRunner(self)
        self.runner.finished.connect(self._task_done)
        self._drafts_offered = False

    def set_parent_window(self, window: QWidget) -> None:
        """The window dialogs belong to (and this workbench lives as long as).

        A new main window (the interface language changed) gets the review queue
        built again: the old one is its child and goes with it, and a new one speaks
        the new language (the queue itself is worked out again from the KB).
        """
        self.parent_window = window
        self.setParent(window)
        old, self.review_panel = self.review_panel, None
        if old is not None:
            shown = old.isVisible()
            old.hide()
            old.deleteLater()
            if shown:
                self.show_review_queue()

    # -- the KB ----------------------------------------------------------------
    @Slot(object)  # reached from the search thread
    def set_kb(self, kb: KnowledgeBase) -> None:
        """A (re)loaded KB: editors check links against it; drafts are offered the first time."""
        self.kb = kb
        for editor in self.editors.values():
            editor.kb = kb
        if self.review_panel is not None and self.review_panel.isVisible():
            self.refresh_review_queue()
        if not self._drafts_offered:
            self._drafts_offered = True
            self.offer_drafts()

    # -- editing -----------------------------------------------------------------
    def edit_article(self, article_id: str) -> EditorWindow | None:
        """Ctrl+E: edit the article ``article_id`` (its window is raised if already open)."""
        if self.kb is None or article_id not in self.kb.articles:
            self.message.emit(self.tr("Open an article first, then press Ctrl+E to edit it."))
            return None
        return self.edit_path(self.kb.articles[article_id].path)

    def edit_path(self, rel_path: str) -> EditorWindow | None:
        """Open the file at ``rel_path`` in an editor window."""
        editor = self.editors.get(rel_path)
        if editor is not None:
            self._raise(editor)
            return editor
        editor = self._new_editor()
        try:
            editor.open_file(rel_path)
        except KbError as exc:
            editor.deleteLater()
            self.message.emit(error_text(exc))
            return None
        self._register(editor, rel_path)
        return editor

    def new_article(self, lang: str = "", folder: str = "", question: str = "") -> EditorWindow | None:
        """Ctrl+N: ask for title, folder, language and type, then edit the template.

        The language is ``lang`` when given, else the interface language.
        ``question`` (insights: "Create an article from this") starts the title and
        is the new article's ``questions:``.
        """
        folders = kb_folders(a.path for a in self.kb.articles.values()) if self.kb else [""]
        dialog = NewArticleDialog(self.kb_root, folders, lang=lang or self.ui_language or None, folder=folder,
                                  owner=self.owner, today=self.today, parent=self.parent_window, question=question)
        try:
            if not self.ask_new_article(dialog):
                return None
            rel_path, text = dialog.rel_path(), dialog.article_text()
        finally:
            dialog.deleteLater()
        return self.create(rel_path, text)

    def new_article_beside(self, article: Article | None, lang: str = "") -> EditorWindow | None:
        """Ctrl+N in the agent's window: a new article in the open one's folder.

        Its language is the language filter's (``lang``, an explicit choice), else
        the interface language: the open article is often just the best match in
        the other language, and a Russian team writes Russian articles.
        """
        folder = article.path.rpartition("/")[0] if article is not None else ""
        return self.new_article(lang, folder)

    def create(self, rel_path: str, text: str) -> EditorWindow:
        """Edit a new file at ``rel_path`` starting from ``text``; it is written at the first save."""
        editor = self._new_editor()
        editor.new_file(rel_path, text)
        self._register(editor, rel_path)
        return editor

    def ask_new_article(self, dialog: NewArticleDialog) -> bool:
        """Show the new-article dialog (tests fill it in and accept without a modal loop)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _new_editor(self) -> EditorWindow:
        kb = self.kb or KnowledgeBase(self.kb_root, KbConfig(), {}, [])
        return EditorWindow(self.kb_root, kb, self.autosave, today=self.today)

    def _register(self, editor: EditorWindow, rel_path: str) -> None:
        self.editors[rel_path] = editor
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._saved)
        editor.translation_requested.connect(self.open_translation)
        editor.rename_requested.connect(self.rename)
        editor.publish_requested.connect(self.publish)
        editor.destroyed.connect(lambda _=None, path=rel_path: self._forget(path))
        self._ask_lag(rel_path)
        editor.show()
        self._raise(editor)

    def _forget(self, rel_path: str) -> None:
        self.editors.pop(rel_path, None)

    @staticmethod
    def _raise(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def _saved(self, rel_path: str) -> None:
        self.files_saved.emit([rel_path])
        self.message.emit(self.tr("Saved {0}; searchable now.").format(rel_path))

    def publish(self, rel_path: str) -> None:
        """Ctrl+Shift+U in an editor: save its edits first, then ask to publish the article."""
        editor = self.editors.get(rel_path)
        if editor is not None and editor.dirty and not editor.save():
            return
        self.publish_requested.emit([rel_path])

    def close_all(self) -> bool:
        """Close every editor (each asks about unsaved edits); False when one stays open."""
        for editor in list(self.editors.values()):
            if not editor.close():
                return False
        return True

    # -- drafts ------------------------------------------------------------------
    def offer_drafts(self) -> list[EditorWindow]:
        """Unsaved edits left by a crash or a kill: offer them back (restore, discard, or later)."""
        problems: list[Problem] = []
        drafts = self.autosave.drafts(self.kb_root, problems)
        for problem in problems:
            self.message.emit(problem_line(problem))
        if not drafts:
            return []
        choice = self.ask_drafts(drafts)
        if choice == "discard":
            for draft in drafts:
                self.autosave.discard(self.kb_root, draft.rel_path)
            return []
        if choice != "restore":
            return []
        return [self.restore(draft) for draft in drafts]

    def restore(self, draft: Draft) -> EditorWindow:
        """Open ``draft`` in an editor window, unsaved."""
        editor = self.editors.get(draft.rel_path) or self._new_editor()
        editor.restore_draft(draft)
        if draft.rel_path not in self.editors:
            self._register(editor, draft.rel_path)
        return editor

    def ask_drafts(self, drafts: list[Draft]) -> str:
        """'restore', 'discard' or 'later' for the unsaved edits of the last session."""
        box = QMessageBox(self.parent_window)
        box.setWindowTitle(self.tr("Unsaved edits found"))
        box.setText(self.tr("KB Assistant closed before these edits were saved:"))
        box.setInformativeText("\n".join(
            self.tr("{0} (autosaved {1})").format(d.rel_path, d.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"))
            for d in drafts))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")

    # -- reviews -----------------------------------------------------------------
    def show_review_queue(self) -> ReviewPanel:
        """The review queue window (stale and never-reviewed articles by owner)."""
        if self.review_panel is None:
            self.review_panel = ReviewPanel(self.parent_window)
            self.review_panel.edit_requested.connect(self.edit_article)
            self.review_panel.mark_reviewed_requested.connect(self.mark_reviewed)
        self.refresh_review_queue()
        self._raise(self.review_panel)
        return self.review_panel

    def refresh_review_queue(self) -> None:
        """Work the queue out off the GUI thread (file times are read for translations)."""
        if self.kb is None:
            return
        kb, root, today = self.kb, self.kb_root, self.today()
        self.runner.submit("review", lambda: (kb, review_queue(kb, today), translation_lag(kb, root)))

    def _task_done(self, channel: str, result) -> None:
        if channel == "review" and self.review_panel is not None:
            kb, items, lags = result
            self.review_panel.set_queue(items, lags, {i: a.title for i, a in kb.articles.items()})
        elif channel.startswith(_LAG):
            editor, notice = self.editors.get(channel[len(_LAG):]), self._lag_text(*result)
            if editor is not None and notice:
                editor.set_notice(notice)

    def mark_reviewed(self, article_ids: list[str]) -> None:
        """Set ``reviewed`` to today; an article open in an editor is marked there (save to keep)."""
        if self.kb is None:
            return
        written = []
        for article_id in article_ids:
            article = self.kb.articles.get(article_id)
            if article is None:
                continue
            editor = self.editors.get(article.path)
            if editor is not None:
                editor.mark_reviewed()
                continue
            try:
                mark_reviewed_file(self.kb_root / article.path, self.today(), root=self.kb_root)
            except KbError as exc:
                self.message.emit(error_text(exc))
                continue
            written.append(article.path)
        if written:
            self.files_saved.emit(written)
            self.message.emit(self.tr("Marked {0} articles reviewed today.").format(len(written)))

    def add_question(self, article_id: str, question: str) -> bool:
        """Insights' "Add as a question to…": ``question`` into the article's ``questions:``.

        An article open in an editor gets it there, as an edit to save (its unsaved
        edits are never overwritten); else the file is written at once, comments kept.

        Returns:
            True when the article holds the question now (added, or already there).
        """
        article = self.kb.articles.get(article_id) if self.kb is not None else None
        if article is None:
            self.message.emit(self.tr("No article {0} in the knowledge base.").format(article_id))
            return False
        editor = self.editors.get(article.path)
        if editor is not None:
            self._raise(editor)
            return editor.add_question(question)
        try:
            written = add_question_file(self.kb_root / article.path, question, root=self.kb_root)
        except KbError as exc:
            self.message.emit(error_text(exc))
            return False
        if written is None:
            self.message.emit(self.tr("“{0}” already has this question.").format(article.title))
            return True
        self.files_saved.emit([article.path])
        self.message.emit(self.tr("Added the question to “{0}”; searchable now.").format(article.title))
        return True

    # -- translations -----------------------------------------------------------
    def open_translation(self, rel_path: str) -> EditorWindow | None:
        """Ctrl+T in an editor: open the linked translation beside it, or start one."""
        source = self.editors.get(rel_path)
        if source is None:
            return None
        doc = FrontMatterDocument.parse(source.editor.toPlainText())
        if doc.error:
            reason = front_matter_error_text(doc)
            source.statusBar().showMessage(self.tr("Fix the front matter first: {0}").format(reason), 8000)
            return None
        values = form_values(doc)
        lang = values["lang"] or (self.kb.config.default_lang if self.kb else "")
        kb_articles = self.kb.articles if self.kb else {}
        for _lang, other_id in values["translations"].items():
            if other_id in kb_articles:
                other = self.edit_path(kb_articles[other_id].path)
                if other is not None:
                    self._side_by_side(source, other)
                return other
        new_lang = "en" if lang == "ru" else "ru"
        article_id = _article_id(doc, rel_path)
        new_id = translation_id(article_id, lang, new_lang)
        new_path = translation_path(rel_path, lang, new_lang)
        if (self.kb_root / new_path).exists():
            other = self.edit_path(new_path)
        else:
            other = self.create(new_path, translation_text(source.editor.toPlainText(), article_id, lang,
                                                           new_id, new_lang))
        if other is None:
            return None
        translations = dict(values["translations"], **{new_lang: new_id})
        replace_changed_part(source.editor, apply_form(doc, dict(values, translations=translations)))
        self._side_by_side(source, other)
        return other

    @staticmethod
    def _side_by_side(left: QWidget, right: QWidget) -> None:
        screen = left.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        half = area.width() // 2
        left.setGeometry(area.x(), area.y(), half, area.height())
        right.setGeometry(area.x() + half, area.y(), area.width() - half, area.height())

    def _ask_lag(self, rel_path: str) -> None:
        """Find out off the GUI thread whether the article's translation lags behind (file times are read)."""
        kb, root = self.kb, self.kb_root
        article = kb.by_path(rel_path) if kb is not None else None
        if article is None or not article.translations:
            return
        self.runner.submit(_LAG + rel_path, lambda: (kb, article.id, translation_lag(kb, root)))

    def _lag_text(self, kb: KnowledgeBase, article_id: str, lags: list) -> str:
        """'The other language changed N days later' for ``article_id``, or ""."""
        for lag in lags:
            if lag.outdated_id == article_id:
                newer = kb.articles[lag.newer_id]
                return self.tr("The {0} version “{1}” was changed {2} days after this one: this article may be "
                               "out of date (Ctrl+T opens it).").format(newer.lang, newer.title, lag.days_apart)
            if lag.newer_id == article_id:
                older = kb.articles[lag.outdated_id]
                return self.tr("This article was changed {0} days after its {1} version “{2}”: check that the "
                               "translation still matches (Ctrl+T).").format(lag.days_apart, older.lang, older.title)
        return ""

    # -- rename and move ---------------------------------------------------------
    def rename(self, rel_path: str) -> bool:
        """F2 in an editor: rename or move its article and update the links to it."""
        editor = self.editors.get(rel_path)
        article = self.kb.by_path(rel_path) if self.kb else None
        if article is None:
            self.message.emit(self.tr("Save the article before renaming it."))
            return False
        if editor is not None and editor.dirty:
            if not editor.confirm(self.tr("Save first?"), self.tr("Save your edits before renaming?")):
                return False
            if not editor.save():
                return False
        dialog = RenameDialog(self.kb, article.id, editor or self.parent_window)
        try:
            plan = dialog.plan() if self.ask_rename(dialog) else None
        finally:
            dialog.deleteLater()
        if plan is None:
            return False
        others_dirty = [p for p, e in self.editors.items() if e.dirty and plan.edit_for(p) and p != rel_path]
        if others_dirty:
            self.message.emit(self.tr("Save or close these first: {0}").format(", ".join(others_dirty)))
            return False
        try:
            changed = apply_rename(self.kb_root, plan)
        except KbError as exc:
            QMessageBox.warning(editor or self.parent_window, self.tr("Not renamed"), error_text(exc))
            return False
        for path in [plan.old_path, *changed]:
            open_editor = self.editors.pop(path, None)
            if open_editor is not None:
                open_editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
                open_editor.close()
        self.edit_path(plan.new_path)
        if plan.new_id != plan.old_id:
            self.renamed.emit(plan.old_id, plan.new_id)  # what agents learned of the article follows it
        self.kb_changed.emit()
        self.message.emit(self.tr("Renamed {0} → {1}; {2} files updated.").format(
            plan.old_path, plan.new_path, len(changed)))
        return True

    def ask_rename(self, dialog: RenameDialog) -> bool:
        """Show the rename dialog (tests fill it in and accept without a modal loop)."""
        return dialog.exec() == QDialog.DialogCode.Accepted


def _article_id(doc: FrontMatterDocument, rel_path: str) -> str:
    return str(doc.get("id") or default_id(rel_path))
