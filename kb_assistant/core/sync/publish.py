"""Publish for editors: commit the saved articles and push them.

Only the files asked for are committed (``git commit --only``: whatever else is
staged stays staged, files outside the KB folder are never taken), never
another installation's ``_usage/`` file, and this installation's own only with
``include_usage``. A push rejected because someone published first is fetched
and the editor's own unpublished commits are replayed onto the upstream in a
scratch work tree (:mod:`.worktree`); a conflict returns each file's three
texts and publishes nothing (:mod:`.resolve` publishes the editor's choice).
Whatever happens, the editor's text stays in a commit or in the work tree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kb_assistant.core.errors import KbError
from kb_assistant.core.messages import Message
from kb_assistant.core.sync.conflicts import Conflict
from kb_assistant.core.sync.git import LITERAL, GitError, pathspec_input
from kb_assistant.core.sync.pull import OFFLINE_CODES, fetch, file_list
from kb_assistant.core.sync.state import Repo, Upstream, clean_kb_path, locate, record_sync
from kb_assistant.core.sync.worktree import move_local, replay
from kb_assistant.core.usage.team import TEAM_DIR, known_install_id

PUSH_ATTEMPTS = 3
"""Pushes tried when others keep publishing in between (each after catching up)."""
OK_CODES = frozenset({"publish-done", "publish-nothing"})


@dataclass(frozen=True)
class PublishResult:
    """What a publish did, or why it published nothing.

    Attributes:
        code: ``publish-done``, ``publish-nothing``; ``publish-conflict`` (see
            ``conflicts``), ``publish-unresolved``, ``publish-local-edits`` (see
            ``blocking``), ``publish-not-pushed`` (committed here, the push failed:
            ``values["reason"]`` says why), ``publish-refused`` (the remote refused
            it), ``publish-no-identity``, ``publish-no-message``,
            ``publish-path-outside``, ``publish-path-usage``; or ``git-detached``,
            ``git-no-upstream``, ``git-busy``, ``git-missing``, ``git-no-repo``, ``git-failed``.
        values: the values of the code's message.
        commit: the editor's newest commit (published when ``published``), None when none was made.
        published: whether the upstream now has it.
        files: KB-relative files of the unpublished commits (what is or would be published).
        changed: KB-relative files the work tree got from others' commits: re-index these.
        conflicts: for ``publish-conflict`` and ``publish-unresolved``, every conflicting file.
        blocking: KB-relative files whose uncommitted edits stopped bringing in others' changes.
        rebased: the editor's commits were replayed onto what others published first.
        upstream: the branch published to (``origin/main``).
        against: for a conflict, the upstream commit its ``theirs`` texts come from
            (give it back to ``resolve_conflicts`` so a newer change is not overwritten).
        synced_at: when the push succeeded (kept as the last sync).
    """

    code: str
    values: Mapping[str, object] = field(default_factory=dict)
    commit: str | None = None
    published: bool = False
    files: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    blocking: tuple[str, ...] = ()
    rebased: bool = False
    upstream: str | None = None
    against: str | None = None
    synced_at: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.code in OK_CODES

    @property
    def cause(self) -> str:
        """The code of why the push failed (``git-offline``, ``git-credentials`` ...), else ``code``."""
        inner = self.values.get("reason")
        return inner.code if isinstance(inner, Message) else self.code

    @property
    def offline(self) -> bool:
        return self.cause in OFFLINE_CODES

    def message(self) -> Message:
        return Message(self.code, dict(self.values))


CatchUp = Callable[[Repo, Upstream], "PublishResult | tuple[str, ...]"]


def open_for_publish(kb_root: Path, author, environ, executable) -> Repo | PublishResult:
    """The KB's repository, ready to commit as the editor, or why not."""
    try:
        repo = locate(kb_root, environ=environ, executable=executable, identity=tuple(author) if author else None)
    except GitError as exc:
        return PublishResult(exc.code, exc.values)
    if repo is None:
        return PublishResult("git-no-repo", {"path": str(kb_root)})
    return repo


def ready(repo: Repo) -> tuple[str, Upstream] | PublishResult:
    """The branch and its upstream when commits can be made and pushed here, else why not."""
    branch = repo.branch()
    if branch is None:
        return PublishResult("git-detached", {"commit": (repo.git.rev("HEAD") or "")[:10]})
    upstream = repo.upstream(branch)
    if upstream is None:
        return PublishResult("git-no-upstream", {"branch": branch})
    operation = repo.operation()
    if operation:
        return PublishResult("git-busy", {"operation": operation, "path": str(repo.work_tree)})
    if not repo.git.identity and not all(_configured(repo, key) for key in ("name", "email")):
        return PublishResult("publish-no-identity")
    return branch, upstream


