"""The search thread: answers by signal, and stops cleanly."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from kb_assistant.ui.search.worker import SearchThread, SearchWorker

KB = {"a.md": "---\nid: a\nlang: en\n---\n# Refund to a card\n\nRefunds take days.\n"}


class _Window(QObject):
    """Stands for the window: asks on the GUI thread, hears answers there (queued, like the app)."""

    refresh = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[tuple] = []

    @Slot(object, object, object)
    def on_ready(self, kb, report, problems) -> None:
        self.answers.append((kb, report, problems))


def _started(qtbot, write_kb, tmp_path):
    worker = SearchWorker(write_kb(KB), tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    thread.start()
    window.refresh.emit()
    qtbot.waitUntil(lambda: bool(window.answers), timeout=10000)
    return worker, thread, window


def test_refresh_loads_the_kb_on_the_worker_thread(qtbot, write_kb, tmp_path):
    worker, thread, window = _started(qtbot, write_kb, tmp_path)
    try:
        [(kb, report, problems)] = window.answers
        assert list(kb.articles) == ["a"]
        assert report.added == 1
        assert problems == []
        assert worker.thread() is not QCoreApplication.instance().thread()
    finally:
        thread.stop()


def test_a_stopped_worker_comes_home_and_ignores_late_requests(qtbot, write_kb, tmp_path):
    """The window keeps references to the worker, so the garbage collector may delete it on the GUI
    thread later: by then it must belong to the GUI thread, not to the thread that has ended."""
    worker, thread, window = _started(qtbot, write_kb, tmp_path)
    thread.stop()
    assert worker.thread() is QCoreApplication.instance().thread()
    rendered = []
    worker.rendered.connect(lambda *args: rendered.append(args))
    window.refresh.emit()  # now a direct call on the GUI thread: it must not open the index again
    worker.update_files(["a.md"])
    worker.render(99, "a")
    qtbot.wait(50)
    assert len(window.answers) == 1 and rendered == []
    assert worker._service is None
    del thread, worker
    gc.collect()  # deleting it here, on the GUI thread, is safe
