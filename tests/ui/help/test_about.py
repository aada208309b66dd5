"""Help → About: version, the KB open and the app's folders, copyable for a bug report."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

import kb_assistant
from kb_assistant.core.paths import AppPaths
from kb_assistant.ui.help.about import AboutDialog


def test_about_says_the_version_the_kb_and_the_folders_and_copies_them(qtbot, tmp_path):
    paths = AppPaths(config_dir=tmp_path / "cfg", cache_dir=tmp_path / "cache", data_dir=tmp_path / "data",
                     log_dir=tmp_path / "logs")
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "kb-assistant.log").write_text("old line\nthe last log line\n", encoding="utf-8")
    dialog = AboutDialog(paths, tmp_path / "kb")
    qtbot.addWidget(dialog)
    shown = dialog.details.accessibleDescription()
    assert f"Version: {kb_assistant.__version__}" in shown
    assert f"Knowledge base: {tmp_path / 'kb'}" in shown and f"Settings folder: {tmp_path / 'cfg'}" in shown
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("KB Assistant diagnostics\n") and str(tmp_path / "data") in copied
    assert f"Log folder: {tmp_path / 'logs'}" in shown and f"Log folder: {tmp_path / 'logs'}" in copied
    assert "Qt: Qt " in copied and "Python: " in copied
    assert copied.endswith("Last log lines:\nold line\nthe last log line\n")
    assert dialog.accessibleName() == "About KB Assistant" and dialog.copy_button.accessibleName()
