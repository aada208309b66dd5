"""An error before the window can open: a dialog that says what to do, never a silent exit."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from kb_assistant.ui.system.messages import error_text


def start_failed(error: BaseException, argv: list[str], exit_code: int = 3) -> int:
    """Tell ``error`` on standard error and in a dialog with what to do; return ``exit_code``.

    Needs Qt to be able to start (checked before, by :mod:`kb_assistant.platform_check`).
    """
    print(f"kb-assistant: {error}", file=sys.stderr)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Startup", "KB Assistant cannot start"),
                      error_text(error))
    box.setInformativeText(QCoreApplication.translate(
        "Startup", "Start it with the knowledge base folder: kb-assistant --kb FOLDER, or set the folder in "
                   "the settings file; reinstalling KB Assistant brings the sample knowledge base back."))
    box.setAccessibleName(box.windowTitle())
    if app.platformName() != "offscreen":  # tests look at the text, not at a modal loop
        box.exec()
    start_failed.last_box = box  # type: ignore[attr-defined]
    return exit_code
