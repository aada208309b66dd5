"""A KB in git, in the window: sync at start, every few minutes and on demand; publish; the repository's state.

QtCore only. Every git call (``core.sync``) runs in order on one daemon thread
of its own: git takes the repository's lock, so two calls at once would fail; a
slow network (up to two minutes) must never hold the window, nor quitting (a
daemon thread ends with the app; git itself never leaves a half-done state:
sync only fast-forwards, publish rebases in a scratch work tree). Answers come
back by signal. A KB that is not in git shows nothing and does nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import logging
import queue
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from kb_assistant.core.sync import (GitError, PublishResult, RepoState, SyncResult, publish, repo_state,
                                   resolve_conflicts, sync)

log = logging.getLogger("kb_assistant.ui.sync")

DEFAULT_MINUTES = 10
"""Sync this often (``Settings.sync_minutes``; 0: only at start and on demand)."""


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows of the KB's repository.

    Attributes:
        state: the repository's state (None: the KB is not in git, or not looked at yet).
        last: the last sync's result this run (None before the first).
        last_sync: when a sync last succeeded (this run or an earlier one), or None.
        busy: a sync or publish is running now.
        next_try: when the next automatic sync is due (None: not automatic).
    """

    state: RepoState | None = None
    last: SyncResult | None = None
    last_sync: dt.datetime | None = None
    busy: bool = False
    next_try: dt.datetime | None = None


