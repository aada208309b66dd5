"""Real git repositories for the sync tests: a bare remote, an editor's clone and an agent's clone.

The user's own git configuration is never read or written: ``HOME``,
``GIT_CONFIG_GLOBAL`` and ``XDG_CONFIG_HOME`` point into the test's temporary
folder and ``GIT_CONFIG_NOSYSTEM`` hides the system file. Each clone gets its
own ``user.name``/``user.email``.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ARTICLE = "---\nid: {id}\nlang: en\n---\n# {title}\n\n{body}\n"
SEED = {
    "refunds/card.md": ARTICLE.format(id="card", title="Refund to a card", body="Refunds take 3-10 days."),
    "account/password.md": ARTICLE.format(id="password", title="Reset a password", body="Use the reset link."),
}
_GIT_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES",
                  "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL",
                  "GIT_SSH_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS")


def git(cwd: Path, *args: str, check: bool = True) -> str:
    """Run the test's own git (as a person at a terminal would); its output."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    if check and done.returncode:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout.rstrip("\n")


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


def commit_all(repo: Path, message: str = "edit") -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def text_at(repo: Path, rev: str, path: str) -> str:
    """A file's text in a commit (of any repository, the bare remote included)."""
    return git(repo, "show", f"{rev}:{path}")


@dataclass
class Team:
    """One bare remote and two clones of it, with the KB in ``kb_folder`` of the repository."""

    root: Path
    remote: Path
    editor_repo: Path
    agent_repo: Path
    kb_folder: str

    @property
    def url(self) -> str:
        return self.remote.as_uri()

    @property
    def editor(self) -> Path:
        """The editor's KB folder."""
        return self.editor_repo / self.kb_folder if self.kb_folder else self.editor_repo

    @property
    def agent(self) -> Path:
        """The agent's KB folder."""
        return self.agent_repo / self.kb_folder if self.kb_folder else self.agent_repo

    def clone(self, name: str, user: str) -> Path:
        target = self.root / name
        git(self.root, "clone", "-q", self.url, str(target))
        git(target, "config", "user.name", user)
        git(target, "config", "user.email", f"{user.lower().replace(' ', '.')}@example.com")
        return target

    def remote_text(self, kb_path: str, rev: str = "main") -> str:
        path = f"{self.kb_folder}/{kb_path}" if self.kb_folder else kb_path
        return text_at(self.remote, rev, path)

    def publish_from(self, repo: Path, files: dict[str, str | bytes], message: str = "edit") -> str:
        """Another person's publish, done with plain git."""
        write(repo / self.kb_folder if self.kb_folder else repo, files)
        commit_all(repo, message)
        git(repo, "push", "-q", "origin", "HEAD:main")
        return git(repo, "rev-parse", "HEAD")


@pytest.fixture(autouse=True)
def git_home(tmp_path, monkeypatch):
    """A private home and git configuration: the user's own are never read or written."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_TERMINAL_PROMPT", "0")
    for name in _GIT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return home


def make_team(root: Path, kb_folder: str = "", files: dict[str, str | bytes] | None = None,
              outside: dict[str, str] | None = None) -> Team:
    """A bare remote seeded with ``files`` in ``kb_folder`` (and ``outside`` it), cloned twice."""
    root.mkdir(parents=True, exist_ok=True)
    remote = root / "remote.git"
    git(root, "init", "-q", "--bare", "-b", "main", str(remote))
    seed = root / "seed"
    git(root, "init", "-q", "-b", "main", str(seed))
    git(seed, "config", "user.name", "Seed")
    git(seed, "config", "user.email", "seed@example.com")
    write(seed / kb_folder if kb_folder else seed, files if files is not None else SEED)
    write(seed, outside or {})
    commit_all(seed, "seed")
    git(seed, "push", "-q", remote.as_uri(), "main")
    team = Team(root, remote, root / "editor", root / "agent", kb_folder)
    team.clone("editor", "Erin Editor")
    team.clone("agent", "Andy Agent")
    return team


@pytest.fixture
def team(tmp_path) -> Team:
    """A KB that is its repository: remote, editor and agent clones."""
    return make_team(tmp_path / "team")


@pytest.fixture
def sub_team(tmp_path) -> Team:
    """A KB that is the folder ``docs/kb`` of its repository, with files outside it."""
    return make_team(tmp_path / "team", "docs/kb", outside={"README.md": "# Team repo\n", "src/tool.py": "x = 1\n"})


def env_without_git(tmp_path: Path) -> dict[str, str]:
    """The process's environment with a PATH on which there is no git."""
    empty = tmp_path / "no-git-bin"
    empty.mkdir(exist_ok=True)
    return {**os.environ, "PATH": str(empty)}
