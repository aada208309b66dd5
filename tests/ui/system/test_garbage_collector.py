"""Cycles are collected on the GUI thread, never on the search thread."""

from __future__ import annotations

import gc
import threading
import weakref

from kb_assistant.ui.system.garbage_collector import GarbageCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cycle collector frees it


def _cycle_with_watch() -> weakref.ref:
    return weakref.ref(_Node())


def test_start_turns_automatic_collection_off_and_stop_gives_it_back(qapp):
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        collector = GarbageCollector()
        collector.start()
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        if not was_enabled:
            gc.disable()


def test_a_collector_started_while_collection_is_off_leaves_it_off(qapp):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        collector = GarbageCollector()
        collector.start()
        collector.stop()
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


def test_cycles_made_on_another_thread_wait_for_the_gui_thread(qapp):
    old_threshold = gc.get_threshold()
    gc.set_threshold(50, 2, 2)
    collector = GarbageCollector()
    collector.start()
    watched: list[weakref.ref] = []
    try:
        def search_thread_work() -> None:
            watched.append(_cycle_with_watch())
            for _ in range(5000):  # far past the threshold: Python would collect here on its own
                _Node()

        worker = threading.Thread(target=search_thread_work)
        worker.start()
        worker.join()
        assert watched[0]() is not None  # nothing was collected on the worker thread
        assert gc.get_count()[0] > 50
        assert collector.check() > 0
        assert watched[0]() is None  # the GUI thread's tick freed it
    finally:
        collector.stop()
        gc.set_threshold(*old_threshold)


def test_the_timer_collects_without_being_asked(qtbot):
    old_threshold = gc.get_threshold()
    gc.set_threshold(10, 2, 2)
    collector = GarbageCollector(interval_ms=10)
    collector.start()
    try:
        watch = _cycle_with_watch()
        for _ in range(100):
            _Node()
        qtbot.waitUntil(lambda: watch() is None, timeout=2000)
    finally:
        collector.stop()
        gc.set_threshold(*old_threshold)
