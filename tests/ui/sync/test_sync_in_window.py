"""A KB in git in the agent's window: a teammate's publish reaches the results without a restart."""

from __future__ import annotations

import pytest

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from tests.core.sync.helpers import ARTICLE, git
from tests.ui.helpers import loaded, type_text


@pytest.fixture
def agent_window(qtbot, team, tmp_path):
    win, thread = build_window(team.agent, tmp_path / "index", Settings(sync_minutes=0), watch=False,
                               data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    qtbot.waitUntil(lambda: win.sync.in_git and not win.sync.status.busy, timeout=10000)
    yield win
    win.sync.wait()
    thread.stop()


def status_label(win):
    from kb_assistant.ui.sync.status import SyncStatusLabel

    return win.statusBar().findChild(SyncStatusLabel)


def results_for(qtbot, win, text):
    win.search_box.clear()
    type_text(win.search_box, text)
    qtbot.waitUntil(lambda: win.search.latest is not None and win.search.latest.query == text, timeout=5000)
    return [hit.id for hit in win.search.latest.hits]


def test_an_article_published_from_another_clone_appears_in_the_results_and_the_status_says_synced(
        qtbot, agent_window, team):
    label = status_label(agent_window)
    assert label.isVisibleTo(agent_window) and label.text().startswith("main")
    assert "synced just now" in label.text()
    assert "customs" not in results_for(qtbot, agent_window, "customs")
    team.publish_from(team.editor_repo, {"delivery/late.md": ARTICLE.format(
        id="late", title="Late delivery", body="Parcels held at customs take longer.")})
    agent_window.sync.set_interval_ms(1000)  # the sync timer of the test: a second
    qtbot.waitUntil(lambda: loaded(agent_window, "late"), timeout=15000)
    assert results_for(qtbot, agent_window, "customs")[0] == "late"
    assert "synced just now" in label.text()
    assert (team.agent / "delivery/late.md").is_file()


def test_offline_the_window_keeps_searching_and_says_why(qtbot, agent_window, team):
    git(team.agent_repo, "remote", "set-url", "origin", str(team.root / "gone.git"))
    with qtbot.waitSignal(agent_window.sync.synced, timeout=15000) as blocker:
        agent_window.sync.sync_now()
    assert blocker.args[0].offline
    label = status_label(agent_window)
    assert "offline" in label.text() and "cannot reach" in label.toolTip().lower() or "offline" in label.text()
    assert results_for(qtbot, agent_window, "refund")[0] == "card"


def test_a_kb_not_in_git_shows_no_sync_state(qtbot, write_kb, tmp_path):
    root = write_kb({"a.md": ARTICLE.format(id="a", title="Refund", body="Days.")})
    win, thread = build_window(root, tmp_path / "index", Settings(), watch=False, data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    win.sync.wait()
    qtbot.wait(100)
    assert not win.sync.in_git and not status_label(win).isVisibleTo(win)
    thread.stop()


def test_a_sync_that_brings_files_or_fails_says_so_in_the_status_bar(qtbot, agent_window, team):
    team.publish_from(team.editor_repo, {"delivery/late.md": ARTICLE.format(
        id="late", title="Late delivery", body="Parcels held at customs take longer.")})
    with qtbot.waitSignal(agent_window.sync.synced, timeout=15000):
        agent_window.sync.sync_now()
    assert agent_window.statusBar().currentMessage() == "Sync: updated from origin/main; files changed: 1"


def test_a_kb_in_git_without_git_installed_says_so_and_is_searched(qtbot, team, tmp_path, monkeypatch):
    from tests.core.sync.helpers import env_without_git

    monkeypatch.setenv("PATH", env_without_git(tmp_path)["PATH"])
    win, thread = build_window(team.agent, tmp_path / "index", Settings(), watch=False, data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    label = status_label(win)
    qtbot.waitUntil(lambda: label.isVisibleTo(win), timeout=10000)
    assert label.text() == "git is not installed: searching this computer's copy"
    assert "git" in label.toolTip()
    assert not win.sync.in_git
    assert results_for(qtbot, win, "refund")[0] == "card"
    thread.stop()
