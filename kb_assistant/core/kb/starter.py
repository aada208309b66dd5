"""A first KB of the user's own: an empty one to start from, or the team's cloned from git.

Used by the sample KB's banner in the window (``ui.search.sample_banner``); plain
Python, no Qt. Errors are :class:`~kb_assistant.core.errors.KbError` with codes.
"""

from __future__ import annotations

from pathlib import Path

from kb_assistant.core.errors import KbNotFoundError, StorageError
from kb_assistant.core.paths import bundled_kb_dir, choose_kb_root
from kb_assistant.core.sync.git import NETWORK_TIMEOUT, Git, GitError, failure_code, reason, scrub

KB_FILE = "_kb.yml"
WELCOME_FILE = "welcome.md"

_KB_YML = """\
# KB-wide settings (all optional): see README.md, "Article format"
name: {name}
synonyms: []
"""

_WELCOME = """\
---
title: Welcome
questions:
  - How do I add an article?
---
# Welcome

This is your team's knowledge base: a folder of Markdown files. Subfolders are categories.

Write a new article with Ctrl+N. Replies are sections headed `## Reply: NAME`.

## Reply: Greeting
Hello {{customer_name|there}}! Thank you for writing to us.
"""


def create_empty_kb(folder: Path, name: str = "") -> Path:
    """Make ``folder`` (created when missing) a KB: a minimal ``_kb.yml`` and one welcome article.

    Returns:
        The KB folder.

    Raises:
        StorageError: ``file-exists`` when the folder already holds either file;
            ``folder-not-created`` / ``save-failed`` when it cannot be written.
    """
    folder = Path(folder).expanduser()
    for file_name in (KB_FILE, WELCOME_FILE):
        if (folder / file_name).exists():
            raise StorageError("file-exists", path=str(folder / file_name))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("folder-not-created", path=str(folder), reason=exc.strerror or str(exc)) from None
    title = (name or folder.name or "Knowledge base").replace('"', "'")
    for file_name, text in ((KB_FILE, _KB_YML.format(name=f'"{title}"')), (WELCOME_FILE, _WELCOME)):
        try:
            with open(folder / file_name, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as exc:
            raise StorageError("save-failed", path=str(folder / file_name), reason=exc.strerror or str(exc)) from None
    return folder


def clone_kb(url: str, target: Path, git: Git | None = None) -> Path:
    """``git clone URL TARGET`` with no prompt (the user's own credentials), for a KB kept in git.

    Slow (the network): call it off the GUI thread.

    Returns:
        The cloned folder.

    Raises:
        GitError: ``git-missing``; ``git-offline`` / ``git-credentials`` / ``git-failed``
            with the URL (credentials in it hidden) and git's reason.
    """
    target = Path(target).expanduser()
    runner = git or Git(target.parent if target.parent.is_dir() else Path.cwd())
    remote = scrub(url)
    try:
        done = runner.run("clone", "--", url, str(target), timeout=NETWORK_TIMEOUT)
    except GitError as exc:
        if exc.code == "git-timeout":
            raise GitError("git-offline", remote=remote, reason=f"no answer in {int(NETWORK_TIMEOUT)} s") from None
        raise
    if not done.ok:
        raise GitError(failure_code(done.stderr), command="clone", remote=remote,
                       reason=reason(done.stderr) or f"exit {done.returncode}")
    return target


def kb_for_window(explicit: str | None, configured: str = "",
                  environ=None) -> tuple[Path, KbNotFoundError | None]:
    """The KB the window opens, and why it is not the one asked for.

    ``--kb``, else ``KB_ASSISTANT_KB``, else the settings, else the bundled sample
    (:func:`~kb_assistant.core.paths.choose_kb_root`); a chosen folder that is gone
    opens the sample instead, with the ``kb-not-found`` error to show beside it.

    Raises:
        KbNotFoundError: when the folder is gone and no sample is installed either.
    """
    chosen = choose_kb_root(explicit, configured, environ)
    if chosen.is_dir():
        return chosen, None
    missing = KbNotFoundError("kb-not-found", path=str(chosen))
    bundled = bundled_kb_dir()
    if bundled is None:
        raise missing
    return bundled, missing
