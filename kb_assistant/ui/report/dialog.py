"""“Report to developers”: a bug report form copied for a tracker or a developers' chat.

Copy puts ``text/plain`` (the plain shape, for a chat) and ``text/markdown``
(the tracker shape) on the clipboard in one ``QMimeData``; “Copy as Markdown”
puts the Markdown as ``text/plain`` for trackers that only read plain text.
Copy is refused, with a message inside the dialog naming the fields, while a
required field is empty. Ctrl+Enter copies; Esc closes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QMimeData, Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.models import Article
from kb_assistant.core.bugreport import BugReport, default_platforms, missing_fields, to_markdown, to_plain
from kb_assistant.ui.system.mime import new_mime_data
from kb_assistant.ui.widgets.forms import add_row, name_widget

MARKDOWN_MIME = "text/markdown"


def report_mime_data(markdown: str, plain: str) -> QMimeData:
    """Clipboard content of “Copy”: ``text/plain`` = ``plain`` and ``text/markdown`` = ``markdown``."""
    mime = new_mime_data()
    mime.setText(plain)
    mime.setData(MARKDOWN_MIME, markdown.encode("utf-8"))
    return mime


def markdown_text_mime_data(markdown: str) -> QMimeData:
    """Clipboard content of “Copy as Markdown”: the Markdown as ``text/plain`` only."""
    mime = new_mime_data()
    mime.setText(markdown)
    return mime


class ReportDialog(QDialog):
    """The bug report form.

    Args:
        parent: the parent widget.
        article_id: the id of the article the agent has open ("" when none).
        article_title: its title (shown and editable; the id goes with it while unchanged).
        agent_name: prefills “Reported by”.
        app_version: prefills the customer's app version, if the caller knows it.
        platforms: platform choices; :func:`core.bugreport.default_platforms` by default.
        today: the report date; the current day by default.
        clipboard: where copies go; the application's clipboard by default.

    Signals:
        copied(str): a report was copied; the argument says how (for a status bar).
    """

    copied = Signal(str)

    @classmethod
    def run(cls, parent: QWidget | None, article: Article | None, agent_name: str, say: Callable[[str], None]) -> None:
        """Show the form for the open ``article`` (if any) and wait; ``say`` gets the "copied" line."""
        dialog = cls(parent, article_id=article.id if article else "", article_title=article.title if article else "",
                     agent_name=agent_name)
        dialog.copied.connect(say)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        article_id: str = "",
        article_title: str = "",
        agent_name: str = "",
        app_version: str = "",
        platforms: Sequence[str] | None = None,
        today: dt.date | None = None,
        clipboard: QClipboard | None = None,
    ) -> None:
        super().__init__(parent)
        self._article_id = article_id
        self._article_title = article_title or article_id
        self._clipboard = clipboard
        self.setWindowTitle(self.tr("Report to developers"))
        self.setAccessibleName(self.windowTitle())
        self._add_widgets(platforms if platforms is not None else default_platforms())
        self.app_version.setText(app_version)
        self.article.setText(self._article_title)
        self.reported_by.setText(agent_name)
        self.date.setDate(QDate(today or dt.date.today()))
        self._add_shortcuts()
        self.summary.setFocus()

    # -- building --------------------------------------------------------
    def _add_widgets(self, platforms: Sequence[str]) -> None:
        self.summary = QLineEdit(self)
        self.steps = self._text_edit(self.tr("One step a line"))
        self.expected = self._text_edit(self.tr("What should have happened"))
        self.actual = self._text_edit(self.tr("What happened instead, with the exact error text"))
        self.customer_ref = QLineEdit(self)
        self.app_version = QLineEdit(self)
        self.platform = QComboBox(self)
        self.platform.setEditable(True)
        self.platform.addItems(list(platforms))
        self.platform.setCurrentIndex(-1)
        self.platform.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.platform.lineEdit().setPlaceholderText(self.tr("Choose or type"))
        self.article = QLineEdit(self)
        self.reported_by = QLineEdit(self)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")

        form = QFormLayout()
        rows = (
            (self.summary, self.tr("&Summary:"), self.tr("Summary"), self.tr("required; one line: what is wrong")),
            (self.steps, self.tr("S&teps to reproduce:"), self.tr("Steps to reproduce"),
             self.tr("required; one step a line")),
            (self.expected, self.tr("&Expected result:"), self.tr("Expected result"), self.tr("required")),
            (self.actual, self.tr("&Actual result:"), self.tr("Actual result"), self.tr("required")),
            (self.customer_ref, self.tr("C&ustomer or order:"), self.tr("Customer or order"),
             self.tr("the customer's or the order's id")),
            (self.app_version, self.tr("App &version:"), self.tr("App version"),
             self.tr("the version of the product the customer uses")),
            (self.platform, self.tr("&Platform:"), self.tr("Platform"), self.tr("choose one or type another")),
            (self.article, self.tr("A&rticle:"), self.tr("Article"), self.tr("the knowledge base article, if any")),
            (self.reported_by, self.tr("Reported &by:"), self.tr("Reported by"), ""),
            (self.date, self.tr("&Date:"), self.tr("Date"), ""),
        )
        for widget, label_text, name, description in rows:
            add_row(form, label_text, widget, name=name, description=description)
        name_widget(self.platform.lineEdit(), self.tr("Platform"), self.tr("choose one or type another"))
        name_widget(self.date.findChild(QLineEdit), self.tr("Date"), "")

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message.hide()

        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        name_widget(self.copy_button, self.tr("Copy"),
              self.tr("Copy the report as plain text and Markdown (Ctrl+Enter)"))
        self.copy_markdown_button = QPushButton(self.tr("Copy as &Markdown"), self)
        name_widget(self.copy_markdown_button, self.tr("Copy as Markdown"),
              self.tr("Copy the Markdown as plain text, for trackers that read plain text"))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        name_widget(self.close_button, self.tr("Close"), self.tr("Close the form (Esc)"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_markdown_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.copy_button, self.copy_markdown_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a line edit must not copy or close by surprise
        self.copy_button.clicked.connect(self.copy)
        self.copy_markdown_button.clicked.connect(self.copy_markdown)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Summary, steps, expected and actual result are required."), self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.date, self.copy_button)
        self.setTabOrder(self.copy_button, self.copy_markdown_button)
        self.setTabOrder(self.copy_markdown_button, self.close_button)
        self.resize(560, 620)

    def _text_edit(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)  # Tab moves on: the form works by keyboard
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(60)
        return edit

    def _add_shortcuts(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.copy)

    # -- reading ---------------------------------------------------------
    def labels(self) -> dict[str, str]:
        """Translated labels of the report's fields (keys of :data:`core.bugreport.LABELS`)."""
        return {
            "summary": self.tr("Summary"),
            "steps": self.tr("Steps to reproduce"),
            "expected": self.tr("Expected result"),
            "actual": self.tr("Actual result"),
            "details": self.tr("Details"),
            "customer_ref": self.tr("Customer or order"),
            "app_version": self.tr("App version"),
            "platform": self.tr("Platform"),
            "article": self.tr("Article"),
            "reported_by": self.tr("Reported by"),
            "date": self.tr("Date"),
        }

    def report(self) -> BugReport:
        """The report as the form shows it now."""
        title = self.article.text().strip()
        same_article = title == self._article_title.strip()
        return BugReport(
            summary=self.summary.text(),
            steps=self.steps.toPlainText(),
            expected=self.expected.toPlainText(),
            actual=self.actual.toPlainText(),
            customer_ref=self.customer_ref.text(),
            app_version=self.app_version.text(),
            platform=self.platform.currentText(),
            article_id=self._article_id if same_article and title else "",
            article_title=title,
            reported_by=self.reported_by.text(),
            date=self.date.date().toPython(),
        )

    def missing(self) -> list[str]:
        """Translated names of required fields still empty."""
        labels = self.labels()
        return [labels[name] for name in missing_fields(self.report())]

    # -- actions ---------------------------------------------------------
    def copy(self) -> bool:
        """Copy plain text (``text/plain``) and Markdown (``text/markdown``); False when refused."""
        report = self._checked_report()
        if report is None:
            return False
        labels = self.labels()
        self._put(report_mime_data(to_markdown(report, labels), to_plain(report, labels)))
        self._done(self.tr("Copied: plain text for a chat and Markdown for a tracker."))
        return True

    def copy_markdown(self) -> bool:
        """Copy the Markdown as plain text; False when refused."""
        report = self._checked_report()
        if report is None:
            return False
        self._put(markdown_text_mime_data(to_markdown(report, self.labels())))
        self._done(self.tr("Copied as Markdown (plain text)."))
        return True

    def _checked_report(self) -> BugReport | None:
        report = self.report()
        missing = missing_fields(report)
        if not missing:
            return report
        labels = self.labels()
        self._show_message(self.tr("Not copied. Fill in: {0}.").format(", ".join(labels[n] for n in missing)))
        edits = {"summary": self.summary, "steps": self.steps, "expected": self.expected, "actual": self.actual}
        edits[missing[0]].setFocus()
        return None

    def _put(self, mime: QMimeData) -> None:
        (self._clipboard or QGuiApplication.clipboard()).setMimeData(mime)

    def _done(self, text: str) -> None:
        self._show_message(text)
        self.copied.emit(text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.show()
