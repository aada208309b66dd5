"""Privacy end to end: real-looking messages go through the session, the keeper, an import and sharing;
afterwards not one personal value (nor any run of six digits) is in any file written."""

from __future__ import annotations

import datetime as dt
import json
import re

from kb_assistant.core.usage.history import import_history
from kb_assistant.core.usage.keeper import UsageKeeper
from kb_assistant.core.usage.log import UsageLog
from kb_assistant.core.usage.session import QuestionSession
from kb_assistant.core.usage.team import INSTALL_ID_FILE, TEAM_DIR
from tests.core.usage.test_scrub import MESSAGES_WITH_PERSONAL_DATA

NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def every_file(*folders):
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                yield path


def test_no_personal_value_reaches_any_file_written(tmp_path):
    kb_root, data_dir = tmp_path / "kb", tmp_path / "data"
    kb_root.mkdir()
    log = UsageLog(data_dir / "usage" / "kb", clock=lambda: NOW)
    keeper = UsageKeeper(log, kb_root, data_dir, sharing=True)
    keeper.load(["refund", "cards"]).result()
    clock = Clock()
    session = QuestionSession(clock)
    for number, (message, _values, _kinds) in enumerate(MESSAGES_WITH_PERSONAL_DATA):
        events = session.searched(message, confident=number % 3 != 0)
        events += session.chosen("refund" if number % 2 else "cards")
        clock.now += 30  # read: an open that teaches the search
        if number % 2:
            events += session.copied("refund", "Refund started", "chat")
        if number % 5 == 0:
            events += session.not_helpful()
        events += session.ended()
        keeper.record(events)
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps({"text": message, "chosen": ["refund"] if n % 2 else []}) + "\n"
                              for n, (message, _v, _k) in enumerate(MESSAGES_WITH_PERSONAL_DATA)), encoding="utf-8")
    report = import_history(export, log, ["refund", "cards"])
    assert report.questions == len(MESSAGES_WITH_PERSONAL_DATA)
    keeper.load(["refund", "cards"]).result()  # read again, with the import: learned and shared
    keeper.close()

    written = list(every_file(data_dir, kb_root))
    kinds = {event.kind for event in log.read()}
    assert {"open", "copy", "not_helpful", "no_match", "import"} <= kinds
    assert any(path.parent.name == TEAM_DIR for path in written)
    for path in written:
        text = path.read_text(encoding="utf-8")
        for _message, values, _kinds in MESSAGES_WITH_PERSONAL_DATA:
            for value in values:
                assert value.casefold() not in text.casefold(), (path.name, value)
        if path.name != INSTALL_ID_FILE:  # a random hex id, no one's data
            assert re.search(r"\d{6,}", text) is None, (path.name, re.search(r"\d{6,}", text))
