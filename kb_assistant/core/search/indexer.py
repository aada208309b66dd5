"""Building and incrementally updating the index of a KB.

The index lives outside the KB (see :mod:`kb_assistant.core.paths`). Beside
Whoosh's own files it keeps ``manifest.json``: the schema version and, per
article file, the stat data and content hash it was indexed from. An update
compares the KB on disk with the manifest and touches only new, changed and
deleted files. A missing or foreign manifest, an index Whoosh cannot open, or a
schema version change mean a full rebuild.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.writing import IndexWriter

from kb_assistant.core.errors import SearchIndexError
from kb_assistant.core.kb.load import ArticleFile, is_hidden_name, read_article_file, scan_kb
from kb_assistant.core.kb.config import load_kb_config
from kb_assistant.core.models import Problem
from kb_assistant.core.search.codec import KbCodec
from kb_assistant.core.search.schema import SCHEMA_VERSION, build_schema, document_for

log = logging.getLogger("kb_assistant.search.indexer")

MANIFEST = "manifest.json"
INDEX_NAME = "kb"
PARALLEL_THRESHOLD = 1000
"""Builds of more files than this use several processes (when there are cores)."""

ProgressCallback = Callable[[int, int], None]


@dataclass
class UpdateReport:
    """What an index update did."""

    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    rebuild_reason: str = ""
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def touched(self) -> int:
        """How many documents were written or removed."""
        return self.added + self.changed + self.deleted


def _read_manifest(index_dir: Path) -> dict | None:
    try:
        data = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_manifest(index_dir: Path, manifest: dict) -> None:
    temporary = index_dir / (MANIFEST + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        # dumps, not dump: only dumps uses the C encoder (10,000 files: 110 -> 10 ms)
        handle.write(json.dumps(manifest, ensure_ascii=False))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, index_dir / MANIFEST)


def open_or_create(index_dir: Path, kb_root: Path) -> tuple[whoosh_index.Index, str]:
    """Open the index at ``index_dir`` for ``kb_root``, recreating it when unusable.

    Returns:
        the index and the reason it was (re)created, or "" if it was opened as is.
    """
    index_dir = Path(index_dir)
    manifest = _read_manifest(index_dir)
    reason = ""
    if manifest is None:
        reason = "new index" if not index_dir.exists() else "no manifest"
    elif manifest.get("schema_version") != SCHEMA_VERSION:
        reason = f"schema version {manifest.get('schema_version')} -> {SCHEMA_VERSION}"
    elif manifest.get("kb_root") != str(Path(kb_root).resolve()):
        reason = "index belongs to another KB"
    if not reason:
        try:
            return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME), ""
        except Exception as exc:  # noqa: BLE001 - any failure to open means rebuild
            reason = f"index unreadable ({type(exc).__name__}: {exc})"
    return _create_fresh(index_dir, kb_root), reason


def _create_fresh(index_dir: Path, kb_root: Path) -> whoosh_index.Index:
    if index_dir.exists():
        shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(index_dir, 0o700)  # the schema is unpickled on open: keep it private
    except OSError:
        pass
    index = whoosh_index.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME)
    _write_manifest(index_dir, {"schema_version": SCHEMA_VERSION, "kb_root": str(Path(kb_root).resolve()), "files": {}})
    return index


def _writer(index: whoosh_index.Index, *, parallel: bool) -> IndexWriter:
    """A writer, waiting a little for another process's writer to finish."""
    # compound=False: Whoosh reads a compound segment by copying each part into
    # memory (hundreds of MB at 10,000 articles); plain files are read on demand
    kwargs: dict = {"timeout": 10.0, "delay": 0.05, "codec": KbCodec(), "compound": False}
    if parallel and (os.cpu_count() or 1) > 1:
        # one segment per process, no final merge; a posting pool large enough
        # not to spill to disk (spilling made 10,000 articles take three times as long)
        kwargs.update(procs=min(4, os.cpu_count() or 1), multisegment=True, limitmb=512, batchsize=200)
    else:
        kwargs.update(limitmb=256)
    try:
        return index.writer(**kwargs)
    except LockError:
        raise SearchIndexError("index-locked") from None


def update_index(
    index_dir: Path,
    kb_root: Path,
    *,
    rebuild: bool = False,
    progress: ProgressCallback | None = None,
) -> UpdateReport:
    """Bring the index at ``index_dir`` up to date with the KB at ``kb_root``.

    Args:
        index_dir: the index folder (created when missing).
        kb_root: the KB folder.
        rebuild: throw the index away and build it anew.
        progress: called as ``progress(done, total)`` over the files to (re)index.

    Raises:
        KbNotFoundError: when ``kb_root`` is not a folder.
        SearchIndexError: when another process holds the index for too long.
    """
    started = time.perf_counter()
    kb_root = Path(kb_root)
    scan = scan_kb(kb_root)
    config, config_problems = load_kb_config(kb_root)
    index_dir = Path(index_dir)
    if rebuild:
        index, reason = _create_fresh(index_dir, kb_root), "asked to rebuild"
    else:
        index, reason = open_or_create(index_dir, kb_root)
    report = UpdateReport(rebuilt=bool(reason), rebuild_reason=reason)
    report.problems.extend(config_problems)
    report.problems.extend(scan.problems)
    try:
        _apply_changes(index, index_dir, kb_root, scan.files, config.default_lang, report, progress)
    finally:
        index.close()
    report.seconds = time.perf_counter() - started
    log.info("index update: %s", report)
    return report


def update_paths(index_dir: Path, kb_root: Path, rel_paths: list[str]) -> UpdateReport:
    """Re-index just these files (KB-relative, "/" separated): saved, created or deleted.

    The editor knows which file it saved, so there is no need to scan the whole
    KB for changes; this keeps "saved to searchable" short on large KBs. Falls
    back to a full :func:`update_index` when the index has to be (re)built.
    """
    started = time.perf_counter()
    kb_root = Path(kb_root)
    index, reason = open_or_create(Path(index_dir), kb_root)
    if reason:
        index.close()
        return update_index(index_dir, kb_root)
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
    try:
        _apply_changes(index, Path(index_dir), kb_root, files, config.default_lang, report, None,
                       scope=set(rel_paths))
    finally:
        index.close()
    report.seconds = time.perf_counter() - started
    return report


def _apply_changes(index, index_dir, kb_root, files: list[ArticleFile], default_lang, report, progress,
                   scope: set[str] | None = None):
    """Index ``files``; with ``scope``, only those paths are considered (the rest stay as they are)."""
    manifest = _read_manifest(index_dir) or {"files": {}}
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
        return
    writer = _writer(index, parallel=len(candidates) > PARALLEL_THRESHOLD and not known)
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
    _write_manifest(index_dir, manifest)
