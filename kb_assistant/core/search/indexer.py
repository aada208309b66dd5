"""Building and incrementally updating the index of a KB.

The index lives outside the KB (see :mod:`kb_assistant.core.paths`), in the
generations of :mod:`kb_assistant.core.search.store`. Beside Whoosh's own
files each generation keeps ``manifest.json``: the schema version and, per
article file, the stat data and content hash it was indexed from. An update
compares the KB on disk with the manifest and touches only new, changed and
deleted files, in the live generation. A missing or foreign manifest, a schema
version change, an index Whoosh cannot open or whose files fail their checksums
mean a full build: into a new generation, made live only once it is complete.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.writing import IndexWriter

from kb_assistant.core.errors import SearchIndexError
from kb_assistant.core.files.storage import replace_file
from kb_assistant.core.kb.config import load_kb_config
from kb_assistant.core.kb.load import ArticleFile, is_hidden_name, read_article_file, scan_kb
from kb_assistant.core.messages import Message, clip, os_reason, short_value
from kb_assistant.core.models import Problem
from kb_assistant.core.search.codec import KbCodec
from kb_assistant.core.search.parallel import BrokenProcessPool, build_in_parallel
from kb_assistant.core.search.schema import SCHEMA_VERSION, build_schema, document_for
from kb_assistant.core.search.store import MANIFEST, IndexFolder

log = logging.getLogger("kb_assistant.search.indexer")

INDEX_NAME = "kb"
PARALLEL_THRESHOLD = 1000
"""Builds of more files than this use several processes (when there are cores)."""
MAX_PROCESSES = 4
FIRST_PART_FILES = 100
"""A build that may be searched before it is complete makes these files searchable first
(a quarter of a second): the agent can search while the rest is indexed."""
LOCK_WAIT_SECONDS = 10.0
"""How long an update waits for another process's update of the same index."""

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)``; it may raise to stop the update (what was published stays)."""
PublishedCallback = Callable[[int, int], None]
"""Called as ``published(indexed, total)`` when part of a new build became searchable."""


@dataclass
class UpdateReport:
    """What an index update did."""

    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    rebuild_reason: Message | None = None
    """Why the index was built anew (English with ``str()``; the window translates it)."""
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def touched(self) -> int:
        """How many documents were written or removed."""
        return self.added + self.changed + self.deleted


def _read_manifest(generation: Path) -> dict | None:
    """The generation's manifest, or None when it is missing or damaged (a rebuild follows).

    Read with the plain JSON parser: it is the app's own file in a private folder,
    read on every save, and the bounded reader costs three times as long at 10,000
    articles. Damage of any kind (a cut file, digits or nesting past the limits)
    still only means a rebuild.
    """
    try:
        data = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _write_manifest(generation: Path, manifest: dict) -> None:
    temporary = generation / (MANIFEST + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        # dumps, not dump: only dumps uses the C encoder (10,000 files: 110 -> 10 ms)
        handle.write(json.dumps(manifest, ensure_ascii=False))
        handle.flush()
        os.fsync(handle.fileno())
    replace_file(temporary, generation / MANIFEST)


def live_generation(index_dir: Path) -> Path | None:
    """The folder of the index searched now (None before the first build)."""
    return IndexFolder(index_dir).current()


def live_manifest(index_dir: Path) -> dict:
    """The live generation's files as its manifest has them: KB-relative path -> ``[mtime_ns, size, content_hash]``."""
    generation = live_generation(index_dir)
    manifest = _read_manifest(generation) if generation is not None else None
    files = manifest.get("files") if manifest else None
    return files if isinstance(files, dict) else {}


