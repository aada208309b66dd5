"""Python's cycle collector, run on the GUI thread only.

CPython starts a collection in whichever thread happens to allocate past the
threshold. When that is the search thread, the wrappers of Qt objects left in
reference cycles (a closed editor, a dialog) are torn down there, while the GUI
thread may be deleting the same C++ objects: a crash. It is the well-known
PyQt/PySide recipe (calibre, pyqtgraph): switch automatic collection off and
collect from a timer on the GUI thread, between events, where Qt objects may be
deleted safely. Reference counting still frees everything that is not in a
cycle at once; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 500
"""How often the GUI thread checks whether a collection is due."""


class GarbageCollector(QObject):
    """Turns automatic collection off while started; collects on the GUI thread instead.

    The generations are collected when their counts pass the thresholds Python
    itself would use, so the memory behaviour stays the usual one.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Switch automatic collection off and start checking on the timer."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer, collect once more, and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def check(self) -> int:
        """Collect the generations that are due; returns how many unreachable objects were found."""
        first, second, third = gc.get_count()
        found = 0
        if first > self._threshold[0]:
            found += gc.collect(0)
            if second > self._threshold[1]:
                found += gc.collect(1)
                if third > self._threshold[2]:
                    found += gc.collect(2)
        return found

    @staticmethod
    def collect() -> int:
        """Collect every generation now (between tests, before quitting)."""
        return gc.collect()
