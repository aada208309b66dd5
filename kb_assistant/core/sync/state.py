"""Where the KB sits in git, and the state the window's status bar shows.

:func:`locate` finds the work tree a KB folder belongs to (a KB may be the
repository or one folder of it); :func:`repo_state` reads branch, upstream,
ahead/behind (as of the last fetch), local changes and an unfinished rebase or
merge, without touching the network or taking git's index lock. The time of the
last successful sync is kept in the user data folder (``sync/<kb>.json``), never
in the repository, so it is per machine and per KB.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kb_assistant.core.errors import KbError, KbNotFoundError
from kb_assistant.core.files.jsonfile import JsonError, read_json
from kb_assistant.core.files.storage import write_bytes_atomic
from kb_assistant.core.paths import index_key
from kb_assistant.core.sync.git import LITERAL, Git, GitError, log, reason

SYNC_DIR = "sync"
_OPERATIONS = (("rebase-merge", "rebase"), ("rebase-apply", "rebase"), ("MERGE_HEAD", "merge"),
               ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert"))


@dataclass(frozen=True)
class Upstream:
    """The branch a local branch follows.

    Attributes:
        ref: its remote-tracking ref, e.g. ``refs/remotes/origin/main``.
        name: the short name, e.g. ``origin/main``.
        remote: the remote, e.g. ``origin`` (``.`` for a local branch).
        remote_ref: the branch on the remote, e.g. ``refs/heads/main``.
    """

    ref: str
    name: str
    remote: str
    remote_ref: str


@dataclass(frozen=True)
class Repo:
    """A KB folder located in its git work tree.

    Attributes:
        git: a runner in the work tree's root.
        work_tree: the work tree's root.
        git_dir: its git folder (``.git``, or the linked work tree's folder).
        kb_folder: the KB folder within the work tree, ``/``-separated, ``""`` at the root.
    """

    git: Git
    work_tree: Path
    git_dir: Path
    kb_folder: str

    def in_kb(self, path: str) -> bool:
        """Whether the repository path ``path`` is in the KB folder."""
        return not self.kb_folder or path.startswith(self.kb_folder + "/")

    def kb_path(self, path: str) -> str:
        """The KB-relative form of a repository path (``../x`` for one outside the KB folder)."""
        if not self.kb_folder:
            return path
        if path.startswith(self.kb_folder + "/"):
            return path[len(self.kb_folder) + 1:]
        ups = "../" * len(PurePosixPath(self.kb_folder).parts)
        return ups + path

    def repo_path(self, kb_path: str) -> str:
        """The repository path of a KB-relative path."""
        return f"{self.kb_folder}/{kb_path}" if self.kb_folder else kb_path

    def branch(self) -> str | None:
        """The checked-out branch (``main``), None on a detached HEAD."""
        done = self.git.run("symbolic-ref", "--quiet", "--short", "HEAD")
        return done.text or None if done.ok else None

    def upstream(self, branch: str) -> Upstream | None:
        """The branch ``branch`` follows, None when it follows none."""
        done = self.git.run("for-each-ref", "--format=%(upstream)%00%(upstream:short)%00%(upstream:remotename)"
                            "%00%(upstream:remoteref)", f"refs/heads/{branch}")
        parts = done.stdout.decode("utf-8", "surrogateescape").rstrip("\n").split("\0") if done.ok else []
        if len(parts) < 4 or not parts[0]:
            return None
        return Upstream(*parts[:4])

    def operation(self) -> str | None:
        """``rebase``, ``merge``, ``cherry-pick`` or ``revert`` when one is unfinished here, else None."""
        for name, operation in _OPERATIONS:
            if (self.git_dir / name).exists():
                return operation
        return None

    def local_changes(self, kb_only: bool = True) -> list[str]:
        """Repository paths with uncommitted changes (staged, unstaged, untracked, unmerged)."""
        return _status(self, kb_only)[1]


@dataclass(frozen=True)
class RepoState:
    """A KB's git state, as the window shows it.

    Attributes:
        work_tree: the work tree's root.
        kb_folder: the KB folder within it (``/``-separated, ``""`` when the KB is the root).
        branch: the checked-out branch, None on a detached HEAD.
        head: the current commit id, None before the first commit.
        upstream: the branch followed (``origin/main``), None when none.
        remote: the remote of the upstream (``origin``), None when none.
        ahead: commits here that the upstream lacks (as of the last fetch).
        behind: commits of the upstream not here yet (as of the last fetch).
        changes: KB-relative files with uncommitted changes, sorted.
        operation: an unfinished ``rebase``, ``merge``, ... in this work tree, else None.
        last_sync: when this machine last synced this KB successfully (UTC), None if never.
    """

    work_tree: Path
    kb_folder: str
    branch: str | None
    head: str | None
    upstream: str | None
    remote: str | None
    ahead: int
    behind: int
    changes: tuple[str, ...]
    operation: str | None
    last_sync: dt.datetime | None

    @property
    def detached(self) -> bool:
        return self.branch is None


def locate(kb_root: Path, *, environ=None, executable: str | None = None,
           identity: tuple[str, str] | None = None) -> Repo | None:
    """The git work tree the KB folder is in, None when it is in none.

    Raises:
        KbNotFoundError: when ``kb_root`` is not a folder.
        GitError: ``git-missing`` when the folder is in a repository but git is not
            installed; ``git-failed`` when git cannot read the repository.
    """
    kb_root = Path(kb_root)
    if not kb_root.is_dir():
        raise KbNotFoundError("kb-not-found", path=str(kb_root))
    try:
        git = Git(kb_root, executable=executable, environ=environ, identity=identity)
    except GitError:
        if any((folder / ".git").exists() for folder in (kb_root.resolve(), *kb_root.resolve().parents)):
            raise
        return None  # no git, and no repository either: nothing changes for this KB
    done = git.run("rev-parse", "--show-toplevel", "--show-prefix", "--absolute-git-dir")
    if not done.ok:
        text = done.stderr.lower()
        if "not a git repository" in text or "must be run in a work tree" in text:
            return None
        raise GitError("git-failed", command="rev-parse", reason=reason(done.stderr))
    lines = done.stdout.decode("utf-8", "surrogateescape").split("\n")
    if len(lines) < 3 or not lines[0]:
        return None
    top, prefix, git_dir = Path(lines[0]), lines[1].strip("/"), Path(lines[2])
    return Repo(git.at(top), top, git_dir, prefix)


def repo_state(kb_root: Path, data_dir: Path | None = None, *, environ=None,
               executable: str | None = None) -> RepoState | None:
    """The git state of the KB at ``kb_root``; None when it is not in a git work tree.

    Reads only this machine's repository (no network): ahead and behind are as
    of the last fetch. ``data_dir`` (the user data folder) gives ``last_sync``.

    Raises:
        KbNotFoundError: when ``kb_root`` is not a folder.
        GitError: ``git-missing`` (a repository, but no git), ``git-failed``.
    """
    repo = locate(kb_root, environ=environ, executable=executable)
    if repo is None:
        return None
    headers, changes = _status(repo, kb_only=True)
    branch = headers.get("branch.head")
    upstream = repo.upstream(branch) if branch and branch != "(detached)" else None
    ahead, behind = 0, 0
    if "branch.ab" in headers:
        plus, minus = headers["branch.ab"].split()
        ahead, behind = int(plus.lstrip("+")), int(minus.lstrip("-"))
    head = headers.get("branch.oid")
    return RepoState(
        work_tree=repo.work_tree, kb_folder=repo.kb_folder,
        branch=None if branch in (None, "(detached)") else branch,
        head=None if head in (None, "(initial)") else head,
        upstream=upstream.name if upstream else None, remote=upstream.remote if upstream else None,
        ahead=ahead, behind=behind, changes=tuple(sorted(repo.kb_path(path) for path in changes)),
        operation=repo.operation(),
        last_sync=last_sync(data_dir, kb_root) if data_dir is not None else None,
    )


def _status(repo: Repo, kb_only: bool) -> tuple[dict[str, str], list[str]]:
    spec = repo.kb_folder if kb_only and repo.kb_folder else "."
    done = repo.git.check("status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--no-renames",
                          "--", spec, env=LITERAL)
    headers: dict[str, str] = {}
    paths: list[str] = []
    fields = iter(done.stdout.split(b"\0"))
    for raw in fields:
        entry = raw.decode("utf-8", "surrogateescape")
        if entry.startswith("# "):
            key, _, value = entry[2:].partition(" ")
            headers[key] = value
        elif entry[:2] in ("1 ", "u "):
            paths.append(entry.split(" ", 8 if entry[0] == "1" else 10)[-1])
        elif entry.startswith("2 "):
            paths.append(entry.split(" ", 9)[-1])
            paths.append(next(fields, b"").decode("utf-8", "surrogateescape"))  # the old path
        elif entry.startswith("? "):
            paths.append(entry[2:])
    return headers, [path for path in paths if path]


def clean_kb_path(path: str) -> str | None:
    """A KB-relative path given by a caller, ``/``-separated; None when it is absolute or leaves the KB."""
    text = str(path).replace("\\", "/")
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if not parts or text.startswith("/") or ":" in parts[0] or ".." in parts:
        return None
    return "/".join(parts)


# -- the last successful sync, per machine and KB ---------------------------------------------
def _stamp_path(data_dir: Path, kb_root: Path) -> Path:
    return Path(data_dir) / SYNC_DIR / f"{index_key(kb_root)}.json"


def last_sync(data_dir: Path, kb_root: Path) -> dt.datetime | None:
    """When this machine last synced the KB at ``kb_root`` successfully (UTC), None if never (or unreadable)."""
    try:
        data = read_json(_stamp_path(data_dir, kb_root))
        when = dt.datetime.fromisoformat(data["last_sync"]) if isinstance(data, dict) else None
    except (JsonError, KeyError, TypeError, ValueError):
        return None
    return when.astimezone(dt.timezone.utc) if when and when.tzinfo else None


def record_sync(data_dir: Path, kb_root: Path, when: dt.datetime | None = None) -> dt.datetime:
    """Keep ``when`` (now) as the KB's last successful sync; returns it (an unwritable folder is no error)."""
    when = (when or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    path = _stamp_path(data_dir, kb_root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, json.dumps({"last_sync": when.isoformat()}).encode("utf-8"))
    except (OSError, KbError) as exc:  # a full disk must not fail a sync that worked
        log.warning("cannot keep the time of the last sync: %s", type(exc).__name__)
    return when
