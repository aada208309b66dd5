"""Publish for editors against real repositories; on every path the editor's text survives."""

from __future__ import annotations

import pytest

from kb_assistant.core.sync import publish, sync
from kb_assistant.core.usage.team import install_id
from tests.core.sync.helpers import ARTICLE, commit_all, env_without_git, git, write

MINE = ARTICLE.format(id="card", title="Refund to a card", body="Refunds take 3-5 days now (editor's text).")
THEIRS = ARTICLE.format(id="card", title="Refund to a card", body="Refunds take 2 days (another editor).")
NEW = ARTICLE.format(id="delivery", title="Late delivery", body="Parcels can take up to 14 days.")


def editor_text_kept(team, text: str, kb_path: str = "refunds/card.md") -> bool:
    """The editor's text is in the work tree or in a commit the editor's repository holds."""
    on_disk = (team.editor / kb_path).read_text(encoding="utf-8") if (team.editor / kb_path).exists() else ""
    if on_disk == text:
        return True
    path = f"{team.kb_folder}/{kb_path}" if team.kb_folder else kb_path
    commits = git(team.editor_repo, "rev-list", "--all", "--reflog").split()
    return any(git(team.editor_repo, "show", f"{commit}:{path}", check=False) == text.strip() for commit in commits)


def test_publish_commits_the_changed_files_and_pushes_them(team, tmp_path):
    write(team.editor, {"refunds/card.md": MINE, "delivery/late.md": NEW})
    result = publish(team.editor, "Refund times; late delivery", data_dir=tmp_path / "data")
    assert result.code == "publish-done" and result.published and result.ok and not result.rebased
    assert result.files == ("delivery/late.md", "refunds/card.md")
    assert result.commit == git(team.remote, "rev-parse", "main") == git(team.editor, "rev-parse", "HEAD")
    assert team.remote_text("refunds/card.md") == MINE.strip()
    assert git(team.remote, "log", "-1", "--format=%an <%ae> %s") == (
        "Erin Editor <erin.editor@example.com> Refund times; late delivery")
    assert result.synced_at is not None
    assert str(result.message()) == "published to origin/main: delivery/late.md, refunds/card.md"


def test_the_editor_named_in_the_settings_is_the_author(team):
    write(team.editor, {"refunds/card.md": MINE})
    result = publish(team.editor, "Refund times", author=("Ирина Петрова", "irina@example.com"))
    assert result.published
    assert git(team.remote, "log", "-1", "--format=%an <%ae> / %cn") == (
        "Ирина Петрова <irina@example.com> / Ирина Петрова")


def test_without_any_identity_nothing_is_committed(team):
    git(team.editor_repo, "config", "--unset", "user.name")
    git(team.editor_repo, "config", "--unset", "user.email")
    write(team.editor, {"refunds/card.md": MINE})
    head = git(team.editor, "rev-parse", "HEAD")
    result = publish(team.editor, "Refund times")
    assert result.code == "publish-no-identity" and "user.name" in str(result.message())
    assert git(team.editor, "rev-parse", "HEAD") == head and editor_text_kept(team, MINE)


def test_only_the_paths_asked_for_are_published(team):
    write(team.editor, {"refunds/card.md": MINE, "delivery/late.md": NEW, "drafts/wip.md": "# WIP\n"})
    git(team.editor, "add", "drafts/wip.md")  # staged by hand: stays staged, not published
    result = publish(team.editor, "Refund times", ["refunds/card.md"])
    assert result.files == ("refunds/card.md",)
    assert git(team.remote, "ls-tree", "-r", "--name-only", "main").split() == [
        "account/password.md", "refunds/card.md"]
    assert git(team.editor, "status", "--porcelain", "-uall").splitlines() == ["A  drafts/wip.md", "?? delivery/late.md"]
    folder = publish(team.editor, "Delivery", ["delivery"])  # a folder: its changed files
    assert folder.files == ("delivery/late.md",)


def test_a_deleted_article_is_published_as_deleted(team):
    (team.editor / "account" / "password.md").unlink()
    result = publish(team.editor, "Remove the password article")
    assert result.files == ("account/password.md",) and result.published
    assert "account/password.md" not in git(team.remote, "ls-tree", "-r", "--name-only", "main")


