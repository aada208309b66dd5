"""Crash recovery: unsaved edits kept as drafts in the user data folder.

While an article has unsaved changes, the editor calls
:meth:`AutosaveStore.save_draft` every few seconds; a successful save (or
"discard changes") calls :meth:`AutosaveStore.discard`. After a crash or a kill,
:meth:`AutosaveStore.drafts` lists what was left, and
:meth:`Draft.conflicts_with_disk` tells whether the file changed on disk since
the draft's edits began (then the editor should offer a compare, not a restore).

Each draft is one JSON file named by a hash of the KB folder and the article
path, written atomically, so a crash while autosaving leaves the previous draft.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.errors import StorageError
from kb_assistant.core.files.jsonfile import JsonError, read_json
from kb_assistant.core.files.storage import write_bytes_atomic
from kb_assistant.core.messages import Message, os_reason, short_value
from kb_assistant.core.models import Problem

log = logging.getLogger("kb_assistant.autosave")

DRAFT_SUFFIX = ".json"
FORMAT_VERSION = 1
DRAFT_BYTES = 64 * 1024 * 1024
"""The largest draft read back: an article is at most 4 MiB, written as escaped ASCII JSON."""


@dataclass(frozen=True)
class Draft:
    """Unsaved text of one article, as last autosaved.

    Attributes:
        kb_root: the KB folder (resolved, as a string).
        rel_path: the article's path relative to the KB root ("/" separated).
        text: the unsaved text.
        base_hash: content hash of the file when editing began (``FileSnapshot.content_hash``),
            or None for a file that did not exist yet.
        saved_at: when the draft was written (timezone-aware).
        file: the draft file itself.
    """

    kb_root: str
    rel_path: str
    text: str
    base_hash: str | None
    saved_at: dt.datetime
    file: Path

    def conflicts_with_disk(self, current_hash: str | None) -> bool:
        """Whether the article on disk changed since the draft's edits began.

        Args:
            current_hash: the hash of the file on disk now, None when it does not exist.
        """
        return current_hash != self.base_hash


def draft_name(kb_root: Path | str, rel_path: str) -> str:
    """The draft file name of one article: a hash of the resolved KB folder and the path."""
    key = f"{_root_key(kb_root)}\0{rel_path}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32] + DRAFT_SUFFIX


def _root_key(kb_root: Path | str) -> str:
    return str(Path(kb_root).expanduser().resolve())


class AutosaveStore:
    """Drafts of unsaved edits, one JSON file per article, under ``root``.

    Args:
        root: the drafts folder, usually ``AppPaths.data_dir / "autosave"``;
            created when the first draft is saved.
        clock: returns the current time (tests pass a fixed one).
    """

    def __init__(self, root: Path, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.root = Path(root)
        self._clock = clock or (lambda: dt.datetime.now(dt.timezone.utc))

    def path_for(self, kb_root: Path | str, rel_path: str) -> Path:
        """The draft file of one article."""
        return self.root / draft_name(kb_root, rel_path)

    def save_draft(self, kb_root: Path | str, rel_path: str, text: str, base_hash: str | None) -> Draft:
        """Keep ``text`` as the draft of the article at ``rel_path``, replacing an older one.

        Raises:
            StorageError: when the draft cannot be written (the previous draft stays).
        """
        saved_at = self._clock()
        record = {
            "version": FORMAT_VERSION,
            "kb_root": _root_key(kb_root),
            "rel_path": rel_path,
            "base_hash": base_hash,
            "saved_at": saved_at.isoformat(),
            "text": text,
        }
        target = self.path_for(kb_root, rel_path)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError("autosave-folder-failed", path=str(self.root), reason=os_reason(exc)) from exc
        # ASCII JSON: text with anything (even a lone surrogate) still makes a valid file
        write_bytes_atomic(target, json.dumps(record, ensure_ascii=True, indent=1).encode("ascii"))
        return Draft(record["kb_root"], rel_path, text, base_hash, saved_at, target)

    def draft(self, kb_root: Path | str, rel_path: str) -> Draft | None:
        """The draft of one article, or None when there is none (or it is unreadable)."""
        path = self.path_for(kb_root, rel_path)
        if not path.is_file():
            return None
        draft, _problem = _read_draft(path)
        if draft is None or draft.kb_root != _root_key(kb_root) or draft.rel_path != rel_path:
            return None
        return draft

    def drafts(self, kb_root: Path | str, problems: list[Problem] | None = None) -> list[Draft]:
        """Every draft left for the KB at ``kb_root``, by article path.

        Unreadable or corrupt draft files are skipped (and kept on disk, in case
        someone wants to rescue them by hand); each is logged and, when
        ``problems`` is given, appended to it as a located :class:`Problem`.
        """
        key = _root_key(kb_root)
        found: list[Draft] = []
        try:
            entries = sorted(self.root.glob("*" + DRAFT_SUFFIX))
        except OSError as exc:
            self._report(problems, Problem(str(self.root), None, "warning", "autosave-unreadable",
                                           {"reason": os_reason(exc)}))
            return found
        for path in entries:
            draft, problem = _read_draft(path)
            if problem is not None:
                self._report(problems, problem)
            elif draft is not None and draft.kb_root == key:
                found.append(draft)
        return sorted(found, key=lambda d: d.rel_path)

    def discard(self, kb_root: Path | str, rel_path: str) -> bool:
        """Remove the draft of one article; returns whether there was one.

        Raises:
            StorageError: when the draft exists but cannot be removed.
        """
        path = self.path_for(kb_root, rel_path)
        try:
            os.unlink(path)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise StorageError("autosave-remove-failed", path=str(path), reason=os_reason(exc)) from exc
        return True

    @staticmethod
    def _report(problems: list[Problem] | None, problem: Problem) -> None:
        log.warning("%s", problem.format())
        if problems is not None:
            problems.append(problem)


def _read_draft(path: Path) -> tuple[Draft | None, Problem | None]:
    """Read one draft file; a problem instead of an exception when it is unusable."""

    def bad(code: str, line: int | None = None, **values: object) -> tuple[None, Problem]:
        return None, Problem(str(path), line, "warning", "autosave-corrupt", {"reason": Message(code, values)})

    try:
        record = read_json(path, max_bytes=DRAFT_BYTES)
    except JsonError as exc:  # the one safe reader: any content gives a coded reason, never an exception
        return None, Problem(str(path), exc.line, "warning", "autosave-corrupt", {"reason": exc.message()})
    if not isinstance(record, dict):
        return bad("json-not-object")
    fields = {name: record.get(name) for name in ("kb_root", "rel_path", "text", "saved_at")}
    missing = [name for name, value in fields.items() if not isinstance(value, str)]
    base_hash = record.get("base_hash")
    if base_hash is not None and not isinstance(base_hash, str):
        missing.append("base_hash")
    if missing:
        return bad("json-fields-invalid", names=", ".join(f"'{name}'" for name in missing))
    try:
        saved_at = dt.datetime.fromisoformat(fields["saved_at"])
    except ValueError:
        return bad("json-not-datetime", name="saved_at", value=short_value(fields["saved_at"]))
    if saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=dt.timezone.utc)
    return Draft(fields["kb_root"], fields["rel_path"], fields["text"], base_hash, saved_at, path), None
