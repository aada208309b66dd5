"""``kb-assistant sync`` and ``publish`` against real repositories: two clones of one bare remote."""

from __future__ import annotations

import io
import json

import pytest

from kb_assistant.app import COMMANDS
from kb_assistant.cli import EXIT_OK, EXIT_USAGE, main
from kb_assistant.cli_team import EXIT_BLOCKED, EXIT_CONFLICT, EXIT_CREDENTIALS, EXIT_NO_GIT, EXIT_OFFLINE, exit_code
from tests.core.sync.helpers import ARTICLE, commit_all, env_without_git, git, make_team, write
from tests.core.sync.helpers import git_home as _private_git  # noqa: F401 - an autouse fixture

DELIVERY = ARTICLE.format(id="delivery", title="Late delivery",
                          body="A parcel stuck in customs is released within 14 days.")


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def hits(kb, query):
    code, out, err = run("search", "--kb", str(kb), "--json", query)
    assert code == EXIT_OK, err
    return [hit["id"] for hit in json.loads(out)["hits"]]


@pytest.fixture
def clones(tmp_path):
    return make_team(tmp_path / "team")


def test_publish_in_one_clone_sync_in_the_other_and_search_finds_it(clones):
    assert "delivery" not in hits(clones.agent, "customs parcel")  # the agent's index, before
    write(clones.editor, {"delivery/late.md": DELIVERY})
    code, out, err = run("publish", "--kb", str(clones.editor), "-m", "Late delivery article")
    assert code == EXIT_OK, err
    assert out.startswith("Published 1 file to origin/main (") and "  delivery/late.md" in out
    code, out, err = run("sync", "--kb", str(clones.agent))
    assert code == EXIT_OK, err
    assert out.startswith("1 file updated from origin/main (") and "  delivery/late.md" in out
    assert "Index updated: 1 added" in out
    assert hits(clones.agent, "customs")[0] == "delivery"
    code, out, _ = run("sync", "--kb", str(clones.agent))
    assert (code, out) == (EXIT_OK, "Already up to date with origin/main.\n")


def test_with_the_remote_gone_sync_says_so_and_search_still_answers(clones, tmp_path):
    hits(clones.agent, "refund")  # indexed while online
    git(clones.agent_repo, "remote", "set-url", "origin", (tmp_path / "gone" / "remote.git").as_uri())
    code, out, err = run("sync", "--kb", str(clones.agent))
    assert code == EXIT_OFFLINE == 7
    assert err.startswith("kb-assistant: cannot reach ") and "working with the copy on this computer" in err
    assert "search answers from it" in err and out == ""
    assert hits(clones.agent, "refund")[0] == "card"


def test_publish_offline_keeps_the_commit_and_says_so(clones, tmp_path):
    git(clones.editor_repo, "remote", "set-url", "origin", (tmp_path / "gone.git").as_uri())
    write(clones.editor, {"delivery/late.md": DELIVERY})
    code, _, err = run("publish", "--kb", str(clones.editor), "-m", "Late delivery")
    assert code == EXIT_OFFLINE
    assert "committed on this computer (" in err and "Publish again later" in err
    assert git(clones.editor, "show", "HEAD:delivery/late.md") == DELIVERY.strip()


def test_uncommitted_edits_in_the_way(clones):
    write(clones.agent, {"refunds/card.md": "# mine\n"})
    write(clones.editor, {"refunds/card.md": "# theirs\n"})
    assert run("publish", "--kb", str(clones.editor), "-m", "theirs")[0] == EXIT_OK
    code, _, err = run("sync", "--kb", str(clones.agent))
    assert code == EXIT_BLOCKED == 9
    assert "cannot fast-forward: your edits to refunds/card.md" in err
    assert (clones.agent / "refunds" / "card.md").read_text(encoding="utf-8") == "# mine\n"


def test_a_conflict_publishes_nothing_and_names_the_files(clones):
    write(clones.agent, {"refunds/card.md": "# Card\n\nTheirs.\n"})
    commit_all(clones.agent_repo, "other editor")
    git(clones.agent_repo, "push", "-q")
    write(clones.editor, {"refunds/card.md": "# Card\n\nMine.\n"})
    code, _, err = run("publish", "--kb", str(clones.editor), "-m", "mine", "refunds/card.md")
    assert code == EXIT_CONFLICT == 10
    assert "  conflict: refunds/card.md" in err and "Nothing was published" in err
    assert git(clones.remote, "show", "main:refunds/card.md") == "# Card\n\nTheirs."


def test_a_kb_not_in_git_and_git_missing(write_kb, clones, tmp_path, monkeypatch):
    plain = write_kb({"a.md": "# A\n"})
    code, _, err = run("sync", "--kb", str(plain))
    assert code == EXIT_NO_GIT == 11 and "is not in a git repository" in err
    monkeypatch.setenv("PATH", env_without_git(tmp_path)["PATH"])
    code, _, err = run("sync", "--kb", str(clones.agent))
    assert code == EXIT_NO_GIT and "git is not installed" in err
    code, _, err = run("publish", "--kb", str(clones.editor), "-m", "x")
    assert code == EXIT_NO_GIT


def test_publish_needs_a_message_and_paths_inside_the_kb(clones):
    with pytest.raises(SystemExit) as exited:
        run("publish", "--kb", str(clones.editor))
    assert exited.value.code == EXIT_USAGE
    write(clones.editor, {"a.md": "# A\n"})
    code, _, err = run("publish", "--kb", str(clones.editor), "-m", "x", "../outside.md")
    assert code == EXIT_USAGE and "not in the knowledge base folder" in err
    code, out, _ = run("publish", "--kb", str(clones.editor), "-m", "x", "account")
    assert (code, out) == (EXIT_OK, "Nothing to publish: no changed files, no unpublished commits.\n")


def test_the_exit_codes_of_every_outcome():
    assert exit_code("git-credentials") == EXIT_CREDENTIALS == 8
    assert exit_code("publish-not-pushed", "git-timeout") == EXIT_OFFLINE
    assert exit_code("publish-not-pushed", "git-credentials") == EXIT_CREDENTIALS
    assert exit_code("sync-force-pushed") == exit_code("git-detached") == exit_code("publish-refused") == EXIT_BLOCKED
    assert exit_code("publish-unresolved") == EXIT_CONFLICT
    assert exit_code("git-failed") == 1 and exit_code("publish-no-identity") == EXIT_USAGE


def test_the_app_hands_the_commands_to_the_command_line():
    assert {"sync", "publish"} <= set(COMMANDS)
