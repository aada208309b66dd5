"""The one place that runs ``git``: the executable, never a shell, never a prompt.

Why the ``git`` executable and not a Python git library: it authenticates with
exactly what the team's machines already use (credential helpers, the SSH
agent, tokens and ``url.*.insteadOf`` in git's own config), honours the
repository's hooks and attributes, and adds no dependency. Every command runs

* as a list of arguments (no shell, so no quoting of paths or messages);
* with ``GIT_TERMINAL_PROMPT=0``, ``GIT_ASKPASS``/``SSH_ASKPASS`` empty (an empty
  ``GIT_ASKPASS`` also hides ``core.askPass``), ``SSH_ASKPASS_REQUIRE=never``,
  ``GCM_INTERACTIVE=never`` and, on POSIX, in a session of its own without a
  controlling terminal: git and ssh cannot ask for a password or a host key, they
  fail, and the failure reads "credentials needed" instead of a hung window;
* with ``LC_ALL=C`` and ``-c core.quotepath=off`` so its messages are the English
  ones parsed below and paths come out as they are (lists use ``-z`` anyway);
* with ``GIT_OPTIONAL_LOCKS=0``: a status poll never takes the index lock from
  the user's own git;
* within a bounded time: the whole process group (ssh included) is killed when
  it runs over, and the caller gets ``git-timeout``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.errors import KbError
from kb_assistant.core.messages import clip

log = logging.getLogger("kb_assistant.sync")

LOCAL_TIMEOUT = 60.0
"""Seconds a local command (status, commit, rebase in a temporary work tree) may take."""
NETWORK_TIMEOUT = 120.0
"""Seconds a fetch or a push may take before it counts as offline."""

_SAFE_ENV = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_ASKPASS": "",
    "SSH_ASKPASS": "",
    "SSH_ASKPASS_REQUIRE": "never",
    "GCM_INTERACTIVE": "never",
    "LC_ALL": "C",
    "LANGUAGE": "C",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_EDITOR": ":",  # ":" is git's own "no editor": merge and rebase --continue keep their message
    "GIT_SEQUENCE_EDITOR": ":",
    "GIT_MERGE_AUTOEDIT": "no",
}
_BASE_OPTIONS = ("-c", "core.quotepath=off", "-c", "color.ui=false", "-c", "rebase.updateRefs=false")

# what git and ssh say (LC_ALL=C) when the remote wants credentials we do not have
_CREDENTIALS = re.compile(
    r"could not read (username|password)|terminal prompts disabled|authentication failed"
    r"|permission denied \(publickey|host key verification failed|access denied|invalid credentials"
    r"|http basic: access denied|requested url returned error: 40[13]|bad credentials", re.IGNORECASE)
# ... and when it cannot be reached at all
_OFFLINE = re.compile(
    r"could not resolve host|could not resolve hostname|failed to connect|couldn't connect"
    r"|connection refused|connection timed out|timed out|network is unreachable|no route to host"
    r"|unable to access|does not appear to be a git repository|could not read from remote repository"
    r"|connection reset|connection closed|name or service not known|temporary failure in name resolution"
    r"|operation timed out|no such file or directory", re.IGNORECASE)
_URL_SECRET = re.compile(r"(?<=://)[^/@\s]+@")


class GitError(KbError):
    """A git command failed; ``code`` says how (``git-missing``, ``git-offline``, ``git-credentials``, ...)."""

    code = "git-failed"


@dataclass(frozen=True)
class GitRun:
    """What one git command did.

    Attributes:
        args: the git arguments (without the executable and the fixed options).
        returncode: its exit status.
        stdout: its standard output, bytes (paths are bytes to git).
        stderr: its standard error, decoded.
    """

    args: tuple[str, ...]
    returncode: int
    stdout: bytes
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def text(self) -> str:
        """Standard output as text, surrounding whitespace removed."""
        return self.stdout.decode("utf-8", "surrogateescape").strip()

    def fields(self) -> list[str]:
        """Standard output split on NUL bytes (the ``-z`` lists), empty fields dropped."""
        return [part.decode("utf-8", "surrogateescape") for part in self.stdout.split(b"\0") if part]


def find_git(environ: Mapping[str, str] | None = None) -> str | None:
    """The ``git`` executable on ``PATH`` (of ``environ``), or None."""
    env = os.environ if environ is None else environ
    return shutil.which("git", path=env.get("PATH", os.defpath))


def scrub(text: str) -> str:
    """``text`` (git's stderr, a remote URL) without any user or token written into a URL."""
    return _URL_SECRET.sub("***@", text)


def failure_code(stderr: str) -> str:
    """``git-credentials``, ``git-offline`` or ``git-failed`` from what a network command wrote."""
    if _CREDENTIALS.search(stderr):
        return "git-credentials"
    if _OFFLINE.search(stderr):
        return "git-offline"
    return "git-failed"


_GENERIC = ("could not read from remote repository", "please make sure you have the correct access",
            "and the repository exists")


def reason(stderr: str) -> str:
    """git's own reason in one short line: its first telling ``fatal:``/``error:`` line, else its last telling one.

    The generic "Could not read from remote repository. Please make sure ..."
    that follows the real reason (ssh's, or "... does not appear to be a git
    repository") is skipped.
    """
    lines = [line.strip() for line in scrub(stderr).splitlines() if line.strip()]
    telling = [line for line in lines if not any(text in line.lower() for text in _GENERIC)] or lines
    for line in telling:
        if line.lower().startswith(("fatal:", "error:")):
            return clip(line.split(":", 1)[1].strip(), 300)
    return clip(telling[-1], 300) if telling else ""


class Git:
    """Runs git in one folder with the safe environment of this module.

    Args:
        cwd: the folder commands run in (a work tree root, usually).
        executable: the git to run; found on ``PATH`` when None.
        environ: the environment to start from (the process's when None).
        identity: ``(name, email)`` to author and commit as (else git's own config).

    Raises:
        GitError: ``git-missing`` when there is no git to run.
    """

    def __init__(self, cwd: Path, *, executable: str | None = None, environ: Mapping[str, str] | None = None,
                 identity: tuple[str, str] | None = None) -> None:
        base = dict(os.environ if environ is None else environ)
        self.executable = executable or find_git(base)
        if not self.executable:
            raise GitError("git-missing")
        self.cwd = Path(cwd)
        self.environ = base
        self.identity = identity
        self.env = {**base, **_SAFE_ENV}
        if identity:
            name, email = identity
            self.env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email,
                            GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)

    def at(self, cwd: Path) -> Git:
        """The same git (executable, environment, identity) in another folder."""
        return Git(cwd, executable=self.executable, environ=self.environ, identity=self.identity)

    def run(self, *args: str, timeout: float = LOCAL_TIMEOUT, input: bytes | None = None,
            env: Mapping[str, str] | None = None) -> GitRun:
        """Run ``git args`` and return what it did (a non-zero exit status is not an error here).

        Raises:
            GitError: ``git-missing`` when the executable vanished, ``git-timeout``
                when it ran longer than ``timeout`` seconds (it is killed).
        """
        command = [self.executable, *_BASE_OPTIONS, *args]
        started = time.monotonic()
        options: dict = {"start_new_session": True} if os.name == "posix" else {
            "creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
        try:
            process = subprocess.Popen(
                command, cwd=self.cwd, env={**self.env, **(env or {})},
                stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options)
        except FileNotFoundError:
            raise GitError("git-missing") from None
        except OSError as exc:
            raise GitError("git-failed", command=args[0], reason=clip(str(exc))) from None
        try:
            out, err = process.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise GitError("git-timeout", command=args[0], seconds=int(timeout)) from None
        log.debug("git %s: exit %s in %.2f s", args[0], process.returncode, time.monotonic() - started)
        return GitRun(tuple(args), process.returncode, out, err.decode("utf-8", "replace"))

    def check(self, *args: str, timeout: float = LOCAL_TIMEOUT, input: bytes | None = None,
              env: Mapping[str, str] | None = None) -> GitRun:
        """Like :meth:`run`, and a non-zero exit status raises ``GitError("git-failed")``."""
        done = self.run(*args, timeout=timeout, input=input, env=env)
        if not done.ok:
            raise GitError("git-failed", command=args[0], reason=reason(done.stderr) or f"exit {done.returncode}")
        return done

    def network(self, *args: str, remote: str) -> GitRun:
        """A fetch or push: a failure raises the ``git-offline`` / ``git-credentials`` / ``git-failed`` it is.

        Raises:
            GitError: with ``remote`` (its URL scrubbed) and git's ``reason``.
        """
        try:
            done = self.run(*args, timeout=NETWORK_TIMEOUT)
        except GitError as exc:
            if exc.code == "git-timeout":
                raise GitError("git-offline", remote=self.remote_url(remote),
                               reason=f"no answer in {int(NETWORK_TIMEOUT)} s") from None
            raise
        if not done.ok and not (args[0] == "push" and b"\n!" in b"\n" + done.stdout):
            raise GitError(failure_code(done.stderr), command=args[0], remote=self.remote_url(remote),
                           reason=reason(done.stderr) or f"exit {done.returncode}")
        return done

    def remote_url(self, remote: str) -> str:
        """The URL of ``remote`` for a message: credentials in it hidden, the name itself when unknown."""
        done = self.run("remote", "get-url", remote)
        return scrub(done.text) if done.ok and done.text else remote

    def rev(self, name: str) -> str | None:
        """The commit id ``name`` stands for, or None when it names none."""
        done = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
        return done.text or None if done.ok else None

    def is_ancestor(self, older: str, newer: str) -> bool:
        """Whether ``older`` is ``newer`` or one of its ancestors."""
        return self.run("merge-base", "--is-ancestor", older, newer).ok

    def count(self, range_: str) -> int:
        """How many commits ``rev-list`` gives for ``range_`` (``A..B``)."""
        done = self.run("rev-list", "--count", range_)
        return int(done.text) if done.ok and done.text.isdigit() else 0

    def changed_files(self, old: str, new: str) -> list[str]:
        """Repository paths that differ between two commits (renames as a deletion and an addition)."""
        return self.check("diff", "--name-only", "--no-renames", "-z", old, new, "--").fields()

    def blob(self, spec: str) -> bytes | None:
        """The bytes of ``commit:path`` or ``:stage:path``, None when there is no such file."""
        done = self.run("cat-file", "blob", spec)
        return done.stdout if done.ok else None


def _kill(process: subprocess.Popen) -> None:
    """Kill a git that ran over, with everything it started (ssh, a credential helper)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        pass
    try:
        process.communicate(timeout=5)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass


def pathspec_input(paths: Sequence[str]) -> bytes:
    """Paths for ``--pathspec-from-file=- --pathspec-file-nul`` (any number, any characters)."""
    return b"".join(path.encode("utf-8", "surrogateescape") + b"\0" for path in paths)


LITERAL = {"GIT_LITERAL_PATHSPECS": "1"}
"""The environment that makes every path given to a command a path, never a pattern."""
