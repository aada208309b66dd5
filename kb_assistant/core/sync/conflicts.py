"""Conflicts between an editor's unpublished commits and what others published first.

Everything here happens in a scratch work tree (:mod:`.worktree`), never in the
editor's: :func:`merge_conflicts` merges the upstream into the editor's commit
there and reads each conflicting file's three versions; :func:`write_resolutions`
writes the texts the editor chose there, in each file's own encoding and line
endings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kb_assistant.core.errors import EncodingChangeNeeded, UndecodableError
from kb_assistant.core.files.storage import encode_text, unified_diff
from kb_assistant.core.files.textfile import decode_article_bytes
from kb_assistant.core.sync.git import LITERAL, Git, GitError, pathspec_input, reason
from kb_assistant.core.sync.state import Repo


@dataclass(frozen=True)
class Conflict:
    """One file both the editor and the upstream changed, in ways git cannot combine.

    Attributes:
        path: the file, KB-relative (``../x`` outside the KB folder).
        theirs: the upstream's text (what others published); None when they deleted it.
        mine: the editor's committed text; None when the editor deleted it.
        base: the text both started from; None when both added the file.
        diff: a unified diff from theirs to mine.
        binary: the file is not text (the texts are None): keep one side as a whole.
        encoding: the encoding a resolution is written in (the editor's file's).
        newline: the line ending a resolution is written with (likewise).
    """

    path: str
    theirs: str | None
    mine: str | None
    base: str | None
    diff: str
    binary: bool = False
    encoding: str = "utf-8"
    newline: str = "\n"


def merge_conflicts(repo: Repo, scratch: Git, theirs: str) -> tuple[Conflict, ...] | None:
    """Merge ``theirs`` into the scratch tree's HEAD without committing.

    Returns:
        The conflicting files (the merge is left unfinished, to be aborted or
        resolved), or None when it merged cleanly (left uncommitted).

    Raises:
        GitError: ``git-failed`` when the merge failed for another reason.
    """
    done = scratch.run("merge", "--no-ff", "--no-commit", "--quiet", theirs)
    if done.ok:
        return None
    unmerged = unmerged_paths(scratch)
    if not unmerged:
        raise GitError("git-failed", command="merge", reason=reason(done.stderr))
    return tuple(read_conflict(repo, scratch, path) for path in unmerged)


def unmerged_paths(scratch: Git) -> list[str]:
    """Repository paths left unmerged in the scratch tree, in order, each once."""
    return list(dict.fromkeys(scratch.check("diff", "--name-only", "-z", "--diff-filter=U").fields()))


def read_conflict(repo: Repo, scratch: Git, path: str) -> Conflict:
    """The three versions of an unmerged ``path`` (stage 1 base, 2 mine, 3 theirs)."""
    return _conflict(repo, path, {stage: scratch.blob(f":{stage}:{path}") for stage in (1, 2, 3)})


def conflict_between(repo: Repo, path: str, base: str | None, mine: str, theirs: str) -> Conflict:
    """A repository ``path`` as three commits hold it (for a file others changed again, merged or not)."""
    revisions = {1: base, 2: mine, 3: theirs}
    return _conflict(repo, path, {stage: repo.git.blob(f"{rev}:{path}") if rev else None
                                  for stage, rev in revisions.items()})


def _conflict(repo: Repo, path: str, raw: Mapping[int, bytes | None]) -> Conflict:
    texts: dict[int, str | None] = {}
    encoding, newline = "utf-8", "\n"
    try:
        for stage in (3, 1, 2):  # the editor's file, read last, gives the encoding to write
            data = raw[stage]
            if data is None:
                texts[stage] = None
                continue
            decoded = decode_article_bytes(data)
            texts[stage] = decoded.text
            encoding, newline = decoded.encoding, decoded.newline
    except UndecodableError:
        return Conflict(repo.kb_path(path), None, None, None, "", binary=True)
    mine, theirs = texts[2], texts[3]
    return Conflict(repo.kb_path(path), theirs=theirs, mine=mine, base=texts[1],
                    diff=unified_diff(theirs or "", mine or "", "theirs", "mine"),
                    encoding=encoding, newline=newline)


def write_resolutions(repo: Repo, scratch: Git, resolutions: Mapping[str, str | None],
                      conflicts: Mapping[str, Conflict]) -> list[str]:
    """Write each chosen text into the scratch tree and stage it; a None text deletes the file.

    Args:
        repo: the editor's repository (for KB-relative paths).
        scratch: git in the scratch tree.
        resolutions: clean KB-relative path -> the text to publish (``\\n`` newlines), or None.
        conflicts: the conflicts by KB-relative path (their encoding and line endings).

    Returns:
        The repository paths written.
    """
    written, deleted = [], []
    for kb_path, text in resolutions.items():
        path = repo.repo_path(kb_path)
        target = scratch.cwd / path
        if text is None:
            target.unlink(missing_ok=True)
            deleted.append(path)
        else:
            known = conflicts.get(kb_path)
            encoding, newline = (known.encoding, known.newline) if known and not known.binary else _stored_as(target)
            try:
                data = encode_text(text, encoding, newline, path=kb_path)
            except EncodingChangeNeeded:  # the chosen text holds a character cp1251 cannot store
                data = encode_text(text, "utf-8", newline, path=kb_path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(path)
    if written:
        scratch.check("add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul", input=pathspec_input(written),
                      env=LITERAL)
    if deleted:  # a file neither side has is no error
        scratch.check("rm", "--cached", "--quiet", "--ignore-unmatch", "--pathspec-from-file=-",
                      "--pathspec-file-nul", input=pathspec_input(deleted), env=LITERAL)
    return written + deleted


def _stored_as(target) -> tuple[str, str]:
    try:
        decoded = decode_article_bytes(target.read_bytes())
    except (OSError, UndecodableError):
        return "utf-8", "\n"
    return decoded.encoding, decoded.newline
