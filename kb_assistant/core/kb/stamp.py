"""What a reload of the KB depends on, cheaply: the stat data of every file it reads.

A file watcher reports "something changed" for the app's own saves too (the
editor has already re-indexed the saved file) and for bursts of writes that end
where they began. Comparing stamps tells such a refresh apart from a real change
without reading a single file, so one save means one index update and one reload.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.kb.config import CONFIG_NAME
from kb_assistant.core.kb.load import scan_kb

_SIDECAR = ".meta.json"


def _stat_key(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass(frozen=True)
class KbStamp:
    """The KB's files as found by one scan.

    Attributes:
        key: comparable summary: each article's path, mtime and size, its title
            sidecar's (or None), ``_kb.yml``'s, and the folders (a new empty
            folder must be watched). Equal keys mean a reload would read
            exactly what the last one read.
        folders: every folder of the KB (absolute paths): what to watch.
        files: every article file and ``_kb.yml`` (absolute paths).
    """

    key: tuple
    folders: tuple[str, ...]
    files: tuple[str, ...]


def kb_stamp(root: Path) -> KbStamp:
    """Scan ``root`` (stat calls only, no file is read).

    Raises:
        KbNotFoundError: when ``root`` is not a folder.
    """
    root = Path(root)
    scan = scan_kb(root)
    config = root / CONFIG_NAME
    entries = tuple(
        (file.rel_path, file.mtime_ns, file.size, _stat_key(Path(file.abs_path).with_suffix(_SIDECAR)))
        for file in scan.files
    )
    files = tuple(file.abs_path for file in scan.files) + ((str(config),) if config.is_file() else ())
    folders = tuple(scan.folders)
    return KbStamp((entries, _stat_key(config), folders), folders, files)
