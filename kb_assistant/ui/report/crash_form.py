"""The "Report to developers" form opened from the "Something went wrong" dialog, prefilled with the error."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

import kb_assistant
from kb_assistant.ui.report.dialog import ReportDialog


def open_crash_report(parent: QWidget, summary: str, report: str) -> ReportDialog:
    """Open the report form (not blocking) with the error as its summary and ``report`` as what happened.

    Args:
        parent: the crash dialog.
        summary: the error in one line.
        report: the error's traceback, the versions and the last log lines.

    Returns:
        The form, deleted when closed.
    """
    form = ReportDialog(parent, app_version=kb_assistant.__version__)
    form.summary.setText(QCoreApplication.translate("CrashReport", "KB Assistant: {0}").format(summary)[:200])
    form.actual.setPlainText(report)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    form.open()
    return form


__all__ = ["open_crash_report"]
