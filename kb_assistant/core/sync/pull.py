"""Sync for agents: fetch, then fast-forward only.

Nothing here rebases, resets, stashes or discards anything. Uncommitted edits
in files the fast-forward does not change stay as they are (``git merge
--ff-only`` keeps them); edits in a file it would change, local commits the
upstream lacks, a rewritten (force-pushed) upstream, a detached HEAD or an
unfinished rebase leave the work tree exactly as it was and say why. The
window keeps searching what it has meanwhile (read-only fallback).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from kb_assistant.core.messages import Message
from kb_assistant.core.sync.git import GitError, reason
from kb_assistant.core.sync.state import Repo, Upstream, locate, record_sync

SHOWN_FILES = 5
"""How many file names a message lists before "and N more"."""
OK_CODES = frozenset({"sync-updated", "sync-up-to-date", "sync-ahead"})
OFFLINE_CODES = frozenset({"git-offline", "git-timeout"})


@dataclass(frozen=True)
class SyncResult:
    """What a sync did, or why it did nothing.

    Attributes:
        code: ``sync-updated``, ``sync-up-to-date``, ``sync-ahead`` (all fine); or, with
            nothing changed: ``sync-local-edits``, ``sync-diverged``, ``sync-force-pushed``,
            ``git-detached``, ``git-no-upstream``, ``git-busy``, ``git-offline``,
            ``git-timeout``, ``git-credentials``, ``git-missing``, ``git-no-repo``, ``git-failed``.
        values: the values of the code's message.
        before: the commit before (None when unknown or none yet).
        after: the commit after (equal to ``before`` when nothing changed).
        changed: KB-relative files the fast-forward added, changed or deleted: re-index these.
        blocking: KB-relative files whose uncommitted edits stopped the fast-forward
            (``../x`` for a file outside the KB folder).
        branch: the branch synced, None on a detached HEAD.
        upstream: the branch synced from (``origin/main``).
        ahead: local commits the upstream lacks, after the fetch.
        behind: upstream commits not here, after the sync.
        synced_at: when it succeeded (kept as the last sync), None when it did not.
    """

    code: str
    values: Mapping[str, object] = field(default_factory=dict)
    before: str | None = None
    after: str | None = None
    changed: tuple[str, ...] = ()
    blocking: tuple[str, ...] = ()
    branch: str | None = None
    upstream: str | None = None
    ahead: int = 0
    behind: int = 0
    synced_at: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        """Whether this copy now has everything the upstream has."""
        return self.code in OK_CODES

    @property
    def offline(self) -> bool:
        """Whether the remote could not be reached (try again later)."""
        return self.code in OFFLINE_CODES

    def message(self) -> Message:
        """The sentence to show (translated by the window, English in the CLI)."""
        return Message(self.code, dict(self.values))


def file_list(paths, limit: int = SHOWN_FILES) -> str:
    """``a.md, b.md and 3 more`` for a message."""
    paths = list(paths)
    shown = ", ".join(paths[:limit])
    return f"{shown} (+{len(paths) - limit})" if len(paths) > limit else shown


def sync(kb_root: Path, *, data_dir: Path | None = None, environ: Mapping[str, str] | None = None,
         executable: str | None = None, now: dt.datetime | None = None) -> SyncResult:
    """Fetch the KB's upstream and fast-forward to it when that loses nothing.

    Args:
        kb_root: the KB folder (the work tree or a folder in it).
        data_dir: the user data folder; a successful sync's time is kept there.
        environ: the environment git runs in (the process's when None).
        executable: the git to run (found on ``PATH`` when None).
        now: the time to keep as the last sync (tests); the clock when None.

    Raises:
        KbNotFoundError: when ``kb_root`` is not a folder. Everything git does
        wrong is a result, never an exception.
    """
    try:
        repo = locate(kb_root, environ=environ, executable=executable)
    except GitError as exc:
        return SyncResult(exc.code, exc.values)
    if repo is None:
        return SyncResult("git-no-repo", {"path": str(kb_root)})
    try:
        result = _sync(repo)
    except GitError as exc:
        return SyncResult(exc.code, exc.values)
    if result.ok and data_dir is not None:
        result = replace(result, synced_at=record_sync(data_dir, kb_root, now))
    return result


def _sync(repo: Repo) -> SyncResult:
    git = repo.git
    branch = repo.branch()
    head = git.rev("HEAD")
    if branch is None:
        return SyncResult("git-detached", {"commit": (head or "")[:10]}, before=head, after=head)
    upstream = repo.upstream(branch)
    if upstream is None:
        return SyncResult("git-no-upstream", {"branch": branch}, before=head, after=head, branch=branch)
    common = {"before": head, "after": head, "branch": branch, "upstream": upstream.name}
    operation = repo.operation()
    if operation:
        return SyncResult("git-busy", {"operation": operation, "path": str(repo.work_tree)}, **common)
    previous = git.rev(upstream.ref)
    fetch(repo, upstream)
    theirs = git.rev(upstream.ref)
    if theirs is None:
        return SyncResult("git-no-upstream", {"branch": branch}, **common)
    ahead = git.count(f"{theirs}..HEAD") if head else 0
    behind = git.count(f"HEAD..{theirs}") if head else git.count(theirs)
    common.update(ahead=ahead, behind=behind)
    if head == theirs:
        return SyncResult("sync-up-to-date", {"upstream": upstream.name}, **common)
    if head and git.is_ancestor(theirs, head):
        return SyncResult("sync-ahead", {"upstream": upstream.name, "count": ahead}, **common)
    if head and not git.is_ancestor(head, theirs):
        if rewritten(repo, upstream, previous, theirs):
            return SyncResult("sync-force-pushed", {"upstream": upstream.name}, **common)
        return SyncResult("sync-diverged", {"upstream": upstream.name, "count": ahead, "behind": behind}, **common)
    incoming = git.changed_files(head, theirs) if head else git.check(
        "ls-tree", "-r", "-z", "--name-only", theirs).fields()
    blocking = sorted(set(incoming) & set(repo.local_changes(kb_only=False)))
    if blocking:
        return _blocked(repo, blocking, common)
    done = git.run("merge", "--ff-only", "--no-stat", "--quiet", theirs)
    if not done.ok:  # something changed since we looked: git refused and changed nothing
        named = [path for path in incoming if path in done.stderr]
        if named:
            return _blocked(repo, named, common)
        raise GitError("git-failed", command="merge", reason=reason(done.stderr))
    after = git.rev("HEAD")
    changed = tuple(repo.kb_path(path) for path in incoming if repo.in_kb(path))
    common.update(after=after, behind=0)
    return SyncResult("sync-updated", {"upstream": upstream.name, "count": len(changed)}, changed=changed, **common)


def fetch(repo: Repo, upstream: Upstream) -> None:
    """``git fetch`` the upstream's remote (nothing to fetch for a local upstream).

    Raises:
        GitError: ``git-offline``, ``git-credentials``, ``git-failed``.
    """
    if upstream.remote in ("", "."):
        return
    repo.git.network("fetch", "--quiet", "--no-recurse-submodules", upstream.remote, remote=upstream.remote)


def rewritten(repo: Repo, upstream: Upstream, previous: str | None, theirs: str) -> bool:
    """Whether the upstream was rewritten under us: it once pointed to a commit this copy builds on
    and that is no longer in its history (the value before this fetch, or one in its reflog)."""
    git = repo.git
    earlier = [previous] if previous else []
    earlier += _reflog_values(repo, upstream.ref)
    return any(old != theirs and git.is_ancestor(old, "HEAD") and not git.is_ancestor(old, theirs)
               for old in dict.fromkeys(earlier))


def _reflog_values(repo: Repo, ref: str, entries: int = 20) -> list[str]:
    """The commits ``ref`` pointed to before and after each of its last reflog entries, newest first.

    Read from the reflog file, whose lines keep the old value too (``rev-list
    --walk-reflogs`` gives only the new ones, and a clone writes no first entry).
    """
    where = repo.git.run("rev-parse", "--git-path", f"logs/{ref}").text
    try:
        lines = (repo.git.cwd / where).read_text(encoding="utf-8", errors="replace").splitlines()[-entries:]
    except OSError:
        return repo.git.run("rev-list", "--walk-reflogs", f"--max-count={entries}", ref).text.split()
    values = []
    for line in reversed(lines):
        values += [value for value in line.split()[:2] if value.strip("0")]
    return values


def _blocked(repo: Repo, paths, common: dict) -> SyncResult:
    shown = tuple(repo.kb_path(path) for path in paths)
    return SyncResult("sync-local-edits", {"files": file_list(shown)}, blocking=shown, **common)
