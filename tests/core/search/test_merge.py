"""Merging a parallel build's segments into one: in a process of its own, safe to kill at any moment."""

from __future__ import annotations

import time

import pytest
from whoosh import index as whoosh_index

from kb_assistant.core.search import SearchService, update_index
from kb_assistant.core.search.indexer import INDEX_NAME, live_generation, merge_segments, open_live
from kb_assistant.core.search.parallel import BackgroundMerge

FILES = 60
QUESTIONS = ("word0001", "word0042 here", "article 7", "here")


@pytest.fixture
def built(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    for n in range(FILES):
        (kb / f"a{n:04d}.en.md").write_text(
            f"---\nid: a{n:04d}\nlang: en\n---\n# Article {n}\n\nword{n:04d} here, and more words {n % 7}.\n",
            encoding="utf-8")
    index_dir = tmp_path / "index"
    update_index(index_dir, kb, parallel_threshold=0)  # a segment per worker
    return kb, index_dir


def segments(index_dir) -> int:
    index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    try:
        return len(index._segments())  # noqa: SLF001
    finally:
        index.close()


def opens(kb, index_dir) -> bool:
    index, _reason = open_live(index_dir, kb)
    if index is not None:
        index.close()
    return index is not None


def answers(kb, index_dir):
    with SearchService(kb, index_dir) as service:
        return [[(hit.id, hit.score) for hit in service.search(q).hits] for q in QUESTIONS]


def test_merging_leaves_one_segment_and_the_same_answers(built):
    kb, index_dir = built
    if segments(index_dir) < 2:
        pytest.skip("one core: the build made one segment")
    before = answers(kb, index_dir)
    assert merge_segments(index_dir, kb)
    assert segments(index_dir) == 1
    assert answers(kb, index_dir) == before
    assert opens(kb, index_dir)  # the checksums were recorded
    assert not merge_segments(index_dir, kb)  # nothing left to merge


def test_a_busy_index_is_not_merged(built):
    from whoosh.filedb.filestore import FileStorage

    kb, index_dir = built
    lock = FileStorage(str(live_generation(index_dir))).lock(f"{INDEX_NAME}_WRITELOCK")
    assert lock.acquire()
    try:
        assert not merge_segments(index_dir, kb)
    finally:
        lock.release()


def test_a_background_merge_ends_by_itself(built):
    kb, index_dir = built
    merge = BackgroundMerge(index_dir, kb)
    assert merge.wait(60)
    assert segments(index_dir) == 1


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.6, 0.9])
def test_a_merge_killed_at_any_moment_leaves_the_index_as_it_was(built, delay):
    kb, index_dir = built
    before = answers(kb, index_dir)
    merge = BackgroundMerge(index_dir, kb)
    time.sleep(delay)
    merge.stop()
    assert opens(kb, index_dir)
    assert answers(kb, index_dir) == before
    report = update_index(index_dir, kb)  # the next update works, and cleans what the merge left
    assert not report.rebuilt
    assert merge_segments(index_dir, kb) or segments(index_dir) == 1
    assert answers(kb, index_dir) == before


def test_a_searcher_open_during_the_merge_sees_each_document_once_after_a_refresh(built):
    """Whoosh-Reloaded's own Searcher.refresh() kept the merged-away segments: every document twice."""
    kb, index_dir = built
    with SearchService(kb, index_dir) as service:
        assert service.search("word0001").hits
        assert merge_segments(index_dir, kb) or segments(index_dir) == 1
        assert service.search("word0002").hits[0].id == "a0002"  # the old view still answers
        service.refresh()
        assert service.doc_count() == FILES
        assert [hit.id for hit in service.search("word0003").hits] == ["a0003"]
