"""The banner over the bundled sample KB: shown on it only, says a configured folder is gone, and its three ways out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from kb_assistant.app import build_window
from kb_assistant.core.kb.starter import KB_FILE
from kb_assistant.core.paths import bundled_kb_dir
from kb_assistant.core.settings import Settings
from kb_assistant.ui.search.sample_banner import add_sample_banner
from tests.ui.helpers import loaded


@pytest.fixture
def open_window(qtbot, tmp_path):
    threads = []

    def make(root, settings):
        win, thread = build_window(root, tmp_path / "index", settings, watch=False, data_dir=tmp_path / "data")
        threads.append(thread)
        qtbot.addWidget(win)
        banner = add_sample_banner(win)
        win.show()
        qtbot.waitUntil(lambda: loaded(win), timeout=20000)
        return win, banner

    yield make
    for thread in threads:
        thread.stop()


def test_the_sample_opens_with_the_banner_and_its_three_buttons(open_window):
    win, banner = open_window(bundled_kb_dir(), Settings())
    assert banner is not None and banner.isVisible() and win.sample_banner is banner
    assert banner.message.text().startswith("This is a sample KB.")
    assert [b.text() for b in (banner.open_button, banner.git_button, banner.empty_button)] == [
        "Open your team's folder…", "Get it from git…", "Start an empty KB…"]
    assert all(b.focusPolicy() & b.focusPolicy().TabFocus for b in (banner.open_button, banner.empty_button))
    assert banner.accessibleName() == "Sample knowledge base" and banner.accessibleDescription()


def test_another_kb_has_no_banner(open_window, write_kb):
    win, banner = open_window(write_kb({"a.md": "# A\n"}), Settings())
    assert banner is None and not hasattr(win, "sample_banner")


def test_a_configured_folder_that_is_gone_is_named(open_window, tmp_path):
    _win, banner = open_window(bundled_kb_dir(), Settings(kb_dir=str(tmp_path / "gone")))
    assert "gone" in banner.message.text() and str(tmp_path / "gone") in banner.message.text()


def test_open_your_teams_folder_saves_it_as_the_kb(open_window, tmp_path, monkeypatch, qtbot):
    win, banner = open_window(bundled_kb_dir(), Settings())
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    with qtbot.waitSignal(win.settings_changed) as saved:
        banner.open_button.click()
    assert saved.args[0].kb_dir == str(tmp_path) and win.settings.kb_dir == str(tmp_path)
    assert "opens at the next start" in banner.message.text()


def test_start_an_empty_kb_writes_it_and_a_second_time_says_why_not(open_window, tmp_path, monkeypatch, qtbot):
    win, banner = open_window(bundled_kb_dir(), Settings())
    target = tmp_path / "fresh"
    target.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    with qtbot.waitSignal(win.settings_changed):
        banner.empty_button.click()
    assert (target / KB_FILE).is_file() and (target / "welcome.md").is_file()
    banner.empty_button.click()
    assert "already exists" in banner.message.text()


def test_get_it_from_git_runs_the_clone_off_the_gui_thread_and_reports_a_failure(open_window, tmp_path,
                                                                                  monkeypatch, qtbot):
    import threading

    import kb_assistant.ui.search.sample_banner as module
    from kb_assistant.core.sync.git import GitError

    win, banner = open_window(bundled_kb_dir(), Settings())
    threads = []

    def fake_clone(url, target):
        threads.append(threading.current_thread())
        if "bad" in url:
            raise GitError("git-offline", remote=url, reason="no route")
        target.mkdir()
        return target

    monkeypatch.setattr(module, "clone_kb", fake_clone)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("https://git.example/team/kb.git", True))
    with qtbot.waitSignal(win.settings_changed) as saved:
        banner.git_button.click()
    assert saved.args[0].kb_dir == str(tmp_path / "kb") and threads[0] is not threading.main_thread()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("https://bad.example/kb.git", True))
    banner.git_button.click()
    qtbot.waitUntil(lambda: "no route" in banner.message.text(), timeout=5000)
    assert banner.git_button.isEnabled()
