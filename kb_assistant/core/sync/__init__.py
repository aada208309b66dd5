"""A KB kept in git: its state, sync for agents (fast-forward only), publish for editors.

Runs the ``git`` executable (see :mod:`.git` for why and how); never imports Qt.
Nothing here loses an edit: sync only fast-forwards, publish commits only the
files asked for and replays the editor's commits in a scratch work tree.
"""

from kb_assistant.core.sync.conflicts import Conflict
from kb_assistant.core.sync.git import GitError
from kb_assistant.core.sync.publish import PublishResult, publish
from kb_assistant.core.sync.pull import SyncResult, sync
from kb_assistant.core.sync.resolve import resolve_conflicts
from kb_assistant.core.sync.state import RepoState, last_sync, repo_state

__all__ = [
    "Conflict", "GitError", "PublishResult", "RepoState", "SyncResult", "last_sync", "publish", "repo_state",
    "resolve_conflicts", "sync",
]