def test_usage_files_are_published_only_when_shared_and_only_our_own(team, tmp_path):
    data = tmp_path / "data"
    own = install_id(data)
    write(team.editor, {f"_usage/{own}.jsonl": "{}\n", "_usage/someone-else.jsonl": "{}\n", ".hidden.md": "x\n",
                        "refunds/card.md": MINE})
    first = publish(team.editor, "Refund times", data_dir=data)
    assert first.files == ("refunds/card.md",)
    second = publish(team.editor, "Share usage", include_usage=True, data_dir=data)
    assert second.files == (f"_usage/{own}.jsonl",)
    refused = publish(team.editor, "Theirs", ["_usage/someone-else.jsonl"], include_usage=True, data_dir=data)
    assert refused.code == "publish-path-usage" and not refused.published
    assert "_usage/someone-else.jsonl" not in git(team.remote, "ls-tree", "-r", "--name-only", "main")


def test_files_outside_the_kb_folder_are_never_published(sub_team):
    write(sub_team.editor, {"refunds/card.md": MINE})
    write(sub_team.editor_repo, {"README.md": "# Changed outside\n", "src/tool.py": "x = 2\n"})
    result = publish(sub_team.editor, "Refund times")
    assert result.files == ("refunds/card.md",)
    assert git(sub_team.remote, "show", "--name-only", "--format=", "main").split() == ["docs/kb/refunds/card.md"]
    assert publish(sub_team.editor, "x", ["../../README.md"]).code == "publish-path-outside"
    assert publish(sub_team.editor, "x", ["/etc/passwd"]).code == "publish-path-outside"
    assert "x = 2" in (sub_team.editor_repo / "src" / "tool.py").read_text(encoding="utf-8")


def test_nothing_to_publish_and_an_empty_message(team):
    assert publish(team.editor, "nothing").code == "publish-nothing"
    write(team.editor, {"refunds/card.md": MINE})
    assert publish(team.editor, "  ").code == "publish-no-message"
    assert editor_text_kept(team, MINE)


def test_someone_published_first_and_it_applies_cleanly(team):
    team.publish_from(team.agent_repo, {"delivery/late.md": NEW}, "other editor")
    write(team.editor, {"refunds/card.md": MINE, "drafts/unsaved.md": "# Not published\n"})
    write(team.editor, {"account/password.md": "# Password\n\nEdits in progress.\n"})
    result = publish(team.editor, "Refund times", ["refunds/card.md"])
    assert result.code == "publish-done" and result.published and result.rebased
    assert result.changed == ("delivery/late.md",)  # the work tree got it: re-index it
    assert team.remote_text("refunds/card.md") == MINE.strip() and team.remote_text("delivery/late.md") == NEW.strip()
    assert git(team.remote, "log", "--format=%s", "main").splitlines() == ["Refund times", "other editor", "seed"]
    assert git(team.editor, "rev-parse", "HEAD") == git(team.remote, "rev-parse", "main")
    # the editor's other work is as it was
    assert (team.editor / "account" / "password.md").read_text(encoding="utf-8") == "# Password\n\nEdits in progress.\n"
    assert (team.editor / "drafts" / "unsaved.md").exists() and (team.editor / "delivery" / "late.md").exists()


def test_someone_published_the_same_lines_first_it_is_a_conflict_and_nothing_moves(team):
    team.publish_from(team.agent_repo, {"refunds/card.md": THEIRS}, "other editor")
    remote_before = git(team.remote, "rev-parse", "main")
    write(team.editor, {"refunds/card.md": MINE, "account/password.md": "# Password\n\nUncommitted.\n"})
    result = publish(team.editor, "Refund times", ["refunds/card.md"])
    assert result.code == "publish-conflict" and not result.published
    assert result.commit == git(team.editor, "rev-parse", "HEAD")
    assert git(team.editor, "show", "-s", "--format=%s", "HEAD") == "Refund times"
    [conflict] = result.conflicts
    assert conflict.path == "refunds/card.md"
    assert (conflict.mine, conflict.theirs) == (MINE, THEIRS)
    assert "Refunds take 3-10 days." in conflict.base
    assert "-Refunds take 2 days (another editor)." in conflict.diff and "+Refunds take 3-5 days" in conflict.diff
    assert git(team.remote, "rev-parse", "main") == remote_before  # nothing published
    assert (team.editor / "refunds" / "card.md").read_text(encoding="utf-8") == MINE  # the work tree as it was
    assert (team.editor / "account" / "password.md").read_text(encoding="utf-8") == "# Password\n\nUncommitted.\n"
    assert git(team.editor, "status", "--porcelain").splitlines() == [" M account/password.md"]
    assert not git(team.editor_repo, "worktree", "list", "--porcelain").count("worktree ") > 1  # scratch removed


