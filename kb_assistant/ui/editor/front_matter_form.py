"""The front matter form beside the article text: the common keys as plain fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from kb_assistant.ui.widgets.forms import add_row


def parse_list(text: str) -> list[str]:
    """``"a, b ,c"`` -> ``["a", "b", "c"]``."""
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_translations(text: str) -> dict[str, str] | None:
    """``"en: refund-card, de: x"`` -> ``{"en": "refund-card", "de": "x"}``; None when unreadable."""
    pairs: dict[str, str] = {}
    for item in parse_list(text):
        lang, sep, article_id = item.partition(":")
        if not sep or not lang.strip() or not article_id.strip():
            return None
        pairs[lang.strip()] = article_id.strip()
    return pairs


def parse_date(text: str) -> dt.date | None | bool:
    """A ``YYYY-MM-DD`` date, None for an empty field, False when unreadable."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return False


class FrontMatterForm(QWidget):
    """Title, tags, product, language, owner, questions, review and translations.

    The form never writes YAML itself: it says what the editor changed with
    :attr:`edited` (the whole set of values), and the editor window applies them with
    :func:`kb_assistant.core.articles.frontmatter_edit.apply_form`, which keeps unknown keys,
    their order and comments.

    Signals:
        edited(dict): the values after an edit by the user (only readable fields).
        invalid(str): a field cannot be read (the message says which and why); "" when fixed.
    """

    edited = Signal(dict)
    invalid = Signal(str)

    def __init__(self, parent=None, today=dt.date.today) -> None:
        super().__init__(parent)
        self.today = today
        self._loading = False
        self.title = QLineEdit(self)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("comma separated"))
        self.product = QLineEdit(self)
        self.lang = QComboBox(self)
        self.lang.setEditable(True)
        self.lang.addItems(["ru", "en"])
        self.owner = QLineEdit(self)
        self.questions = QPlainTextEdit(self)
        self.questions.setPlaceholderText(self.tr("One customer question per line"))
        self.questions.setTabChangesFocus(True)
        self.questions.setMaximumHeight(110)
        self.reviewed = QLineEdit(self)
        self.reviewed.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.mark_today = QPushButton(self.tr("To&day"), self)
        self.review_every = QSpinBox(self)
        self.review_every.setRange(0, 3650)
        self.review_every.setSpecialValueText(self.tr("not set"))
        self.review_every.setSuffix(self.tr(" days"))
        self.translations = QLineEdit(self)
        self.translations.setPlaceholderText(self.tr("en: article-id"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Front matter message"))
        reviewed_row = QHBoxLayout()
        reviewed_row.addWidget(self.reviewed, 1)
        reviewed_row.addWidget(self.mark_today)
        layout = QFormLayout(self)
        rows = (
            (self.tr("&Title"), self.title), (self.tr("Ta&gs"), self.tags), (self.tr("&Product"), self.product),
            (self.tr("&Language"), self.lang), (self.tr("&Owner"), self.owner),
            (self.tr("&Questions"), self.questions), (self.tr("&Reviewed"), reviewed_row),
            (self.tr("Review &every"), self.review_every), (self.tr("Tra&nslations"), self.translations),
        )
        for text, field in rows:
            add_row(layout, text, field, buddy=None if isinstance(field, QWidget) else self.reviewed)
        self.mark_today.setAccessibleName(self.tr("Set reviewed to today"))
        layout.addRow(self.message)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for line in (self.title, self.tags, self.product, self.owner, self.reviewed, self.translations):
            line.textEdited.connect(self._changed)
        self.lang.currentTextChanged.connect(self._changed)
        self.questions.textChanged.connect(self._changed)
        self.review_every.valueChanged.connect(self._changed)
        self.mark_today.clicked.connect(self._reviewed_today)

    def _reviewed_today(self) -> None:
        self.reviewed.setText(self.today().isoformat())
        self._changed()

    def set_values(self, values: dict[str, Any]) -> None:
        """Show ``values`` (as :func:`form_values` gives them) without emitting :attr:`edited`.

        The field being typed in keeps its text, so the cursor never jumps.
        """
        self._loading = True
        try:
            texts = {
                self.title: values.get("title", ""),
                self.tags: ", ".join(values.get("tags", [])),
                self.product: values.get("product", ""),
                self.owner: values.get("owner", ""),
                self.reviewed: values["reviewed"].isoformat() if values.get("reviewed") else "",
                self.translations: ", ".join(f"{k}: {v}" for k, v in values.get("translations", {}).items()),
            }
            for line, text in texts.items():
                if not line.hasFocus() and line.text() != text:
                    line.setText(text)
            if not self.lang.hasFocus() and self.lang.currentText() != values.get("lang", ""):
                self.lang.setCurrentText(values.get("lang", ""))
            questions = "\n".join(values.get("questions", []))
            if not self.questions.hasFocus() and self.questions.toPlainText() != questions:
                self.questions.setPlainText(questions)
            if not self.review_every.hasFocus():
                self.review_every.setValue(values.get("review_every") or 0)
        finally:
            self._loading = False

    def set_broken(self, message: str) -> None:
        """The YAML cannot be read: say where, and keep the fields read-only until it is fixed."""
        self.message.setText(message)
        for child in self.findChildren(QWidget):
            if child is not self.message:
                child.setEnabled(not message)

    def values(self) -> tuple[dict[str, Any], str]:
        """``(values, problem)``: the readable fields, and a message naming an unreadable one."""
        values: dict[str, Any] = {
            "title": self.title.text(), "tags": parse_list(self.tags.text()), "product": self.product.text(),
            "lang": self.lang.currentText(), "owner": self.owner.text(),
            "questions": [q.strip() for q in self.questions.toPlainText().splitlines() if q.strip()],
            "review_every": self.review_every.value() or None,
        }
        problems = []
        reviewed = parse_date(self.reviewed.text())
        if reviewed is False:
            problems.append(self.tr("Reviewed: write the date as YYYY-MM-DD."))
        else:
            values["reviewed"] = reviewed
        translations = parse_translations(self.translations.text())
        if translations is None:
            problems.append(self.tr("Translations: write them as “en: article-id, ru: article-id”."))
        else:
            values["translations"] = translations
        return values, " ".join(problems)

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        values, problem = self.values()
        self.invalid.emit(problem)
        self.edited.emit(values)
