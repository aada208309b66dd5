"""Ctrl+N: a new article or snippet from a template, in a chosen folder and language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from kb_assistant.core.articles.template import article_template, new_article_path
from kb_assistant.core.files.names import windows_name_problem
from kb_assistant.ui.system.messages import message_text


def kb_folders(paths) -> list[str]:
    """The folders that hold articles ("" is the KB root), sorted."""
    parents = (PurePosixPath(path).parent.as_posix() for path in paths)
    return sorted({"" if parent == "." else parent for parent in parents})


ARTICLE_LANGUAGES = ("ru", "en")
"""The languages a new article can be written in (the dialog's choices)."""


def interface_language() -> str:
    """The language the window speaks now: that of the installed translation, else English.

    Read when asked, so a language switched while the app runs is followed; the
    source texts are English, so no translation means an English interface.
    """
    app = QCoreApplication.instance()
    for translator in app.findChildren(QTranslator) if app is not None else []:
        code = translator.language().replace("_", "-").split("-")[0].lower()
        if code in ARTICLE_LANGUAGES:
            return code
    return "en"


class NewArticleDialog(QDialog):
    """Asks for a title, folder, language and type; says where the file will go.

    The language is ``lang`` when given (and one of :data:`ARTICLE_LANGUAGES`), else
    the interface language (:func:`interface_language`): a Russian team writes
    Russian articles. ``question``: a customer's question the article answers (an
    insights content gap): the title starts as it, and it becomes the article's
    ``questions:`` instead of the template's sample question.
    """

    def __init__(self, kb_root: Path, folders: list[str], lang: str | None = None, folder: str = "",
                 owner: str = "", today=dt.date.today, parent=None, question: str = "") -> None:
        super().__init__(parent)
        self.kb_root = Path(kb_root)
        self.owner = owner
        self.today = today
        self.question = " ".join(question.split())
        self.setWindowTitle(self.tr("New article"))
        self.title = QLineEdit(self)
        self.folder = QComboBox(self)
        self.folder.setEditable(True)
        for name in folders:
            self.folder.addItem(name or self.tr("(KB root)"), name)
        index = self.folder.findData(folder)
        self.folder.setCurrentIndex(max(0, index))
        self.lang = QComboBox(self)
        self.lang.addItem(self.tr("Russian"), "ru")
        self.lang.addItem(self.tr("English"), "en")
        chosen = self.lang.findData(lang) if lang else -1
        self.lang.setCurrentIndex(chosen if chosen >= 0 else max(0, self.lang.findData(interface_language())))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Article"), "article")
        self.kind.addItem(self.tr("Snippet (greeting, closing, shared text)"), "snippet")
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setAccessibleName(self.tr("File to create"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QFormLayout(self)
        for label, field in ((self.tr("&Title"), self.title), (self.tr("&Folder"), self.folder),
                             (self.tr("&Language"), self.lang), (self.tr("T&ype"), self.kind)):
            layout.addRow(label, field)
            field.setAccessibleName(label.replace("&", ""))
        layout.addRow(self.where)
        layout.addRow(self.buttons)
        self.title.textChanged.connect(self._update)
        self.folder.currentTextChanged.connect(self._update)
        self.lang.currentIndexChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self.question:  # a title to start from: the editor retitles it as the KB names things
            self.title.setText(self.question[:1].upper() + self.question[1:])
            self.title.selectAll()
        self._update()

    def folder_name(self) -> str:
        """The chosen folder relative to the KB root ("" for the root)."""
        text = self.folder.currentText().strip()
        index = self.folder.findText(text)
        if index >= 0 and self.folder.itemData(index) is not None:
            return self.folder.itemData(index)
        return text.strip("/")

    def rel_path(self) -> str:
        """Where the new file goes, relative to the KB root."""
        return new_article_path(self.folder_name(), self.title.text().strip(), self.lang.currentData())

    def problem(self) -> str:
        """Why the article cannot be created yet, or ""."""
        if not self.title.text().strip():
            return self.tr("Type a title.")
        folder = self.folder_name()
        if ".." in PurePosixPath(folder).parts or PurePosixPath(folder).is_absolute():
            return self.tr("The folder must be inside the knowledge base.")
        if code := windows_name_problem(self.rel_path()):
            return message_text(code, {"path": self.rel_path()})
        if (self.kb_root / self.rel_path()).exists():
            return self.tr("{0} already exists: choose another title or folder.").format(self.rel_path())
        return ""

    def _update(self) -> None:
        problem = self.problem()
        self.where.setText(problem or self.tr("Will be created as {0}").format(self.rel_path()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def article_text(self) -> str:
        """The template text for the new file."""
        return article_template(self.title.text().strip(), self.lang.currentData(), self.kind.currentData(),
                                today=self.today(), owner=self.owner, question=self.question)
