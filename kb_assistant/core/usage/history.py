"""Bootstrapping from history: past conversations a team already has, read from a help desk export.

Two shapes are read: JSON lines ``{"text": ..., "chosen": [article ids]}`` and CSV
with ``text`` and ``article`` columns (one row per article; several rows may
share a text). An empty ``chosen`` or ``article`` is a question nothing answered:
a content gap. Texts are scrubbed like live usage; unknown article ids are
reported and skipped; a file imported twice (the same bytes) counts once.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kb_assistant.core.errors import KbError
from kb_assistant.core.files.textfile import decode_article_bytes, read_limited
from kb_assistant.core.usage.log import MAX_LINE_BYTES, UsageEvent, UsageLog

MAX_HISTORY_BYTES = 256 * 1024 * 1024
"""The largest export read (a few million questions); a bigger file is refused, not loaded."""
BAD_LINES_LISTED = 20
"""Damaged records named one by one in the report; the rest are counted."""


class HistoryError(KbError):
    """The export cannot be read at all (codes ``history-*``)."""

    code = "history-unreadable"


@dataclass
class ImportReport:
    """What one import did."""

    questions: int = 0
    """Past questions kept (a question answered by two articles counts once)."""
    answered: int = 0
    gaps: int = 0
    """Questions nothing answered."""
    unknown: Counter = field(default_factory=Counter)
    """Article ids the KB does not have -> how often they were chosen."""
    bad: list[tuple[int, str]] = field(default_factory=list)
    """(line, reason code) of records that were skipped, the first :data:`BAD_LINES_LISTED`."""
    bad_count: int = 0
    already: bool = False
    """The same file was imported before: nothing was added."""
    digest: str = ""


def import_history(path: Path, log: UsageLog, article_ids) -> ImportReport:
    """Read the export at ``path`` into ``log`` as ``import`` events.

    Raises:
        HistoryError: the file is missing, too large, not text, or neither JSON
            lines nor CSV with a ``text`` column.
    """
    path = Path(path)
    try:
        data = read_limited(path, MAX_HISTORY_BYTES)
    except OSError as exc:
        raise HistoryError("history-unreadable", path=str(path), reason=exc.strerror or type(exc).__name__) from exc
    if len(data) > MAX_HISTORY_BYTES:
        raise HistoryError("history-too-large", path=str(path), limit=MAX_HISTORY_BYTES // (1024 * 1024))
    report = ImportReport(digest=hashlib.sha256(data).hexdigest()[:32])
    if log.has_import(report.digest):
        report.already = True
        return report
    try:
        text = decode_article_bytes(data).text  # UTF-8, UTF-16 from Excel, or cp1251
    except KbError as exc:
        raise HistoryError("history-not-text", path=str(path)) from exc
    records = _csv_records(text, path) if _looks_like_csv(path, text) else _json_records(text, report)
    known = set(article_ids)
    events: list[UsageEvent] = []
    for line, question, chosen in records:
        if not question.strip():
            _bad(report, line, "history-no-text")
            continue
        found = [article for article in dict.fromkeys(chosen) if article in known]
        report.unknown.update(article for article in chosen if article not in known)
        if chosen and not found:
            continue  # answered by articles this KB no longer has: neither an answer nor a gap here
        report.questions += 1
        if found:
            report.answered += 1
        else:
            report.gaps += 1
        events += [UsageEvent("import", text=question, article=article, source=report.digest)
                   for article in found or [""]]
    log.add_import(report.digest, events)
    return report


def _looks_like_csv(path: Path, text: str) -> bool:
    if path.suffix.lower() == ".csv":
        return True
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        return False
    return not text.lstrip().startswith("{")


def _json_records(text: str, report: ImportReport):
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        if len(raw.encode("utf-8")) > MAX_LINE_BYTES:
            _bad(report, number, "history-line-too-long")
            continue
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError):
            _bad(report, number, "history-not-json")
            continue
        chosen = record.get("chosen", []) if isinstance(record, dict) else None
        if isinstance(chosen, str):
            chosen = [chosen] if chosen else []
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not isinstance(chosen, list) \
                or not all(isinstance(article, str) for article in chosen):
            _bad(report, number, "history-record-invalid")
            continue
        yield number, record["text"], [article.strip() for article in chosen if article.strip()]


def _csv_records(text: str, path: Path):
    reader = csv.DictReader(io.StringIO(text))
    names = {name.strip().casefold(): name for name in reader.fieldnames or [] if name}
    if "text" not in names:
        raise HistoryError("history-no-text-column", path=str(path))
    text_column, article_column = names["text"], names.get("article")
    grouped: dict[str, tuple[int, list[str]]] = {}
    for row in reader:
        question = (row.get(text_column) or "").strip()
        article = (row.get(article_column) or "").strip() if article_column else ""
        line, chosen = grouped.setdefault(question, (reader.line_num, []))
        if article:
            chosen.append(article)
    for question, (line, chosen) in grouped.items():
        yield line, question, chosen


def _bad(report: ImportReport, line: int, code: str) -> None:
    report.bad_count += 1
    if len(report.bad) < BAD_LINES_LISTED:
        report.bad.append((line, code))
