"""Rewriting an editor's unpublished commits without touching the editor's files.

A push rejected because someone published first needs the editor's own
commits replayed onto the upstream. That happens in a scratch work tree (``git
worktree add`` in a temporary folder, removed afterwards), never in the
editor's own: the editor's uncommitted edits in other files, the files open in
the app and the file watcher never see a half-done rebase, and a conflict is
aborted there, leaving the editor's work tree and commit exactly as they were.
Only a finished result moves the editor's branch (:func:`move_local`), and only
when no uncommitted edit is in a file it changes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.sync.conflicts import Conflict, merge_conflicts
from kb_assistant.core.sync.git import Git, GitError, reason
from kb_assistant.core.sync.state import Repo

SCRATCH_PREFIX = "kb-assistant-publish-"


@contextmanager
def scratch_tree(repo: Repo, commit: str) -> Iterator[Git]:
    """A temporary work tree of the repository with ``commit`` checked out (detached); git in it.

    Removed (and unregistered) afterwards, whatever happened inside.
    """
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
    tree = folder / "tree"
    try:
        repo.git.check("worktree", "add", "--detach", "--quiet", str(tree), commit)
        yield repo.git.at(tree)
    finally:
        removed = repo.git.run("worktree", "remove", "--force", str(tree)).ok
        shutil.rmtree(folder, ignore_errors=True)
        if not removed:
            repo.git.run("worktree", "prune")


@dataclass(frozen=True)
class Replayed:
    """The editor's commits on top of the upstream, or why not.

    Attributes:
        commit: the new tip (None when they conflict).
        conflicts: the conflicting files (empty when ``commit`` is set).
        merged: True when a merge commit joined them (the commits one by one
            conflicted, the whole did not), False for a plain rebase.
    """

    commit: str | None
    conflicts: tuple[Conflict, ...] = ()
    merged: bool = False


def replay(repo: Repo, head: str, theirs: str, upstream_name: str) -> Replayed:
    """Rebase the commits ``theirs..head`` onto ``theirs`` in a scratch tree.

    When the rebase stops on a conflict it is aborted and the whole is merged
    instead; a clean merge is committed (nothing lost, history not linear), a
    conflicting one is aborted and its files returned.
    """
    with scratch_tree(repo, head) as scratch:
        done = scratch.run("rebase", "--quiet", "--no-autostash", theirs)
        if done.ok:
            return Replayed(scratch.rev("HEAD"))
        scratch.run("rebase", "--abort")  # back to ``head`` exactly (harmless when it never started)
        conflicts = merge_conflicts(repo, scratch, theirs)
        if conflicts:
            scratch.run("merge", "--abort")
            return Replayed(None, conflicts)
        scratch.check("commit", "--quiet", "-m", f"Merge {upstream_name}: published by others first")
        return Replayed(scratch.rev("HEAD"), merged=True)


def move_local(repo: Repo, old: str, new: str) -> list[str]:
    """Move the editor's branch from ``old`` to ``new``, updating only the files that differ.

    A descendant is a fast-forward (``merge --ff-only``); a rebased tip moves with
    ``reset --keep``, which git aborts rather than overwrite a local change. Both
    are refused up front when an uncommitted edit is in a file that differs.

    Returns:
        The repository paths whose uncommitted edits stopped it (nothing changed), else [].

    Raises:
        GitError: ``git-failed`` when HEAD is no longer ``old`` or git refused for another reason.
    """
    git = repo.git
    if git.rev("HEAD") != old:
        raise GitError("git-failed", command="publish", reason="the branch moved while publishing; try again")
    incoming = git.changed_files(old, new)
    blocking = sorted(set(incoming) & set(repo.local_changes(kb_only=False)))
    if blocking:
        return blocking
    if git.is_ancestor(old, new):
        done = git.run("merge", "--ff-only", "--no-stat", "--quiet", new)
    else:
        done = git.run("reset", "--keep", "--quiet", new)
    if not done.ok:
        named = [path for path in incoming if path in done.stderr]
        if named:
            return named
        raise GitError("git-failed", command=done.args[0], reason=reason(done.stderr))
    return []
