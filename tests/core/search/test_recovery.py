"""The index recovers by itself: kills at random points of a build, corrupt files, dead workers, full disks, races.

The kill tests start a real indexer process, kill it with SIGKILL at a seeded
random moment (a fresh parallel build, or an incremental update), check that no
process it started is left behind, and then require a search from the same
index folder to give exactly the answers of a clean build.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from kb_assistant.core.errors import SearchIndexError
from kb_assistant.core.search import SearchService
from kb_assistant.core.search import indexer, store
from kb_assistant.core.search.indexer import INDEX_NAME, live_generation, update_index
from kb_assistant.core.search.store import CHECKSUMS, CURRENT, MANIFEST

ROOT = Path(__file__).resolve().parents[3]
WORDS = ("refund card parcel courier password account order invoice delivery promo voucher subscription "
         "warranty return exchange discount payment bank transfer tracking address").split()
QUESTIONS = ("refund to card", "parcel courier", "password account", "promo voucher", "bank transfer")
ARTICLES = 120
PARALLEL = 40
"""Builds of more files than this use worker processes (lowered from 1,000 so a small KB takes that path)."""
VICTIM = (
    "import sys; from kb_assistant.core.search.indexer import update_index; "
    "update_index(sys.argv[1], sys.argv[2], parallel_threshold=int(sys.argv[3]))"
)


def make_kb(root: Path, seed: int = 7) -> Path:
    """A seeded KB of short articles over a small vocabulary (every question matches several)."""
    rng = random.Random(seed)
    for number in range(ARTICLES):
        words = " ".join(rng.choice(WORDS) for _ in range(60))
        title = " ".join(rng.sample(WORDS, 3))
        path = root / f"topic{number % 6}" / f"a{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\nid: a{number}\nlang: en\n---\n# {title}\n\n{words}.\n", encoding="utf-8")
    return root


def answers(kb: Path, index_dir: Path) -> list[list[tuple[str, float]]]:
    """Every match of every question with its score, ties in id order.

    All matches, not the top few: which of several equal scores makes a cut-off
    depends on the segment layout (a parallel build writes two segments).
    """
    with SearchService(kb, index_dir) as service:
        service.update()
        out = []
        for question in QUESTIONS:
            hits = service.search(question, limit=ARTICLES + 10).hits
            out.append(sorted(((hit.id, round(hit.score, 3)) for hit in hits), key=lambda pair: (-pair[1], pair[0])))
    return out


def answers_within(kb: Path, index_dir: Path, seconds: float = 30.0):
    """:func:`answers`, failing the test (instead of hanging it) when they take longer than ``seconds``."""
    result: dict = {}

    def run() -> None:
        try:
            result["answers"] = answers(kb, index_dir)
        except BaseException as exc:  # noqa: BLE001 - re-raised below, on the test's thread
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the search after a kill did not answer within {seconds} s"
    if "error" in result:
        raise result["error"]
    return result["answers"]


def processes_marked(marker: str) -> list[int]:
    """Processes whose environment carries ``marker`` (the victim's children inherit it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return make_kb(tmp_path_factory.mktemp("kill-kb"))


@pytest.fixture(scope="module")
def clean(kb, tmp_path_factory):
    """The answers of a clean build, and how long an indexer process takes from start to finish."""
    index_dir = tmp_path_factory.mktemp("clean") / "index"
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", VICTIM, str(index_dir), str(kb), str(PARALLEL)], check=True, cwd=ROOT,
                   timeout=120)
    return answers(kb, index_dir), time.monotonic() - started


