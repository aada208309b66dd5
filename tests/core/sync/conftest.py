"""The sync tests' fixtures: a private git configuration, and a remote with two clones."""

from tests.core.sync.helpers import git_home, sub_team, team  # noqa: F401
