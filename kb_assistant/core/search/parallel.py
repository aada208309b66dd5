"""Building a large index with several processes that can never outlive the one that started them.

Whoosh's own multiprocessing writer forks its workers: a forked worker inherits
the parent's write lock, and when the parent is killed the workers wait on their
job queue for ever, holding the lock (every later search then said "being
updated by another process"). Here instead:

* workers are *spawned* (a fresh interpreter: nothing inherited, no lock, and no
  fork of a Qt process);
* each worker watches its parent and exits the moment the parent is gone;
* a worker that dies (killed, out of memory, disk full) breaks the pool, and the
  build fails at once with a clear error instead of waiting for ever.

Each worker reads, parses and indexes its share of the files into a segment of
its own (Whoosh's "multisegment" build); the parent, which holds the write
lock, commits the segments together.
"""

from __future__ import annotations

import os
import threading
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from kb_assistant.core.kb.load import ArticleFile, read_article_file
from kb_assistant.core.models import Problem
from kb_assistant.core.search.codec import KbCodec
from kb_assistant.core.search.schema import document_for

WATCH_PARENT_SECONDS = 0.2
"""How often a worker checks that the process that started it is still there."""
WORKER_LIMIT_MB = 256
"""Posting pool per worker: large enough not to spill to disk (spilling tripled build times)."""
HEARTBEAT_SECONDS = 0.25
"""While waiting for the workers, progress is reported this often (it may ask to stop)."""
STOP_SECONDS = 5.0
"""How long stopping the other workers may take after one of them failed."""

FileEntry = tuple[str, str, int, int]
"""An :class:`ArticleFile` as plain values, to cross into a worker."""
Built = tuple[object, dict[str, list], list[Problem]]
"""A worker's answer: its Whoosh segment, the manifest entries of its files, their problems."""


class BrokenProcessPool(RuntimeError):
    """A worker died (killed, out of memory) before it answered; nothing was committed."""


def _watch_parent(parent_pid: int) -> None:
    """Runs in each worker: exit at once when the parent process is gone (killed, crashed)."""

    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(3)  # noqa: SLF001 - no clean-up: the parent that would want the result is gone
            threading.Event().wait(WATCH_PARENT_SECONDS)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _build_segment(index_dir: str, index_name: str, files: list[FileEntry], default_lang: str) -> Built:
    """Index ``files`` into a new segment of the index at ``index_dir`` (in a worker)."""
    index = FileStorage(index_dir).open_index(index_name)
    # _lk=False: the parent holds the write lock for the whole build
    writer = SegmentWriter(index, _lk=False, codec=KbCodec(), compound=False, limitmb=WORKER_LIMIT_MB)
    manifest: dict[str, list] = {}
    problems: list[Problem] = []
    for rel_path, abs_path, mtime_ns, size in files:
        parsed = read_article_file(ArticleFile(rel_path, abs_path, mtime_ns, size), default_lang)
        problems.extend(parsed.problems)
        if parsed.article is not None:
            writer.add_document(**document_for(parsed.article))
            manifest[rel_path] = [mtime_ns, size, parsed.article.content_hash]
    segment = writer._finalize_segment()  # noqa: SLF001 - what Whoosh's own multisegment workers return
    return segment, manifest, problems


def _worker(connection, parent_pid: int, index_dir: str, index_name: str, files: list[FileEntry],
            default_lang: str) -> None:
    """A worker process: build one segment and send it back, or the error that stopped it."""
    _watch_parent(parent_pid)
    try:
        connection.send(("ok", _build_segment(index_dir, index_name, files, default_lang)))
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
        connection.send(("error", exc))
    finally:
        connection.close()


def _shares(files: list[ArticleFile], count: int) -> list[list[FileEntry]]:
    """Split ``files`` into ``count`` shares of about the same number of bytes."""
    shares: list[list[FileEntry]] = [[] for _ in range(count)]
    loads = [0] * count
    for file in sorted(files, key=lambda f: -f.size):
        lightest = loads.index(min(loads))
        shares[lightest].append((file.rel_path, file.abs_path, file.mtime_ns, file.size))
        loads[lightest] += file.size + 1
    return [share for share in shares if share]


