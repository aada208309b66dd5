"""Sharing usage with the team, opt-in: each installation's scrubbed aggregates in the KB's ``_usage/``.

With sharing on, an installation writes what its usage adds up to (which
questions each article answered and how often, the questions nothing answered,
how often each reply was copied; never one raw event, never a time finer than
the day) to ``KB/_usage/<install id>.jsonl``. One file per installation, and
only its own: a KB kept in git never gets a merge conflict from it, and no
machine ever rewrites another's file. Every installation reads the others'
files as events of their own weight, so an editor's insights show the whole
team and every agent's search learns from the others' answers once the KB syncs.
The loader and ``check`` skip ``_usage/`` like every ``_`` folder.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from kb_assistant.core.files.storage import write_bytes_atomic
from kb_assistant.core.usage.learned import READ_SECONDS, learned_questions, question_key
from kb_assistant.core.usage.log import MAX_LINE_BYTES, SCHEMA, UsageEvent, UsageLog, stored_text

TEAM_DIR = "_usage"
INSTALL_ID_FILE = "install-id"
MAX_TEAM_FILE_BYTES = 8 * 1024 * 1024
"""A teammate's file larger than this is not one this app wrote: skipped."""
_INSTALL_ID = re.compile(r"^[0-9a-f]{32}$")


def install_id(data_dir: Path) -> str:
    """This installation's id (made once, kept in the user data folder): names its file in ``_usage/``."""
    found = known_install_id(data_dir)
    if found:
        return found
    path = Path(data_dir) / INSTALL_ID_FILE
    made = uuid.uuid4().hex
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, made.encode("ascii"))
    return made


def known_install_id(data_dir: Path) -> str:
    """This installation's id when it has one, else "" (none made yet: nothing of ours is in ``_usage/``)."""
    try:
        found = (Path(data_dir) / INSTALL_ID_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return found if _INSTALL_ID.match(found) else ""


def usage_events(usage_dir: Path, kb_root: Path, data_dir: Path) -> list[UsageEvent]:
    """Everything the search learns from for one KB: this user's log and imports, and the teammates' files."""
    return [*UsageLog(usage_dir).read(), *read_team(kb_root, known_install_id(data_dir))]


def learned_for_search(events: Iterable[UsageEvent], article_ids: Iterable[str] | None = None,
                       ) -> dict[str, list[tuple[str, float]]]:
    """Article id -> its learned questions as ``(text, weight)``, what ``SearchService.set_learned`` takes
    (with ``article_ids``, the KB's articles now: the others' associations are forgotten)."""
    return {article: [(question.text, question.weight) for question in asked]
            for article, asked in learned_questions(events, article_ids).items()}


def aggregates(events: Iterable[UsageEvent]) -> list[dict]:
    """What this installation's own events add up to, ready to share (imports and teammates' left out)."""
    answered: Counter = Counter()
    gaps: Counter = Counter()
    replies: Counter = Counter()
    days: dict[tuple, str] = {}
    texts: dict[tuple, str] = {}
    for event in events:
        if event.source:  # an import or a teammate's: theirs to share, not ours
            continue
        day = event.at[:10]
        keys = []
        if event.kind == "copy" or (event.kind == "open" and event.seconds >= READ_SECONDS):
            if event.article and question_key(event.text):
                keys.append((answered, ("answered", event.article, question_key(event.text))))
            if event.kind == "copy" and event.article and event.reply:
                keys.append((replies, ("reply", event.article, event.reply)))
        elif event.kind in ("no_match", "search") and question_key(event.text):
            keys.append((gaps, ("gap", "", question_key(event.text))))
        for counter, key in keys:
            counter[key] += 1
            days[key] = max(days.get(key, ""), day)
            texts[key] = event.text.strip()
    records = []
    for counter in (answered, gaps, replies):
        for key, count in sorted(counter.items()):
            kind, article, detail = key
            record = {"v": SCHEMA, "kind": kind, "count": count, "day": days[key]}
            if kind == "reply":
                record |= {"article": article, "reply": detail}
            else:
                record |= {"text": stored_text(texts[key])} | ({"article": article} if article else {})
            records.append(record)
    return records


def write_shared(kb_root: Path, own_id: str, events: Iterable[UsageEvent]) -> Path:
    """Write this installation's aggregates to its own file in ``KB/_usage/`` (whole or not at all)."""
    folder = Path(kb_root) / TEAM_DIR
    folder.mkdir(exist_ok=True)
    path = folder / f"{own_id}.jsonl"
    lines = [json.dumps(record, ensure_ascii=False, sort_keys=True) for record in aggregates(events)]
    write_bytes_atomic(path, ("\n".join(lines) + "\n" if lines else "").encode("utf-8"))
    return path


def read_team(kb_root: Path, own_id: str = "") -> Iterator[UsageEvent]:
    """The teammates' aggregates as weighted events (this installation's own file skipped)."""
    folder = Path(kb_root) / TEAM_DIR
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.jsonl")):
        if path.stem == own_id or not path.is_file() or path.stat().st_size > MAX_TEAM_FILE_BYTES:
            continue
        try:
            lines = path.read_bytes().split(b"\n")
        except OSError:
            continue
        for raw in lines:
            event = _team_event(raw, path.stem)
            if event is not None:
                yield event


def _team_event(raw: bytes, teammate: str) -> UsageEvent | None:
    if not raw.strip() or len(raw) > MAX_LINE_BYTES:
        return None
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("v") != SCHEMA:
        return None
    count, day = record.get("count"), record.get("day")
    text, article, reply = record.get("text", ""), record.get("article", ""), record.get("reply", "")
    if type(count) is not int or count < 1 or not isinstance(day, str) or not all(
            isinstance(value, str) for value in (text, article, reply)):
        return None
    at = f"{day}T00:00:00+00:00"
    # a teammate's answered question counts as a past question (weight of a copy), their reply
    # use as copies without a question: each of their copies is counted once, by the reply
    kind = {"answered": "import", "gap": "no_match", "reply": "copy"}.get(record.get("kind"))
    if kind is None or (record["kind"] != "gap" and not article):
        return None
    if record["kind"] == "answered":
        return UsageEvent(kind, at=at, text=stored_text(text), article=article, count=count, source=teammate)
    if record["kind"] == "reply":
        return UsageEvent(kind, at=at, article=article, reply=reply, count=count, source=teammate)
    return UsageEvent(kind, at=at, text=stored_text(text), count=count, source=teammate)