def open_live(index_dir: Path, kb_root: Path,
              folder: IndexFolder | None = None) -> tuple[whoosh_index.Index | None, Message | None]:
    """Open the live generation of ``index_dir`` for ``kb_root``, checked.

    Returns:
        the index and None, or None and why a full build is needed.
    """
    folder = folder or IndexFolder(index_dir)
    generation = folder.current()
    if generation is None:
        return None, Message("index-new")
    manifest = _read_manifest(generation)
    if manifest is None:
        return None, Message("index-no-manifest")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        return None, Message("index-schema-changed", {"old": short_value(manifest.get("schema_version")),
                                                      "new": SCHEMA_VERSION})
    if manifest.get("kb_root") != str(Path(kb_root).resolve()):
        return None, Message("index-other-kb")
    try:
        damage = folder.damage(generation)
    except OSError as exc:
        return None, Message("index-unreadable", {"reason": os_reason(exc)})
    if damage:
        return None, Message("index-damaged", {"reason": damage.reason})
    try:
        index = whoosh_index.open_dir(str(generation), indexname=INDEX_NAME)
        index.latest_generation()  # reads the table of contents now, not at the first search
        return index, None
    except Exception as exc:  # noqa: BLE001 - any failure to open means rebuild
        return None, Message("index-unreadable", {"reason": clip(f"{type(exc).__name__}: {exc}")})


def update_index(
    index_dir: Path,
    kb_root: Path,
    *,
    rebuild: bool = False,
    progress: ProgressCallback | None = None,
    parallel_threshold: int | None = None,
    published: PublishedCallback | None = None,
) -> UpdateReport:
    """Bring the index at ``index_dir`` up to date with the KB at ``kb_root``.

    Args:
        index_dir: the index folder (created when missing).
        kb_root: the KB folder.
        rebuild: build a new index even when the live one is usable.
        progress: called as ``progress(done, total)`` over the files to (re)index.
        parallel_threshold: a full build of more files than this uses several processes
            (:data:`PARALLEL_THRESHOLD` by default).
        published: given, a full build of many files is made live in two steps: the first
            :data:`FIRST_PART_FILES` files, then the rest; ``published`` is called after the
            first, while the rest is still being indexed (the window searches that part).
            Without it nothing half-built is ever live.

    Raises:
        KbNotFoundError: when ``kb_root`` is not a folder.
        SearchIndexError: when another process holds the index for too long
            (``index-locked``), or the index cannot be written (``index-write-failed``).
            The live index is left as it was: it can still be searched.
    """
    started = time.perf_counter()
    kb_root, index_dir = Path(kb_root), Path(index_dir)
    scan = scan_kb(kb_root)
    config, config_problems = load_kb_config(kb_root)
    folder = IndexFolder(index_dir)
    index, reason = (None, Message("index-rebuild-asked")) if rebuild else open_live(index_dir, kb_root, folder)
    report = UpdateReport(rebuilt=index is None, rebuild_reason=reason,
                          problems=[*config_problems, *scan.problems])
    folder.prune()  # generations superseded a while ago, builds killed half way
    if index is None:
        threshold = PARALLEL_THRESHOLD if parallel_threshold is None else parallel_threshold
        _build(folder, kb_root, scan.files, config.default_lang, report, progress, threshold, published)
    else:
        generation = folder.current()
        try:
            if _apply_changes(index, generation, kb_root, scan.files, config.default_lang, report, progress):
                folder.record(generation)
        except OSError as exc:
            raise _write_failed(index_dir, exc) from exc
        finally:
            index.close()
    report.seconds = time.perf_counter() - started
    log.info("index update: %s", report)
    return report


def merge_segments(index_dir: Path, kb_root: Path) -> bool:
    """Merge the live generation's segments into one; a search looks every term up once per segment.

    A parallel build leaves a segment per worker (a third more time per search at
    p95 with three). The merge rewrites the index (about two thirds of a build),
    so the window runs it in a process of its own after a build
    (:class:`~kb_assistant.core.search.parallel.BackgroundMerge`); readers go on
    with the segments they have until they refresh.

    Returns:
        Whether segments were merged: not when there is one, no usable index, or
        another update holds the index (an update is more urgent than a merge).
    """
    folder = IndexFolder(index_dir)
    index, _reason = open_live(index_dir, kb_root, folder)
    if index is None:
        return False
    try:
        if len(index._segments()) < 2:  # noqa: SLF001
            return False
        try:
            writer = index.writer(codec=KbCodec(), compound=False, limitmb=256)
        except LockError:
            return False
        try:
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            raise
        folder.record(Path(index.storage.folder))
        return True
    finally:
        index.close()


