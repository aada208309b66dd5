"""Background tasks: results on the GUI thread, only the newest per channel."""

import threading
import time

from PySide6.QtCore import QThread

from kb_assistant.ui.system.tasks import TaskRunner


def test_results_arrive_on_the_gui_thread_and_stale_ones_are_dropped(qtbot):
    runner = TaskRunner()
    got = []
    gui_thread = QThread.currentThread()
    runner.finished.connect(lambda channel, result: got.append((channel, result, QThread.currentThread() is gui_thread)))
    release = threading.Event()

    def slow():
        release.wait(2)
        return "old"

    runner.submit("preview", slow)
    runner.submit("preview", lambda: "new")
    with qtbot.waitSignal(runner.finished, timeout=3000):
        pass
    release.set()
    assert runner.wait()
    # The old answer was queued to the GUI thread before the pool went idle. An answer queued
    # after it is delivered after it, so once that one is here the old one has been handled.
    with qtbot.waitSignal(runner.finished, timeout=3000, check_params_cb=lambda channel, _result: channel == "later"):
        runner.submit("later", lambda: "done")
    assert got == [("preview", "new", True), ("later", "done", True)]


def test_failures_are_reported(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.failed, timeout=3000) as blocker:
        runner.submit("check", lambda: 1 / 0)
    assert blocker.args[0] == "check" and isinstance(blocker.args[1], ZeroDivisionError)  # the exception, for error_text


def test_channels_are_independent(qtbot):
    runner = TaskRunner()
    got = {}
    runner.finished.connect(lambda channel, result: got.__setitem__(channel, result))
    runner.submit("a", lambda: time.sleep(0.05) or 1)
    runner.submit("b", lambda: 2)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=3000)
    assert got == {"a": 1, "b": 2}


def test_an_answer_for_a_closed_window_is_dropped_quietly(qtbot):
    """An editor closed mid-render deletes its runner; the render finishing later must not crash.

    The task's relay must still be alive when it emits: destroying it on the GUI thread
    while a pool thread emits on it crashed the suite in CI.
    """
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    runner = TaskRunner()
    got = []
    runner.finished.connect(lambda channel, result: got.append(result))
    relay = runner._relay
    started, release = threading.Event(), threading.Event()

    def render():
        started.set()
        release.wait(2)
        return "<p>late</p>"

    runner.submit("preview", render)
    assert started.wait(2)
    runner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(runner)
    assert shiboken6.isValid(relay)
    release.set()
    assert TaskRunner().wait(3000)
    QCoreApplication.processEvents()
    assert got == []
