"""The KB watcher: one ``changed`` per burst of writes, watching what the KB's stamp lists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QFileSystemWatcher

from kb_assistant.core.kb.stamp import kb_stamp
from kb_assistant.ui.system import watcher as watcher_module
from kb_assistant.ui.system.watcher import KbWatcher

SETTLE_MS = 100
QUIET_MS = 6 * SETTLE_MS
"""How long a test listens for a ``changed`` that must not come: several settle periods."""
KB = {
    "_kb.yml": "name: Test KB\n",
    "payments/refund.md": "# Refund\n\nRefunds take days.\n",
    "account/password.md": "# Password\n\nUse the link.\n",
    "_drafts/draft.md": "# Draft\n",
    ".git/notes.md": "# Not an article\n",
}


@pytest.fixture
def kb(write_kb):
    return write_kb(KB)


@pytest.fixture
def watcher(qtbot):
    watcher = KbWatcher(settle_ms=SETTLE_MS)
    yield watcher
    watcher.stop()


def watch(watcher: KbWatcher, root: Path) -> None:
    """What the app does: the search worker hands over the stamp of each KB it loads."""
    watcher.watch(kb_stamp(root))


def atomic_write(path: Path, text: str) -> None:
    """Save as editors do: a temporary file renamed over the old one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_a_burst_of_writes_is_one_change(watcher, kb, qtbot):
    watch(watcher, kb)
    emitted = []
    watcher.changed.connect(lambda: emitted.append(True))
    article = kb / "payments" / "refund.md"
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        for number in range(4):
            article.write_text(f"# Refund\n\nVersion {number}.\n", encoding="utf-8")
        (kb / "account" / "password.md").write_text("# Password\n\nChanged.\n", encoding="utf-8")
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET_MS):
        pass
    assert emitted == [True]


def test_each_burst_is_reported(watcher, kb, qtbot):
    watch(watcher, kb)
    article = kb / "payments" / "refund.md"
    for number in range(3):
        with qtbot.waitSignal(watcher.changed, timeout=3000):
            article.write_text(f"# Refund\n\nVersion {number}.\n", encoding="utf-8")


def test_the_articles_folders_and_kb_yml_are_watched_hidden_folders_not(watcher, kb):
    watch(watcher, kb)
    watched = {Path(path) for path in watcher.watched()}
    assert {kb, kb / "payments", kb / "account"} <= watched
    assert {kb / "payments" / "refund.md", kb / "account" / "password.md", kb / "_kb.yml"} <= watched
    assert not any(part.startswith(("_", ".")) for path in watched - {kb / "_kb.yml"}
                   for part in path.relative_to(kb).parts)


def test_a_change_to_kb_yml_is_a_change(watcher, kb, qtbot):
    watch(watcher, kb)
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        (kb / "_kb.yml").write_text("name: Renamed KB\n", encoding="utf-8")


def test_writes_in_hidden_folders_are_not_changes(watcher, kb, qtbot):
    watch(watcher, kb)
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET_MS):
        (kb / "_drafts" / "draft.md").write_text("# Draft, edited\n", encoding="utf-8")
        (kb / "_drafts" / "second.md").write_text("# Another draft\n", encoding="utf-8")
        (kb / ".git" / "notes.md").write_text("# Edited\n", encoding="utf-8")


def test_a_folder_created_later_is_watched_once_the_kb_is_stamped_again(watcher, kb, qtbot):
    watch(watcher, kb)
    new_folder = kb / "delivery"
    with qtbot.waitSignal(watcher.changed, timeout=3000):  # the root folder saw it appear
        new_folder.mkdir()
        (new_folder / "tracking.md").write_text("# Tracking\n", encoding="utf-8")
    assert str(new_folder) not in watcher.watched()
    watch(watcher, kb)
    assert {str(new_folder), str(new_folder / "tracking.md")} <= watcher.watched()
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        (new_folder / "tracking.md").write_text("# Tracking, edited\n", encoding="utf-8")


