"""Building and updating the index: incremental add/change/delete, the manifest, rebuilds, saved files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kb_assistant.core.errors import KbNotFoundError
from kb_assistant.core.search import SearchService, indexer
from kb_assistant.core.search.indexer import INDEX_NAME, SCHEMA_VERSION, live_generation, update_index, update_paths
from kb_assistant.core.search.store import MANIFEST
from tests.core.search.helpers import ARTICLE_COUNT, KB_FILES, top_ids


def manifest(index_dir: Path) -> dict:
    return json.loads((live_generation(index_dir) / MANIFEST).read_text(encoding="utf-8"))


def indexed_paths(index_dir: Path) -> set[str]:
    from whoosh import index as whoosh_index

    index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    try:
        with index.searcher() as searcher:
            return {fields["path"] for fields in searcher.all_stored_fields()}
    finally:
        index.close()


# -- full updates ------------------------------------------------------------------------------


def test_first_update_builds_and_the_next_finds_nothing_to_do(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    first = update_index(index_dir, kb_root)
    assert first.rebuilt and str(first.rebuild_reason) == "new index"
    assert first.added == ARTICLE_COUNT and first.touched == ARTICLE_COUNT
    assert indexed_paths(index_dir) == set(KB_FILES) - {"_kb.yml"}
    again = update_index(index_dir, kb_root)
    assert not again.rebuilt and again.touched == 0 and again.unchanged == ARTICLE_COUNT


def test_incremental_update_add_change_delete(service, kb_root):
    (kb_root / "new.md").write_text("# Gift cards\n\nGift cards never expire.", encoding="utf-8")
    (kb_root / "promo" / "promo.en.md").write_text("---\nid: promo\n---\n# Coupons renamed\n\nZebra", encoding="utf-8")
    (kb_root / "delivery" / "tracking.ru.md").unlink()
    report = service.update()
    assert (report.added, report.changed, report.deleted) == (1, 1, 1)
    assert not report.rebuilt
    assert top_ids(service.search("gift cards"))[0] == "new"
    assert top_ids(service.search("zebra"))[0] == "promo"
    assert service.search("посылки").hits == ()
    again = service.update()
    assert again.touched == 0 and again.unchanged == len(KB_FILES) - 1


def test_touched_file_with_same_content_is_not_reindexed(service, kb_root):
    path = kb_root / "promo" / "promo.en.md"
    path.write_bytes(path.read_bytes())
    os.utime(path, ns=(1, 1))
    report = service.update()
    assert report.touched == 0


def test_the_manifest_records_each_file_as_indexed(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    update_index(index_dir, kb_root)
    data = manifest(index_dir)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["kb_root"] == str(kb_root.resolve())
    assert set(data["files"]) == set(KB_FILES) - {"_kb.yml"}
    path = kb_root / "promo" / "promo.en.md"
    mtime_ns, size, content_hash = data["files"]["promo/promo.en.md"]
    assert (mtime_ns, size) == (path.stat().st_mtime_ns, path.stat().st_size) and content_hash

    path.write_text("---\nid: promo\n---\n# Coupons\n\nNew text.", encoding="utf-8")
    (kb_root / "delivery" / "tracking.ru.md").unlink()
    update_index(index_dir, kb_root)
    files = manifest(index_dir)["files"]
    assert "delivery/tracking.ru.md" not in files
    assert files["promo/promo.en.md"][1] == path.stat().st_size and files["promo/promo.en.md"][2] != content_hash
    assert not (live_generation(index_dir) / (MANIFEST + ".tmp")).exists()


def test_progress_counts_the_files_to_index(kb_root, tmp_path):
    calls = []
    update_index(tmp_path / "index", kb_root, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(done, ARTICLE_COUNT) for done in range(1, ARTICLE_COUNT + 1)]
    calls.clear()
    update_index(tmp_path / "index", kb_root, progress=lambda done, total: calls.append((done, total)))
    assert calls == []


def test_hidden_folders_and_other_files_are_not_indexed(write_kb, tmp_path):
    root = write_kb({"a.md": "# A", "_drafts/b.md": "# B", ".git/c.md": "# C", "notes.txt": "# D", "sub/_e.md": "# E"})
    update_index(tmp_path / "index", root)
    assert indexed_paths(tmp_path / "index") == {"a.md"}


def test_an_emptied_file_leaves_the_index_with_a_problem(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    update_index(index_dir, kb_root)
    (kb_root / "promo" / "promo.en.md").write_text("", encoding="utf-8")
    report = update_index(index_dir, kb_root)
    assert report.deleted == 1
    assert "promo/promo.en.md" not in indexed_paths(index_dir)
    assert "promo/promo.en.md" not in manifest(index_dir)["files"]
    assert [problem.path for problem in report.problems] == ["promo/promo.en.md"]


def test_a_missing_kb_is_an_error(tmp_path):
    with pytest.raises(KbNotFoundError):
        update_index(tmp_path / "index", tmp_path / "no-such-kb")


# -- rebuilds ------------------------------------------------------------------------------


def test_rebuild_when_schema_version_changes(kb_root, tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    with SearchService(kb_root, index_dir) as svc:
        svc.update()
    monkeypatch.setattr(indexer, "SCHEMA_VERSION", indexer.SCHEMA_VERSION + 1)
    with SearchService(kb_root, index_dir) as svc:
        report = svc.update()
        assert report.rebuilt and "schema version" in str(report.rebuild_reason)
        assert top_ids(svc.search("refund"))[0] == "refund"
    assert manifest(index_dir)["schema_version"] == SCHEMA_VERSION + 1


def test_rebuild_without_a_manifest_or_for_another_kb(kb_root, tmp_path, write_kb):
    index_dir = tmp_path / "index"
    update_index(index_dir, kb_root)
    (live_generation(index_dir) / MANIFEST).unlink()
    report = update_index(index_dir, kb_root)
    assert report.rebuilt and str(report.rebuild_reason) == "no manifest" and report.added == ARTICLE_COUNT
    other = write_kb({"other.md": "# Other KB"}, tmp_path / "other-kb")
    report = update_index(index_dir, other)
    assert report.rebuilt and str(report.rebuild_reason) == "index belongs to another KB"
    assert indexed_paths(index_dir) == {"other.md"}


def test_rebuild_when_index_is_corrupt(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    with SearchService(kb_root, index_dir) as svc:
        svc.update()
    for toc in live_generation(index_dir).glob("_kb_*.toc"):
        toc.write_bytes(b"garbage")
    with SearchService(kb_root, index_dir) as svc:
        report = svc.update()
        assert report.rebuilt and "damaged" in str(report.rebuild_reason)
        assert top_ids(svc.search("refund"))[0] == "refund"


def test_explicit_rebuild(service):
    report = service.update(rebuild=True)
    assert report.rebuilt and report.added == len(KB_FILES) - 1


def test_stale_lock_left_by_a_crash_is_ignored(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    with SearchService(kb_root, index_dir) as svc:
        svc.update()
    (live_generation(index_dir) / "kb_WRITELOCK").write_text("pid 99999")
    (kb_root / "more.md").write_text("# Walrus facts", encoding="utf-8")
    with SearchService(kb_root, index_dir) as svc:
        assert svc.update().added == 1
        assert top_ids(svc.search("walrus"))[0] == "more"


def test_crash_mid_write_leaves_a_usable_index(kb_root, tmp_path):
    """A writer that dies before commit (lock file and partial segment left) is recovered from."""
    index_dir = tmp_path / "index"
    with SearchService(kb_root, index_dir) as svc:
        svc.update()
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    writer = ix.writer()
    writer.add_document(path="ghost.md", id="ghost", title="Ghost article")
    # simulate the process dying: drop the writer without commit or cancel,
    # then release the OS lock the way process exit would
    writer.writelock.release()
    (kb_root / "late.md").write_text("# Late arrival", encoding="utf-8")
    with SearchService(kb_root, index_dir) as svc:
        report = svc.update()
        assert report.added == 1
        assert top_ids(svc.search("late arrival"))[0] == "late"
        assert svc.search("ghost").hits == ()


def test_index_is_outside_the_kb(service, kb_root):
    assert not any(p.name.endswith(".toc") for p in kb_root.rglob("*"))


def test_parallel_build_gives_the_same_answers(kb_root, tmp_path, monkeypatch):
    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 0)
    with SearchService(kb_root, tmp_path / "parallel") as svc:
        report = svc.update()
        assert report.added == len(KB_FILES) - 1
        assert svc.doc_count() == len(KB_FILES) - 1
        assert top_ids(svc.search("refund card"))[0] == "refund"


# -- saved files (update_paths) ------------------------------------------------------------


def test_update_files_reindexes_just_the_saved_file(service, kb_root):
    (kb_root / "promo" / "promo.en.md").write_text("---\nid: promo\n---\n# Coupons\n\nQuokka discount.", encoding="utf-8")
    (kb_root / "new.md").write_text("# Newly written\n\nPlatypus.", encoding="utf-8")
    (kb_root / "delivery" / "tracking.ru.md").unlink()
    report = service.update_files(["promo/promo.en.md", "new.md", "delivery/tracking.ru.md", "_kb.yml"])
    assert (report.changed, report.added, report.deleted) == (1, 1, 1)
    assert top_ids(service.search("quokka"))[0] == "promo"
    assert top_ids(service.search("platypus"))[0] == "new"
    assert service.search("посылки").hits == ()
    # the rest of the index is untouched, and a later full update finds nothing to do
    assert top_ids(service.search("refund"))[0] == "refund"
    assert service.update().touched == 0


def test_files_outside_the_list_wait_for_the_next_full_update(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    update_index(index_dir, kb_root)
    (kb_root / "promo" / "promo.en.md").write_text("---\nid: promo\n---\n# Coupons\n\nChanged.", encoding="utf-8")
    (kb_root / "delivery" / "tracking.ru.md").unlink()
    (kb_root / "saved.md").write_text("# Saved", encoding="utf-8")
    report = update_paths(index_dir, kb_root, ["saved.md"])
    assert (report.added, report.changed, report.deleted) == (1, 0, 0)
    assert "delivery/tracking.ru.md" in indexed_paths(index_dir)
    assert set(manifest(index_dir)["files"]) == set(KB_FILES) - {"_kb.yml"} | {"saved.md"}
    later = update_index(index_dir, kb_root)
    assert (later.added, later.changed, later.deleted) == (0, 1, 1)


def test_saved_hidden_and_non_article_files_are_ignored(kb_root, tmp_path):
    index_dir = tmp_path / "index"
    update_index(index_dir, kb_root)
    (kb_root / "_drafts").mkdir()
    (kb_root / "_drafts" / "draft.md").write_text("# Draft", encoding="utf-8")
    (kb_root / "notes.txt").write_text("# Notes", encoding="utf-8")
    report = update_paths(index_dir, kb_root, ["_drafts/draft.md", "notes.txt", "never-existed.md"])
    assert report.touched == 0
    assert indexed_paths(index_dir) == set(KB_FILES) - {"_kb.yml"}


def test_saving_into_a_missing_or_outdated_index_builds_it_whole(kb_root, tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    report = update_paths(index_dir, kb_root, ["promo/promo.en.md"])
    assert report.added == ARTICLE_COUNT
    assert indexed_paths(index_dir) == set(KB_FILES) - {"_kb.yml"}
    monkeypatch.setattr(indexer, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    report = update_paths(index_dir, kb_root, ["promo/promo.en.md"])
    assert report.added == ARTICLE_COUNT
    assert manifest(index_dir)["schema_version"] == SCHEMA_VERSION + 1


def test_saving_into_an_outdated_index_reports_the_rebuild(kb_root, tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    update_index(index_dir, kb_root)
    monkeypatch.setattr(indexer, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    report = update_paths(index_dir, kb_root, ["promo/promo.en.md"])
    assert report.rebuilt and "schema version" in str(report.rebuild_reason)
