"""The status bar's words for the repository, and the controller's answers when a git call breaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kb_assistant.core.sync import RepoState, SyncResult
from kb_assistant.ui.sync.controller import SyncController, SyncStatus
from kb_assistant.ui.sync.status import status_details, status_text, when_text

NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


def state(**changes) -> RepoState:
    values = dict(work_tree=Path("/kb"), kb_folder="", branch="main", head="abc", upstream="origin/main",
                  remote="origin", ahead=0, behind=0, changes=(), operation=None, last_sync=None)
    return RepoState(**(values | changes))


def test_when_it_last_synced_in_plain_words():
    assert when_text(None, NOW) == "never synced"
    assert when_text(NOW - dt.timedelta(seconds=20), NOW) == "synced just now"
    assert when_text(NOW - dt.timedelta(minutes=3, seconds=50), NOW) == "synced 3 min ago"
    assert when_text(NOW - dt.timedelta(days=2), NOW).startswith("synced on 2026-11-30")


def test_a_kb_not_in_git_has_no_words():
    assert status_text(SyncStatus(), NOW) == "" and status_details(SyncStatus()) == ""


def test_branch_last_sync_and_what_waits():
    shown = status_text(SyncStatus(state(ahead=2, changes=("a.md",)), last_sync=NOW - dt.timedelta(minutes=5)), NOW)
    assert shown == "main · synced 5 min ago · 2 commits not published · 1 files changed here"
    assert "detached HEAD" in status_text(SyncStatus(state(branch=None)), NOW)


def test_offline_says_the_copy_here_is_searched_and_when_it_tries_again():
    offline = SyncResult("git-offline", {"remote": "origin", "reason": "no route"})
    shown = status_text(SyncStatus(state(), offline, NOW - dt.timedelta(hours=1, minutes=1),
                                   next_try=NOW + dt.timedelta(minutes=9, seconds=40)), NOW)
    assert "offline: searching this computer's copy" in shown and "next try in 10 min" in shown
    assert status_details(SyncStatus(state(), offline))


def test_a_git_call_that_breaks_leaves_the_window_not_busy(qtbot, tmp_path):
    controller = SyncController(tmp_path, tmp_path / "data", minutes=0)

    def broken():
        raise RuntimeError("a bug")

    with qtbot.waitSignal(controller.status_changed, timeout=5000,
                          check_params_cb=lambda status: not status.busy):
        controller._submit("sync", broken)
    assert controller.wait(5000) and not controller.status.busy
