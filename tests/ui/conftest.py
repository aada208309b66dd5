"""GUI test set-up: the app's garbage-collection policy, and no garbage carried from one test to the next."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from kb_assistant.ui.system.garbage_collector import GarbageCollector


@pytest.fixture(scope="session", autouse=True)
def gui_thread_garbage_collection(qapp):
    """Collect cycles on the GUI thread only, as the app does (see ``ui.garbage_collector``)."""
    collector = GarbageCollector()
    collector.start()
    yield collector
    collector.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """After a test's fixtures have stopped its threads, delete its windows and collect their cycles.

    pytest-qt closes a test's widgets with ``deleteLater()``; left alone they would be
    deleted inside the next test's event loop, while that test's search thread runs.
    """
    result = yield
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        GarbageCollector.collect()
    return result


@pytest.fixture(autouse=True)
def no_modal_weak_match_question(monkeypatch):
    """A modal "copy a weak match?" box would wait forever headless: a test that meets one unasked fails."""

    def unexpected(parent, results):
        raise AssertionError(f"unexpected weak-match question for {results.query!r}")

    monkeypatch.setattr("kb_assistant.ui.replies.copy.ask_copy_weak_match", unexpected)
