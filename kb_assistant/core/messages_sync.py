"""The English templates of the codes about a KB kept in git: the third part of the catalogue.

:data:`kb_assistant.core.messages.MESSAGES` holds these too (it is built from
every part); they live here so that no catalogue module outgrows the size every
module keeps. What they are about: running git (``core.sync.git``), syncing an
agent's copy by fast-forward (``core.sync.pull``) and publishing an editor's
articles (``core.sync.publish``, ``core.sync.resolve``). Every sentence says what
happened to the user's files: nothing is lost, so most say "nothing was changed".
"""

from __future__ import annotations

from kb_assistant.core.translatable import QT_TRANSLATE_NOOP

SYNC_MESSAGES: dict[str, str] = {
    # -- git itself (core.sync.git, core.sync.state) --------------------------------------------
    "git-missing": QT_TRANSLATE_NOOP(
        "Messages", "git is not installed (or not on PATH): the knowledge base is used as it is, read-only"),
    "git-no-repo": QT_TRANSLATE_NOOP("Messages", "{path} is not in a git repository: there is nothing to sync"),
    "git-offline": QT_TRANSLATE_NOOP(
        "Messages", "cannot reach {remote} ({reason}); working with the copy on this computer"),
    "git-credentials": QT_TRANSLATE_NOOP(
        "Messages",
        "{remote} needs a user name, password, token or SSH key that git does not have ({reason}); set up "
        "your git credentials and try again"),
    "git-timeout": QT_TRANSLATE_NOOP("Messages", "git {command} took longer than {seconds} s and was stopped"),
    "git-failed": QT_TRANSLATE_NOOP("Messages", "git {command} failed: {reason}"),
    "git-detached": QT_TRANSLATE_NOOP(
        "Messages", "not on a branch (detached HEAD at {commit}); nothing was changed. Check out a branch first"),
    "git-no-upstream": QT_TRANSLATE_NOOP(
        "Messages", "the branch {branch} follows no remote branch; nothing was changed"),
    "git-busy": QT_TRANSLATE_NOOP(
        "Messages", "a git {operation} is unfinished in {path}; finish or abort it first. Nothing was changed"),
    # -- sync for agents (core.sync.pull) ----------------------------------------------------------
    "sync-updated": QT_TRANSLATE_NOOP("Messages", "updated from {upstream}; files changed: {count}"),
    "sync-up-to-date": QT_TRANSLATE_NOOP("Messages", "already up to date with {upstream}"),
    "sync-ahead": QT_TRANSLATE_NOOP(
        "Messages", "up to date with {upstream}; commits made here and not published yet: {count}"),
    "sync-local-edits": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot fast-forward: your edits to {files} are not committed and the update changes them; nothing "
        "was changed. Publish or undo them, then sync again"),
    "sync-diverged": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot fast-forward: this copy has commits {upstream} does not have ({count}), and {upstream} has "
        "new ones ({behind}); nothing was changed. Publish your commits to bring both together"),
    "sync-force-pushed": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot fast-forward: the history of {upstream} was rewritten (force-pushed); nothing was changed "
        "here and nothing is lost. Ask the editors which history is right"),
    # -- publish for editors (core.sync.publish, core.sync.resolve) -------------------------------
    "publish-done": QT_TRANSLATE_NOOP("Messages", "published to {upstream}: {files}"),
    "publish-nothing": QT_TRANSLATE_NOOP("Messages", "nothing to publish: no changed files, no unpublished commits"),
    "publish-conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "not published: {files} also changed on {upstream} since you started; choose the text to keep "
        "for each. Your commit is kept as it is"),
    "publish-unresolved": QT_TRANSLATE_NOOP(
        "Messages", "not published: choose the text to keep for {files} first"),
    "publish-local-edits": QT_TRANSLATE_NOOP(
        "Messages",
        "not published: others' changes to {files} cannot be brought in while your uncommitted edits to them "
        "are there; publish or undo those edits first. Your commit is kept"),
    "publish-not-pushed": QT_TRANSLATE_NOOP(
        "Messages", "committed on this computer ({commit}) but not published: {reason}. Publish again later"),
    "publish-refused": QT_TRANSLATE_NOOP(
        "Messages", "{upstream} refused the publish ({reason}); your commit is kept on this computer"),
    "publish-no-identity": QT_TRANSLATE_NOOP(
        "Messages",
        "who is publishing? Give your name and e-mail in the settings, or set git's user.name and user.email"),
    "publish-no-message": QT_TRANSLATE_NOOP("Messages", "say in a few words what changed: the message is empty"),
    "publish-path-outside": QT_TRANSLATE_NOOP(
        "Messages", "{path}: not in the knowledge base folder; nothing was published"),
    "publish-path-usage": QT_TRANSLATE_NOOP(
        "Messages", "{path}: another installation's usage file (or sharing is off); nothing was published"),
}
"""Code -> English template with ``{name}`` fields (merged into ``messages.MESSAGES``)."""
