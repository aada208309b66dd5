"""Keystroke latency of the real window: from a key event to the results painted.

    python benchmarks/gui_latency.py --kb articles [--set DIR] [--questions N] [--index DIR]
        [--mode both|cold|warm] [--history FILE] [--out FILE.md]

Each run is a fresh process (start-up is part of what is measured): ``cold``
opens the KB with a new, empty index folder (a first run: the index is built
while the window opens); ``warm`` opens it again with that index kept. ``both``
(the default) runs cold, then warm on the index the cold run built.

In each run the window is started (offscreen unless a display is set), the first
question's first key is typed as soon as the window is up (its answer may come
before the KB is read: from the index kept, or from the first part of a new
one); the questions are typed once the KB is read, and every question
is then typed one key at a time through the search box (real key events). For
each key: the time from the key event until the results list has painted the
answer (a key whose answer changes nothing on screen counts until its answer
arrives). Reported: start-up to the KB ready, start-up to the first painted
answer, when the semantic matcher joined (the questions are typed once it has),
and keystroke p50 / p95 / p99 / max. A cold run then waits for the
window's background merge of the new index's segments, so the warm run starts
where an agent's window is after a first run. Nothing is excluded: a debounce,
if the window had one, is part of what the agent waits for.

The windows keep their usage in a temporary data folder, never the user's. With
``--history FILE`` (past conversations, as ``kb-assistant usage import`` reads
them) that folder starts with the file imported: the search learns from it, as
an agent's window does after a team's help desk export was imported.

Timing is measured here, never asserted in tests.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

DEFAULT_QUESTIONS = [
    "возврат денег на карту", "где мой заказ", "не приходит код подтверждения", "промокод не работает",
    "refund to card", "my parcel is late", "cancel subscription", "app keeps crashing",
    "djpdhfn", "как сменить email",
]
QUIET_MS = 120
"""After an answer arrives, how long to wait for a paint before deciding nothing changed on screen."""
TIMEOUT_S = 60.0


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile of sorted ``values``."""
    index = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[index]


