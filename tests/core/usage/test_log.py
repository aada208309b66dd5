"""The usage log: append-only JSON lines per KB, scrubbed, bounded in size and age, readable after a crash."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kb_assistant.core.paths import AppPaths
from kb_assistant.core.usage import log as log_module
from kb_assistant.core.usage.log import SCHEMA, UsageEvent, UsageLog

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def clock(moment=NOW):
    return lambda: moment


@pytest.fixture
def log(tmp_path):
    return UsageLog(tmp_path / "usage", clock=clock())


def test_events_are_json_lines_with_the_schema_and_the_time(log):
    log.append(UsageEvent("copy", text="как вернуть деньги", article="refund", reply="short", channel="chat"))
    lines = log.path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    assert record == {"v": SCHEMA, "kind": "copy", "at": "2026-12-01T12:00:00+00:00", "text": "как вернуть деньги",
                      "article": "refund", "reply": "short", "channel": "chat"}
    assert [e.article for e in log.read()] == ["refund"]


def test_personal_data_never_reaches_the_file(log):
    log.append(UsageEvent("search", text="мой телефон +7 (912) 345-67-89, почта ivan.petrov@mail.ru, заказ 123456789"))
    written = log.path.read_text(encoding="utf-8")
    for secret in ("912", "345-67-89", "ivan.petrov", "mail.ru", "123456789"):
        assert secret not in written
    assert "<phone>" in written and "<email>" in written


def test_a_torn_last_line_is_skipped_and_the_next_event_starts_a_line_of_its_own(tmp_path):
    first = UsageLog(tmp_path / "usage", clock=clock())
    first.append(UsageEvent("open", text="refund", article="refund", seconds=30))
    with open(first.path, "ab") as file:
        file.write(b'{"v": 1, "kind": "copy", "text": "half a li')  # the machine died here
    after_crash = UsageLog(tmp_path / "usage", clock=clock())
    assert [e.kind for e in after_crash.read()] == ["open"]
    after_crash.append(UsageEvent("copy", text="refund", article="refund"))
    assert [e.kind for e in after_crash.read()] == ["open", "copy"]


@pytest.mark.parametrize("line", [
    b"not json", b"[1, 2]", b'{"v": 99, "kind": "copy", "article": "x"}', b'{"v": 1, "kind": "explode"}',
    b'{"v": 1, "kind": "open", "seconds": "ten"}', b'{"v": 1, "kind": "copy", "article": 5}', b"\xff\xfe\x00",
    b'{"v": 1, "kind": "copy", "text": "' + b"x" * 20000 + b'"}', b"[" * 10000,
])
def test_a_damaged_line_costs_one_event(log, line):
    log.append(UsageEvent("copy", text="a", article="a"))
    with open(log.path, "ab") as file:
        file.write(line + b"\n")
    log.append(UsageEvent("copy", text="b", article="b"))
    assert [e.article for e in log.read()] == ["a", "b"]


def test_old_events_are_forgotten(tmp_path):
    folder = tmp_path / "usage"
    UsageLog(folder, clock=clock(NOW - dt.timedelta(days=400))).append(UsageEvent("copy", text="old", article="a"))
    UsageLog(folder, clock=clock(NOW - dt.timedelta(days=10))).append(UsageEvent("copy", text="new", article="b"))
    assert [e.text for e in UsageLog(folder, clock=clock()).read()] == ["new"]


def test_the_log_is_rotated_and_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(log_module, "MAX_FILE_BYTES", 2000)
    log = UsageLog(tmp_path / "usage", clock=clock())
    for n in range(300):
        log.append(UsageEvent("copy", text=f"question {n}", article="a"))
    files = log.files()
    assert 1 < len(files) <= log_module.KEPT_FILES
    assert all(path.stat().st_size <= 2000 for path in files)
    texts = [e.text for e in log.read()]
    assert texts[-1] == "question 299" and texts == sorted(texts, key=lambda t: int(t.split()[1]))
    assert "question 0" not in texts  # the oldest went with the oldest file


def test_long_text_is_cut_and_unknown_kinds_refused(log):
    stored = log.append(UsageEvent("search", text="слово " * 500))
    assert len(stored.text) == log_module.MAX_TEXT_CHARS
    with pytest.raises(ValueError):
        log.append(UsageEvent("sneeze"))


def test_clear_deletes_every_event_imports_included(log):
    log.append(UsageEvent("copy", text="a", article="a"))
    log.add_import("abc", [UsageEvent("import", text="b", article="b")])
    assert log.has_import("abc") and len(list(log.read())) == 2
    log.clear()
    assert list(log.read()) == [] and not log.has_import("abc")


def test_each_kb_has_its_own_folder_in_the_data_folder(tmp_path):
    paths = AppPaths(config_dir=tmp_path / "c", cache_dir=tmp_path / "k", data_dir=tmp_path / "d")
    one, two = paths.usage_dir_for(tmp_path / "kb1"), paths.usage_dir_for(tmp_path / "kb2")
    assert one != two and one.parent == two.parent == tmp_path / "d" / "usage"


def test_a_cut_never_leaves_half_a_mask(log):
    text = "x" * (log_module.MAX_TEXT_CHARS - 3) + " 123456789 more"
    stored = log.append(UsageEvent("search", text=text)).text
    assert len(stored) <= log_module.MAX_TEXT_CHARS and "<" not in stored and "123" not in stored