def update_paths(index_dir: Path, kb_root: Path, rel_paths: list[str]) -> UpdateReport:
    """Re-index just these files (KB-relative, "/" separated): saved, created or deleted.

    The editor knows which file it saved, so there is no need to scan the whole
    KB for changes; this keeps "saved to searchable" short on large KBs. Falls
    back to a full :func:`update_index` when the index has to be (re)built.
    """
    started = time.perf_counter()
    kb_root, index_dir = Path(kb_root), Path(index_dir)
    folder = IndexFolder(index_dir)
    index, reason = open_live(index_dir, kb_root, folder)
    if index is None:
        report = update_index(index_dir, kb_root, rebuild=True)
        report.rebuild_reason = reason
        return report
    config, config_problems = load_kb_config(kb_root)
    files = []
    for rel_path in rel_paths:
        parts = rel_path.split("/")
        if any(is_hidden_name(part) for part in parts) or not rel_path.lower().endswith(".md"):
            continue
        path = kb_root.joinpath(*parts)
        try:
            info = path.stat()
        except OSError:
            continue  # gone: removed from the index below
        files.append(ArticleFile(rel_path, str(path), info.st_mtime_ns, info.st_size))
    report = UpdateReport(problems=list(config_problems))
    generation = folder.current()
    try:
        if _apply_changes(index, generation, kb_root, files, config.default_lang, report, None, scope=set(rel_paths)):
            folder.record(generation)
    except OSError as exc:
        raise _write_failed(index_dir, exc) from exc
    finally:
        index.close()
    report.seconds = time.perf_counter() - started
    return report


def _write_failed(index_dir: Path, exc: OSError) -> SearchIndexError:
    return SearchIndexError("index-write-failed", path=str(index_dir), reason=os_reason(exc))


def _build(folder: IndexFolder, kb_root: Path, files: list[ArticleFile], default_lang: str, report: UpdateReport,
           progress, parallel_threshold: int, published: PublishedCallback | None = None) -> None:
    """A full build into a new generation, made live once complete, or first part first (see ``published``)."""
    try:
        generation = folder.new_generation()
    except OSError as exc:
        raise _write_failed(folder.root, exc) from exc
    total = len(files)
    first = files[:FIRST_PART_FILES] if published is not None and total > 2 * FIRST_PART_FILES else []
    problems_before = len(report.problems)  # the KB's own; the files' are counted once
    try:
        index = whoosh_index.create_in(str(generation), build_schema(), indexname=INDEX_NAME)
        manifest = {"schema_version": SCHEMA_VERSION, "kb_root": str(kb_root.resolve()), "files": {}}
        try:
            if first:
                _apply_changes(index, generation, kb_root, first, default_lang, report,
                               progress and (lambda done, _total: progress(done, total)), manifest=manifest)
                _make_live(folder, generation, manifest)
                published(len(manifest["files"]), total)
            processes = min(MAX_PROCESSES, os.cpu_count() or 1)
            if len(files) > parallel_threshold and processes > 1:
                # the workers index every file, the first part's too: their segments replace its
                # one (a search looks a term up in each segment; a third one cost 30 % at p95)
                writer = _writer(index, limitmb=64)
                shown = len(first)
                entries, problems = build_in_parallel(
                    writer, generation, INDEX_NAME, files, default_lang, processes,
                    progress and (lambda done, _total: progress(max(shown, done), total)))
                manifest["files"] = entries
                report.added = len(entries)
                report.problems[:] = [*report.problems[:problems_before], *problems]
            else:
                # the files of the first part are in the manifest: only the rest is indexed here
                offset = len(first)
                _apply_changes(index, generation, kb_root, files, default_lang, report,
                               progress and (lambda done, _total: progress(offset + done, total)), manifest=manifest)
            report.unchanged = 0  # nothing is unchanged in a build (the first part is not the rest's)
        finally:
            index.close()
        _make_live(folder, generation, manifest)
    except BrokenProcessPool as exc:
        _give_up(folder, generation, first)
        raise SearchIndexError("index-worker-died", path=str(folder.root)) from exc
    except OSError as exc:
        _give_up(folder, generation, first)
        raise _write_failed(folder.root, exc) from exc
    except BaseException:
        _give_up(folder, generation, first)
        raise
    folder.prune()


