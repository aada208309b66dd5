"""Diagnostics: an exception nobody caught is logged, keeps unsaved text and says so in a dialog."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.logs import CRASH_FILE, LOG_FILE
from kb_assistant.core.paths import AppPaths
from kb_assistant.ui.editor.editor_window import EditorWindow
from kb_assistant.ui.report.crash_form import open_crash_report
from kb_assistant.ui.system.diagnostics import CrashDialog, install_diagnostics
from tests.ui.helpers import type_at_end


@pytest.fixture
def diagnostics(tmp_path, qapp):
    paths = AppPaths(tmp_path / "cfg", tmp_path / "cache", tmp_path / "data", log_dir=tmp_path / "logs")
    installed = install_diagnostics(paths, qapp, open_report=open_crash_report)
    yield installed
    installed.uninstall()
    installed.deleteLater()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_keeps_the_editors_text_and_shows_the_dialog(
        qtbot, write_kb, tmp_path, diagnostics):
    root = write_kb({"refund.md": "---\nid: refund\n---\n# Refund\n\nDays.\n"})
    store = AutosaveStore(tmp_path / "autosave")
    editor = EditorWindow(root, load_kb(root), store, today=lambda: dt.date(2026, 11, 27))
    editor.open_file("refund.md")
    editor.show()
    type_at_end(qtbot, editor, "unsaved zebra words")
    assert not store.drafts(root)  # the autosave timer has not run yet

    def broken_slot():
        raise ValueError("the slot broke")

    with qtbot.waitSignal(diagnostics.dialog_shown, timeout=5000) as shown:
        QTimer.singleShot(0, broken_slot)
    dialog = shown.args[0]
    assert dialog.windowTitle() == "Something went wrong" and dialog.isVisible()
    assert "ValueError: the slot broke" in dialog.message.text() and "autosave" in dialog.message.text()
    assert [d.text for d in store.drafts(root)] == [editor.editor.toPlainText()]
    assert "unsaved zebra words" in store.drafts(root)[0].text
    logged = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "ValueError: the slot broke" in logged
    assert "broken_slot" in logged
    assert "Python" in dialog.report and "ValueError: the slot broke" in dialog.report
    assert "Last log lines:" in dialog.report
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report
    form = dialog.open_report()
    assert "the slot broke" in form.summary.text() and "Traceback" in form.actual.toPlainText()
    form.close()
    dialog.close()
    editor.ask_unsaved = lambda: "discard"
    editor.runner.wait()
    editor.close()
    editor.deleteLater()


@pytest.mark.qt_no_exception_capture
def test_a_dying_thread_is_logged_with_its_name_and_shown(qtbot, tmp_path, diagnostics):
    def work():
        raise RuntimeError("worker died")

    with qtbot.waitSignal(diagnostics.dialog_shown, timeout=5000) as shown:
        thread = threading.Thread(target=work, name="test-worker")
        thread.start()
        thread.join()
    assert "RuntimeError: worker died" in shown.args[0].message.text()
    shown.args[0].close()
    logged = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "unhandled exception in thread test-worker" in logged and "worker died" in logged


def test_the_log_takes_info_the_console_takes_warnings_and_the_crash_file_is_open(tmp_path, diagnostics):
    logging.getLogger("kb_assistant.test").info("an info line")
    for handler in diagnostics.setup.handlers:
        handler.flush()
    assert "an info line" in (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert (tmp_path / "logs" / CRASH_FILE).exists() and not diagnostics.setup.crash_handle.closed
    levels = sorted(h.level for h in diagnostics.setup.handlers)
    assert levels == [logging.INFO, logging.WARNING]
    assert sys.excepthook == diagnostics.excepthook and threading.excepthook == diagnostics.thread_excepthook


def test_uninstall_puts_the_previous_hooks_back(tmp_path, qapp):
    before, before_thread = sys.excepthook, threading.excepthook
    paths = AppPaths(tmp_path / "c", tmp_path / "k", tmp_path / "d")
    installed = install_diagnostics(paths, qapp)
    installed.uninstall()
    installed.deleteLater()
    assert sys.excepthook is before and threading.excepthook is before_thread
    assert (tmp_path / "d" / "logs" / LOG_FILE).exists()


def test_without_a_report_form_the_dialog_still_copies(qtbot):
    dialog = CrashDialog("ValueError: x", "the report")
    qtbot.addWidget(dialog)
    assert dialog.report_button.isHidden() and dialog.open_report() is None
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "the report"
