"""The usage of one KB on this machine, kept on a thread of its own: the window never waits on a file.

Every call returns at once; the work is queued to one background thread, in
order. The keeper holds the events in memory (this user's log and imports, and
the teammates' files in the KB's ``_usage/``), read again whenever the KB is
loaded, so learned questions and insights never re-read the disk for one new
event. Whenever what the search learns from changes, ``on_learned`` is called,
on the keeper's thread, with what :meth:`SearchService.set_learned` takes.

With sharing on, this installation's aggregates are written to its own file in
``KB/_usage/`` when the KB loads, at most every :data:`SHARE_EVERY_SECONDS`
after a change, and when the keeper closes: writing into the KB on every copy
would wake every watcher of the folder.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from kb_assistant.core.usage.learned import READ_SECONDS
from kb_assistant.core.usage.log import UsageEvent, UsageLog
from kb_assistant.core.usage.team import (TEAM_DIR, install_id, known_install_id, learned_for_search, read_team,
                                         write_shared)

log = logging.getLogger("kb_assistant.usage")

SHARE_EVERY_SECONDS = 300
"""The shared file is brought up to date at most this often while the app runs."""
Learned = dict[str, list[tuple[str, float]]]


class UsageKeeper:
    """Records, holds and shares the usage of the KB at ``kb_root``.

    Args:
        log: this user's usage log of the KB (``AppPaths.usage_dir_for``).
        kb_root: the KB folder (the teammates' files are in its ``_usage/``).
        data_dir: the user data folder (this installation's id).
        on_learned: called on the keeper's thread with article id -> ``[(question, weight)]``.
        recording: whether new events are kept (the "keep my usage" setting).
        sharing: whether this installation's aggregates go to ``KB/_usage/``.
        clock: monotonic seconds (tests pass their own).
    """

    def __init__(self, log: UsageLog, kb_root: Path, data_dir: Path,
                 on_learned: Callable[[Learned], None] = lambda learned: None, *,
                 recording: bool = True, sharing: bool = False, clock: Callable[[], float] = time.monotonic) -> None:
        self.log, self.kb_root, self.data_dir = log, Path(kb_root), Path(data_dir)
        self.on_learned = on_learned
        self.recording, self.sharing = recording, sharing
        self._clock = clock
        self._events: list[UsageEvent] = []
        self._article_ids: frozenset[str] | None = None
        self._shared_at: float | None = None
        self._unshared = False
        self._failed = False  # the log could not be written: said once in the log, not per event
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-usage")

    # -- asked from the window (each returns at once) ------------------------------------
    def load(self, article_ids: Iterable[str] | None) -> Future:
        """The KB (re)loaded with these articles: read every event again, learn, share.

        None (the KB is not read yet, at start) keeps every article's associations:
        the search learns at once, and the KB's load forgets the deleted ones.
        """
        return self._submit(self._load, None if article_ids is None else frozenset(article_ids))

    def record(self, events: list[UsageEvent], always: bool = False) -> Future | None:
        """Keep ``events`` (unless recording is off and not ``always``); learn again when they teach the search."""
        if not events or not (self.recording or always):
            return None
        return self._submit(self._record, list(events))

    def set_options(self, recording: bool, sharing: bool) -> Future:
        """The settings changed; sharing turned off deletes this installation's shared file."""
        self.recording = recording  # at once: an event recorded right after is already left out
        return self._submit(self._set_options, sharing)

    def events(self) -> Future:
        """A future list of every event held (for insights)."""
        return self._submit(lambda: list(self._events))

    def clear(self) -> Future:
        """"Delete my usage data": this user's log, imports and shared file; the teammates' stay."""
        return self._submit(self._clear)

    def close(self) -> None:
        """Finish what is queued, share a last time (when on), and stop the thread."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.submit(self._share, True)
            executor.shutdown(wait=True)

    # -- on the keeper's thread ------------------------------------------------------------
    def _submit(self, work, *args) -> Future:
        if self._executor is None:
            done: Future = Future()
            done.set_result(None)
            return done
        return self._executor.submit(self._guarded, work, *args)

    @staticmethod
    def _guarded(work, *args):
        try:
            return work(*args)
        except Exception:  # noqa: BLE001 - usage must never break the window; logged without any text
            log.exception("usage data: %s failed", getattr(work, "__name__", "a task"))
            return None

    def _load(self, article_ids: frozenset[str] | None) -> None:
        self._article_ids = article_ids
        self._events = [*self.log.read(), *read_team(self.kb_root, self._own_id(create=False))]
        self._learn()
        self._share(force=self._shared_at is None)

    def _record(self, events: list[UsageEvent]) -> None:
        kept = []
        for event in events:
            try:
                kept.append(self.log.append(event))
            except OSError as exc:
                if not self._failed:
                    log.warning("usage data not written to %s: %s", self.log.folder, exc.strerror or type(exc).__name__)
                self._failed = True
        self._events += kept
        self._unshared = self._unshared or bool(kept)
        if any(_teaches(event) or event.kind == "rename" for event in kept):
            self._learn()
        self._share(force=False)

    def _set_options(self, sharing: bool) -> None:
        was_sharing, self.sharing = self.sharing, sharing
        if was_sharing and not sharing:
            self._unshare()
        elif sharing and not was_sharing:
            self._share(force=True)

    def _clear(self) -> None:
        self.log.clear()
        self._unshare()
        self._events = list(read_team(self.kb_root, self._own_id(create=False)))
        self._learn()

    def _learn(self) -> None:
        self.on_learned(learned_for_search(self._events, self._article_ids))

    def _share(self, force: bool) -> None:
        if not self.sharing or not (self._unshared or force):
            return
        now = self._clock()
        if not force and self._shared_at is not None and now - self._shared_at < SHARE_EVERY_SECONDS:
            return
        try:
            write_shared(self.kb_root, self._own_id(create=True), self._events)
        except OSError as exc:
            log.warning("usage not shared in %s: %s", self.kb_root / TEAM_DIR, exc.strerror or type(exc).__name__)
            return
        self._shared_at, self._unshared = now, False

    def _unshare(self) -> None:
        own = self._own_id(create=False)
        if own:
            try:
                (self.kb_root / TEAM_DIR / f"{own}.jsonl").unlink(missing_ok=True)
            except OSError as exc:
                log.warning("shared usage file not deleted: %s", exc.strerror or type(exc).__name__)
        self._shared_at = None

    def _own_id(self, create: bool) -> str:
        return install_id(self.data_dir) if create else known_install_id(self.data_dir)


def _teaches(event: UsageEvent) -> bool:
    """Whether ``event`` can change what the search learned (see ``core.usage.learned``)."""
    if not event.text or not event.article:
        return False
    return event.kind in ("copy", "not_helpful") or (event.kind == "open" and event.seconds >= READ_SECONDS)
