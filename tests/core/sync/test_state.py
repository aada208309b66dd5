"""The repository state the window shows: located from a KB folder, read without the network."""

from __future__ import annotations

import datetime as dt

import pytest

from kb_assistant.core.errors import KbNotFoundError
from kb_assistant.core.sync.git import GitError
from kb_assistant.core.sync.state import clean_kb_path, last_sync, record_sync, repo_state
from tests.core.sync.helpers import commit_all, env_without_git, git, write


def test_a_kb_not_in_git_has_no_state(tmp_path):
    (tmp_path / "kb").mkdir()
    assert repo_state(tmp_path / "kb") is None
    assert repo_state(tmp_path / "kb", environ=env_without_git(tmp_path)) is None  # no git, no repository: fine
    with pytest.raises(KbNotFoundError):
        repo_state(tmp_path / "missing")


def test_a_repository_without_git_installed_says_so(team, tmp_path):
    with pytest.raises(GitError) as caught:
        repo_state(team.agent, environ=env_without_git(tmp_path))
    assert caught.value.code == "git-missing"


def test_a_fresh_clone(team, tmp_path):
    state = repo_state(team.agent, tmp_path / "data")
    assert state.work_tree == team.agent_repo.resolve() and state.kb_folder == ""
    assert (state.branch, state.upstream, state.remote) == ("main", "origin/main", "origin")
    assert (state.ahead, state.behind, state.changes, state.operation) == (0, 0, (), None)
    assert state.head == git(team.agent, "rev-parse", "HEAD") and not state.detached
    assert state.last_sync is None


def test_a_subfolder_kb_lists_its_own_changes_kb_relative(sub_team):
    write(sub_team.agent, {"refunds/card.md": "changed\n", "new.md": "# New\n"})
    write(sub_team.agent_repo, {"README.md": "changed outside the KB\n"})
    state = repo_state(sub_team.agent)
    assert state.kb_folder == "docs/kb"
    assert state.changes == ("new.md", "refunds/card.md")


def test_ahead_and_behind_as_of_the_last_fetch(team):
    team.publish_from(team.editor_repo, {"a.md": "# A\n"})
    write(team.agent, {"b.md": "# B\n"})
    commit_all(team.agent, "local")
    assert (repo_state(team.agent).ahead, repo_state(team.agent).behind) == (1, 0)  # not fetched yet
    git(team.agent, "fetch", "-q")
    state = repo_state(team.agent)
    assert (state.ahead, state.behind) == (1, 1)


def test_detached_head_and_an_unfinished_rebase(team):
    git(team.agent, "checkout", "-q", "--detach")
    state = repo_state(team.agent)
    assert state.detached and state.branch is None and state.upstream is None
    git(team.agent, "checkout", "-q", "main")
    write(team.agent, {"refunds/card.md": "mine\n"})
    commit_all(team.agent, "mine")
    team.publish_from(team.editor_repo, {"refunds/card.md": "theirs\n"})
    git(team.agent, "fetch", "-q")
    git(team.agent, "rebase", "origin/main", check=False)  # stops on the conflict
    assert repo_state(team.agent).operation == "rebase"


def test_the_last_sync_is_kept_per_kb_in_the_data_folder(team, tmp_path):
    data = tmp_path / "data"
    when = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.timezone.utc)
    record_sync(data, team.agent, when)
    assert last_sync(data, team.agent) == when
    assert last_sync(data, team.editor) is None
    assert repo_state(team.agent, data).last_sync == when
    assert not any(path.name.endswith(".json") for path in team.agent.rglob("*"))  # nothing in the repository
    (data / "sync").joinpath(next((data / "sync").iterdir()).name).write_text("{broken", encoding="utf-8")
    assert last_sync(data, team.agent) is None


@pytest.mark.parametrize(("given", "clean"), [
    ("a.md", "a.md"), ("./refunds//card.md", "refunds/card.md"), ("refunds\\card.md", "refunds/card.md"),
    ("../x.md", None), ("/etc/passwd", None), ("a/../../b", None), ("C:/x.md", None), ("", None),
])
def test_paths_given_by_callers_stay_in_the_kb(given, clean):
    assert clean_kb_path(given) == clean
