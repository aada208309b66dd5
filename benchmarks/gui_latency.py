"""Keystroke latency of the real window: from a key to the results on screen.

    python benchmarks/gui_latency.py --kb articles [--queries FILE|--set DIR] [--index DIR]

Starts the window (offscreen unless a display is set), waits for the KB, then
types questions one character at a time through the search box, waiting for
each keystroke's results before the next. Reports the time from process start
to the first answered keystroke, and per-keystroke latency (debounce excluded:
the time the search worker and the GUI thread took). Timing is measured here,
never asserted in tests.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

DEFAULT_QUESTIONS = [
    "возврат денег на карту", "где мой заказ", "не приходит код подтверждения", "промокод не работает",
    "refund to card", "my parcel is late", "cancel subscription", "app keeps crashing",
    "djpdhfn", "как сменить email",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", required=True, type=Path)
    parser.add_argument("--set", type=Path, help="a dataset folder: questions from its queries.jsonl")
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--index", type=Path, help="index folder (kept between runs: the second run has one)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kb_assistant.app import build_window
    from kb_assistant.core.settings import Settings
    from kb_assistant.ui.search.controller import DEBOUNCE_MS

    questions = DEFAULT_QUESTIONS
    if args.set:
        lines = (args.set / "queries.jsonl").read_text(encoding="utf-8").splitlines()
        questions = [json.loads(line)["text"] for line in lines[: args.questions]]
    index = args.index or Path(tempfile.mkdtemp()) / "index"
    app = QApplication.instance() or QApplication([])
    window, thread = build_window(args.kb, index, Settings(), watch=False)
    window.show()

    def wait_for(signal, timeout_ms=60000) -> bool:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)
        return True

    while window.kb is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    kb_ready = time.perf_counter() - STARTED
    latencies: list[tuple[float, str]] = []
    first_answer = None
    for question in questions:
        for end in range(1, len(question) + 1):
            text = question[:end]
            if not text.strip():
                continue
            started = time.perf_counter()
            window.search_box.setText(text)
            wait_for(window.search.results_changed)
            elapsed = time.perf_counter() - started
            if first_answer is None:
                first_answer = time.perf_counter() - STARTED
            latencies.append((max(0.0, elapsed * 1000 - DEBOUNCE_MS), text))
        window.search_box.clear()
    thread.stop()
    values = sorted(ms for ms, _ in latencies)
    worst = sorted(latencies, reverse=True)[:3]
    print(f"KB: {args.kb} ({len(window.kb.articles)} articles), {len(values)} keystrokes")
    print(f"start-up to KB ready: {kb_ready:.2f} s; to the first answered keystroke: {first_answer:.2f} s")
    print(f"keystroke (debounce of {DEBOUNCE_MS} ms excluded): p50 {statistics.median(values):.1f} ms, "
          f"p95 {values[int(len(values) * 0.95)]:.1f} ms, max {values[-1]:.1f} ms")
    print("worst: " + "; ".join(f"{ms:.1f} ms '{text}'" for ms, text in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
