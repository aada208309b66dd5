"""Background work with results delivered on the GUI thread, latest request wins.

Like Anki's task manager: a callable runs on a thread pool; its result comes
back by a queued signal; for each *channel* (e.g. "preview") only the answer to
the newest request is delivered, so a slow old render never overwrites a newer one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("kb_assistant.ui.system.tasks")


class _Relay(QObject):
    """Lives on the GUI thread; emitting from a pool thread queues the call to its runner.

    It has no Qt parent on purpose: every running task holds a reference, so the
    relay outlives a runner deleted mid-task (an editor closed while it renders).
    Were it the runner's child, the GUI thread could destroy it while a pool thread
    is inside ``emit`` on it, a crash seen in CI. A receiver deleted under a queued
    emission is safe in Qt; a sender is not.
    """

    done = Signal(str, int, object)
    failed = Signal(str, int, object)


class _Task(QRunnable):
    def __init__(self, relay: _Relay, channel: str, request_id: int, work: Callable[[], object]) -> None:
        super().__init__()
        self._relay, self._channel, self._request_id, self._work = relay, channel, request_id, work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - reported to the GUI, logged in full
            log.exception("background task %s failed", self._channel)
            self._answer(self._relay.failed, exc)
            return
        self._answer(self._relay.done, result)

    def _answer(self, signal, payload: object) -> None:
        # if the runner was deleted meanwhile, the connection went with it and the answer is dropped
        signal.emit(self._channel, self._request_id, payload)


class TaskRunner(QObject):
    """Runs callables off the GUI thread.

    Signals:
        finished(str, object): channel and result of its newest request.
        failed(str, object): channel and exception of its newest request; show it with
            ``ui.system.messages.error_text``, which translates a core error's code.
    """

    finished = Signal(str, object)
    failed = Signal(str, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()  # no parent: see _Relay
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._deliver_failure)
        self._latest: dict[str, int] = {}

    def submit(self, channel: str, work: Callable[[], object]) -> int:
        """Run ``work()`` in the pool; older pending answers on ``channel`` will be dropped."""
        request_id = self._latest.get(channel, 0) + 1
        self._latest[channel] = request_id
        self._pool.start(_Task(self._relay, channel, request_id, work))
        return request_id

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for the pool to finish (tests, shutdown)."""
        return self._pool.waitForDone(msecs)

    # reached from pool threads: declared slots (PYSIDE-3124)
    @Slot(str, int, object)
    def _deliver(self, channel: str, request_id: int, result: object) -> None:
        if self._latest.get(channel) == request_id:
            self.finished.emit(channel, result)

    @Slot(str, int, object)
    def _deliver_failure(self, channel: str, request_id: int, error: object) -> None:
        if self._latest.get(channel) == request_id:
            self.failed.emit(channel, error)