def _configured(repo: Repo, key: str) -> bool:
    if repo.git.environ.get(f"GIT_AUTHOR_{key.upper()}") or (key == "email" and repo.git.environ.get("EMAIL")):
        return True
    return bool(repo.git.run("config", "--get", f"user.{key}").text)


def publish(kb_root: Path, message: str, paths: Sequence[str] | None = None, *,
            author: tuple[str, str] | None = None, include_usage: bool = False, data_dir: Path | None = None,
            environ: Mapping[str, str] | None = None, executable: str | None = None) -> PublishResult:
    """Commit the editor's changed files in the KB folder and push them to the upstream.

    Args:
        kb_root: the KB folder (the work tree or a folder in it).
        message: the commit message.
        paths: KB-relative files (or folders) to publish; None: every changed file
            of the KB folder except hidden ones and ``_usage/``.
        author: ``(name, email)`` to commit as; git's own ``user.name``/``user.email`` when None.
        include_usage: also publish this installation's own ``_usage/<install id>.jsonl``.
        data_dir: the user data folder (the install id; the last sync time).
        environ: the environment git runs in (the process's when None).
        executable: the git to run (found on ``PATH`` when None).

    Raises:
        KbNotFoundError: when ``kb_root`` is not a folder. Everything else is a result.
    """
    repo = open_for_publish(kb_root, author, environ, executable)
    if isinstance(repo, PublishResult):
        return repo
    try:
        state = ready(repo)
        if isinstance(state, PublishResult):
            return state
        chosen = choose_files(repo, paths, include_usage, data_dir)
        if isinstance(chosen, PublishResult):
            return chosen
        if chosen:
            if not message.strip():
                return PublishResult("publish-no-message")
            commit_files(repo, chosen, message)
        return push(repo, state[1], kb_root, data_dir, catch_up_by_rebase)
    except KbError as exc:
        return PublishResult(exc.code, exc.values, commit=repo.git.rev("HEAD"))


def choose_files(repo: Repo, paths: Sequence[str] | None, include_usage: bool,
                 data_dir: Path | None) -> list[str] | PublishResult:
    """The repository paths to commit: the changed ones among those asked for."""
    changed = repo.local_changes(kb_only=True)
    own_id = known_install_id(data_dir) if include_usage and data_dir is not None else ""
    own = f"{TEAM_DIR}/{own_id}.jsonl" if own_id else None  # no id yet: nothing of ours is in _usage/
    if paths is None:
        return [path for path in changed if _publishable(repo.kb_path(path)) or repo.kb_path(path) == own]
    chosen: list[str] = []
    for given in paths:
        kb_path = clean_kb_path(given)
        if kb_path is None:
            return PublishResult("publish-path-outside", {"path": str(given)})
        if kb_path.split("/")[0] == TEAM_DIR and kb_path != own:
            return PublishResult("publish-path-usage", {"path": kb_path})
        folder = repo.repo_path(kb_path)
        chosen += [path for path in changed if path == folder or path.startswith(folder + "/")]
    return list(dict.fromkeys(chosen))


def _publishable(kb_path: str) -> bool:
    parts = PurePosixPath(kb_path).parts
    return bool(parts) and parts[0] not in (TEAM_DIR, "..") and not any(part.startswith(".") for part in parts)


def commit_files(repo: Repo, paths: list[str], message: str) -> str:
    """Commit exactly ``paths`` (new, changed or deleted) with ``message``; the new commit's id."""
    spec = pathspec_input(paths)
    repo.git.check("add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul", input=spec, env=LITERAL)
    repo.git.check("commit", "--only", "--quiet", "-m", message, "--pathspec-from-file=-", "--pathspec-file-nul",
                   input=spec, env=LITERAL)
    return repo.git.rev("HEAD") or ""


