"""A first build that can be searched before it is complete: the first part goes live, then the rest."""

from __future__ import annotations

import pytest

from kb_assistant.core.search import SearchService, update_index
from kb_assistant.core.search.indexer import FIRST_PART_FILES, live_generation

FILES = 2 * FIRST_PART_FILES + 50


class Stop(Exception):
    """What a progress callback raises to stop a build (the window closing)."""


@pytest.fixture
def big_kb(tmp_path):
    kb = tmp_path / "kb"
    (kb / "faq").mkdir(parents=True)
    for n in range(FILES):
        # every article has its own word, so each can be found alone
        (kb / "faq" / f"a{n:04d}.en.md").write_text(
            f"---\nid: a{n:04d}\nlang: en\n---\n# Article {n}\n\nword{n:04d} appears only here.\n", encoding="utf-8")
    return kb


def found(service: SearchService, n: int) -> bool:
    return any(hit.id == f"a{n:04d}" for hit in service.search(f"word{n:04d}").hits)


@pytest.mark.parametrize("parallel_threshold", [10_000, 0], ids=["one process", "workers"])
def test_the_first_part_is_searchable_while_the_rest_is_indexed(big_kb, tmp_path, parallel_threshold):
    index_dir = tmp_path / "index"
    seen = []

    def published(indexed, total):
        # another reader of the index (the window's search thread) sees the first part now
        with SearchService(big_kb, index_dir) as reader:
            seen.append((indexed, total, reader.doc_count(), found(reader, 0), found(reader, FILES - 1)))

    report = update_index(index_dir, big_kb, published=published, parallel_threshold=parallel_threshold)
    assert seen == [(FIRST_PART_FILES, FILES, FIRST_PART_FILES, True, False)]
    assert (report.added, report.unchanged, report.rebuilt) == (FILES, 0, True)
    with SearchService(big_kb, index_dir) as reader:
        assert reader.doc_count() == FILES
        assert found(reader, 0) and found(reader, FILES - 1)
    # the manifest knows every file: nothing is indexed again
    again = update_index(index_dir, big_kb)
    assert (again.rebuilt, again.added, again.changed, again.unchanged) == (False, 0, 0, FILES)


def test_progress_counts_over_every_file(big_kb, tmp_path):
    calls = []
    update_index(tmp_path / "index", big_kb, published=lambda *_: None, progress=lambda d, t: calls.append((d, t)))
    assert {total for _, total in calls} == {FILES}
    assert calls[-1] == (FILES, FILES)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_without_published_nothing_half_built_is_live(big_kb, tmp_path):
    index_dir = tmp_path / "index"

    def look(done, total):
        assert live_generation(index_dir) is None

    update_index(index_dir, big_kb, progress=look)
    assert live_generation(index_dir) is not None


def test_a_small_kb_is_made_live_in_one_step(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    for n in range(2 * FIRST_PART_FILES):
        (kb / f"a{n}.en.md").write_text(f"# Article {n}\n\nText.\n", encoding="utf-8")
    calls = []
    update_index(tmp_path / "index", kb, published=lambda *args: calls.append(args))
    assert calls == []


@pytest.mark.parametrize("parallel_threshold", [10_000, 0], ids=["one process", "workers"])
def test_a_build_stopped_after_its_first_part_keeps_it_and_the_next_update_adds_the_rest(
        big_kb, tmp_path, parallel_threshold):
    index_dir = tmp_path / "index"
    state = {"published": False}

    def published(indexed, total):
        state["published"] = True

    def progress(done, total):
        if state["published"]:
            raise Stop

    with pytest.raises(Stop):
        update_index(index_dir, big_kb, published=published, progress=progress, parallel_threshold=parallel_threshold)
    with SearchService(big_kb, index_dir) as reader:
        assert reader.doc_count() == FIRST_PART_FILES
    report = update_index(index_dir, big_kb)
    assert (report.rebuilt, report.added) == (False, FILES - FIRST_PART_FILES)
    with SearchService(big_kb, index_dir) as reader:
        assert reader.doc_count() == FILES
        assert found(reader, FILES - 1)


def test_a_stopped_build_without_a_live_part_leaves_nothing(big_kb, tmp_path):
    index_dir = tmp_path / "index"

    def progress(done, total):
        raise Stop

    with pytest.raises(Stop):
        update_index(index_dir, big_kb, progress=progress, parallel_threshold=0)
    assert live_generation(index_dir) is None
    report = update_index(index_dir, big_kb)
    assert (report.rebuilt, report.added) == (True, FILES)


def test_the_workers_segments_replace_the_first_parts_and_its_problems_are_told_once(big_kb, tmp_path):
    """Each segment more costs every search a lookup per term: the first part's goes once the workers are done."""
    from whoosh import index as whoosh_index

    from kb_assistant.core.search.indexer import INDEX_NAME

    (big_kb / "faq" / "a0000.en.md").write_text("---\nid: [broken\n---\n# Broken\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    report = update_index(index_dir, big_kb, published=lambda *_: None, parallel_threshold=0)
    index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    try:
        workers = len(index._segments())  # noqa: SLF001
        assert index.doc_count() == FILES
    finally:
        index.close()
    plain = update_index(tmp_path / "plain", big_kb, parallel_threshold=0)
    plain_index = whoosh_index.open_dir(str(live_generation(tmp_path / "plain")), indexname=INDEX_NAME)
    try:
        assert workers == len(plain_index._segments())  # noqa: SLF001
    finally:
        plain_index.close()
    assert [(p.path, p.code) for p in report.problems] == [(p.path, p.code) for p in plain.problems]
    assert any(p.path == "faq/a0000.en.md" for p in report.problems)
