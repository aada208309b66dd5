"""A KB kept in git: its state, sync for agents (fast-forward only), publish for editors.

Runs the ``git`` executable (see :mod:`.git` for why and how); never imports Qt.
Nothing here loses an edit: sync only fast-forwards, publish commits only the
files asked for and replays the editor's commits in a scratch work tree.
"""

from kb_assistant.core.sync.git import GitError
from kb_assistant.core.sync.pull import SyncResult, sync
from kb_assistant.core.sync.state import RepoState, last_sync, repo_state

__all__ = ["GitError", "RepoState", "SyncResult", "last_sync", "repo_state", "sync"]