def push(repo: Repo, upstream: Upstream, kb_root: Path, data_dir: Path | None, catch_up: CatchUp,
         rebased: bool = False) -> PublishResult:
    """Push HEAD to the upstream; when others published first, ``catch_up`` and push again."""
    git = repo.git
    changed: tuple[str, ...] = ()
    for _ in range(PUSH_ATTEMPTS):
        head = git.rev("HEAD")
        theirs = git.rev(upstream.ref)
        files = own_files(repo, theirs, head)
        common = {"commit": head, "files": files, "changed": changed, "rebased": rebased, "upstream": upstream.name}
        if head is None or (theirs and git.is_ancestor(head, theirs)):
            return PublishResult("publish-nothing", **common)
        try:
            done = git.network("push", "--porcelain", upstream.remote, f"HEAD:{upstream.remote_ref}",
                               remote=upstream.remote)
        except GitError as exc:
            return PublishResult("publish-not-pushed", {"commit": head[:10], "reason": exc.message()}, **common)
        outcome = _push_outcome(done.stdout.decode("utf-8", "replace"))
        if outcome == "ok":
            when = record_sync(data_dir, kb_root) if data_dir is not None else None
            return PublishResult("publish-done", {"upstream": upstream.name, "files": file_list(files)},
                                 published=True, synced_at=when, **common)
        if outcome != "behind":
            return PublishResult("publish-refused", {"upstream": upstream.name, "reason": outcome}, **common)
        try:
            fetch(repo, upstream)
        except GitError as exc:
            return PublishResult("publish-not-pushed", {"commit": head[:10], "reason": exc.message()}, **common)
        caught = catch_up(repo, upstream)
        if isinstance(caught, PublishResult):
            return caught
        changed, rebased = tuple(dict.fromkeys(changed + caught)), True
    reason = GitError("git-failed", command="push", reason="others kept publishing meanwhile; try again")
    return PublishResult("publish-not-pushed", {"commit": (git.rev("HEAD") or "")[:10], "reason": reason.message()},
                         commit=git.rev("HEAD"), changed=changed, rebased=rebased, upstream=upstream.name)


def own_files(repo: Repo, theirs: str | None, head: str | None) -> tuple[str, ...]:
    """KB-relative files the commits ``theirs..head`` change (what publishing them publishes)."""
    if not head:
        return ()
    base = repo.git.run("merge-base", theirs, head).text if theirs else ""
    paths = repo.git.changed_files(base, head) if base else repo.git.check(
        "ls-tree", "-r", "-z", "--name-only", head).fields()
    return tuple(repo.kb_path(path) for path in paths)


def _push_outcome(porcelain: str) -> str:
    """``ok``, ``behind`` (someone published first) or the remote's reason for refusing."""
    for line in porcelain.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0] == "!":
            summary = parts[2]  # "[rejected] (fetch first)", "[remote rejected] (pre-receive hook declined)"
            if summary.startswith("[rejected]") and ("fetch first" in summary or "non-fast-forward" in summary):
                return "behind"
            why = summary.partition("(")[2].rstrip(")") or summary.strip("[]")
            return why or "rejected"
    return "ok"


def catch_up_by_rebase(repo: Repo, upstream: Upstream) -> PublishResult | tuple[str, ...]:
    """Replay the editor's unpublished commits onto the fetched upstream and move the branch there.

    Returns:
        The KB-relative files the work tree got from others, or the conflict or
        blocked result (nothing moved, nothing published).
    """
    git = repo.git
    head, theirs = git.rev("HEAD"), git.rev(upstream.ref)
    if not head or not theirs or git.is_ancestor(theirs, head):
        return ()
    replayed = replay(repo, head, theirs, upstream.name)
    if replayed.commit is None:
        files = tuple(conflict.path for conflict in replayed.conflicts)
        return PublishResult("publish-conflict", {"upstream": upstream.name, "files": file_list(files)},
                             commit=head, conflicts=replayed.conflicts, upstream=upstream.name, against=theirs,
                             files=own_files(repo, theirs, head))
    return bring_in(repo, head, replayed.commit)


def bring_in(repo: Repo, head: str, new: str) -> PublishResult | tuple[str, ...]:
    """Move the editor's branch to ``new`` (see :func:`.worktree.move_local`); the KB files that changed."""
    blocking = move_local(repo, head, new)
    if blocking:
        shown = tuple(repo.kb_path(path) for path in blocking)
        return PublishResult("publish-local-edits", {"files": file_list(shown)}, commit=head, blocking=shown)
    return tuple(repo.kb_path(path) for path in repo.git.changed_files(head, new) if repo.in_kb(path))
