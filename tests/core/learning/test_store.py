"""The learning state on disk: restarts, two KBs, corrupt and newer files, unknown keys."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.store import FORMAT_VERSION, LearningStore
from kb_assistant.core.errors import StorageError

NOON = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc)
DAY = NOON.date()


@pytest.fixture
def kb_root(write_kb):
    return write_kb({"a.md": "# A\n\n## Part\ntext\n", "b.md": "# B\n"})


@pytest.fixture
def data(tmp_path):
    return tmp_path / "data"


def open_store(data, kb_root):
    return LearningStore(data, kb_root, clock=lambda: NOON)


def test_state_survives_a_restart(data, kb_root):
    store = open_store(data, kb_root)
    assert store.problems == [] and store.snapshot is None and dict(store.readings) == {}
    store.record_reading("a", 0)
    store.record_reading("a", 25)
    store.record_reading("b", 3)
    store.mark_learned("b")
    store.answer("a#123", True, DAY)
    kb = load_kb(kb_root)
    assert store.changes(kb) == []  # first look: the baseline
    again = open_store(data, kb_root)
    assert again.problems == []
    assert again.readings["a"].seconds == 25 and again.readings["a"].is_read()
    assert again.readings["b"].learned and again.readings["b"].opened > again.readings["a"].opened
    assert again.cards["a#123"].box == 2 and again.cards["a#123"].due == DAY + dt.timedelta(days=3)
    assert again.snapshot == store.snapshot is not None
    (kb_root / "a.md").write_text("# A\n\n## Part\nnew text\n", encoding="utf-8")
    assert [(c.kind, c.sections_changed) for c in again.changes(load_kb(kb_root))] == [("changed", ("Part",))]
    again.mark_all_seen(load_kb(kb_root))
    assert open_store(data, kb_root).changes(load_kb(kb_root)) == []


def test_files_live_in_the_data_folder_keyed_by_kb(data, kb_root, write_kb, tmp_path):
    store = open_store(data, kb_root)
    store.record_reading("a", 30)
    store.mark_all_seen(load_kb(kb_root))
    assert store.progress_path.parent == data / "learning"
    assert {p.name for p in (data / "learning").iterdir()} == {store.progress_path.name, store.seen_path.name}
    assert store.progress_path.name.startswith("kb-")
    assert not any(p.name.endswith(".tmp") for p in (data / "learning").iterdir())
    other_root = write_kb({"a.md": "# Other A\n"}, root=tmp_path / "other" / "kb")
    other = open_store(data, other_root)
    assert dict(other.readings) == {} and other.snapshot is None
    assert other.progress_path != store.progress_path
    saved = json.loads(store.progress_path.read_text())
    assert saved["version"] == FORMAT_VERSION and saved["kb_root"] == str(kb_root.resolve())


def test_state_inside_the_kb_is_refused(kb_root):
    with pytest.raises(ValueError):
        LearningStore(kb_root, kb_root)
    with pytest.raises(ValueError):
        LearningStore(kb_root / "_private", kb_root)


@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe\x00garbage", b"[1, 2]", b'{"version": "one"}',
    b'{"version": 1, "readings": []}', b'{"version": 1, "counter": "x"}', b"",
    # issue 16: a number past Python's 4,300 digits (a ValueError of its own), nesting in any form
    b'{"version": 1, "counter": ' + b"9" * 5000 + b"}", b'{"version": 1, "x": ' * 100_000,
    b'{"version": 1, "readings": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}", b'{"version": NaN}',
])
def test_corrupt_file_is_moved_aside_and_reported(data, kb_root, content):
    first = open_store(data, kb_root)
    first.record_reading("a", 30)
    first.progress_path.write_bytes(content)
    store = open_store(data, kb_root)
    assert dict(store.readings) == {} and store.writable
    [problem] = store.problems
    assert problem.code == "learning-moved-aside" and problem.severity == "warning"
    assert problem.values["file"].code == "learning-progress-file"  # "learning progress", translated too
    assert "moved aside" in problem.message and problem.path == str(store.progress_path)
    kept = store.progress_path.with_name(store.progress_path.name + ".corrupt-20261127T120000")
    assert kept.read_bytes() == content
    store.record_reading("b", 1)
    assert open_store(data, kb_root).problems == []
    third = open_store(data, kb_root)
    third.progress_path.write_bytes(b"{")
    open_store(data, kb_root)
    assert kept.with_name(kept.name + "-2").read_bytes() == b"{"


def test_corrupt_snapshot_is_moved_aside(data, kb_root):
    store = open_store(data, kb_root)
    store.mark_all_seen(load_kb(kb_root))
    store.seen_path.write_text('{"version": 1, "articles": 5}')
    again = open_store(data, kb_root)
    assert again.snapshot is None and [p.code for p in again.problems] == ["learning-moved-aside"]
    assert again.problems[0].values["file"].code == "learning-seen-file"
    assert again.problems[0].values["reason"].code == "json-field-not-object"
    assert again.changes(load_kb(kb_root)) == []  # a new baseline, no flood


def test_unknown_keys_and_bad_records_are_kept(data, kb_root):
    store = open_store(data, kb_root)
    store.record_reading("a", 5)
    store.answer("a#1", False, DAY)
    saved = json.loads(store.progress_path.read_text())
    saved["future"] = {"keep": True}
    saved["readings"]["a"]["colour"] = "blue"
    saved["cards"]["broken"] = {"box": "high"}
    store.progress_path.write_text(json.dumps(saved))
    again = open_store(data, kb_root)
    assert [(p.code, "broken" in p.message) for p in again.problems] == [("learning-record-card", True)]
    assert again.problems[0].values["reason"].code == "json-not-whole-number"
    assert "broken" not in again.cards
    again.record_reading("a", 1)
    again.answer("a#1", True, DAY)
    saved = json.loads(again.progress_path.read_text())
    assert saved["future"] == {"keep": True}
    assert saved["readings"]["a"] == {"seconds": 6.0, "learned": False, "opened": 2, "colour": "blue"}
    assert saved["cards"]["broken"] == {"box": "high"}
    assert saved["cards"]["a#1"]["box"] == 2


def test_newer_version_is_read_but_never_written(data, kb_root):
    store = open_store(data, kb_root)
    store.record_reading("a", 30)
    saved = json.loads(store.progress_path.read_text())
    saved["version"] = FORMAT_VERSION + 1
    store.progress_path.write_text(json.dumps(saved))
    before = store.progress_path.read_bytes()
    again = open_store(data, kb_root)
    assert again.readings["a"].seconds == 30 and not again.writable
    assert [p.code for p in again.problems] == ["learning-newer-read"] and "newer version" in again.problems[0].message
    again.record_reading("a", 10)
    assert again.readings["a"].seconds == 40
    assert again.progress_path.read_bytes() == before


def test_unreadable_file_is_never_overwritten(data, kb_root, monkeypatch):
    store = open_store(data, kb_root)
    store.record_reading("a", 30)
    before = store.progress_path.read_bytes()
    from kb_assistant.core.files import jsonfile

    def refusing_open(path, *args, **kwargs):
        # chmod 0 does not stop root (CI runs as root): refuse the read in the one JSON reader
        name = str(path)
        if name.endswith(".json") and not name.endswith(".seen.json"):
            raise PermissionError(13, "Permission denied")
        return open(path, *args, **kwargs)

    monkeypatch.setattr(jsonfile, "open", refusing_open, raising=False)
    again = open_store(data, kb_root)
    assert not again.writable and "cannot be read" in again.problems[0].message
    again.record_reading("b", 1)
    monkeypatch.undo()
    assert store.progress_path.read_bytes() == before


def test_a_failed_write_raises_and_keeps_the_change_in_memory(data, kb_root):
    data.mkdir()
    (data / "learning").write_text("a file where the folder should be")
    store = open_store(data, kb_root)
    with pytest.raises(StorageError):
        store.record_reading("a", 30)
    assert store.readings["a"].seconds == 30


def test_bad_seconds_change_nothing(data, kb_root):
    store = open_store(data, kb_root)
    with pytest.raises(ValueError):
        store.record_reading("a", -5)
    assert dict(store.readings) == {} and not store.progress_path.exists()


def test_last_opened_stays_right_when_the_counter_was_lost(data, kb_root):
    store = open_store(data, kb_root)
    store.record_reading("a", 1)
    store.record_reading("b", 1)
    saved = json.loads(store.progress_path.read_text())
    del saved["counter"]
    store.progress_path.write_text(json.dumps(saved))
    again = open_store(data, kb_root)
    again.record_reading("a", 1)
    assert again.readings["a"].opened > again.readings["b"].opened


def test_a_record_that_fails_in_an_unexpected_way_is_reported_not_raised(data, kb_root, monkeypatch):
    from kb_assistant.core.learning import store as store_module

    store = open_store(data, kb_root)
    store.record_reading("a", 5)

    def odd(value):
        raise ValueError("some library's English")

    monkeypatch.setattr(store_module.ArticleReading, "from_json", staticmethod(odd))
    again = open_store(data, kb_root)
    assert [(p.code, p.values["reason"].code) for p in again.problems] == [("learning-record-reading", "json-bad-record")]
    assert "English" not in again.problems[0].message
