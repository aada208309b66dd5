"""Sharing with the team: one aggregate file per installation in KB/_usage/, read by the others, never rewritten."""

from __future__ import annotations

import datetime as dt
import json

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.upkeep.check import check_kb
from kb_assistant.core.usage.insights import insights
from kb_assistant.core.usage.learned import learned_questions
from kb_assistant.core.usage.log import UsageEvent, UsageLog
from kb_assistant.core.usage.team import TEAM_DIR, install_id, read_team, write_shared

NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
KB = {"refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n\n## Reply: Started\nIt started.\n"}


def own_events(tmp_path, name):
    log = UsageLog(tmp_path / name, clock=lambda: NOW)
    for event in (UsageEvent("copy", text="Where is my money? +7 (912) 345-67-89", article="refund", reply="Started",
                             channel="chat"),
                  UsageEvent("copy", text="where is my  money? +7 (912) 345-67-89", article="refund", reply="Started"),
                  UsageEvent("no_match", text="pay with bitcoin"), UsageEvent("open", text="glance", article="refund")):
        log.append(event)
    return list(log.read())


def test_two_installs_read_each_other_and_never_rewrite_the_others_file(tmp_path, write_kb):
    kb_root = write_kb(KB)
    one, two = install_id(tmp_path / "data1"), install_id(tmp_path / "data2")
    assert one != two and install_id(tmp_path / "data1") == one  # kept
    path_one = write_shared(kb_root, one, own_events(tmp_path, "u1"))
    path_two = write_shared(kb_root, two, own_events(tmp_path, "u2")[:1])
    before = path_one.read_bytes()
    write_shared(kb_root, two, own_events(tmp_path, "u3"))  # two writes again: only its own file
    assert path_one.read_bytes() == before and path_two.exists()
    assert sorted(p.name for p in (kb_root / TEAM_DIR).iterdir()) == sorted([f"{one}.jsonl", f"{two}.jsonl"])
    seen_by_one = list(read_team(kb_root, one))
    assert seen_by_one and all(event.source == two for event in seen_by_one)
    learned = learned_questions(seen_by_one, {"refund"}, now=NOW)
    assert learned["refund"][0].count == 2  # two askings of one question, summed up by the other install
    found = insights(list(read_team(kb_root, "")), load_kb(kb_root), now=NOW)
    assert [gap.count for gap in found.gaps] == [2] and found.replies[0].copied == 4


def test_the_shared_file_holds_aggregates_never_raw_events_or_personal_data(tmp_path, write_kb):
    kb_root = write_kb(KB)
    path = write_shared(kb_root, install_id(tmp_path / "d"), own_events(tmp_path, "u"))
    text = path.read_text(encoding="utf-8")
    assert "912" not in text and "345-67-89" not in text and "glance" not in text and "chat" not in text
    records = [json.loads(line) for line in text.splitlines()]
    assert {record["kind"] for record in records} == {"answered", "gap", "reply"}
    assert all("at" not in record and len(record["day"]) == 10 for record in records)


def test_the_kb_check_and_loader_ignore_the_team_folder(tmp_path, write_kb):
    kb_root = write_kb(KB)
    write_shared(kb_root, install_id(tmp_path / "d"), own_events(tmp_path, "u"))
    (kb_root / TEAM_DIR / "notes.md").write_text("# not an article\n", encoding="utf-8")
    kb = load_kb(kb_root)
    assert list(kb.articles) == ["refund"] and check_kb(kb) == []


def test_a_damaged_teammate_file_costs_its_bad_lines(tmp_path, write_kb):
    kb_root = write_kb(KB)
    (kb_root / TEAM_DIR).mkdir()
    (kb_root / TEAM_DIR / "x.jsonl").write_bytes(
        b'{"v": 1, "kind": "gap", "count": 3, "day": "2026-11-30", "text": "crypto"}\nnot json\n'
        b'{"v": 1, "kind": "answered", "count": 2, "day": "2026-11-30", "text": "q"}\n'  # no article
        b'{"v": 1, "kind": "gap", "count": -1, "day": "2026-11-30", "text": "x"}\n[[[[\n')
    assert [(e.kind, e.text, e.count) for e in read_team(kb_root)] == [("no_match", "crypto", 3)]
