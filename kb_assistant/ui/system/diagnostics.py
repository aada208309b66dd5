"""What the window does when something goes wrong: the log file, the crash file and the "Something went wrong" dialog.

:func:`install_diagnostics` is called once by ``run_gui``: it starts the log
(:func:`kb_assistant.core.logs.start_logging`) and installs ``sys.excepthook`` and
``threading.excepthook``. An exception nobody caught (a slot that raised, a worker
thread that died) is logged with its traceback; then, on the GUI thread, every open
editor writes its unsaved text to the autosave folder at once and the dialog says
what happened and what to do, with "Report to developers…" (the report form,
prefilled with the error, the versions and the last log lines, handed in by the
caller: this package knows no feature) and "Copy details".
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QObject, Qt, Signal, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

import kb_assistant
from kb_assistant.core.logs import LOG_FILE, LogSetup, diagnostics_report, start_logging, tail
from kb_assistant.core.paths import AppPaths

log = logging.getLogger(__name__)
ReportOpener = Callable[[QWidget, str, str], QWidget]


def about_facts(paths: AppPaths, kb_root: Path | None) -> list[tuple[str, str]]:
    """The (untranslated key, value) facts Help → About shows and reports carry, in order."""
    return [
        ("version", kb_assistant.__version__),
        ("python", platform.python_version()),
        ("qt", f"Qt {qVersion()}, PySide6 {PySide6.__version__}"),
        ("system", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("kb", str(kb_root) if kb_root is not None else ""),
        ("settings", str(paths.config_dir)),
        ("index", str(paths.cache_dir)),
        ("data", str(paths.data_dir)),
        ("log", str(paths.log_dir)),
    ]


def diagnostics_text(paths: AppPaths, kb_root: Path | None = None, error: str = "") -> str:
    """The plain-text report for developers: versions, folders, ``error`` and the last lines of the log."""
    return diagnostics_report(about_facts(paths, kb_root), tail(Path(paths.log_dir) / LOG_FILE), error)


def flush_autosave() -> int:
    """Have every open editor write its unsaved text to the autosave folder now; returns how many were asked.

    An editor is a top-level window with an autosave timer and its slot (``autosave_timer``,
    ``_autosave``): the slot is run now instead of when the timer fires. This package
    knows no feature (the import rules), so editors are recognised by that shape.
    """
    asked = 0
    for widget in QApplication.topLevelWidgets():
        save = getattr(widget, "_autosave", None)
        if callable(save) and hasattr(widget, "autosave_timer"):
            try:
                save()
                asked += 1
            except Exception:  # noqa: BLE001 - one broken editor must not keep the others' text from disk
                log.exception("an editor's text could not be autosaved")
    return asked


class CrashDialog(QDialog):
    """"Something went wrong": what happened, that the text is kept, what to do, and the report buttons.

    Args:
        summary: the error in one line (its type and message).
        report: the plain-text report for developers (traceback, versions, log lines).
        parent: the window it belongs to, if any.
        open_report: opens the report form ``(parent, summary, report)`` and returns it;
            None hides "Report to developers…" (copying the details still works).
    """

    def __init__(self, summary: str, report: str, parent: QWidget | None = None,
                 open_report: ReportOpener | None = None) -> None:
        super().__init__(parent)
        self._open_report = open_report
        self.report = report
        self.summary = summary
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAccessibleName(self.windowTitle())
        self.message = QLabel(self.tr(
            "KB Assistant hit an error it did not expect:\n{0}\n\n"
            "Unsaved text in open editors has been kept in the autosave folder. You can carry on working; "
            "if something looks wrong, save your work and restart KB Assistant. "
            "If it happens again, report it to the developers: the report carries the error, "
            "the versions and the last lines of the log.").format(summary), self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.message.setAccessibleName(self.message.text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        self.report_button = QPushButton(self.tr("&Report to developers…"), self)
        self.report_button.setAccessibleDescription(self.tr("Open the report form with the error details attached"))
        self.copy_button = QPushButton(self.tr("Co&py details"), self)
        self.copy_button.setAccessibleDescription(self.tr("Copy the error, the versions and the last log lines"))
        buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.report_button.clicked.connect(self.open_report)
        self.copy_button.clicked.connect(self.copy_details)
        self.report_button.setVisible(open_report is not None)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        close.setDefault(True)
        close.setFocus()

    def copy_details(self) -> None:
        """Put the report for developers on the clipboard as plain text."""
        QGuiApplication.clipboard().setText(self.report)

    def open_report(self):
        """Open the "Report to developers" form, prefilled with this error and the report; returns the form."""
        return self._open_report(self, self.summary, self.report) if self._open_report is not None else None


class Diagnostics(QObject):
    """The installed hooks and log files of one running app (see the module's text).

    Args:
        paths: the app's folders (the log folder among them).
        setup: what :func:`~kb_assistant.core.logs.start_logging` installed.
        parent: the QApplication (GUI thread), or None before it exists.
        open_report: opens the "Report to developers" form (see :class:`CrashDialog`).

    Signals:
        dialog_shown(object): a :class:`CrashDialog` was just shown (a test hook; it is not modal-blocking).
    """

    dialog_shown = Signal(object)
    _raised = Signal(str, str)  # summary, traceback: from any thread, run on the GUI thread

    def __init__(self, paths: AppPaths, setup: LogSetup, parent: QObject | None = None,
                 open_report: ReportOpener | None = None) -> None:
        super().__init__(parent)
        self.open_report = open_report
        self.paths = paths
        self.setup = setup
        self.dialog: CrashDialog | None = None
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        self._raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Take over ``sys.excepthook`` and ``threading.excepthook``."""
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put the previous hooks back and close the log files."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._old_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._old_thread_hook
        self.setup.close()

    def excepthook(self, exc_type, exc, tb) -> None:
        """An exception nobody caught: log it, keep unsaved text, tell the user."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._old_hook(exc_type, exc, tb)
            return
        log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        self._raised.emit(_summary(exc_type, exc), "".join(traceback.format_exception(exc_type, exc, tb)))

    def thread_excepthook(self, args) -> None:
        """A thread ended with an exception: the same, with the thread's name in the log."""
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical("unhandled exception in thread %s", name,
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        self._raised.emit(_summary(args.exc_type, args.exc_value),
                          "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))

    @Slot(str, str)
    def _show(self, summary: str, trace: str) -> None:
        flush_autosave()
        for handler in self.setup.handlers:
            handler.flush()
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time: the log has every error
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(summary, diagnostics_text(self.paths, error=trace), parent, self.open_report)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.open()
        self.dialog_shown.emit(self.dialog)

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None


def _summary(exc_type, exc) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{exc_type.__name__}: {text}"[:300] if text else exc_type.__name__


def install_diagnostics(paths: AppPaths, parent: QObject | None = None,
                        open_report: ReportOpener | None = None) -> Diagnostics:
    """Start the log and crash files in ``paths.log_dir`` and install the hooks; the one call ``run_gui`` makes.

    It may come before the QApplication exists: the dialog waits for the event loop.
    The hooks keep the returned object alive.
    """
    diagnostics = Diagnostics(paths, start_logging(Path(paths.log_dir)), parent, open_report)
    diagnostics.install()
    return diagnostics


__all__ = ["CrashDialog", "about_facts", "Diagnostics", "diagnostics_text", "flush_autosave", "install_diagnostics"]
