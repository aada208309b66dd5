"""Ctrl+S to searchable in the real window: save an edit, wait until a search finds it.

    python benchmarks/save_latency.py --kb articles [--rounds 10]

Copies the KB to a temporary folder (the edits never touch the original), opens
the window (offscreen unless a display is set), then repeatedly: opens an
article in the editor, appends a sentence with a new made-up word, saves it and
types that word into the search box. Reports the time from the save to the
article appearing in the results: the save itself, the incremental index
update, the KB reload on the search thread and the search (debounce excluded).
Then the refresh the file watcher asks for after every save (the app watches
the KB; the saved file is already indexed, so the search thread only compares
the files' stat data with what it loaded and does nothing more): the time
until the search thread says the KB is unchanged.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", required=True, type=Path)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kb_assistant.app import build_window
    from kb_assistant.core.settings import Settings

    work = Path(tempfile.mkdtemp())
    kb_root = work / "kb"
    shutil.copytree(args.kb, kb_root)

    def spin_until(condition, timeout_s=120.0) -> bool:
        deadline = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > deadline:
                return False
            loop = QEventLoop()
            QTimer.singleShot(1, loop.quit)
            loop.exec()
        return True

    QApplication.instance() or QApplication([])
    window, thread = build_window(kb_root, work / "index", Settings(), watch=False, data_dir=work / "data")
    window.show()
    try:
        return _measure(args, window, thread, spin_until)
    finally:
        thread.stop()  # a QThread left running when it is garbage collected aborts the process
        window.hide()
        window.deleteLater()
        shutil.rmtree(work, ignore_errors=True)


def _measure(args, window, thread, spin_until) -> int:
    from PySide6.QtCore import QMetaObject, Qt

    if not spin_until(lambda: window.kb is not None and window.workbench.kb is not None):
        print("the KB did not load", file=sys.stderr)
        return 1
    articles = [a for a in window.kb.articles.values() if a.type != "snippet"][: args.rounds]
    times, refreshes = [], []
    unchanged: list[bool] = []
    thread.worker.unchanged.connect(lambda: unchanged.append(True))  # appended on the search thread
    for number, article in enumerate(articles):
        word = f"zqxjvek{number}wort"
        editor = window.workbench.edit_article(article.id)
        editor.editor.appendPlainText(f"A new sentence with {word}.")
        loaded = window.kb
        started = time.perf_counter()
        editor.save()
        window.search_box.setText(word)
        window.search.search_now()

        def found() -> bool:
            model = window.results_pane.model
            return window.kb is not loaded and any(model.hit(row).id == article.id for row in range(model.rowCount()))

        if not spin_until(found, 60):
            print(f"{article.id}: not found after the save", file=sys.stderr)
            return 1
        times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        QMetaObject.invokeMethod(thread.worker, "refresh", Qt.ConnectionType.QueuedConnection)
        if not spin_until(lambda: unchanged, 60):
            print("the refresh after the save did not finish", file=sys.stderr)
            return 1
        refreshes.append((time.perf_counter() - started) * 1000)
        unchanged.clear()
        editor.close()
    print(f"KB: {args.kb} ({len(window.kb.articles)} articles)")
    print(f"Ctrl+S to searchable over {len(times)} saves: median {statistics.median(times):.0f} ms, "
          f"worst {max(times):.0f} ms")
    print(f"the watcher's refresh after each save: median {statistics.median(refreshes):.0f} ms, "
          f"worst {max(refreshes):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
