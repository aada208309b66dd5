"""The index folder on disk: generations, the pointer to the live one, checksums, and clean-up.

An index folder holds one or more *generations*, each a complete Whoosh index
in its own sub-folder (``gen-...``), and a ``CURRENT`` file naming the live one.
A full build always writes a new generation and only then switches ``CURRENT``
(a temporary file renamed over it), so:

* readers keep answering from the last good index while a build runs, and a
  build killed half way leaves the live generation untouched;
* two builds racing each other never delete what the other one writes: each
  has its own generation, and the last to finish wins;
* clean-up removes only generations nobody can be using: builds whose process
  is gone (each build says who it is in ``BUILDING``), and superseded ones a
  minute after ``CURRENT`` moved on (a reader may have read the old pointer).

Incremental updates write into the live generation under Whoosh's own write lock
(``fcntl``/``msvcrt`` locks: the system releases them when a process dies).

Every commit records the size and CRC-32 of each index file (``checksums.json``);
opening an index checks them, so a truncated, deleted or altered file means a
rebuild instead of a traceback or a silently different ranking.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.files.jsonfile import JsonError, read_json
from kb_assistant.core.files.storage import replace_file
from kb_assistant.core.messages import Message

CURRENT = "CURRENT"
GENERATION_PREFIX = "gen-"
CHECKSUMS = "checksums.json"
BUILDING = "BUILDING"
MANIFEST = "manifest.json"
LOCK_SUFFIX = "_WRITELOCK"
_OWN_FILES = frozenset({CHECKSUMS, BUILDING, MANIFEST, MANIFEST + ".tmp"})
_TOC_SUFFIX = ".toc"
YOUNG_SECONDS = 120.0
"""A generation without a ``BUILDING`` note younger than this may still be starting: never removed."""
SUPERSEDED_GRACE_SECONDS = 60.0
"""A superseded generation stays this long after ``CURRENT`` moved on: a reader may have just opened it."""


def _write_atomic(path: Path, text: str) -> None:
    # a name of its own: two processes publishing at the same moment must not share a temporary file
    temporary = path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(3)}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _index_files(generation: Path) -> dict[str, int]:
    """Index files of a generation with their sizes (our own notes and lock files left out)."""
    found = {}
    for entry in os.scandir(generation):
        if entry.is_file(follow_symlinks=False) and entry.name not in _OWN_FILES \
                and not entry.name.endswith((LOCK_SUFFIX, ".tmp")):
            found[entry.name] = entry.stat().st_size
    return found


def _toc_name(files) -> str:
    """The newest table of contents among ``files`` (Whoosh writes ``_NAME_GEN.toc`` last in a commit)."""
    tocs = [name for name in files if name.endswith(_TOC_SUFFIX)]
    return max(tocs, key=lambda name: int(name.rsplit("_", 1)[-1][: -len(_TOC_SUFFIX)] or 0), default="")


@dataclass(frozen=True)
class Damage:
    """Why a generation cannot be trusted (a :class:`Message` for the rebuild reason), or nothing."""

    reason: Message | None = None

    def __bool__(self) -> bool:
        return self.reason is not None


class IndexFolder:
    """The generations of one index folder.

    Args:
        root: the index folder (created when needed, private to the user).
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._verified: dict[str, tuple[int, int]] = {}  # path -> (size, crc) checked in this process

    # -- the live generation ------------------------------------------------------------------
    def current(self) -> Path | None:
        """The live generation, or None when there is none (a new folder, or an old layout)."""
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not name.startswith(GENERATION_PREFIX) or "/" in name or "\\" in name or name in (".", ".."):
            return None
        generation = self.root / name
        return generation if generation.is_dir() else None

    def publish(self, generation: Path) -> None:
        """Make ``generation`` the live one (atomically), and say it is no longer being built."""
        _write_atomic(self.root / CURRENT, generation.name + "\n")
        (generation / BUILDING).unlink(missing_ok=True)

    # -- new generations ----------------------------------------------------------------------
    def new_generation(self) -> Path:
        """A new, empty generation folder, marked as being built by this process.

        Raises:
            OSError: when the folder cannot be created (no permission, disk full).
        """
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(self.root, 0o700)  # Whoosh unpickles the schema on open: keep the folder private
        except OSError:
            pass
        stamp = time.strftime("%Y%m%dT%H%M%S")
        generation = self.root / f"{GENERATION_PREFIX}{stamp}-{secrets.token_hex(3)}"
        generation.mkdir(mode=0o700)
        (generation / BUILDING).write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname()}),
                                           encoding="utf-8")
        return generation

    def discard(self, generation: Path) -> None:
        """Remove a generation this process was building and gave up."""
        shutil.rmtree(generation, ignore_errors=True)

    def prune(self) -> None:
        """Remove what nobody can be using: superseded generations, abandoned builds, an old layout.

        Best effort: what cannot be removed now (a file held open on Windows) is
        tried again next time.
        """
        current = self.current()
        try:
            entries = list(os.scandir(self.root))
        except OSError:
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(GENERATION_PREFIX) and entry.is_dir(follow_symlinks=False):
                if (current is None or path != current) and self._abandoned(path):
                    shutil.rmtree(path, ignore_errors=True)
            elif current is not None and _is_old_layout(entry.name):
                # the single-folder layout of earlier versions, superseded by the live generation
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    Path(entry.path).unlink(missing_ok=True)

    def _abandoned(self, generation: Path) -> bool:
        note = generation / BUILDING
        if note.exists():
            try:
                info = read_json(note)
                pid, host = int(info["pid"]), str(info["host"])
            except (JsonError, KeyError, TypeError, ValueError):
                return _older_than(note, YOUNG_SECONDS)
            return host == socket.gethostname() and not _alive(pid)
        if (generation / MANIFEST).exists():
            # complete, but another generation is live: superseded; a reader that read CURRENT
            # just before it moved may be opening this one, so it stays a little longer
            return _older_than(self.root / CURRENT, SUPERSEDED_GRACE_SECONDS)
        return _older_than(generation, YOUNG_SECONDS)

    # -- checksums ----------------------------------------------------------------------------
    def record(self, generation: Path) -> None:
        """Write the sizes and CRC-32 of the generation's files (after each commit).

        Segment files never change once written, so only new files are read.
        """
        previous = _read_checksums(generation)
        old_files = previous.get("files", {}) if previous else {}
        files = {}
        for name, size in _index_files(generation).items():
            old = old_files.get(name)
            if isinstance(old, list) and len(old) == 2 and old[0] == size:
                files[name] = old
            else:
                files[name] = [size, _crc(generation / name)]
        _write_atomic(generation / CHECKSUMS, json.dumps({"toc": _toc_name(files), "files": files}))
        for name, (size, crc) in files.items():
            self._verified[str(generation / name)] = (size, crc)

    def damage(self, generation: Path) -> Damage:
        """Check the generation's files against their checksums; files checked before in this process are skipped."""
        recorded = _read_checksums(generation)
        if recorded is None or not isinstance(recorded.get("files"), dict):
            return Damage(Message("index-checksums-missing"))
        on_disk = _index_files(generation)
        finished = recorded.get("toc") == _toc_name(on_disk)
        for name, expected in recorded["files"].items():
            if not (isinstance(expected, list) and len(expected) == 2):
                return Damage(Message("index-checksums-missing"))
            size, crc = expected
            path = generation / name
            if name not in on_disk:
                if finished:
                    return Damage(Message("index-file-missing", {"name": name}))
                continue  # a commit after the last record replaced it (the process was killed before recording)
            if on_disk[name] != size:
                return Damage(Message("index-file-resized", {"name": name}))
            if self._verified.get(str(path)) == (size, crc):
                continue
            if _crc(path) != crc:
                return Damage(Message("index-file-damaged", {"name": name}))
            self._verified[str(path)] = (size, crc)
        if not finished:
            self.record(generation)  # the last commit finished but was not recorded: record it now
        return Damage()


def _read_checksums(generation: Path) -> dict | None:
    try:
        data = read_json(generation / CHECKSUMS)
    except JsonError:
        return None
    return data if isinstance(data, dict) else None


def _is_old_layout(name: str) -> bool:
    return name == MANIFEST or name.startswith(("kb_", "_kb_")) or name == "kb.tmp"


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (on this machine)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
