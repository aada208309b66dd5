"""Real git repositories for the window's sync tests (the core tests' helpers)."""

from tests.core.sync.helpers import git_home, team  # noqa: F401
