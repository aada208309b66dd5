"""Noticing changes to the KB on disk (an editor, a ``git pull``) and asking for a re-index."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from kb_assistant.core.kb.load import is_hidden_name

SETTLE_MS = 300
"""Wait this long after the last change: a save or a pull touches several files at once."""
MAX_WATCHED_FILES = 4000
"""Beyond this, only folders are watched (inotify watches are a per-user budget)."""


class KbWatcher(QObject):
    """Watches the KB's folders (and, for small KBs, its files).

    Signals:
        changed(): something under the KB changed; emitted once per burst.
    """

    changed = Signal()

    def __init__(self, root: Path, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._settled)
        self._watcher.directoryChanged.connect(self._touched)
        self._watcher.fileChanged.connect(self._touched)

    @Slot()  # reached from the search thread
    def start(self) -> None:
        """Watch everything now under the root (call again after changes to pick up new folders)."""
        folders, files = [], []
        for folder, names, filenames in os.walk(self.root):
            names[:] = [n for n in names if not is_hidden_name(n)]
            folders.append(folder)
            files.extend(os.path.join(folder, f) for f in filenames if f.lower().endswith(".md") or f == "_kb.yml")
        current = set(self._watcher.directories()) | set(self._watcher.files())
        wanted = set(folders) | (set(files) if len(files) <= MAX_WATCHED_FILES else set())
        stale = sorted(current - wanted)
        if stale:
            self._watcher.removePaths(stale)
        fresh = sorted(wanted - current)
        if fresh:
            self._watcher.addPaths(fresh)

    def stop(self) -> None:
        """Stop watching."""
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)
        self._timer.stop()

    def _touched(self, _path: str) -> None:
        self._timer.start()

    def _settled(self) -> None:
        self.start()  # new folders and files, and files replaced by a rename
        self.changed.emit()