def build_in_parallel(writer: SegmentWriter, index_dir: Path, index_name: str, files: list[ArticleFile],
                      default_lang: str, processes: int, progress=None) -> tuple[dict[str, list], list[Problem]]:
    """Index ``files`` with ``processes`` workers and commit their segments through ``writer``.

    Args:
        writer: a writer of the new index holding its write lock; committed here, with the
            workers' segments only (any the index had, such as a build's first part, are replaced).
        index_dir: the index's folder.
        index_name: the index's name in that folder.
        files: the article files.
        default_lang: the KB's default language.
        processes: how many workers.
        progress: called as ``progress(done, total)`` as workers finish their shares, and every
            :data:`HEARTBEAT_SECONDS` while they work; it may raise to stop the build.

    Returns:
        The manifest entries of the indexed files and the problems met.

    Raises:
        BrokenProcessPool: a worker died; the others are stopped and nothing is committed.
        Exception: whatever a worker raised; nothing is committed.
    """
    context = get_context("spawn")  # a fresh interpreter: no inherited lock, no fork of a Qt process
    shares = _shares(files, processes)
    workers = []
    try:
        for share in shares:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_worker, name="kb-index-worker", daemon=True,
                                      args=(send, os.getpid(), str(index_dir), index_name, share, default_lang))
            process.start()
            send.close()  # the worker holds the only writing end: a dead worker means end of file here
            workers.append((process, receive, len(share)))
        segments, manifest, problems = _collect(workers, len(files), progress)
    finally:
        _stop(workers)
    # commit what the workers wrote, as Whoosh's own multisegment writer does; the segments the
    # index had (a build's first part, indexed again by the workers) go: every segment more
    # costs each search a lookup per term
    writer._close_segment()  # noqa: SLF001
    writer._commit_toc(segments)  # noqa: SLF001
    writer._finish()  # noqa: SLF001
    return manifest, problems


def _collect(workers, total: int, progress):
    """Wait for every worker's answer; a worker that dies first breaks the build at once."""
    segments, manifest, problems = [], {}, []
    waiting = {receive: (process, size) for process, receive, size in workers}
    done = 0
    while waiting:
        ready = wait(list(waiting), HEARTBEAT_SECONDS)
        if not ready and progress is not None:
            progress(done, total)  # a heartbeat: the caller may stop the build here
        for receive in ready:
            process, size = waiting.pop(receive)
            try:
                kind, answer = receive.recv()
            except (EOFError, OSError):
                raise BrokenProcessPool(f"index worker {process.pid} stopped without answering "
                                        f"(exit code {process.exitcode})") from None
            if kind == "error":
                raise answer
            segment, share_manifest, share_problems = answer
            segments.append(segment)
            manifest.update(share_manifest)
            problems.extend(share_problems)
            done += size
            if progress is not None:
                progress(done, total)
    return segments, manifest, problems


def _stop(workers) -> None:
    """End every worker still running (after a failure) and reap them all."""
    for process, receive, _size in workers:
        receive.close()
        if process.is_alive():
            process.kill()
    for process, _receive, _size in workers:
        process.join(STOP_SECONDS)


def _merge_worker(parent_pid: int, index_dir: str, kb_root: str) -> None:
    """The merging process: merge the live segments, exit 0 whether or not there was anything to merge."""
    _watch_parent(parent_pid)
    from kb_assistant.core.search.indexer import merge_segments  # the indexer imports this module

    merge_segments(Path(index_dir), Path(kb_root))


class BackgroundMerge:
    """:func:`~kb_assistant.core.search.indexer.merge_segments` in a spawned process of its own.

    The merge is Python work of seconds; on a thread of the window it would hold
    the interpreter against every search. Like the build's workers, the process
    exits when its parent is gone, and killing it is safe at any moment (the
    index keeps the segments it had; the half-written one is cleaned up by the
    next commit), so an update that needs the index stops it first.
    """

    def __init__(self, index_dir: Path, kb_root: Path) -> None:
        context = get_context("spawn")  # a fresh interpreter: no inherited lock, no fork of a Qt process
        self._process = context.Process(target=_merge_worker, name="kb-index-merge", daemon=True,
                                        args=(os.getpid(), str(index_dir), str(kb_root)))
        self._process.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the merge to end; True when it ended by itself without an error."""
        self._process.join(timeout)
        return self._process.exitcode == 0

    def stop(self) -> None:
        """Kill the merge if it still runs, and reap it."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join(STOP_SECONDS)