def test_a_removed_folder_is_no_longer_watched(watcher, kb, qtbot):
    watch(watcher, kb)
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        (kb / "account" / "password.md").unlink()
        (kb / "account").rmdir()
    watch(watcher, kb)
    assert not any("account" in path for path in watcher.watched())


def test_a_file_replaced_by_an_atomic_save_stays_watched(watcher, kb, qtbot):
    watch(watcher, kb)
    article = kb / "payments" / "refund.md"
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        atomic_write(article, "# Refund\n\nSaved atomically.\n")
    assert str(article) in watcher.watched()
    # an in-place write is seen only through the file's own watch (folders report entries, not contents)
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        article.write_text("# Refund\n\nWritten in place.\n", encoding="utf-8")


def test_above_the_file_limit_only_folders_are_watched(watcher, kb, qtbot, monkeypatch):
    monkeypatch.setattr(watcher_module, "MAX_WATCHED_FILES", 2)
    watch(watcher, kb)
    assert {Path(path) for path in watcher.watched()} == {kb, kb / "payments", kb / "account"}
    # saves replace files, and that the folder sees
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        atomic_write(kb / "payments" / "refund.md", "# Refund\n\nSaved.\n")
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        (kb / "account" / "new.md").write_text("# New\n", encoding="utf-8")


def test_files_are_watched_again_when_the_kb_shrinks_below_the_limit(watcher, kb, monkeypatch):
    monkeypatch.setattr(watcher_module, "MAX_WATCHED_FILES", 2)
    watch(watcher, kb)
    (kb / "account" / "password.md").unlink()
    watch(watcher, kb)
    assert {Path(path) for path in watcher.watched()} == {
        kb, kb / "payments", kb / "account", kb / "payments" / "refund.md", kb / "_kb.yml",
    }


def test_files_are_let_go_when_the_kb_grows_past_the_limit(watcher, kb, monkeypatch):
    monkeypatch.setattr(watcher_module, "MAX_WATCHED_FILES", 3)
    watch(watcher, kb)
    assert str(kb / "payments" / "refund.md") in watcher.watched()
    (kb / "payments" / "more.md").write_text("# More\n", encoding="utf-8")
    watch(watcher, kb)
    assert {Path(path) for path in watcher.watched()} == {kb, kb / "payments", kb / "account"}


def test_stop_stops(watcher, kb, qtbot):
    watch(watcher, kb)
    watcher.stop()
    assert watcher.watched() == set()
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET_MS):
        (kb / "payments" / "refund.md").write_text("# Refund\n\nAfter stop.\n", encoding="utf-8")
        (kb / "payments" / "more.md").write_text("# More\n", encoding="utf-8")


def test_stop_drops_a_burst_still_settling(qtbot, kb):
    watcher = KbWatcher(settle_ms=2 * SETTLE_MS)
    watch(watcher, kb)
    noticed = []
    # the Qt watcher inside: only to know the write has been seen and the settle timer runs
    watcher.findChild(QFileSystemWatcher).directoryChanged.connect(noticed.append)
    (kb / "payments" / "more.md").write_text("# More\n", encoding="utf-8")
    qtbot.waitUntil(lambda: bool(noticed), timeout=3000)
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET_MS):
        watcher.stop()


def test_with_no_event_for_the_scan_interval_it_says_look_again(kb, qtbot):
    watcher = KbWatcher(settle_ms=SETTLE_MS, scan_seconds=0.3)
    watch(watcher, kb)
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        pass  # a network share: nothing reported, the scan asks anyway
    watcher.set_scan_seconds(0)
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET_MS):
        pass
    watcher.stop()


def test_events_put_the_scan_off(kb, qtbot):
    watcher = KbWatcher(settle_ms=SETTLE_MS, scan_seconds=1)
    watch(watcher, kb)
    watcher._scan.setInterval(400)
    watcher._scan.start()
    for _ in range(3):
        qtbot.wait(250)
        watcher._touched(str(kb))  # an event: the scan waits a whole interval again
    assert watcher._scan.isActive() and watcher._scan.remainingTime() > 200
    watcher.stop()
