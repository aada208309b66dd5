"""The usage log: what one agent searched, opened and copied in one KB, kept on their machine.

One folder per KB in the user's data folder (never in the KB: it is this agent's
own record), holding append-only JSON lines, one event per line with the schema
version. The log is bounded twice: a file over :data:`MAX_FILE_BYTES` is rotated
(at most :data:`KEPT_FILES` are kept) and events older than :data:`MAX_AGE_DAYS`
are neither read nor kept when files rotate. A crash can leave a torn last line:
it is skipped when read, and the next append starts on a line of its own.

Text is scrubbed of personal data before it reaches the file (see
:func:`~kb_assistant.core.usage.scrub.scrub`); placeholder values are never
part of an event. Writing is plain file I/O: the window calls it from a worker.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from kb_assistant.core.files.storage import write_bytes_atomic
from kb_assistant.core.usage.scrub import scrub

SCHEMA = 1
"""The version written in every line; lines of a later version are skipped, not misread."""
LOG_NAME = "events.jsonl"
IMPORTS_DIR = "imports"
MAX_FILE_BYTES = 1024 * 1024
"""A log file is rotated past this size (about 5,000 events)."""
KEPT_FILES = 4
"""The current file and three rotated ones: a few months of a busy agent's work."""
MAX_AGE_DAYS = 365
"""Events older than this are forgotten: what agents asked a year ago says little about today's KB."""
MAX_LINE_BYTES = 16 * 1024
"""A longer line is not an event this app wrote: skipped when read."""
MAX_TEXT_CHARS = 500
"""The search text kept of an event: a pasted letter is cut (the start is the question)."""

KINDS = ("search", "open", "copy", "no_match", "not_helpful", "import", "rename")
"""``search``: a search session ended without an article (its final text); ``open``: an
article opened (with how long it was read); ``copy``: a reply copied (with its channel);
``no_match``: "no good match" was shown; ``not_helpful``: the agent said the article did
not help; ``import``: a past question from a help desk export (``article`` empty: nothing
answered it); ``rename``: an article's id changed (``article`` the old id, ``to`` the new)."""


@dataclass(frozen=True)
class UsageEvent:
    """One thing an agent did, as stored (the text already scrubbed)."""

    kind: str
    at: str = ""
    """When, in UTC, ISO 8601 to the second."""
    text: str = ""
    article: str = ""
    reply: str = ""
    channel: str = ""
    lang: str = ""
    seconds: int = 0
    """How long the article was read (``open``)."""
    to: str = ""
    source: str = ""
    """Where an imported event came from (the export file's digest, or a teammate's install id)."""
    count: int = 0
    """How many times it happened, for a teammate's summed-up events (0: once)."""

    @property
    def times(self) -> int:
        """How many times the event stands for (a teammate's aggregate stands for many)."""
        return max(1, self.count)

    @property
    def when(self) -> dt.datetime | None:
        """:attr:`at` as an aware datetime, or None when unreadable."""
        try:
            moment = dt.datetime.fromisoformat(self.at)
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


