"""The insights controller: worked out on the thread pool, only the newest answer delivered, errors told."""

from __future__ import annotations

import threading

from kb_assistant.core.usage.insights import Insights
from kb_assistant.ui.insights.controller import InsightsController, gap_language, gap_question
from tests.ui.insights.conftest import EVENTS, NOW


def test_insights_are_worked_out_off_the_gui_thread(qtbot, kb):
    threads = []

    def load():
        threads.append(threading.current_thread())
        return EVENTS

    controller = InsightsController(load, kb, now=lambda: NOW)
    with qtbot.waitSignal(controller.ready, timeout=5000) as ready:
        controller.refresh(30)
    found = ready.args[0]
    assert isinstance(found, Insights) and found.since_days == 30 and found.events == len(EVENTS)
    assert threads and threads[0] is not threading.main_thread()


def test_an_older_answer_is_dropped(qtbot, kb):
    release = threading.Event()
    calls = []

    def load():
        calls.append(len(calls))
        if len(calls) == 1:
            release.wait(5)  # the first request is slow: it ends after the second
        return EVENTS

    controller = InsightsController(load, kb, now=lambda: NOW)
    got = []
    controller.ready.connect(got.append)
    controller.refresh(7)
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    with qtbot.waitSignal(controller.ready, timeout=5000):
        controller.refresh(90)
    release.set()
    controller.runner.wait()
    qtbot.wait(50)  # a stale answer would arrive by a queued signal
    assert [found.since_days for found in got] == [90]


def test_an_error_is_reported_and_a_new_kb_refreshes_the_same_period(qtbot, kb):
    def broken():
        raise OSError("usage folder gone")

    controller = InsightsController(broken, None, now=lambda: NOW)
    with qtbot.waitSignal(controller.failed, timeout=5000) as failed:
        controller.refresh(90)
    assert isinstance(failed.args[0], OSError)
    controller.load_events = lambda: EVENTS
    with qtbot.waitSignal(controller.ready, timeout=5000) as ready:
        controller.set_kb(kb)
    assert ready.args[0].since_days == 90 and ready.args[0].articles


def test_what_a_gap_turns_into(found):
    russian = next(gap for gap in found.gaps if "ru" in gap.languages)
    assert gap_question(russian) == "деньги не пришли" and gap_language(russian) == "ru"
    english = next(gap for gap in found.gaps if "en" in gap.languages)
    assert gap_language(english) == "en"
    masked = type(russian)(key="k", count=1, examples=("мой телефон <phone>, деньги",), languages={"other": 1},
                           last="")
    assert gap_question(masked) == "мой телефон, деньги" and gap_language(masked) == ""
