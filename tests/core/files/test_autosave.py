"""Autosaved drafts of unsaved edits: kept across restarts, corrupt ones skipped."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kb_assistant.core.files.autosave import AutosaveStore, Draft
from kb_assistant.core.paths import AppPaths
from kb_assistant.core.files.storage import read_text, save_text

NOON = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def store(tmp_path):
    return AutosaveStore(tmp_path / "autosave", clock=lambda: NOON)


@pytest.fixture
def kb(tmp_path):
    root = tmp_path / "kb"
    (root / "pay").mkdir(parents=True)
    (root / "pay" / "refund.md").write_text("# Refund\n", encoding="utf-8")
    return root


def test_save_list_discard(store, kb):
    _, snap = read_text(kb / "pay" / "refund.md")
    draft = store.save_draft(kb, "pay/refund.md", "# Refund\n\nnew words", snap.content_hash)
    assert isinstance(draft, Draft) and draft.saved_at == NOON
    store.save_draft(kb, "new.md", "# Brand new", None)
    assert [(d.rel_path, d.text) for d in store.drafts(kb)] == [
        ("new.md", "# Brand new"),
        ("pay/refund.md", "# Refund\n\nnew words"),
    ]
    store.save_draft(kb, "pay/refund.md", "# Refund\n\nnewer", snap.content_hash)
    assert len(store.drafts(kb)) == 2
    assert store.draft(kb, "pay/refund.md").text == "# Refund\n\nnewer"
    assert store.discard(kb, "pay/refund.md") is True
    assert store.discard(kb, "pay/refund.md") is False
    assert [d.rel_path for d in store.drafts(kb)] == ["new.md"]
    assert store.draft(kb, "pay/refund.md") is None


def test_one_atomic_json_file_per_article(store, kb, tmp_path):
    store.save_draft(kb, "pay/refund.md", "x", "h")
    store.save_draft(kb, "pay/refund.md", "y", "h")
    files = sorted(p.name for p in (tmp_path / "autosave").iterdir())
    assert len(files) == 1 and files[0].endswith(".json") and not files[0].startswith(".")
    record = json.loads((tmp_path / "autosave" / files[0]).read_text(encoding="utf-8"))
    assert record["text"] == "y" and record["rel_path"] == "pay/refund.md" and record["base_hash"] == "h"
    assert record["kb_root"] == str(kb.resolve()) and record["saved_at"] == NOON.isoformat()


def test_drafts_survive_a_restart_and_stay_with_their_kb(tmp_path, kb):
    paths = AppPaths(tmp_path / "c", tmp_path / "k", tmp_path / "d")
    text = "# Refund\n\nпочти готово 🎉 \udcff"
    AutosaveStore(paths.data_dir / "autosave").save_draft(kb, "pay/refund.md", text, "abc")
    other_kb = tmp_path / "other"
    other_kb.mkdir()
    AutosaveStore(paths.data_dir / "autosave").save_draft(other_kb, "pay/refund.md", "other", "def")
    # the app was killed; a new process builds a new store on the same folder
    restarted = AutosaveStore(paths.data_dir / "autosave")
    drafts = restarted.drafts(kb)
    assert [(d.rel_path, d.text, d.base_hash) for d in drafts] == [("pay/refund.md", text, "abc")]
    assert drafts[0].saved_at.tzinfo is not None
    assert [d.text for d in restarted.drafts(other_kb)] == ["other"]
    assert restarted.drafts(tmp_path / "no-such-kb") == []


def test_corrupt_draft_is_skipped_with_a_reason(store, kb, tmp_path):
    store.save_draft(kb, "pay/refund.md", "good", "h")
    folder = tmp_path / "autosave"
    (folder / "broken.json").write_text('{"text": "half', encoding="utf-8")
    (folder / "list.json").write_text("[1, 2]", encoding="utf-8")
    (folder / "fields.json").write_text(json.dumps({"kb_root": str(kb.resolve()), "rel_path": 3}), encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00")
    (folder / "deep.json").write_text("[" * 100_000, encoding="utf-8")  # too deep for the JSON reader
    problems = []
    drafts = store.drafts(kb, problems)
    assert [d.text for d in drafts] == ["good"]
    messages = {p.path.rsplit("/", 1)[-1]: p for p in problems}
    assert set(messages) == {"broken.json", "list.json", "fields.json", "binary.json", "deep.json"}
    assert {name: p.values["reason"].code for name, p in messages.items()} == {
        "broken.json": "json-invalid", "list.json": "json-not-object", "fields.json": "json-fields-invalid",
        "binary.json": "json-not-text", "deep.json": "json-too-deep"}
    assert "not valid JSON" in messages["broken.json"].message and messages["broken.json"].line == 1
    assert "not a JSON object" in messages["list.json"].message
    assert "'rel_path'" in messages["fields.json"].message and "'text'" in messages["fields.json"].message
    assert all(p.severity == "warning" and p.code == "autosave-corrupt" for p in problems)
    assert store.drafts(kb) == drafts   # without a list: logged, still no crash
    assert (folder / "broken.json").exists()   # kept for a rescue by hand


@pytest.mark.parametrize(("content", "reason"), [
    (b'{"version": 1, "saved_at": ' + b"9" * 5000 + b"}", "json-number-too-long"),  # ValueError before
    (b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "json-too-deep"),  # RecursionError before, any form
    (b'{"text": NaN}', "json-invalid"),
])
def test_one_hostile_draft_never_hides_the_others(store, kb, tmp_path, content, reason):
    store.save_draft(kb, "pay/refund.md", "good", "h")
    (tmp_path / "autosave" / "hostile.json").write_bytes(content)
    problems = []
    assert [d.text for d in store.drafts(kb, problems)] == ["good"]
    assert [(p.code, p.values["reason"].code) for p in problems] == [("autosave-corrupt", reason)]


def test_a_draft_whose_file_changed_on_disk_is_flagged(store, kb):
    path = kb / "pay" / "refund.md"
    _, opened = read_text(path)
    store.save_draft(kb, "pay/refund.md", "# Refund\n\nmy edit", opened.content_hash)
    draft = store.drafts(kb)[0]
    assert not draft.conflicts_with_disk(read_text(path)[1].content_hash)
    save_text(path, "# Refund\n\ntheir edit", opened)   # a git pull while the app was down
    assert draft.conflicts_with_disk(read_text(path)[1].content_hash)
    assert draft.conflicts_with_disk(None)   # deleted since


def test_a_draft_of_a_new_file(store, kb):
    draft = store.save_draft(kb, "new.md", "# New", None)
    assert not draft.conflicts_with_disk(None)
    assert draft.conflicts_with_disk("somebody-created-it")
