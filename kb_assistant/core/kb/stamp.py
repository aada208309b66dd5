"""What a reload of the KB depends on, cheaply: the stat data of every file it reads.

A file watcher reports "something changed" for the app's own saves too (the
editor has already re-indexed the saved file) and for bursts of writes that end
where they began. Comparing stamps tells such a refresh apart from a real change
without reading a single file, so one save means one index update and one reload.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from kb_assistant.core.kb.config import CONFIG_NAME
from kb_assistant.core.kb.load import scan_kb

_SIDECAR = ".meta.json"

StatKey = tuple[int, int]


def _stat_key(path: str | os.PathLike[str]) -> StatKey | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _entry(abs_path: str) -> tuple[StatKey | None, StatKey | None]:
    return _stat_key(abs_path), _stat_key(Path(abs_path).with_suffix(_SIDECAR))


@dataclass(frozen=True)
class KbStamp:
    """The KB's files as found by one scan.

    Attributes:
        root: the KB folder.
        entries: each article (KB-relative path) with the stat data of the file and of
            its title sidecar (None when there is none).
        config: the stat data of ``_kb.yml`` (None when there is none).
        folders: every folder of the KB (absolute paths, sorted): what to watch (a
            new empty folder counts as a change, so that it gets watched).
    """

    root: Path
    entries: Mapping[str, tuple[StatKey | None, StatKey | None]]
    config: StatKey | None
    folders: tuple[str, ...]

    def same_files(self, other: KbStamp | None) -> bool:
        """Whether a reload now would read exactly what the load of ``other`` read."""
        return (other is not None and self.config == other.config and self.folders == other.folders
                and self.entries == other.entries)

    def changed_paths(self, other: KbStamp | None) -> list[str]:
        """The articles (KB-relative) whose stat data differ from ``other``'s, added and deleted ones too."""
        if other is None:
            return sorted(self.entries)
        return sorted(rel for rel in set(self.entries) | set(other.entries)
                      if self.entries.get(rel) != other.entries.get(rel))

    @property
    def files(self) -> tuple[str, ...]:
        """Every article file and ``_kb.yml`` (absolute paths): what to watch besides the folders."""
        config = (str(self.root / CONFIG_NAME),) if self.config is not None else ()
        return tuple(str(self.root / rel) for rel in self.entries) + config

    def updated(self, rel_paths: Iterable[str]) -> KbStamp:
        """This stamp after the app itself wrote ``rel_paths`` (saved, created or deleted), without a scan.

        Only those files are looked at again; a change anywhere else still differs
        from the next full :func:`kb_stamp`, so it is never missed.
        """
        entries = dict(self.entries)
        folders = set(self.folders)
        for rel_path in rel_paths:
            path = self.root / rel_path
            if path.is_file() and rel_path.lower().endswith(".md"):
                entries[rel_path] = _entry(str(path))
                folders.update(str(self.root.joinpath(*path.relative_to(self.root).parts[:depth]))
                               for depth in range(1, len(path.relative_to(self.root).parts)))
            else:
                entries.pop(rel_path, None)
        return replace(self, entries=MappingProxyType(entries), folders=tuple(sorted(folders)),
                       config=_stat_key(self.root / CONFIG_NAME))


def kb_stamp(root: Path) -> KbStamp:
    """Scan ``root`` (stat calls only, no file is read).

    Raises:
        KbNotFoundError: when ``root`` is not a folder.
    """
    root = Path(root)
    scan = scan_kb(root)
    entries = {file.rel_path: ((file.mtime_ns, file.size), _stat_key(Path(file.abs_path).with_suffix(_SIDECAR)))
               for file in scan.files}
    return KbStamp(root, MappingProxyType(entries), _stat_key(root / CONFIG_NAME), tuple(sorted(scan.folders)))