_FIELDS = {field.name: field.type for field in fields(UsageEvent)}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UsageLog:
    """The usage log of one KB on this machine.

    Args:
        folder: the KB's usage folder (``AppPaths.usage_dir_for(kb_root)``).
        clock: the current time (tests pass their own).
    """

    def __init__(self, folder: Path, *, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.folder = Path(folder)
        self._clock = clock or _now
        self._line_closed = False  # whether the file is known to end with a newline

    @property
    def path(self) -> Path:
        """The file events are appended to."""
        return self.folder / LOG_NAME

    def append(self, event: UsageEvent) -> UsageEvent:
        """Scrub ``event``'s text, stamp it with the time when it has none, and add it to the log.

        Returns:
            The event as stored.

        Raises:
            OSError: the folder cannot be written (the caller logs it and goes on).
        """
        if event.kind not in KINDS:
            raise ValueError(f"unknown usage event kind: {event.kind!r}")
        stored = UsageEvent(**{
            **asdict(event),
            "text": stored_text(event.text),
            "at": event.at or self._clock().replace(microsecond=0).isoformat(),
        })
        record = {"v": SCHEMA, **{name: value for name, value in asdict(stored).items() if value}}
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size + len(line) > MAX_FILE_BYTES:
            self._rotate()
        with open(self.path, "ab") as file:
            if not self._line_closed and file.tell() > 0 and not _ends_with_newline(self.path):
                line = b"\n" + line  # a torn last line stays torn, never glued to this event
            file.write(line)
        self._line_closed = True
        return stored

    def has_import(self, digest: str) -> bool:
        """Whether an export file with this content digest was imported already."""
        return (self.folder / IMPORTS_DIR / f"{digest}.jsonl").is_file()

    def add_import(self, digest: str, events: list[UsageEvent]) -> None:
        """Keep the events of one imported export file, whole or not at all.

        Imports live beside the log, one file per export: live use never rotates
        them away, and importing the same file twice keeps it once.
        """
        stamp = self._clock().replace(microsecond=0).isoformat()
        lines = []
        for event in events:
            stored = {**asdict(event), "text": stored_text(event.text), "at": event.at or stamp}
            lines.append(json.dumps({"v": SCHEMA, **{k: v for k, v in stored.items() if v}}, ensure_ascii=False))
        folder = self.folder / IMPORTS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(folder / f"{digest}.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))

    def read(self) -> Iterator[UsageEvent]:
        """Every readable event younger than :data:`MAX_AGE_DAYS`, oldest file first.

        A line that is torn, not JSON, of another schema version or of an unknown
        kind is skipped: the log is a record, a damaged line costs one event.
        """
        oldest = self._clock() - dt.timedelta(days=MAX_AGE_DAYS)
        for path in reversed(self.files()):  # imports first: they are the oldest knowledge
            try:
                with open(path, "rb") as file:
                    lines = file.read().split(b"\n")
            except OSError:
                continue
            for raw in lines:
                event = _parse_line(raw)
                if event is not None and (event.when or oldest) >= oldest:
                    yield event

    def files(self) -> list[Path]:
        """The log's files, newest first, then the imported ones."""
        found = [self.path] + [self.folder / f"events.{n}.jsonl" for n in range(1, KEPT_FILES)]
        imports = self.folder / IMPORTS_DIR
        imported = sorted(imports.glob("*.jsonl")) if imports.is_dir() else []
        return [path for path in found if path.is_file()] + imported

    def clear(self) -> None:
        """Delete every event of this KB, imported ones included ("Delete my usage data")."""
        for path in self.files():
            path.unlink(missing_ok=True)
        self._line_closed = False

    def _rotate(self) -> None:
        oldest = (self._clock() - dt.timedelta(days=MAX_AGE_DAYS)).timestamp()
        (self.folder / f"events.{KEPT_FILES - 1}.jsonl").unlink(missing_ok=True)
        for n in range(KEPT_FILES - 2, 0, -1):
            older = self.folder / f"events.{n}.jsonl"
            if older.exists():
                older.replace(self.folder / f"events.{n + 1}.jsonl")
        self.path.replace(self.folder / "events.1.jsonl")
        for path in self.files()[:KEPT_FILES]:
            if path.parent == self.folder and path.stat().st_mtime < oldest:
                path.unlink(missing_ok=True)  # nothing in it is young enough to be read
        self._line_closed = True


def stored_text(text: str) -> str:
    """``text`` as an event keeps it: scrubbed first (a cut could split a phone number), then cut
    at :data:`MAX_TEXT_CHARS` without leaving half a mask such as ``<num``."""
    kept = scrub(text)
    if len(kept) <= MAX_TEXT_CHARS:
        return kept
    kept = kept[:MAX_TEXT_CHARS]
    opened = kept.rfind("<")
    return kept[:opened] if opened > kept.rfind(">") else kept


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as file:
        file.seek(-1, 2)
        return file.read(1) == b"\n"


def _parse_line(raw: bytes) -> UsageEvent | None:
    if not raw.strip() or len(raw) > MAX_LINE_BYTES:
        return None
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("v") != SCHEMA or record.get("kind") not in KINDS:
        return None
    values = {}
    for name, kind in _FIELDS.items():
        value = record.get(name)
        if value is None:
            continue
        expected = int if kind in ("int", int) else str
        if type(value) is not expected:
            return None
        values[name] = value
    return UsageEvent(**values)
