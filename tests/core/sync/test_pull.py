"""Sync for agents against real repositories: fast-forward only, and nothing local ever lost."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
import time

import pytest

from kb_assistant.core.sync import repo_state, sync
from tests.core.sync.helpers import ARTICLE, commit_all, env_without_git, git, write

NEW = ARTICLE.format(id="delivery", title="Late delivery", body="Parcels can take up to 14 days.")


def test_the_agent_gets_what_the_editor_published(team, tmp_path):
    before = git(team.agent, "rev-parse", "HEAD")
    after = team.publish_from(team.editor_repo, {"delivery/late.md": NEW, "refunds/card.md": "# Card\n\nNew text.\n"})
    when = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.timezone.utc)
    result = sync(team.agent, data_dir=tmp_path / "data", now=when)
    assert result.code == "sync-updated" and result.ok
    assert (result.before, result.after) == (before, after)
    assert result.changed == ("delivery/late.md", "refunds/card.md")
    assert (team.agent / "delivery" / "late.md").read_text(encoding="utf-8") == NEW
    assert result.synced_at == when == repo_state(team.agent, tmp_path / "data").last_sync
    again = sync(team.agent, data_dir=tmp_path / "data")
    assert again.code == "sync-up-to-date" and again.changed == () and str(again.message()) == (
        "already up to date with origin/main")


def test_uncommitted_edits_in_other_files_are_kept_and_the_fast_forward_goes_ahead(team):
    mine = "# Password\n\nMy notes, not committed.\n"
    write(team.agent, {"account/password.md": mine, "drafts/idea.md": "# Idea\n"})
    team.publish_from(team.editor_repo, {"refunds/card.md": "# Card\n\nNew text.\n"})
    result = sync(team.agent)
    assert result.code == "sync-updated" and result.changed == ("refunds/card.md",)
    assert (team.agent / "account" / "password.md").read_text(encoding="utf-8") == mine
    assert (team.agent / "drafts" / "idea.md").read_text(encoding="utf-8") == "# Idea\n"
    assert (team.agent / "refunds" / "card.md").read_text(encoding="utf-8") == "# Card\n\nNew text.\n"


def test_uncommitted_edits_in_a_file_the_update_changes_stop_it_and_are_kept(team):
    mine = "# Card\n\nMy own wording, not committed.\n"
    write(team.agent, {"refunds/card.md": mine})
    head = git(team.agent, "rev-parse", "HEAD")
    team.publish_from(team.editor_repo, {"refunds/card.md": "# Card\n\nTheirs.\n", "delivery/late.md": NEW})
    result = sync(team.agent)
    assert result.code == "sync-local-edits" and not result.ok
    assert result.blocking == ("refunds/card.md",) and result.behind == 1
    assert str(result.message()).startswith("cannot fast-forward: your edits to refunds/card.md")
    assert (team.agent / "refunds" / "card.md").read_text(encoding="utf-8") == mine
    assert git(team.agent, "rev-parse", "HEAD") == head and not (team.agent / "delivery" / "late.md").exists()


def test_an_untracked_file_where_the_update_adds_one_is_kept_too(team):
    write(team.agent, {"delivery/late.md": "# Mine, never committed\n"})
    team.publish_from(team.editor_repo, {"delivery/late.md": NEW})
    result = sync(team.agent)
    assert result.code == "sync-local-edits" and result.blocking == ("delivery/late.md",)
    assert (team.agent / "delivery" / "late.md").read_text(encoding="utf-8") == "# Mine, never committed\n"


def test_local_commits_the_upstream_lacks_are_kept(team):
    write(team.agent, {"mine.md": "# Mine\n"})
    mine = commit_all(team.agent, "agent's own commit")
    team.publish_from(team.editor_repo, {"delivery/late.md": NEW})
    result = sync(team.agent)
    assert result.code == "sync-diverged" and (result.ahead, result.behind) == (1, 1)
    assert git(team.agent, "rev-parse", "HEAD") == mine
    alone = sync(team.editor)  # ahead only is fine: nothing to bring in
    assert alone.code == "sync-up-to-date"
    write(team.editor, {"x.md": "# X\n"})
    commit_all(team.editor_repo)
    assert sync(team.editor).code == "sync-ahead" and sync(team.editor).ok


def test_an_unreachable_remote_is_offline_and_changes_nothing(team, tmp_path):
    git(team.agent, "remote", "set-url", "origin", (tmp_path / "does-not-exist.git").as_uri())
    head = git(team.agent, "rev-parse", "HEAD")
    result = sync(team.agent, data_dir=tmp_path / "data")
    assert result.code == "git-offline" and result.offline and not result.ok
    assert result.synced_at is None and repo_state(team.agent, tmp_path / "data").last_sync is None
    assert git(team.agent, "rev-parse", "HEAD") == head
    assert "working with the copy on this computer" in str(result.message())


def test_a_closed_port_is_offline_quickly(team):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    git(team.agent, "remote", "set-url", "origin", f"https://127.0.0.1:{port}/kb.git")
    started = time.monotonic()
    assert sync(team.agent).code == "git-offline"
    assert time.monotonic() - started < 30


class _AsksForPassword(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server name
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="kb"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def password_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AsksForPassword)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/kb.git"
    server.shutdown()
    server.server_close()


def test_a_remote_that_asks_for_a_password_is_credentials_needed_and_never_hangs(team, password_server):
    git(team.agent, "remote", "set-url", "origin", password_server)
    started = time.monotonic()
    result = sync(team.agent)
    assert result.code == "git-credentials", result.values
    assert time.monotonic() - started < 30
    assert "set up your git credentials" in str(result.message())


def test_a_token_in_the_remote_url_is_not_in_the_message(team, password_server):
    git(team.agent, "remote", "set-url", "origin", password_server.replace("http://", "http://ivan:s3cret@", 1))
    result = sync(team.agent)
    assert result.code == "git-credentials"
    assert "s3cret" not in str(result.message())


def test_a_force_pushed_upstream_is_not_followed_and_nothing_is_lost(team):
    old = git(team.agent, "rev-parse", "HEAD")
    git(team.editor_repo, "commit", "-q", "--amend", "-m", "rewritten history")
    git(team.editor_repo, "push", "-q", "--force", "origin", "main")
    result = sync(team.agent)
    assert result.code == "sync-force-pushed" and not result.ok
    assert git(team.agent, "rev-parse", "HEAD") == old
    assert "rewritten (force-pushed)" in str(result.message())
    git(team.agent, "fetch", "-q")  # someone fetched meanwhile: the remote-tracking ref's reflog still tells
    assert sync(team.agent).code == "sync-force-pushed"


def test_a_detached_head_says_so_and_changes_nothing(team):
    git(team.agent, "checkout", "-q", "--detach")
    head = git(team.agent, "rev-parse", "HEAD")
    team.publish_from(team.editor_repo, {"delivery/late.md": NEW})
    result = sync(team.agent)
    assert result.code == "git-detached" and result.values["commit"] == head[:10]
    assert git(team.agent, "rev-parse", "HEAD") == head


def test_a_branch_without_upstream_and_an_unfinished_merge(team):
    git(team.agent, "checkout", "-q", "-b", "local-only")
    assert sync(team.agent).code == "git-no-upstream"
    git(team.agent, "checkout", "-q", "main")
    (team.agent_repo / ".git" / "MERGE_HEAD").write_text(git(team.agent, "rev-parse", "HEAD") + "\n")
    assert sync(team.agent).code == "git-busy"


def test_a_thousand_files_in_one_pull_are_all_listed(team):
    files = {f"bulk/{number // 100}/article-{number}.md": ARTICLE.format(
        id=f"bulk-{number}", title=f"Article {number}", body=f"Body {number}.") for number in range(1000)}
    team.publish_from(team.editor_repo, files, "a thousand articles")
    started = time.monotonic()
    result = sync(team.agent)
    elapsed = time.monotonic() - started
    assert result.code == "sync-updated" and len(result.changed) == 1000
    assert set(result.changed) == set(files)
    assert elapsed < 30  # measured ~0.2 s; a generous bound, timing is not what this test is about


def test_a_kb_in_a_subfolder_lists_only_its_own_files(sub_team):
    sub_team.publish_from(sub_team.editor_repo, {"delivery/late.md": NEW})
    write(sub_team.editor_repo, {"README.md": "# Changed outside the KB\n"})
    commit_all(sub_team.editor_repo)
    git(sub_team.editor_repo, "push", "-q")
    result = sync(sub_team.agent)
    assert result.code == "sync-updated" and result.changed == ("delivery/late.md",)
    assert (sub_team.agent_repo / "README.md").read_text(encoding="utf-8") == "# Changed outside the KB\n"


def test_uncommitted_edits_outside_the_kb_folder_are_named_from_the_kb(sub_team):
    write(sub_team.agent_repo, {"README.md": "mine\n"})
    write(sub_team.editor_repo, {"README.md": "theirs\n"})
    commit_all(sub_team.editor_repo)
    git(sub_team.editor_repo, "push", "-q")
    result = sync(sub_team.agent)
    assert result.code == "sync-local-edits" and result.blocking == ("../../README.md",)


def test_git_missing_is_a_result_not_a_crash(team, tmp_path):
    result = sync(team.agent, environ=env_without_git(tmp_path))
    assert result.code == "git-missing" and not result.ok


def test_a_kb_not_in_git(tmp_path):
    (tmp_path / "plain").mkdir()
    assert sync(tmp_path / "plain").code == "git-no-repo"
