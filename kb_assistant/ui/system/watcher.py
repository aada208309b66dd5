"""Noticing changes to the KB on disk (an editor, a ``git pull``) and asking for a refresh.

On a network share (SMB, NFS) file-system events from other machines do not
arrive: when none came for the scan interval (a setting), the watcher says
"look again" anyway, and the worker's refresh compares the KB's stat data with
what it last loaded (stat only, on its loader thread; nothing is read when
nothing changed).

The watcher never walks the KB itself (that would be file scanning on the GUI
thread): the search worker hands it the folders and files of each KB it loads
(:meth:`KbWatcher.watch`). It does not judge what changed either: it says
"something did" once per burst, and the worker's refresh compares the KB with
what it last loaded, so the app's own saves cost nothing more.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

SETTLE_MS = 300
"""Wait this long after the last change: a save or a pull touches several files at once."""
MAX_WATCHED_FILES = 4000
"""Beyond this, only folders are watched (inotify watches are a per-user budget)."""
DEFAULT_SCAN_SECONDS = 60
"""Look again this long after the last event when none came (``Settings.scan_seconds``; 0: never)."""


class KbWatcher(QObject):
    """Watches the KB's folders (and, for small KBs, its files).

    Signals:
        changed(): something under the KB changed; emitted once per burst.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS,
                 scan_seconds: int = DEFAULT_SCAN_SECONDS) -> None:
        super().__init__(parent)
        self._scan = QTimer(self)  # restarted by every event: it fires only when none came
        self._scan.timeout.connect(self.changed)
        self.set_scan_seconds(scan_seconds)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._settled)
        self._touched_files: set[str] = set()
        self._watcher.directoryChanged.connect(self._touched)
        self._watcher.fileChanged.connect(self._touched_file)

    @Slot(object)  # reached from the search thread
    def watch(self, stamp) -> None:
        """Watch exactly the folders and files of ``stamp`` (a :class:`~kb_assistant.core.kb.stamp.KbStamp`)."""
        files = set(stamp.files) if len(stamp.files) <= MAX_WATCHED_FILES else set()
        wanted = set(stamp.folders) | files
        current = set(self._watcher.directories()) | set(self._watcher.files())
        stale = sorted(current - wanted)
        if stale:
            self._watcher.removePaths(stale)
        fresh = sorted(wanted - current)
        if fresh:
            self._watcher.addPaths(fresh)

    def set_scan_seconds(self, seconds: int) -> None:
        """Look again after ``seconds`` without an event (0: only when events come)."""
        self._scan.stop()
        if seconds > 0:
            self._scan.setInterval(int(seconds * 1000))
            self._scan.start()

    def watched(self) -> set[str]:
        """The folders and files watched now."""
        return set(self._watcher.directories()) | set(self._watcher.files())

    def stop(self) -> None:
        """Stop watching."""
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)
        self._timer.stop()
        self._scan.stop()

    def _touched(self, _path: str) -> None:
        self._timer.start()
        self._restart_scan()

    def _touched_file(self, path: str) -> None:
        self._touched_files.add(path)
        self._timer.start()
        self._restart_scan()

    def _restart_scan(self) -> None:
        if self._scan.isActive():
            self._scan.start()

    def _settled(self) -> None:
        # An atomic save replaces the file: the old watch follows the deleted one. Watch the new one.
        watched = set(self._watcher.files())
        for path in sorted(self._touched_files):
            if path in watched:
                self._watcher.removePath(path)
            if os.path.isfile(path):
                self._watcher.addPath(path)
        self._touched_files.clear()
        self.changed.emit()