def questions_for(args: argparse.Namespace) -> list[str]:
    """The questions to type: the set's first N, else the built-in ones."""
    if args.set:
        lines = (args.set / "queries.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line.strip()][: args.questions]
    return DEFAULT_QUESTIONS[: args.questions]


def measure(args: argparse.Namespace) -> dict:
    """One run in this process: start the window, type, return the numbers."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kb_assistant.app import build_window
    from kb_assistant.core.settings import Settings

    app = QApplication.instance() or QApplication([])
    window, thread = build_window(args.kb, args.index, Settings(), watch=False)
    window.resize(1366, 768)
    window.show()
    state = {"answered": None, "painted": None}
    # waiting runs a real event loop: a Python loop polling processEvents() would hold the GIL
    # against the search thread and measure itself
    loop = QEventLoop()
    quiet = QTimer()
    quiet.setSingleShot(True)
    quiet.setInterval(QUIET_MS)
    quiet.timeout.connect(loop.quit)

    class PaintWatch(QObject):
        """Notes the first paint of the results list after an answer arrived."""

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and state["answered"] is not None and state["painted"] is None:
                state["painted"] = time.perf_counter()
                loop.quit()
            return False

    def answered(_results) -> None:
        state["answered"] = time.perf_counter()
        quiet.start()  # no paint within this: the answer changed nothing on screen

    watch = PaintWatch()
    window.results_pane.view.viewport().installEventFilter(watch)
    window.search.results_changed.connect(answered)

    def pump_until(done, timeout=TIMEOUT_S) -> None:
        deadline = time.perf_counter() + timeout
        poll = QTimer()
        poll.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > deadline else None)
        poll.start(20)
        while not done() and time.perf_counter() < deadline:
            loop.exec()
        poll.stop()

    answer_parts: list[float] = []

    def type_key(char: str, timeout: float = TIMEOUT_S) -> float:
        """Type one key; seconds until its answer is painted (or arrived, when nothing repaints)."""
        state["answered"] = state["painted"] = None
        started = time.perf_counter()
        # a key event with its text, as a keyboard sends it (QTest's key clicks know only ASCII)
        key = ord(char.upper()) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(window.search_box, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
        pump_until(lambda: state["painted"] is not None or (
            state["answered"] is not None and time.perf_counter() - state["answered"] >= QUIET_MS / 1000),
            timeout)
        end = state["painted"] or state["answered"] or time.perf_counter()
        if state["answered"] is not None:
            answer_parts.append((state["answered"] - started) * 1000)
        return end - started

    questions = questions_for(args)
    window.search_box.setFocus()
    # the agent types at once: the first answer may come before the KB is read (from the index
    # there is, or the first part of a new one)
    pump_until(lambda: False, timeout=0.01)
    type_key(questions[0][0], timeout=TIMEOUT_S)
    first_answer = time.perf_counter() - STARTED
    # the keystrokes are measured once the KB is read (while it is, the loader shares the interpreter)
    pump_until(lambda: window.kb is not None, timeout=600)
    kb_ready = time.perf_counter() - STARTED
    worker = thread.worker
    # the semantic matcher joins a second after the first answer: the keys are typed with it in,
    # as an agent's are after the first seconds
    pump_until(lambda: worker.meaning.joined or not (worker.meaning.pending or worker.meaning.wanted), timeout=120)
    meaning_s = time.perf_counter() - STARTED if worker.meaning.joined else None
    pump_until(lambda: False, timeout=0.3)
    window.search_box.clear()
    pump_until(lambda: False, timeout=0.2)
    latencies: list[tuple[float, str]] = []
    for question in questions:
        for end, char in enumerate(question, 1):
            latencies.append((type_key(char) * 1000, question[:end]))
        window.search_box.clear()
        pump_until(lambda: False, timeout=0.05)
    # a first run leaves the index as an agent's window would after a while: its segments merged
    pump_until(lambda: not worker.merging, timeout=600)
    thread.stop()
    return {
        "kb": str(args.kb), "articles": len(window.kb.articles) if window.kb else 0,
        "kb_ready_s": kb_ready, "first_answer_s": first_answer, "meaning_s": meaning_s,
        "keystrokes_ms": [ms for ms, _ in latencies],
        "answers_ms": answer_parts[1:],
        "worst": sorted(latencies, reverse=True)[:3],
    }


def summary(label: str, run: dict) -> list[str]:
    """One Markdown table row of a run."""
    values = sorted(run["keystrokes_ms"])
    answers = sorted(run["answers_ms"]) or [0.0]
    meaning = "off" if run.get("meaning_s") is None else f"{run['meaning_s']:.2f}"
    return [label, str(run["articles"]), f"{run['kb_ready_s']:.2f}", f"{run['first_answer_s']:.2f}", meaning,
            str(len(values)), f"{statistics.median(values):.1f}", f"{percentile(values, 95):.1f}",
            f"{percentile(values, 99):.1f}", f"{values[-1]:.1f}",
            f"{statistics.median(answers):.1f} / {percentile(answers, 95):.1f}"]


def run_child(args: argparse.Namespace, mode: str, index: Path, data_dir: Path) -> dict:
    """Run one measurement in a fresh process (its usage kept in ``data_dir``) and read its JSON."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--kb", str(args.kb),
               "--questions", str(args.questions), "--index", str(index)]
    if args.set:
        command += ["--set", str(args.set)]
    environment = {**os.environ, "KB_ASSISTANT_DATA_DIR": str(data_dir)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600, env=environment)
    if done.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def import_history_into(kb: Path, history: Path, data_dir: Path) -> str:
    """Import ``history`` as the KB's usage in ``data_dir``; what was imported, in a line."""
    import dataclasses

    from kb_assistant.core.kb.load import load_kb
    from kb_assistant.core.paths import AppPaths
    from kb_assistant.core.usage.history import import_history
    from kb_assistant.core.usage.log import UsageLog

    folder = dataclasses.replace(AppPaths.from_environment(), data_dir=data_dir).usage_dir_for(kb)
    report = import_history(history, UsageLog(folder), load_kb(kb).articles)
    return f"imported {report.questions} past questions ({report.answered} answered) from {history}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", required=True, type=Path)
    parser.add_argument("--set", type=Path, help="a dataset folder: questions from its queries.jsonl")
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--index", type=Path, help="index folder for the warm run (default: a temporary one)")
    parser.add_argument("--mode", choices=("both", "cold", "warm"), default="both")
    parser.add_argument("--history", type=Path, help="past conversations to import first (JSON lines or CSV)")
    parser.add_argument("--out", type=Path, help="also write the Markdown table here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args)))
        return 0
    temp = Path(tempfile.mkdtemp(prefix="kb-gui-latency-"))
    index = args.index or temp / "index"
    data_dir = temp / "data"
    rows = []
    try:
        if args.history:
            print(import_history_into(args.kb, args.history, data_dir), file=sys.stderr)
        if args.mode in ("both", "cold"):
            if index.exists():
                shutil.rmtree(index)
            rows.append(summary("cold (new index)", run_child(args, "cold", index, data_dir)))
        if args.mode in ("both", "warm"):
            if not index.exists():
                run_child(args, "warm-up", index, data_dir)
            rows.append(summary("warm (index kept)", run_child(args, "warm", index, data_dir)))
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    header = ["run", "articles", "start-up to KB ready (s)", "start-up to first painted answer (s)",
              "meaning joined (s)", "keys",
              "key → painted p50 (ms)", "p95", "p99", "max", "of it, key → answer p50 / p95"]
    learned = f"; learned from {args.history}" if args.history else ""
    lines = [f"KB: {args.kb}{learned}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