def test_offline_the_commit_stays_here(team, tmp_path):
    git(team.editor_repo, "remote", "set-url", "origin", (tmp_path / "gone.git").as_uri())
    write(team.editor, {"refunds/card.md": MINE})
    result = publish(team.editor, "Refund times")
    assert result.code == "publish-not-pushed" and result.offline and result.cause == "git-offline"
    assert result.commit == git(team.editor, "rev-parse", "HEAD") and not result.published
    assert str(result.message()).startswith(f"committed on this computer ({result.commit[:10]}) but not published:")
    assert editor_text_kept(team, MINE)
    git(team.editor_repo, "remote", "set-url", "origin", team.url)
    later = publish(team.editor, "ignored: nothing new to commit")
    assert later.code == "publish-done" and team.remote_text("refunds/card.md") == MINE.strip()


def test_edits_in_a_file_others_changed_block_the_catch_up_and_are_kept(team):
    team.publish_from(team.agent_repo, {"account/password.md": "# Password\n\nTheirs.\n"}, "other editor")
    write(team.editor, {"refunds/card.md": MINE, "account/password.md": "# Password\n\nMine, uncommitted.\n"})
    result = publish(team.editor, "Refund times", ["refunds/card.md"])
    assert result.code == "publish-local-edits" and result.blocking == ("account/password.md",)
    assert not result.published and editor_text_kept(team, MINE)
    assert (team.editor / "account" / "password.md").read_text(encoding="utf-8") == "# Password\n\nMine, uncommitted.\n"


@pytest.mark.skipif(not hasattr(__import__("os"), "fchmod"), reason="a shell hook")
def test_a_push_the_remote_refuses_keeps_the_commit(team):
    hook = team.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    write(team.editor, {"refunds/card.md": MINE})
    result = publish(team.editor, "Refund times")
    assert result.code == "publish-refused" and not result.published
    assert result.values["reason"] == "pre-receive hook declined"
    assert editor_text_kept(team, MINE)


def test_detached_head_and_git_missing(team, tmp_path):
    write(team.editor, {"refunds/card.md": MINE})
    assert publish(team.editor, "x", environ=env_without_git(tmp_path)).code == "git-missing"
    git(team.editor, "checkout", "-q", "--detach")
    assert publish(team.editor, "x").code == "git-detached"
    assert editor_text_kept(team, MINE)


def test_after_publishing_the_agent_syncs_it(team):
    write(team.editor, {"delivery/late.md": NEW})
    publish(team.editor, "Late delivery")
    write(team.agent, {"x.md": "# local draft\n"})
    commit_all(team.agent, "agent's local commit")
    assert sync(team.agent).code == "sync-diverged"  # the agent's own commit is never thrown away


def test_several_unpublished_commits_are_replayed_in_order(team, tmp_path):
    git(team.editor_repo, "remote", "set-url", "origin", (tmp_path / "gone.git").as_uri())
    write(team.editor, {"refunds/card.md": MINE})
    assert publish(team.editor, "first, offline").code == "publish-not-pushed"
    write(team.editor, {"delivery/late.md": NEW})
    assert publish(team.editor, "second, offline").code == "publish-not-pushed"
    git(team.editor_repo, "remote", "set-url", "origin", team.url)
    team.publish_from(team.agent_repo, {"account/password.md": "# Password\n\nTheirs.\n"}, "other editor")
    result = publish(team.editor, "nothing new")
    assert result.published and result.rebased
    assert result.files == ("delivery/late.md", "refunds/card.md")
    assert git(team.remote, "log", "--format=%s", "main").splitlines() == [
        "second, offline", "first, offline", "other editor", "seed"]


def test_commits_that_conflict_one_by_one_but_not_as_a_whole_are_merged(team):
    original = (team.editor / "refunds" / "card.md").read_text(encoding="utf-8")
    write(team.editor, {"refunds/card.md": MINE})
    mine = commit_all(team.editor_repo, "try a wording")
    write(team.editor, {"refunds/card.md": original, "delivery/late.md": NEW})
    commit_all(team.editor_repo, "back to the old wording, and a new article")
    team.publish_from(team.agent_repo, {"refunds/card.md": THEIRS}, "other editor")
    result = publish(team.editor, "unused")
    assert result.code == "publish-done" and result.published, result
    assert team.remote_text("refunds/card.md") == THEIRS.strip()  # theirs kept: the editor's net change is none
    assert team.remote_text("delivery/late.md") == NEW.strip()
    git(team.remote, "merge-base", "--is-ancestor", mine, "main")  # the editor's commits are in the history
