"""Files another program is still writing (a pull, a copy to a network share) are read once they settle."""

from __future__ import annotations

from kb_assistant.core.kb.stamp import kb_stamp
from kb_assistant.ui.search import worker as worker_module
from kb_assistant.ui.search.worker import SearchWorker

KB = {"a.md": "---\nid: a\nlang: en\n---\n# Refund\n\nRefunds take days.\n",
      "b.md": "---\nid: b\nlang: en\n---\n# Password\n\nUse the link.\n"}


def test_a_file_still_growing_is_looked_at_again_until_it_stays_the_same(write_kb, tmp_path, monkeypatch):
    root = write_kb(KB)
    before = kb_stamp(root)
    target = root / "a.md"
    target.write_text(KB["a.md"] + "Half of a new", encoding="utf-8")
    pieces = [" paragraph that", " is still being copied.\n"]
    sleeps = []

    def another_machine_writes(seconds):
        sleeps.append(seconds)
        if pieces:
            with open(target, "a", encoding="utf-8") as file:
                file.write(pieces.pop(0))

    monkeypatch.setattr(worker_module.time, "sleep", another_machine_writes)
    found = kb_stamp(root)
    worker = SearchWorker(root, tmp_path / "index")
    settled = worker._settled(found, found.changed_paths(before))
    assert len(sleeps) == 3  # two more writes seen, then one look that found it unchanged
    assert settled.entries["a.md"] == kb_stamp(root).entries["a.md"]
    assert target.read_text(encoding="utf-8").endswith("is still being copied.\n")


def test_a_file_that_never_settles_is_read_after_the_longest_wait(write_kb, tmp_path, monkeypatch):
    root = write_kb(KB)
    before = kb_stamp(root)
    target = root / "b.md"
    target.write_text(KB["b.md"] + "x", encoding="utf-8")
    sleeps = []

    def keeps_writing(seconds):
        sleeps.append(seconds)
        with open(target, "a", encoding="utf-8") as file:
            file.write("x")

    monkeypatch.setattr(worker_module.time, "sleep", keeps_writing)
    found = kb_stamp(root)
    SearchWorker(root, tmp_path / "index")._settled(found, found.changed_paths(before))
    assert sum(sleeps) >= worker_module.MAX_SETTLE_SECONDS and len(sleeps) < 100


def test_changed_paths_names_changed_added_and_deleted_articles(write_kb):
    root = write_kb(KB)
    before = kb_stamp(root)
    (root / "a.md").write_text(KB["a.md"] + "More.\n", encoding="utf-8")
    (root / "b.md").unlink()
    (root / "c.md").write_text("# New\n", encoding="utf-8")
    assert kb_stamp(root).changed_paths(before) == ["a.md", "b.md", "c.md"]
    assert kb_stamp(root).changed_paths(kb_stamp(root)) == []