class SyncController(QObject):
    """Keeps the KB's git repository in step with the team's, for the window.

    Args:
        kb_root: the KB folder.
        data_dir: the user data folder (the last sync's time is kept there).
        minutes: sync this often (0: only at start and on demand).
        author: ``(name, e-mail)`` for published commits, or None for git's own.
        share_usage: publishing includes this installation's own ``_usage/`` file (sharing is on).
        environ: the environment git runs in (tests); the process's by default.

    Signals:
        status_changed(object): a new :class:`SyncStatus`.
        files_changed(list): KB-relative files a sync or a publish brought in: re-index them.
        synced(object): the :class:`SyncResult` of a sync.
        published(object): the :class:`PublishResult` of a publish or a conflict resolution.
    """

    status_changed = Signal(object)
    files_changed = Signal(list)
    synced = Signal(object)
    published = Signal(object)

    def __init__(self, kb_root: Path, data_dir: Path, minutes: int = DEFAULT_MINUTES,
                 author: tuple[str, str] | None = None, share_usage: bool = False, environ=None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kb_root, self.data_dir, self.author, self.environ = Path(kb_root), Path(data_dir), author, environ
        self.share_usage = share_usage
        self.status = SyncStatus()
        self._jobs = _Jobs()
        self._thread: threading.Thread | None = None
        self._relay = _Relay()  # no parent: the git thread may emit on it while the window quits
        self._relay.answered.connect(self._done)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self._minutes = 0
        self.set_minutes(minutes)

    @property
    def in_git(self) -> bool:
        """Whether the KB is in a git work tree (known once :meth:`start` has looked)."""
        return self.status.state is not None

    # -- asked by the window -------------------------------------------------------------
    def start(self) -> None:
        """Look at the repository and sync once (a KB not in git: nothing happens)."""
        self._submit("start", lambda: self._state_and(sync_first=True))

    def sync_now(self) -> None:
        """Fetch and fast-forward now (the menu's Sync now, and the timer)."""
        if self.in_git:
            self._submit("sync", lambda: (sync(self.kb_root, data_dir=self.data_dir, environ=self.environ),
                                          self._read_state()))

    def refresh_state(self) -> None:
        """Look at the repository again (after a save: local changes to publish)."""
        if self.in_git:
            self._submit("state", lambda: (None, self._read_state()))

    def publish(self, paths: list[str] | None, message: str) -> None:
        """Commit ``paths`` (every changed article when None) with ``message`` and push; :attr:`published` answers."""
        author, usage = self.author, self.share_usage
        self._submit("publish", lambda: (publish(self.kb_root, message, paths, author=author, include_usage=usage,
                                                 data_dir=self.data_dir, environ=self.environ), self._read_state()))

    def resolve(self, resolutions: dict[str, str | None], against: str | None, message: str) -> None:
        """Publish the editor's chosen text of each conflicting file; :attr:`published` answers."""
        author = self.author
        self._submit("publish", lambda: (resolve_conflicts(
            self.kb_root, resolutions, against=against, message=message, author=author, data_dir=self.data_dir,
            environ=self.environ), self._read_state()))

    def set_minutes(self, minutes: int) -> None:
        """Sync every ``minutes`` (0: only at start and on demand)."""
        self._minutes = max(0, int(minutes))
        self._timer.stop()
        if self._minutes:
            self._timer.setInterval(self._minutes * 60_000)
            if self.in_git:
                self._timer.start()
        self._emit()

    def set_interval_ms(self, milliseconds: int) -> None:
        """Sync every ``milliseconds`` (tests and demonstrations)."""
        self._minutes = max(1, milliseconds) / 60_000
        self._timer.setInterval(milliseconds)
        if self.in_git:
            self._timer.start()

    def set_author(self, author: tuple[str, str] | None, share_usage: bool = False) -> None:
        """The name and e-mail published commits carry (None: git's own), and whether they take our usage file."""
        self.author, self.share_usage = author, share_usage

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait until no git call runs (tests, quitting)."""
        return self._jobs.idle.wait(msecs / 1000)

    # -- on the pool's thread ----------------------------------------------------------------
    def _read_state(self) -> RepoState | None:
        try:
            return repo_state(self.kb_root, self.data_dir)
        except Exception:  # noqa: BLE001 - git missing or broken: shown as not in git, the KB is read as it is
            return None

    def _state_and(self, sync_first: bool):
        try:
            state = repo_state(self.kb_root, self.data_dir)
        except GitError as exc:  # in a repository, but no git to read it: said once, the KB read as it is
            return SyncResult(exc.code, exc.values), None
        except Exception:  # noqa: BLE001 - a broken repository: the KB is read as it is
            log.exception("reading the KB's repository failed")
            return None, None
        if state is None or not sync_first:
            return None, state
        return sync(self.kb_root, data_dir=self.data_dir, environ=self.environ), self._read_state()

    # -- answers, on the GUI thread ------------------------------------------------------------
    def _submit(self, channel: str, work) -> None:
        self._busy(True)
        self._jobs.put(work)
        if self._thread is None:
            self._thread = threading.Thread(target=_serve, args=(self._jobs, self._relay), name="kb-git", daemon=True)
            self._thread.start()

    def _done(self, answer) -> None:
        if answer is None:  # the call failed (logged): only the busy mark changes
            self._busy(False)
            return
        result, state = answer
        if state is not None and not self.in_git and self._minutes:
            self._timer.start()  # a KB in git: sync from now on
        last = result if isinstance(result, SyncResult) else self.status.last
        self.status = SyncStatus(state, last, state.last_sync if state is not None else None)
        if result is not None and result.changed:
            self.files_changed.emit(list(result.changed))
        if isinstance(result, SyncResult):
            self.synced.emit(result)
        elif isinstance(result, PublishResult):
            self.published.emit(result)
        self._emit()

    def _busy(self, busy: bool) -> None:
        self.status = SyncStatus(self.status.state, self.status.last, self.status.last_sync, busy=busy)
        self._emit()

    def _emit(self) -> None:
        next_try = None
        if self._timer.isActive():
            next_try = dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=self._timer.remainingTime())
        self.status = SyncStatus(self.status.state, self.status.last, self.status.last_sync, self.status.busy,
                                 next_try)
        self.status_changed.emit(self.status)


class _Relay(QObject):
    """Carries the git thread's answers to the GUI thread (queued), like ``ui.system.tasks``' relay."""

    answered = Signal(object)


class _Jobs:
    """The git calls asked for, in order, and whether none is left to run."""

    def __init__(self) -> None:
        self.queue: queue.Queue = queue.Queue()
        self.idle = threading.Event()
        self.idle.set()
        self._lock = threading.Lock()
        self._pending = 0

    def put(self, work) -> None:
        with self._lock:
            self._pending += 1
            self.idle.clear()
        self.queue.put(work)

    def done(self) -> None:
        with self._lock:
            self._pending -= 1
            if not self._pending:
                self.idle.set()


def _serve(jobs: _Jobs, relay: _Relay) -> None:
    """The git thread: one call at a time, in the order asked."""
    while True:
        work = jobs.queue.get()
        try:
            answer = work()
        except Exception:  # noqa: BLE001 - a bug, not git's answer (those are results): logged, the window goes on
            log.exception("a git call failed")
            answer = None
        relay.answered.emit(answer)
        jobs.done()
