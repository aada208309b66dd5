"""Editor test set-up: a question nobody answers fails the test instead of waiting forever headless."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture(autouse=True)
def no_unanswered_question(qapp):
    """Close a message box left open for 10 s (a test that meets an unexpected question then fails)."""
    left_open: list[str] = []

    def check():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            left_open.append(box.text())
            box.reject()

    timer = QTimer()
    timer.setInterval(10_000)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    assert not left_open, f"unanswered question: {left_open}"
