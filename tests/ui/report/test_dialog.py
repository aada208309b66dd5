"""Report to developers: prefill, clipboard formats, the required-field guard, keyboard, accessibility."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kb_assistant.core.bugreport import to_markdown, to_plain
from kb_assistant.ui.system.mime import new_mime_data
from kb_assistant.ui.report.dialog import ReportDialog, markdown_text_mime_data, report_mime_data

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def dialog(qtbot):
    widget = ReportDialog(
        article_id="refund-card", article_title="Refund to a bank card", agent_name="Anna", today=TODAY
    )
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def sentinel_clipboard(qapp):
    clipboard = QGuiApplication.clipboard()
    mime = new_mime_data()
    mime.setText("sentinel")
    clipboard.setMimeData(mime)
    return clipboard


def fill_required(dialog) -> None:
    dialog.summary.setText("Pay button does *nothing*")
    dialog.steps.setPlainText("1. Open the app\n2. Tap Pay")
    dialog.expected.setPlainText("The order is paid")
    dialog.actual.setPlainText("Nothing happens")


def type_text(widget, text: str) -> None:
    """One key event per character (qtbot.keyClicks aborts on non-ASCII text)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_prefilled_from_the_caller(dialog):
    report = dialog.report()
    assert report.article_id == "refund-card"
    assert report.article_title == "Refund to a bank card"
    assert report.reported_by == "Anna"
    assert report.date == TODAY
    assert dialog.platform.currentText() == ""
    assert dialog.platform.findText("Android") >= 0
    assert dialog.summary.hasFocus()


def test_editing_the_article_drops_its_id(dialog):
    dialog.article.setText("Another article")
    assert dialog.report().article_id == ""
    assert dialog.report().article_title == "Another article"


def test_copy_puts_plain_and_markdown_on_the_clipboard(dialog, sentinel_clipboard):
    fill_required(dialog)
    dialog.platform.setEditText("Smart TV")
    with_signal = []
    dialog.copied.connect(with_signal.append)
    assert dialog.copy() is True
    mime = sentinel_clipboard.mimeData()
    assert set(mime.formats()) == {"text/plain", "text/markdown"}
    report = dialog.report()
    assert mime.text() == to_plain(report, dialog.labels())
    markdown = bytes(mime.data("text/markdown")).decode("utf-8")
    assert markdown == to_markdown(report, dialog.labels())
    assert "Pay button does \\*nothing\\*" in markdown
    assert "1. Open the app\n2. Tap Pay" in markdown
    assert "Platform: Smart TV" in mime.text()
    assert dialog.message.isVisible() and with_signal == [dialog.message.text()]


def test_copy_as_markdown_puts_markdown_as_plain_text(dialog, sentinel_clipboard):
    fill_required(dialog)
    assert dialog.copy_markdown() is True
    mime = sentinel_clipboard.mimeData()
    assert mime.formats() == ["text/plain"]
    assert mime.text().startswith("## Summary\n")
    assert mime.text() == to_markdown(dialog.report(), dialog.labels())


def test_copy_is_refused_naming_the_empty_required_fields(qtbot, dialog, sentinel_clipboard):
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert sentinel_clipboard.text() == "sentinel"
    assert dialog.message.isVisible()
    assert dialog.message.text() == (
        "Not copied. Fill in: Summary, Steps to reproduce, Expected result, Actual result."
    )
    assert dialog.summary.hasFocus()
    assert QApplication.activeModalWidget() is None  # said inside the dialog, not in a popup

    dialog.summary.setText("Crash")
    dialog.expected.setPlainText("No crash")
    assert dialog.copy_markdown() is False
    assert dialog.message.text() == "Not copied. Fill in: Steps to reproduce, Actual result."
    assert dialog.steps.hasFocus()
    assert sentinel_clipboard.text() == "sentinel"


def test_ctrl_enter_copies_even_from_a_multi_line_field(qtbot, dialog, sentinel_clipboard):
    fill_required(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.actual.setFocus()
    qtbot.keyClick(dialog.actual, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "text/markdown" in sentinel_clipboard.mimeData().formats()
    assert dialog.actual.toPlainText() == "Nothing happens"  # no new line typed


def test_tab_leaves_multi_line_fields(qtbot, dialog):
    dialog.steps.setFocus()
    qtbot.keyClick(dialog.steps, Qt.Key.Key_Tab)
    assert dialog.expected.hasFocus()
    assert dialog.steps.toPlainText() == ""


def test_cyrillic_text_reaches_the_report(dialog, sentinel_clipboard):
    fill_required(dialog)
    dialog.summary.clear()
    type_text(dialog.summary, "Не проходит оплата")
    assert dialog.copy()
    assert "Не проходит оплата" in sentinel_clipboard.text()


def test_pure_mime_builders(qapp):
    mime = report_mime_data("## A\n", "A")
    assert mime.formats() == ["text/plain", "text/markdown"]
    assert bytes(mime.data("text/markdown")) == b"## A\n"
    mime.deleteLater()
    mime = markdown_text_mime_data("## Б\n")
    assert mime.formats() == ["text/plain"] and mime.text() == "## Б\n"
    mime.deleteLater()


def test_every_interactive_widget_has_an_accessible_name(dialog):
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox)
    unnamed = [
        f"{type(w).__name__}:{w.objectName()}"
        for w in dialog.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(dialog) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
    ]
    assert unnamed == []


def test_every_field_has_a_label_with_a_unique_mnemonic(dialog):
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel) if label.buddy()}
    fields = (dialog.summary, dialog.steps, dialog.expected, dialog.actual, dialog.customer_ref,
              dialog.app_version, dialog.platform, dialog.article, dialog.reported_by, dialog.date)
    assert all(field in buddies for field in fields)
    keys = [text[text.index("&") + 1].casefold() for text in buddies.values()]
    keys += ["c", "m"]  # Copy, Copy as Markdown
    assert len(keys) == len(set(keys))