def _make_live(folder: IndexFolder, generation: Path, manifest: dict) -> None:
    """Write the manifest, record the checksums and make ``generation`` the live one."""
    _write_manifest(generation, manifest)
    folder.record(generation)
    folder.publish(generation)


def _give_up(folder: IndexFolder, generation: Path, first: list) -> None:
    """A build failed: its generation goes, unless its first part is already live (then it is kept:
    the next update indexes the rest, as after a crash)."""
    if not first or folder.current() != generation:
        folder.discard(generation)


def _writer(index: whoosh_index.Index, *, limitmb: int = 256) -> IndexWriter:
    """A writer holding the index's write lock, waiting a little for another process's writer to finish."""
    # compound=False: Whoosh reads a compound segment by copying each part into
    # memory (hundreds of MB at 10,000 articles); plain files are read on demand
    try:
        return index.writer(timeout=LOCK_WAIT_SECONDS, delay=0.05, codec=KbCodec(), compound=False, limitmb=limitmb)
    except LockError:
        raise SearchIndexError("index-locked") from None


def _apply_changes(index, generation: Path, kb_root: Path, files: list[ArticleFile], default_lang: str,
                   report: UpdateReport, progress, scope: set[str] | None = None, manifest: dict | None = None) -> bool:
    """Index ``files`` in one process; with ``scope``, only those paths are considered.

    Returns:
        Whether anything was committed.
    """
    manifest = manifest if manifest is not None else (_read_manifest(generation) or {"files": {}})
    known: dict[str, list] = manifest.get("files", {}) if isinstance(manifest.get("files"), dict) else {}
    on_disk = {file.rel_path: file for file in files}
    deleted = [path for path in known if path not in on_disk and (scope is None or path in scope)]
    candidates = [
        file for file in files
        if file.rel_path not in known or known[file.rel_path][:2] != [file.mtime_ns, file.size]
    ]
    report.unchanged = len(files) - len(candidates)
    new_files: dict[str, list] = {
        p: v for p, v in known.items() if p in on_disk or (scope is not None and p not in scope)
    }
    if not deleted and not candidates:
        manifest["files"] = new_files
        return False
    writer = _writer(index)
    try:
        for path in deleted:
            writer.delete_by_term("path", path)
            new_files.pop(path, None)
            report.deleted += 1
        total = len(candidates)
        for done, file in enumerate(candidates, 1):
            parsed = read_article_file(file, default_lang)
            report.problems.extend(parsed.problems)
            previous = known.get(file.rel_path)
            article = parsed.article
            if article is not None and previous and len(previous) > 2 and previous[2] == article.content_hash:
                new_files[file.rel_path] = [file.mtime_ns, file.size, article.content_hash]
                report.unchanged += 1
            elif article is None:
                if previous:
                    writer.delete_by_term("path", file.rel_path)
                    report.deleted += 1
                new_files.pop(file.rel_path, None)
            else:
                if report.rebuilt:
                    writer.add_document(**document_for(article))
                else:
                    # update, not add: the manifest may lag behind the index after a crash
                    writer.update_document(**document_for(article))
                if previous:
                    report.changed += 1
                else:
                    report.added += 1
                new_files[file.rel_path] = [file.mtime_ns, file.size, article.content_hash]
            if progress is not None:
                progress(done, total)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    manifest.update(schema_version=SCHEMA_VERSION, kb_root=str(Path(kb_root).resolve()), files=new_files)
    if not report.rebuilt:
        _write_manifest(generation, manifest)
    return True
