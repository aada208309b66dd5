"""The KB stamp: equal when a reload would read the same files, different after any real change."""

from __future__ import annotations

import os

import pytest

from kb_assistant.core.errors import KbNotFoundError
from kb_assistant.core.kb.stamp import kb_stamp


def test_the_stamp_changes_with_every_file_a_reload_reads(write_kb):
    root = write_kb({"a.md": "# A\n", "sub/b.md": "# B\n", "_kb.yml": "name: KB\n", ".git/x.md": "# hidden\n"})
    first = kb_stamp(root)
    assert kb_stamp(root).same_files(first)  # nothing changed: a refresh can do nothing
    assert sorted(os.path.relpath(f, root) for f in first.files) == ["_kb.yml", "a.md", "sub/b.md"]
    assert sorted(os.path.relpath(f, root) for f in first.folders) == [".", "sub"]

    def changed(action) -> bool:
        before = kb_stamp(root)
        action()
        return not kb_stamp(root).same_files(before)

    assert changed(lambda: (root / "a.md").write_text("# A changed\n", encoding="utf-8"))
    assert changed(lambda: (root / "c.md").write_text("# C\n", encoding="utf-8"))
    assert changed(lambda: (root / "c.md").unlink())
    assert changed(lambda: (root / "_kb.yml").write_text("name: Renamed KB\n", encoding="utf-8"))
    assert changed(lambda: (root / "a.meta.json").write_text('{"title": "Sidecar"}', encoding="utf-8"))
    assert changed(lambda: (root / "empty").mkdir())  # a new folder must be watched
    assert not changed(lambda: (root / "notes.txt").write_text("not an article", encoding="utf-8"))
    assert not changed(lambda: (root / ".git" / "y.md").write_text("# hidden\n", encoding="utf-8"))


def test_a_missing_kb_is_an_error(tmp_path):
    with pytest.raises(KbNotFoundError):
        kb_stamp(tmp_path / "none")


def test_the_stamp_after_the_apps_own_writes_equals_a_fresh_scan(write_kb):
    """What the editor saved, created or deleted is looked at again without scanning the tree."""
    root = write_kb({"a.md": "# A\n", "sub/b.md": "# B\n"})
    stamp = kb_stamp(root)
    (root / "a.md").write_text("# A saved\n", encoding="utf-8")
    (root / "new" / "deep").mkdir(parents=True)
    (root / "new" / "deep" / "c.md").write_text("# C\n", encoding="utf-8")
    (root / "sub" / "b.md").unlink()
    updated = stamp.updated(["a.md", "new/deep/c.md", "sub/b.md"])
    fresh = kb_stamp(root)
    assert updated.same_files(fresh) and updated.files == fresh.files
    assert sorted(updated.entries) == ["a.md", "new/deep/c.md"]
    assert not stamp.same_files(updated)
    # a change the app did not make is still seen by the next full scan
    (root / "sub" / "d.md").write_text("# D\n", encoding="utf-8")
    assert not kb_stamp(root).same_files(updated)
