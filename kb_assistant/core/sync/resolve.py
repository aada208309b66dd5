"""Publishing an editor's choice after a conflict.

:func:`resolve_conflicts` merges the upstream into the editor's commit in a
scratch work tree, writes the text the editor chose for each file, commits the
merge (the editor's own commit stays in the history, untouched) and pushes it.
Nothing is published until every conflicting file has a resolution; when
others published again meanwhile, it merges again with the same choices and
says so if a new file conflicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from kb_assistant.core.errors import KbError
from kb_assistant.core.sync.conflicts import conflict_between, merge_conflicts, unmerged_paths, write_resolutions
from kb_assistant.core.sync.git import GitError
from kb_assistant.core.sync.publish import PublishResult, bring_in, open_for_publish, push, ready
from kb_assistant.core.sync.pull import fetch, file_list
from kb_assistant.core.sync.state import Repo, Upstream, clean_kb_path
from kb_assistant.core.sync.worktree import scratch_tree


def resolve_conflicts(kb_root: Path, resolutions: Mapping[str, str | None], *, against: str | None = None,
                      message: str | None = None, author: tuple[str, str] | None = None, data_dir: Path | None = None,
                      environ: Mapping[str, str] | None = None, executable: str | None = None) -> PublishResult:
    """Publish the editor's commits with the chosen text for each conflicting file.

    Args:
        kb_root: the KB folder.
        resolutions: KB-relative path -> the text to publish (``\\n`` newlines; written in
            the file's encoding and line endings), or None to delete the file. Every
            file given is written, conflicting or not.
        against: the conflict result's ``against``: when others changed one of these
            files again since, the conflicts are returned afresh (their new text is
            never overwritten unseen) and nothing is published.
        message: the merge commit's message (a default names the files).
        author: ``(name, email)`` to commit as; git's own config when None.
        data_dir: the user data folder (the last sync time).
        environ: the environment git runs in.
        executable: the git to run.

    Returns:
        ``publish-done`` (``published``), ``publish-unresolved`` with every conflict
        when one has no resolution (nothing published), or any result of
        :func:`~kb_assistant.core.sync.publish.publish`.
    """
    repo = open_for_publish(kb_root, author, environ, executable)
    if isinstance(repo, PublishResult):
        return repo
    chosen: dict[str, str | None] = {}
    for given, text in resolutions.items():
        path = clean_kb_path(given)
        if path is None:
            return PublishResult("publish-path-outside", {"path": str(given)})
        chosen[path] = text
    try:
        state = ready(repo)
        if isinstance(state, PublishResult):
            return state
        upstream = state[1]
        fetch(repo, upstream)

        def catch_up(repo: Repo, upstream: Upstream):
            return merge_resolved(repo, upstream, chosen, message, against)

        caught = catch_up(repo, upstream)
        if isinstance(caught, PublishResult):
            return caught
        result = push(repo, upstream, kb_root, data_dir, catch_up, rebased=True)
    except KbError as exc:
        return PublishResult(exc.code, exc.values, commit=repo.git.rev("HEAD"))
    return replace(result, changed=tuple(dict.fromkeys(caught + result.changed)))


def merge_resolved(repo: Repo, upstream: Upstream, chosen: Mapping[str, str | None], message: str | None,
                   against: str | None = None) -> PublishResult | tuple[str, ...]:
    """Merge the upstream into HEAD with the chosen texts and move the branch there.

    Returns:
        The KB-relative files the work tree got, or ``publish-unresolved`` /
        ``publish-conflict`` / ``publish-local-edits`` (nothing moved).
    """
    git = repo.git
    head, theirs = git.rev("HEAD"), git.rev(upstream.ref)
    if not head or not theirs:
        raise GitError("git-failed", command="merge", reason="no commit to merge")
    changed_again = _changed_since(repo, against, theirs, chosen)
    with scratch_tree(repo, head) as scratch:
        conflicts = list(() if git.is_ancestor(theirs, head) else merge_conflicts(repo, scratch, theirs) or ())
        merging = bool(scratch.run("rev-parse", "--verify", "--quiet", "MERGE_HEAD").ok)
        if changed_again:  # shown afresh, merged cleanly or not: the editor chose against older texts
            base = git.run("merge-base", head, theirs).text or None
            conflicts += [conflict_between(repo, repo.repo_path(path), base, head, theirs)
                          for path in sorted(changed_again - {conflict.path for conflict in conflicts})]
        unresolved = [c.path for c in conflicts if c.path not in chosen or c.path in changed_again]
        if unresolved:
            code = "publish-conflict" if changed_again else "publish-unresolved"
            return PublishResult(code, {"files": file_list(unresolved), "upstream": upstream.name}, commit=head,
                                 conflicts=tuple(conflicts), upstream=upstream.name, against=theirs)
        by_path = {conflict.path: conflict for conflict in conflicts}
        write_resolutions(repo, scratch, chosen, by_path)
        if unmerged_paths(scratch):
            raise GitError("git-failed", command="merge", reason="a file is still unmerged")
        if not merging and not scratch.run("diff", "--cached", "--quiet").returncode:
            return ()  # the chosen texts are what the commit already holds
        names = ", ".join(sorted(by_path) or sorted(chosen))
        scratch.check("commit", "--quiet", "-m", message or f"Resolve conflicts with {upstream.name}: {names}")
        new = scratch.rev("HEAD")
    return bring_in(repo, head, new or head)


def _changed_since(repo: Repo, against: str | None, theirs: str, chosen: Mapping[str, str | None]) -> set[str]:
    """The chosen files others changed again after ``against`` (the commit the editor resolved against)."""
    if not against or against == theirs:
        return set()
    if repo.git.rev(against) is None:
        return set(chosen)  # unknown: take nothing for granted
    return {repo.kb_path(path) for path in repo.git.changed_files(against, theirs)} & set(chosen)
