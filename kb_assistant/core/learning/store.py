"""Learning state of one user on one KB, kept in the user data folder.

Two JSON files per KB, named by a hash of the resolved KB folder (so two KBs
never mix) under ``DATA_DIR/learning/``:

- ``NAME-HASH.json``: reading progress and flashcard boxes; small, written on
  every change.
- ``NAME-HASH.seen.json``: the "what changed" snapshot; as large as the KB's
  list of sections, written only when the user marks everything as seen.

Both are written atomically (:func:`~kb_assistant.core.files.storage.write_bytes_atomic`)
and carry a ``version``. Keys this version does not know are kept, at the top
and inside each record. A file that cannot be understood is moved aside as
``NAME.corrupt-TIMESTAMP`` and reported as a :class:`~kb_assistant.core.models.Problem`
in :attr:`LearningStore.problems`; learning starts afresh and nothing is lost.
A file from a newer version of the app is read as far as it can be and never
written, and a file that cannot be read or moved aside is never overwritten.

Use a store from one thread (the GUI thread): it holds no lock.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning.changes import ArticleChange, ArticleSnapshot, KbSnapshot, changes_since, take_snapshot
from kb_assistant.core.learning.flashcards import INTERVALS, CardState, schedule
from kb_assistant.core.learning.progress import ArticleReading
from kb_assistant.core.errors import LearningStateError, RecordError, StorageError
from kb_assistant.core.files.jsonfile import JsonError, read_json
from kb_assistant.core.files.storage import write_bytes_atomic
from kb_assistant.core.messages import Message, os_reason, short_value
from kb_assistant.core.models import Problem
from kb_assistant.core.paths import index_key

log = logging.getLogger("kb_assistant.learning")

FORMAT_VERSION = 1
LEARNING_DIR = "learning"


class LearningStore:
    """Reading progress, flashcard boxes and the "seen" snapshot of one user on one KB.

    The files are read when the store is made; every change is written at once.

    Args:
        data_dir: the user data folder (``AppPaths.data_dir``); the files go to
            its ``learning`` subfolder, created on the first write.
        kb_root: the KB folder the state belongs to.
        clock: returns the current time, used only to name a corrupt file moved
            aside (tests pass a fixed one).

    Attributes:
        kb_root: the KB folder, resolved.
        problems: problems met reading the files (moved aside, newer version,
            bad records), for the UI to show once.

    Raises:
        LearningStateError: when ``data_dir`` lies inside the KB folder: a user's
            progress must never end up in the team's shared KB.
    """

    def __init__(self, data_dir: Path, kb_root: Path, *, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.kb_root = Path(kb_root).expanduser().resolve()
        folder = Path(data_dir).expanduser() / LEARNING_DIR
        if folder.resolve() == self.kb_root or self.kb_root in folder.resolve().parents:
            raise LearningStateError(kb=str(self.kb_root))
        key = index_key(self.kb_root)
        self.problems: list[Problem] = []
        clock = clock or (lambda: dt.datetime.now(dt.timezone.utc))
        self._progress_file = _StateFile(folder / f"{key}.json", Message("learning-progress-file"), clock,
                                         self.problems, _check_progress)
        self._seen_file = _StateFile(folder / f"{key}.seen.json", Message("learning-seen-file"), clock,
                                     self.problems, _check_seen)
        raw = self._progress_file.load()
        self._readings = self._records(self._progress_file, raw.get("readings", {}),
                                       lambda _, value: ArticleReading.from_json(value), "learning-record-reading")
        # never behind an opening already counted, or "last opened" would go wrong
        self._counter: int = max([raw.get("counter", 0), *(r.opened for r in self._readings.values())])
        self._cards = self._records(self._progress_file, raw.get("cards", {}),
                                    lambda _, value: CardState.from_json(value), "learning-record-card")
        seen = self._seen_file.load()
        self._snapshot: KbSnapshot | None = None
        if "articles" in seen:
            parsed = self._records(self._seen_file, seen["articles"], ArticleSnapshot.from_json,
                                   "learning-record-seen")
            self._snapshot = KbSnapshot(tuple(parsed.values()))

    @property
    def progress_path(self) -> Path:
        """The file of reading progress and flashcards."""
        return self._progress_file.path

    @property
    def seen_path(self) -> Path:
        """The file of the "what changed" snapshot."""
        return self._seen_file.path

    @property
    def writable(self) -> bool:
        """False when a file could not be read or moved aside, or is from a newer version:
        changes are then kept in memory only (see :attr:`problems`)."""
        return self._progress_file.writable and self._seen_file.writable

    # -- reading ---------------------------------------------------------------------------

    @property
    def readings(self) -> Mapping[str, ArticleReading]:
        """Reading records by article id (read-only view)."""
        return MappingProxyType(self._readings)

    def record_reading(self, article_id: str, seconds: float) -> ArticleReading:
        """Note that ``article_id`` was opened and stayed open ``seconds`` more.

        Call it with 0 when an article is opened (it becomes the path's "last
        opened") and with the time spent when it is left, or every so often.

        Raises:
            ValueError: when ``seconds`` is negative or not finite (nothing changes).
            StorageError: when the file cannot be written; the change stays in
                memory and is written with the next change.
        """
        reading = self._readings.get(article_id, ArticleReading()).after_reading(seconds, self._counter + 1)
        self._counter += 1
        self._readings[article_id] = reading
        self._save_progress()
        return reading

    def mark_learned(self, article_id: str, learned: bool = True) -> ArticleReading:
        """Mark an article learned (read), or take the mark back.

        Raises:
            StorageError: as :meth:`record_reading`.
        """
        old = self._readings.get(article_id, ArticleReading())
        reading = ArticleReading(old.seconds, learned, old.opened)
        self._readings[article_id] = reading
        self._save_progress()
        return reading

    # -- the window's choices -------------------------------------------------------------

    @property
    def language(self) -> str | None:
        """The language filter the learner last chose ("" for all), None when they never chose."""
        value = self._progress_file.raw.get("language")
        return value if isinstance(value, str) else None

    def set_language(self, language: str) -> None:
        """Remember the learner's language filter ("" for all) with the rest of the progress.

        Raises:
            StorageError: as :meth:`record_reading`.
        """
        self._progress_file.raw = {**self._progress_file.raw, "language": language}
        self._save_progress()

    # -- flashcards ------------------------------------------------------------------------

    @property
    def cards(self) -> Mapping[str, CardState]:
        """Flashcard states by card id (read-only view)."""
        return MappingProxyType(self._cards)

    def answer(self, card_id: str, correct: bool, today: dt.date,
               intervals: tuple[int, ...] = INTERVALS) -> CardState:
        """Record an answer to a card on ``today`` and move it between boxes.

        Raises:
            StorageError: as :meth:`record_reading`.
        """
        state = schedule(self._cards.get(card_id), correct, today, intervals)
        self._cards[card_id] = state
        self._save_progress()
        return state

    # -- what changed ----------------------------------------------------------------------

    @property
    def snapshot(self) -> KbSnapshot | None:
        """What the user last marked as seen; None before the first time."""
        return self._snapshot

    def changes(self, kb: KnowledgeBase) -> list[ArticleChange]:
        """What changed in ``kb`` since the user last marked everything as seen.

        The first time (no snapshot yet) the KB as it is becomes the baseline and
        the answer is empty: a new hire is not told the whole KB is new.

        Raises:
            StorageError: when the baseline cannot be written (it is kept in memory).
        """
        if self._snapshot is None:
            self.mark_all_seen(kb)
            return []
        return changes_since(self._snapshot, kb)

    def mark_all_seen(self, kb: KnowledgeBase) -> KbSnapshot:
        """Take ``kb`` as it is now as seen; later changes are measured from it.

        Raises:
            StorageError: when the snapshot cannot be written (it is kept in memory).
        """
        self._snapshot = take_snapshot(kb)
        articles = {article.id: article.to_json() for article in self._snapshot.articles}
        self._seen_file.save({**self._seen_file.raw, "kb_root": str(self.kb_root), "articles": articles})
        return self._snapshot

    # -- files -----------------------------------------------------------------------------

    @staticmethod
    def _records(file: _StateFile, raw: dict[str, Any], read: Callable[[str, Any], Any], code: str) -> dict[str, Any]:
        """Parse each record of a JSON object; a bad one is reported (as ``code``) and left as it is in the file."""
        out = {}
        for key, value in raw.items():
            try:
                out[key] = read(key, value)
            except ValueError as exc:  # a RecordError says what is wrong; anything else is a record it cannot read
                reason = exc.message() if isinstance(exc, RecordError) else Message("json-bad-record")
                file.report(None, code, key=key, reason=reason)
        return out

    def _save_progress(self) -> None:
        raw = self._progress_file.raw
        self._progress_file.save({
            **raw,
            "kb_root": str(self.kb_root),
            "counter": self._counter,
            "readings": _merge(raw.get("readings", {}), {k: v.to_json() for k, v in self._readings.items()}),
            "cards": _merge(raw.get("cards", {}), {k: v.to_json() for k, v in self._cards.items()}),
        })


def _merge(raw: dict[str, Any], records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Records as stored before, overlaid with the current ones; unknown keys in each survive."""
    out = dict(raw)
    for key, record in records.items():
        old = raw.get(key)
        out[key] = {**old, **record} if isinstance(old, dict) else record
    return out


def _check_progress(data: dict[str, Any]) -> Message | None:
    counter = data.get("counter", 0)
    if isinstance(counter, bool) or not isinstance(counter, int):
        return Message("json-not-whole-number", {"name": "counter", "value": short_value(counter)})
    for name in ("readings", "cards"):
        if not isinstance(data.get(name, {}), dict):
            return Message("json-field-not-object", {"name": name})
    return None


def _check_seen(data: dict[str, Any]) -> Message | None:
    if isinstance(data.get("articles", {}), dict):
        return None
    return Message("json-field-not-object", {"name": "articles"})


class _StateFile:
    """One JSON state file: read once, moved aside when corrupt, written atomically."""

    def __init__(self, path: Path, label: Message, clock: Callable[[], dt.datetime], problems: list[Problem],
                 check: Callable[[dict[str, Any]], Message | None]) -> None:
        self.path, self.label, self._clock, self._problems, self._check = path, label, clock, problems, check
        self.raw: dict[str, Any] = {}
        self.writable = True

    def load(self) -> dict[str, Any]:
        """Read the file; {} when it is missing or unusable (then reported)."""
        try:
            record = read_json(self.path)
        except JsonError as exc:  # the one safe reader: whatever the file holds, a coded reason
            if exc.missing:  # no file (a file in place of the folder is said on saving)
                return {}
            if exc.code == "json-unreadable":
                self.writable = False  # it may be fine, only out of reach now: never overwrite it
                self.report(None, "learning-unreadable", reason=exc.values["reason"])
                return {}
            return self._move_aside(exc.message(), exc.line)
        if not isinstance(record, dict):
            return self._move_aside(Message("json-not-object"), None)
        version = record.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            return self._move_aside(Message("json-not-whole-number", {"name": "version", "value": short_value(version)}),
                                    None)
        reason = self._check(record)
        if version > FORMAT_VERSION:
            self.writable = False  # the newer app's file stays as it is
            self.report(None, "learning-newer-ignored" if reason else "learning-newer-read",
                        version=version, supported=FORMAT_VERSION)
            if reason:
                return {}
        elif reason:
            return self._move_aside(reason, None)
        self.raw = record
        return record

    def save(self, record: dict[str, Any]) -> bool:
        """Write ``record`` atomically; False when this file must not be written.

        Raises:
            StorageError: when writing fails (the old file stays whole).
        """
        self.raw = record
        if not self.writable:
            return False
        record["version"] = FORMAT_VERSION
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError("learning-folder-failed", path=str(self.path.parent), reason=os_reason(exc)) from exc
        # ASCII JSON: ids with anything (even undecodable file names) still make a valid file
        write_bytes_atomic(self.path, json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii"))
        return True

    def _move_aside(self, reason: Message, line: int | None) -> dict[str, Any]:
        stamp = self._clock().strftime("%Y%m%dT%H%M%S")
        for attempt in range(1, 100):
            suffix = f".corrupt-{stamp}" + (f"-{attempt}" if attempt > 1 else "")
            target = self.path.with_name(self.path.name + suffix)
            if not target.exists():
                break
        try:
            os.rename(self.path, target)
        except OSError as exc:
            self.writable = False
            self.report(line, "learning-stuck", reason=reason, error=os_reason(exc))
            return {}
        self.report(line, "learning-moved-aside", reason=reason, name=target.name)
        return {}

    def report(self, line: int | None, code: str, **values: object) -> None:
        """Log a problem of this file and add it to the store's problems (``{file}`` names the file)."""
        problem = Problem(str(self.path), line, "warning", code, {"file": self.label, **values})
        log.warning("%s", problem.format())
        self._problems.append(problem)