def kill_at_random(kb: Path, index_dir: Path, delay: float, threshold: int) -> None:
    marker = f"KB_KILL_TEST={uuid.uuid4().hex}"
    env = dict(os.environ, KB_KILL_TEST=marker.split("=", 1)[1])
    victim = subprocess.Popen([sys.executable, "-c", VICTIM, str(index_dir), str(kb), str(threshold)],
                              cwd=ROOT, env=env)
    time.sleep(delay)
    victim.send_signal(signal.SIGKILL)
    victim.wait(10)
    # workers notice their parent is gone within a fraction of a second
    deadline = time.monotonic() + 5
    while processes_marked(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_marked(marker) == [], "a process of the killed indexer was left behind"


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds leftover processes through /proc")
@pytest.mark.parametrize("seed", range(10))
def test_a_fresh_parallel_build_killed_anywhere_recovers(kb, clean, tmp_path, seed):
    clean_answers, build_seconds = clean
    index_dir = tmp_path / "index"
    kill_at_random(kb, index_dir, random.Random(seed).uniform(0.0, build_seconds), PARALLEL)
    assert answers_within(kb, index_dir) == clean_answers


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds leftover processes through /proc")
@pytest.mark.parametrize("seed", range(10))
def test_an_incremental_update_killed_anywhere_recovers(kb, clean, tmp_path_factory, seed):
    """The first update after a kill sees the half-written changes and finishes them (same answers as clean)."""
    clean_answers, _ = clean
    work = tmp_path_factory.mktemp(f"incremental-{seed}")
    index_dir = work / "index"
    update_index(index_dir, kb, parallel_threshold=PARALLEL)
    rng = random.Random(seed)
    touched = rng.sample(sorted(kb.rglob("*.md")), 30)
    for path in touched:  # new content to re-index, the same words: the clean answers still hold
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n")
    started = time.monotonic()
    kill_at_random(kb, index_dir, rng.uniform(0.2, 1.2), PARALLEL)
    assert time.monotonic() - started < 30
    assert answers_within(kb, index_dir) == clean_answers


# -- corruption ------------------------------------------------------------------------------

def _built(kb: Path, tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    update_index(index_dir, kb)
    return index_dir


def _kinds(generation: Path) -> dict[str, Path]:
    """One index file of every kind Whoosh writes (by what ends its name), plus our own notes."""
    kinds: dict[str, Path] = {}
    for path in sorted(generation.iterdir()):
        if path.is_file() and not path.name.endswith("WRITELOCK"):
            kind = path.name.split(".", 1)[-1] if path.name not in (MANIFEST, CHECKSUMS) else path.name
            kinds.setdefault(kind, path)
    return kinds


@pytest.mark.parametrize("damage", ["truncate", "delete", "flip"])
def test_every_index_file_kind_damaged_is_rebuilt_with_the_same_answers(kb, clean, tmp_path, damage):
    clean_answers, _ = clean
    index_dir = _built(kb, tmp_path)
    kinds = _kinds(live_generation(index_dir))
    assert {"toc", "trm", "pst", MANIFEST, CHECKSUMS} <= set(kinds)  # the file kinds there are
    assert any(kind.endswith("_len.col") for kind in kinds)
    for kind in kinds:
        path = _kinds(live_generation(index_dir))[kind]  # each round damages the index the last one rebuilt
        data = path.read_bytes()
        if damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "delete":
            path.unlink()
        else:  # same size: only the checksums can tell (a damaged _len.col silently changed the ranking)
            flipped = bytearray(data)
            flipped[len(flipped) // 2] ^= 0xFF
            path.write_bytes(bytes(flipped))
        with SearchService(kb, index_dir) as service:
            report = service.update()
        assert report.rebuilt, f"{kind} ({damage}) was not noticed"
        assert answers(kb, index_dir) == clean_answers, f"{kind} ({damage})"


@pytest.mark.parametrize("content", [b"", b"gen-../../etc\n", b"\xff\xfe garbage", b"gen-missing\n"])
def test_a_damaged_current_pointer_means_a_new_build(kb, clean, tmp_path, content):
    index_dir = _built(kb, tmp_path)
    (index_dir / CURRENT).write_bytes(content)
    assert answers(kb, index_dir) == clean[0]


def test_an_index_of_the_old_single_folder_layout_is_replaced(kb, clean, tmp_path):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / MANIFEST).write_text('{"schema_version": 1}', encoding="utf-8")
    (index_dir / "_kb_3.toc").write_bytes(b"old")
    assert answers(kb, index_dir) == clean[0]
    assert not (index_dir / MANIFEST).exists() and not (index_dir / "_kb_3.toc").exists()


# -- writers that fail ----------------------------------------------------------------------

def test_a_worker_that_dies_fails_the_build_at_once_and_keeps_the_live_index(kb, tmp_path):
    index_dir = _built(kb, tmp_path)
    before = live_generation(index_dir)
    outcome: dict = {}

    def build() -> None:
        try:
            update_index(index_dir, kb, rebuild=True, parallel_threshold=PARALLEL)
        except BaseException as exc:  # noqa: BLE001
            outcome["error"] = exc

    thread = threading.Thread(target=build, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not multiprocessing.active_children() and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    for child in multiprocessing.active_children():
        os.kill(child.pid, signal.SIGKILL)
    thread.join(30)
    assert not thread.is_alive(), "the build hung after a worker died"
    if "error" not in outcome:
        pytest.skip("the build finished before a worker could be killed")
    assert isinstance(outcome["error"], SearchIndexError) and outcome["error"].code == "index-worker-died"
    assert live_generation(index_dir) == before
    with SearchService(kb, index_dir) as service:
        assert service.search("refund").hits


def test_a_full_disk_leaves_the_live_index_searchable(tmp_path, monkeypatch):
    kb = make_kb(tmp_path / "kb")  # its own: this test edits an article
    index_dir = _built(kb, tmp_path)
    before = live_generation(index_dir)
    original = FileStorage.create_file

    def full(self, name, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)

    monkeypatch.setattr(FileStorage, "create_file", full)
    with pytest.raises(SearchIndexError) as caught:
        update_index(index_dir, kb, rebuild=True)
    assert caught.value.code == "index-write-failed" and "No space left" in str(caught.value)
    (kb / "topic0" / "a0.md").write_text("# Changed while full\n\nzebra\n", encoding="utf-8")
    with pytest.raises(SearchIndexError):
        update_index(index_dir, kb)  # an incremental update fails the same clear way
    monkeypatch.setattr(FileStorage, "create_file", original)
    assert live_generation(index_dir) == before
    assert [p.name for p in index_dir.iterdir() if p.name.startswith("gen-")] == [before.name]  # nothing half-built
    with SearchService(kb, index_dir) as service:
        assert service.search("refund").hits
        assert service.update().changed == 1  # disk space back: the update goes through


def test_an_index_folder_that_cannot_be_created_is_a_clear_error(kb, tmp_path, monkeypatch):
    def refused(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)
    with pytest.raises(SearchIndexError) as caught:
        update_index(tmp_path / "index", kb)
    assert caught.value.code == "index-write-failed" and "Permission denied" in str(caught.value)


def test_racing_rebuilds_both_finish_and_leave_one_good_index(kb, clean, tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    runs = [subprocess.Popen([sys.executable, "-m", "kb_assistant", "index", "--rebuild", "--kb", str(kb),
                              "--index", str(index_dir)], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        assert run.wait(120) == 0, run.stderr.read().decode()
    assert answers(kb, index_dir) == clean[0]
    generations = [p for p in index_dir.iterdir() if p.name.startswith("gen-")]
    assert live_generation(index_dir) in generations and len(generations) <= 2
    monkeypatch.setattr(store, "SUPERSEDED_GRACE_SECONDS", 0.0)  # a minute later, any update cleans up
    update_index(index_dir, kb)
    assert [p for p in index_dir.iterdir() if p.name.startswith("gen-")] == [live_generation(index_dir)]


def test_search_while_another_process_updates_answers_from_the_index_as_it_was(tmp_path, monkeypatch, capsys):
    from kb_assistant.cli import main

    kb = make_kb(tmp_path / "kb")  # its own: this test edits an article
    index_dir = _built(kb, tmp_path)
    (kb / "topic1" / "a1.md").write_text("# Pending change\n\nzebra\n", encoding="utf-8")
    lock = FileStorage(str(live_generation(index_dir))).lock(f"{INDEX_NAME}_WRITELOCK")
    assert lock.acquire()  # another process's writer
    monkeypatch.setattr(indexer, "LOCK_WAIT_SECONDS", 0.2)
    try:
        code = main(["search", "--kb", str(kb), "--index", str(index_dir), "--json", "refund"])
    finally:
        lock.release()
    assert code == 0
    captured = capsys.readouterr()
    assert '"hits": [{' in captured.out
    assert "being updated by another process" in captured.err and "answering from the index as it was" in captured.err
    # with nothing built yet there is no index "as it was": the error stands
    with pytest.raises(SearchIndexError):
        with SearchService(kb, tmp_path / "empty") as service:
            monkeypatch.setattr(indexer, "_build", lambda *a, **k: (_ for _ in ()).throw(SearchIndexError("index-locked")))
            service.update()


@pytest.mark.parametrize("content", ["[" * 100_000 + "]" * 100_000, '{"files": ' + "9" * 5000 + "}", "{", "\xff"])
def test_a_damaged_manifest_or_checksums_file_means_a_rebuild(kb, clean, tmp_path, content):
    for name in (MANIFEST, CHECKSUMS):
        index_dir = _built(kb, tmp_path / name)
        (live_generation(index_dir) / name).write_text(content, encoding="utf-8", errors="surrogateescape")
        with SearchService(kb, index_dir) as service:
            assert service.update().rebuilt
        assert answers(kb, index_dir) == clean[0]
