"""UsageKeeper: events recorded on its own thread, learned questions handed over, sharing opt-in."""

from __future__ import annotations

import json
import threading

from kb_assistant.core.usage.keeper import SHARE_EVERY_SECONDS, UsageKeeper
from kb_assistant.core.usage.log import UsageEvent, UsageLog
from kb_assistant.core.usage.team import TEAM_DIR, install_id


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(tmp_path, **options):
    learned, threads = [], []

    def on_learned(found):
        threads.append(threading.current_thread().name)
        learned.append(found)

    kb = tmp_path / "kb"
    kb.mkdir(exist_ok=True)
    keeper = UsageKeeper(UsageLog(tmp_path / "usage"), kb, tmp_path / "data", on_learned, **options)
    return keeper, learned, threads


def test_a_copy_is_written_off_the_calling_thread_and_teaches_the_search(tmp_path):
    keeper, learned, threads = make(tmp_path)
    keeper.load(["refunds"]).result()
    assert learned == [{}]
    keeper.record([UsageEvent("copy", text="money back +7 912 345-67-89", article="refunds", reply="R")]).result()
    assert learned[-1] == {"refunds": [("money back <phone>", 1.0)]}
    assert all(name.startswith("kb-usage") for name in threads)
    [stored] = UsageLog(tmp_path / "usage").read()
    assert stored.text == "money back <phone>" and stored.at
    keeper.close()


def test_events_that_teach_nothing_do_not_learn_again(tmp_path):
    keeper, learned, _ = make(tmp_path)
    keeper.load(["refunds"]).result()
    keeper.record([UsageEvent("search", text="what is this"), UsageEvent("open", text="x y", article="refunds",
                                                                        seconds=3)]).result()
    assert len(learned) == 1
    assert len(keeper.events().result()) == 2
    keeper.close()


def test_deleted_articles_are_forgotten_at_the_next_load(tmp_path):
    keeper, learned, _ = make(tmp_path)
    keeper.load(["refunds"]).result()
    keeper.record([UsageEvent("copy", text="money back", article="refunds")]).result()
    keeper.load(["other"]).result()
    assert learned[-1] == {}
    keeper.close()


def test_recording_off_keeps_nothing(tmp_path):
    keeper, _, _ = make(tmp_path, recording=False)
    assert keeper.record([UsageEvent("copy", text="money back", article="refunds")]) is None
    keeper.close()
    assert not (tmp_path / "usage").exists()


def test_an_unwritable_log_is_said_once_and_the_window_goes_on(tmp_path, caplog):
    (tmp_path / "usage").write_text("a file where the folder should be")
    keeper, _, _ = make(tmp_path)
    for _ in range(3):
        keeper.record([UsageEvent("search", text="how do i")]).result()
    keeper.close()
    assert sum("usage data not written" in record.message for record in caplog.records) == 1
    assert "how do i" not in caplog.text


def test_sharing_writes_aggregates_at_load_then_at_most_every_few_minutes_and_at_close(tmp_path):
    clock = Clock()
    keeper, _, _ = make(tmp_path, sharing=True, clock=clock)
    keeper.load(["refunds"]).result()
    own = tmp_path / "kb" / TEAM_DIR / f"{install_id(tmp_path / 'data')}.jsonl"
    assert own.read_text() == ""
    keeper.record([UsageEvent("copy", text="money back", article="refunds", reply="R")]).result()
    assert own.read_text() == ""  # not on every copy
    clock.now += SHARE_EVERY_SECONDS
    keeper.record([UsageEvent("no_match", text="fly to mars")]).result()
    kinds = {json.loads(line)["kind"] for line in own.read_text().splitlines()}
    assert kinds == {"answered", "reply", "gap"}
    keeper.record([UsageEvent("no_match", text="swim to venus")]).result()
    keeper.close()
    assert "swim to venus" in own.read_text()


def test_turning_sharing_off_deletes_only_our_file(tmp_path):
    keeper, _, _ = make(tmp_path, sharing=True)
    team = tmp_path / "kb" / TEAM_DIR
    team.mkdir()
    theirs = team / ("f" * 32 + ".jsonl")
    theirs.write_text('{"v": 1, "kind": "answered", "count": 2, "day": "2026-11-30", "text": "q", "article": "a"}\n')
    keeper.load(["a"]).result()
    own = team / f"{install_id(tmp_path / 'data')}.jsonl"
    assert own.exists()
    keeper.set_options(recording=True, sharing=False).result()
    assert not own.exists() and theirs.exists()
    keeper.close()


def test_teammates_files_teach_the_search_and_survive_delete_my_data(tmp_path):
    keeper, learned, _ = make(tmp_path)
    team = tmp_path / "kb" / TEAM_DIR
    team.mkdir()
    (team / ("f" * 32 + ".jsonl")).write_text(
        '{"v": 1, "kind": "answered", "count": 2, "day": "2026-11-30", "text": "money back", "article": "a"}\n')
    keeper.load(["a", "b"]).result()
    keeper.record([UsageEvent("copy", text="give it back", article="b")]).result()
    assert set(learned[-1]) == {"a", "b"}
    keeper.clear().result()
    assert set(learned[-1]) == {"a"}
    assert list(UsageLog(tmp_path / "usage").read()) == []
    keeper.close()


def test_calls_after_close_do_nothing(tmp_path):
    keeper, learned, _ = make(tmp_path)
    keeper.close()
    assert keeper.load(["a"]).result() is None
    assert keeper.record([UsageEvent("search", text="how")]).result() is None
    assert learned == []
