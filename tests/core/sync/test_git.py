"""The git runner: no shell, no prompt, bounded time, failures named, secrets kept out of messages."""

from __future__ import annotations

import os
import time

import pytest

from kb_assistant.core.messages import MESSAGES
from kb_assistant.core.messages_sync import SYNC_MESSAGES
from kb_assistant.core.sync.git import Git, GitError, failure_code, find_git, reason, scrub
from tests.core.sync.helpers import env_without_git, git


def test_git_missing_is_its_own_code(tmp_path):
    env = env_without_git(tmp_path)
    assert find_git(env) is None
    with pytest.raises(GitError) as caught:
        Git(tmp_path, environ=env)
    assert caught.value.code == "git-missing"
    assert "git is not installed" in str(caught.value)


def test_commands_run_without_a_shell_or_a_prompt(tmp_path):
    runner = Git(tmp_path)
    done = runner.run("init", "-q", "-b", "main", "with space; $(touch pwned)")
    assert done.ok and (tmp_path / "with space; $(touch pwned)" / ".git").is_dir()
    assert not (tmp_path / "pwned").exists()
    env = runner.env
    assert env["GIT_TERMINAL_PROMPT"] == "0" and env["GIT_ASKPASS"] == "" and env["SSH_ASKPASS"] == ""
    assert env["LC_ALL"] == "C"


def test_the_identity_authors_and_commits(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    runner = Git(tmp_path, identity=("Ирина Редактор", "irina@example.com"))
    runner.check("add", "a.md")
    runner.check("commit", "-q", "-m", "add")
    assert git(tmp_path, "log", "-1", "--format=%an <%ae> / %cn") == "Ирина Редактор <irina@example.com> / Ирина Редактор"


def test_a_failed_command_says_what_git_said(tmp_path):
    with pytest.raises(GitError) as caught:
        Git(tmp_path).check("rev-parse", "HEAD")
    assert caught.value.code == "git-failed" and "not a git repository" in str(caught.value)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="a shell script stands in for a hanging git")
def test_a_command_that_hangs_is_killed_with_its_children(tmp_path):
    fake = tmp_path / "git"
    marker = tmp_path / "child.pid"
    fake.write_text(f"#!/bin/sh\nsleep 30 &\necho $! > {marker}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(GitError) as caught:
        Git(tmp_path, executable=str(fake)).run("fetch", timeout=0.5)
    assert caught.value.code == "git-timeout"
    assert time.monotonic() - started < 10
    child = int(marker.read_text())
    assert not _running(child)  # the sleep it started died with it: nothing left holding the pipes


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs (a killed child not yet reaped by its new parent is a zombie: not running)."""
    for _ in range(50):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                state = stat.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return False
        if state in ("Z", "X"):
            return False
        time.sleep(0.02)
    return True


@pytest.mark.parametrize(("stderr", "code"), [
    ("fatal: could not read Username for 'https://host': terminal prompts disabled", "git-credentials"),
    ("git@host: Permission denied (publickey).\nfatal: Could not read from remote repository.", "git-credentials"),
    ("fatal: Authentication failed for 'https://host/kb.git/'", "git-credentials"),
    ("fatal: unable to access 'https://host/': Could not resolve host: host", "git-offline"),
    ("fatal: unable to access 'https://127.0.0.1:9/': Failed to connect to 127.0.0.1 port 9", "git-offline"),
    ("fatal: '/gone/remote.git' does not appear to be a git repository", "git-offline"),
    ("fatal: bad object HEAD", "git-failed"),
])
def test_network_failures_are_named(stderr, code):
    assert failure_code(stderr) == code


def test_tokens_in_urls_never_reach_a_message():
    text = "fatal: unable to access 'https://ivan:ghp_secret@git.example.com/kb.git/': 403"
    assert "ghp_secret" not in scrub(text) and "ivan" not in scrub(text)
    assert "ghp_secret" not in reason(text)
    assert reason("warning: x\nfatal: the reason\n") == "the reason"
    assert reason("fatal: '/gone/remote.git' does not appear to be a git repository\n"
                  "fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access "
                  "rights\nand the repository exists.\n") == "'/gone/remote.git' does not appear to be a git repository"
    assert reason("git@host: Permission denied (publickey).\nfatal: Could not read from remote repository.\n") == (
        "git@host: Permission denied (publickey).")


def test_every_sync_code_reads_in_english():
    assert set(SYNC_MESSAGES) <= set(MESSAGES)
    assert str(GitError("git-offline", remote="origin", reason="no route")) == (
        "cannot reach origin (no route); working with the copy on this computer")


def test_the_version_of_git_is_recent_enough():
    # add/commit/rm --pathspec-from-file (publish) need 2.26; the CI image (Debian 12) has 2.39
    version = git(os.getcwd(), "--version").split()[2]
    assert tuple(int(part) for part in version.split(".")[:2]) >= (2, 26), version
