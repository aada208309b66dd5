"""The search thread: answers by signal, and stops cleanly."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from kb_assistant.ui.search.worker import SearchThread, SearchWorker

KB = {"a.md": "---\nid: a\nlang: en\n---\n# Refund to a card\n\nRefunds take days.\n"}


class _Window(QObject):
    """Stands for the window: asks on the GUI thread, hears answers there (queued, like the app)."""

    refresh = Signal()
    reload = Signal()
    saved = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[tuple] = []
        self.unchanged = 0
        self.failures: list[BaseException] = []

    @Slot(object, object, object)
    def on_ready(self, kb, report, problems) -> None:
        self.answers.append((kb, report, problems))

    @Slot()
    def on_unchanged(self) -> None:
        self.unchanged += 1

    @Slot(object)
    def on_failed(self, error) -> None:
        self.failures.append(error)


def _started(qtbot, write_kb, tmp_path):
    worker = SearchWorker(write_kb(KB), tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    window.reload.connect(worker.reload)
    window.saved.connect(worker.update_files)
    worker.ready.connect(window.on_ready)
    worker.unchanged.connect(window.on_unchanged)
    thread.start()
    window.refresh.emit()
    qtbot.waitUntil(lambda: bool(window.answers), timeout=10000)
    return worker, thread, window


def test_refresh_loads_the_kb_on_the_worker_thread(qtbot, write_kb, tmp_path):
    worker, thread, window = _started(qtbot, write_kb, tmp_path)
    try:
        [(kb, report, problems)] = window.answers
        assert list(kb.articles) == ["a"]
        assert report.added == 1
        assert problems == []
        assert worker.thread() is not QCoreApplication.instance().thread()
    finally:
        thread.stop()


def test_a_stopped_worker_comes_home_and_ignores_late_requests(qtbot, write_kb, tmp_path):
    """The window keeps references to the worker, so the garbage collector may delete it on the GUI
    thread later: by then it must belong to the GUI thread, not to the thread that has ended."""
    worker, thread, window = _started(qtbot, write_kb, tmp_path)
    thread.stop()
    assert worker.thread() is QCoreApplication.instance().thread()
    found = []
    worker.results.connect(lambda *args: found.append(args))
    # the worker lives on the GUI thread now, so these are direct calls: each has run when it returns
    window.refresh.emit()  # it must not open the index again
    worker.reload()
    worker.update_files(["a.md"])
    worker.search(99, "refund", None)
    assert len(window.answers) == 1 and found == []
    assert worker._service is None
    del thread, worker
    gc.collect()  # deleting it here, on the GUI thread, is safe


def test_a_refresh_that_finds_nothing_changed_does_nothing(qtbot, write_kb, tmp_path):
    """The watcher's refresh after the app's own save: no second index update, no second reload."""
    worker, thread, window = _started(qtbot, write_kb, tmp_path)
    try:
        window.refresh.emit()
        qtbot.waitUntil(lambda: window.unchanged == 1, timeout=5000)
        assert len(window.answers) == 1
        article = worker._kb_root / "a.md"
        article.write_text(article.read_text(encoding="utf-8") + "\nZebra crossing.\n", encoding="utf-8")
        window.saved.emit(["a.md"])  # the editor's save
        qtbot.waitUntil(lambda: len(window.answers) == 2, timeout=10000)
        window.refresh.emit()  # what the watcher asks after that save
        qtbot.waitUntil(lambda: window.unchanged == 2, timeout=5000)
        assert len(window.answers) == 2
        (worker._kb_root / "b.md").write_text("# Another article\n\nText.\n", encoding="utf-8")
        window.refresh.emit()  # a file from elsewhere (a git pull)
        qtbot.waitUntil(lambda: len(window.answers) == 3, timeout=10000)
        assert "b" in window.answers[-1][0].articles and window.unchanged == 2
    finally:
        thread.stop()


def test_reload_reads_the_kb_even_when_nothing_changed(qtbot, write_kb, tmp_path):
    worker, thread, window = _started(qtbot, write_kb, tmp_path)
    try:
        window.reload.emit()
        qtbot.waitUntil(lambda: len(window.answers) == 2, timeout=10000)
        assert window.unchanged == 0
    finally:
        thread.stop()


def test_a_missing_kb_folder_is_reported_as_an_error_object(qtbot, tmp_path):
    from kb_assistant.core.errors import KbNotFoundError

    worker = SearchWorker(tmp_path / "no-such-kb", tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.failed.connect(window.on_failed)
    thread.start()
    try:
        window.refresh.emit()
        qtbot.waitUntil(lambda: bool(window.failures), timeout=5000)
        assert isinstance(window.failures[0], KbNotFoundError)
    finally:
        thread.stop()


def test_a_damaged_index_is_rebuilt_and_the_window_is_told(qtbot, write_kb, tmp_path):
    """The search thread survives a corrupt index on disk: it rebuilds it and says so."""
    from kb_assistant.core.search.indexer import live_generation, update_index

    root = write_kb(KB)
    update_index(tmp_path / "index", root)
    for path in live_generation(tmp_path / "index").glob("*.trm"):
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF  # same size: only the checksums can tell
        path.write_bytes(bytes(data))
    worker = SearchWorker(root, tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    worker.failed.connect(window.on_failed)
    thread.start()
    try:
        window.refresh.emit()
        qtbot.waitUntil(lambda: bool(window.answers) and bool(window.failures), timeout=10000)
        [(kb, report, _problems)] = window.answers
        assert report.rebuilt and "damaged" in str(report.rebuild_reason)
        assert window.failures[0].code == "index-repaired" and ".trm" in str(window.failures[0])
    finally:
        thread.stop()


def test_a_busy_index_still_answers_and_the_update_is_tried_again(qtbot, write_kb, tmp_path, monkeypatch):
    from whoosh.filedb.filestore import FileStorage

    from kb_assistant.core.search import indexer
    from kb_assistant.core.search.indexer import live_generation

    monkeypatch.setattr(indexer, "LOCK_WAIT_SECONDS", 0.1)
    worker, thread, window = _started(qtbot, write_kb, tmp_path)
    worker.failed.connect(window.on_failed)
    found = []
    worker.results.connect(lambda request, results: found.append(results))  # appended on the search thread
    search = _Search()
    search.asked.connect(worker.search)
    lock = FileStorage(str(live_generation(tmp_path / "index"))).lock("kb_WRITELOCK")
    held = lock.acquire()  # another process is updating the index
    try:
        assert held
        (worker._kb_root / "b.md").write_text("# Zebra crossing\n\nStripes.\n", encoding="utf-8")
        window.refresh.emit()
        qtbot.waitUntil(lambda: bool(window.failures), timeout=10000)
        assert window.failures[0].code == "index-stale" and "another process" in str(window.failures[0])
        qtbot.waitUntil(lambda: len(window.answers) == 2, timeout=10000)  # the KB is loaded all the same
        search.asked.emit(1, "refund", None)
        qtbot.waitUntil(lambda: bool(found), timeout=5000)
        assert found[0].hits  # answered from the index as it was
        lock.release()
        held = False
        window.refresh.emit()  # the next refresh does the update that waited
        qtbot.waitUntil(lambda: len(window.answers) == 3, timeout=10000)
        assert window.answers[-1][1].added == 1
    finally:
        thread.stop()
        if held:
            lock.release()


class _Search(QObject):
    asked = Signal(int, str, object)


def _big_kb(write_kb, count):
    return write_kb({f"faq/a{n:04d}.en.md": f"---\nid: a{n:04d}\nlang: en\n---\n# Article {n}\n\nword{n:04d} here.\n"
                     for n in range(count)})


def _blocked_load(monkeypatch):
    """Make the loader wait inside load_kb until the returned event is set (the KB is still being read)."""
    import threading

    from kb_assistant.ui.search import worker as worker_module

    release = threading.Event()
    original = worker_module.load_kb

    def load_kb(*args, **kwargs):
        release.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(worker_module, "load_kb", load_kb)
    return release


def test_a_first_build_is_searched_in_part_while_the_rest_is_indexed_and_the_kb_read(
        qtbot, write_kb, tmp_path, monkeypatch):
    from kb_assistant.core.search.indexer import FIRST_PART_FILES

    total = 2 * FIRST_PART_FILES + 20
    release = _blocked_load(monkeypatch)
    worker = SearchWorker(_big_kb(write_kb, total), tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    parts, found, done = [], [], []
    worker.searchable.connect(lambda indexed, all_files: parts.append((indexed, all_files)))
    worker.results.connect(lambda request, results: found.append(results))
    worker.request_done.connect(done.append)
    search = _Search()
    search.asked.connect(worker.search)
    thread.start()
    try:
        search.asked.emit(1, "word0000", None)  # before anything is indexed: not answered, but done
        window.refresh.emit()
        qtbot.waitUntil(lambda: bool(parts), timeout=20000)
        assert parts == [(FIRST_PART_FILES, total)] and 1 in done and found == []
        search.asked.emit(2, "word0000", None)
        qtbot.waitUntil(lambda: bool(found), timeout=10000)
        assert found[0].hits[0].id == "a0000"
        assert window.answers == []  # the KB is still being read: the search did not wait for it
        release.set()
        qtbot.waitUntil(lambda: bool(window.answers), timeout=20000)
        search.asked.emit(3, f"word{total - 1:04d}", None)
        qtbot.waitUntil(lambda: len(found) == 2, timeout=10000)
        assert found[1].hits[0].id == f"a{total - 1:04d}"
    finally:
        release.set()
        thread.stop()


def test_with_an_index_kept_the_first_search_is_answered_before_the_kb_is_read(
        qtbot, write_kb, tmp_path, monkeypatch):
    from kb_assistant.core.search.indexer import update_index

    root = write_kb(KB)
    update_index(tmp_path / "index", root)
    release = _blocked_load(monkeypatch)
    worker = SearchWorker(root, tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    found = []
    worker.results.connect(lambda request, results: found.append(results))
    search = _Search()
    search.asked.connect(worker.search)
    thread.start()
    try:
        window.refresh.emit()
        search.asked.emit(1, "refund", None)
        qtbot.waitUntil(lambda: bool(found), timeout=10000)
        assert found[0].hits[0].id == "a" and window.answers == []
        release.set()
        qtbot.waitUntil(lambda: bool(window.answers), timeout=10000)
    finally:
        release.set()
        thread.stop()


def test_loads_asked_for_while_one_runs_are_merged_into_one(qtbot, write_kb, tmp_path, monkeypatch):
    release = _blocked_load(monkeypatch)
    worker, thread, window = None, None, _Window()
    root = write_kb(KB)
    worker = SearchWorker(root, tmp_path / "index")
    thread = SearchThread(worker)
    window.refresh.connect(worker.refresh)
    window.reload.connect(worker.reload)
    window.saved.connect(worker.update_files)
    worker.ready.connect(window.on_ready)
    thread.start()
    try:
        window.refresh.emit()
        window.saved.emit(["a.md"])
        window.reload.emit()
        window.saved.emit(["b.md"])
        release.set()
        qtbot.waitUntil(lambda: len(window.answers) == 2, timeout=10000)
        qtbot.wait(300)
        assert len(window.answers) == 2  # the first load, then one for the three asked meanwhile
    finally:
        release.set()
        thread.stop()


def _segments_on_disk(index_dir) -> int:
    from whoosh import index as whoosh_index

    from kb_assistant.core.search.indexer import INDEX_NAME, live_generation

    index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
    try:
        return len(index._segments())
    finally:
        index.close()


def _segments(service) -> int:
    reader = service._current_searcher().reader()
    return len(reader.leaf_readers()) if hasattr(reader, "leaf_readers") else 1


def test_a_parallel_build_is_merged_into_one_segment_in_the_background(qtbot, write_kb, tmp_path, monkeypatch):
    import os

    from kb_assistant.core.search import indexer

    if (os.cpu_count() or 1) < 2:
        import pytest

        pytest.skip("one core: a build makes one segment")
    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 10)
    worker = SearchWorker(_big_kb(write_kb, 40), tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    thread.start()
    try:
        window.refresh.emit()
        qtbot.waitUntil(lambda: bool(window.answers), timeout=20000)
        assert window.answers[0][1].rebuilt
        # the merge runs in a process of its own; then the search thread picks the one segment up
        qtbot.waitUntil(lambda: _segments_on_disk(tmp_path / "index") == 1, timeout=30000)
        qtbot.waitUntil(lambda: worker._merge is None, timeout=10000)
        found = []
        worker.results.connect(lambda request, results: found.append(results))
        search = _Search()
        search.asked.connect(worker.search)
        search.asked.emit(1, "word0039", None)
        qtbot.waitUntil(lambda: bool(found), timeout=10000)
        assert found[0].hits[0].id == "a0039"
        qtbot.waitUntil(lambda: _segments(worker._service) == 1, timeout=10000)
    finally:
        thread.stop()


def test_an_update_stops_a_merge_and_the_merge_is_done_again_after_it(qtbot, write_kb, tmp_path, monkeypatch):
    from kb_assistant.core.search import indexer
    from kb_assistant.ui.search import worker as worker_module

    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 10)
    started = []

    class SlowMerge:
        """Stands for the merging process: it runs until stopped."""

        def __init__(self, index_dir, kb_root):
            import threading

            self.stopped = threading.Event()
            started.append(self)

        def wait(self, timeout=None):
            self.stopped.wait(timeout)
            return False

        def stop(self):
            self.stopped.set()

    monkeypatch.setattr(worker_module, "BackgroundMerge", SlowMerge)
    worker = SearchWorker(_big_kb(write_kb, 40), tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    window.saved.connect(worker.update_files)
    worker.ready.connect(window.on_ready)
    thread.start()
    try:
        window.refresh.emit()
        qtbot.waitUntil(lambda: len(started) == 1, timeout=20000)
        window.saved.emit(["faq/a0001.en.md"])  # the editor saved: the merge must give the lock up
        qtbot.waitUntil(lambda: started[0].stopped.is_set(), timeout=10000)
        qtbot.waitUntil(lambda: len(window.answers) == 2 and len(started) == 2, timeout=20000)
    finally:
        thread.stop()
    assert started[1].stopped.is_set()  # closing stops it too


def test_an_index_left_unmerged_by_the_last_run_is_merged_at_start_up(qtbot, write_kb, tmp_path, monkeypatch):
    import os

    import pytest

    from kb_assistant.core.search import indexer
    from kb_assistant.core.search.indexer import update_index

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: a build makes one segment")
    root = _big_kb(write_kb, 40)
    update_index(tmp_path / "index", root, parallel_threshold=10)  # a segment per worker, never merged
    assert _segments_on_disk(tmp_path / "index") > 1
    monkeypatch.setattr(indexer, "PARALLEL_THRESHOLD", 10)
    worker = SearchWorker(root, tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    thread.start()
    try:
        window.refresh.emit()
        qtbot.waitUntil(lambda: bool(window.answers), timeout=20000)
        assert not window.answers[0][1].rebuilt
        qtbot.waitUntil(lambda: _segments_on_disk(tmp_path / "index") == 1, timeout=30000)
        qtbot.waitUntil(lambda: not worker.merging, timeout=10000)
    finally:
        thread.stop()


def test_closing_during_a_first_build_stops_it_and_keeps_the_part_already_live(qtbot, write_kb, tmp_path):
    import time

    from kb_assistant.core.search import SearchService
    from kb_assistant.core.search.indexer import FIRST_PART_FILES

    total = 8 * FIRST_PART_FILES
    root = _big_kb(write_kb, total)
    worker = SearchWorker(root, tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    parts = []
    worker.searchable.connect(lambda indexed, all_files: parts.append(indexed))
    thread.start()
    window.refresh.emit()
    qtbot.waitUntil(lambda: bool(parts), timeout=20000)
    started = time.perf_counter()
    thread.stop()  # the agent quits while the rest is indexed
    assert time.perf_counter() - started < 5
    assert window.answers == []  # stopped: never reported as loaded
    with SearchService(root, tmp_path / "index") as reader:
        assert reader.doc_count() >= FIRST_PART_FILES  # the first part stays live for the next start
