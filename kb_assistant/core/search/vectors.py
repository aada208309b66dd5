"""Article vectors of the semantic matcher: saved beside the index, updated with it.

The vectors live in the index folder, next to the generations
(``semantic/<model>-v<version>.npz``): one row per article file, with the file's
path and the content hash the index's manifest has for it. An update embeds only
the articles whose hash has no vector yet and drops those no longer in the
index, so a saved article costs one embedding, and a rebuild of the index (a
new schema) costs none. The text embedded comes from the index's stored fields
(:func:`~kb_assistant.core.search.semantic.semantic_text`), so vectors and index
always describe the same version of an article.

A missing, foreign or damaged file is only a reason to embed again; nothing
here can stop the lexical search.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import threading
import time
import weakref
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kb_assistant.core.files.storage import replace_file
from kb_assistant.core.search.semantic import MODEL_NAME, SEMANTIC_LANGUAGE, SemanticModel, semantic_text

log = logging.getLogger("kb_assistant.search.vectors")

VECTORS_VERSION = 2
"""Bump when what is embedded (:func:`semantic_text`) or the file's layout changes: vectors are made again.

2: the English words of what was embedded, counted (completions of a half-typed word)."""
VECTORS_FOLDER = "semantic"
_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def vectors_file(index_dir: Path) -> Path:
    """Where the article vectors of the index at ``index_dir`` are kept."""
    return Path(index_dir) / VECTORS_FOLDER / f"{MODEL_NAME}-v{VECTORS_VERSION}.npz"


_WORD = re.compile(r"[a-z][a-z']*")


def count_words(texts: list[str]) -> Counter:
    """The lower-case English words of ``texts``, counted."""
    return Counter(word for text in texts for word in _WORD.findall(text.lower()))


@dataclass
class VectorTable:
    """Saved article vectors: ``paths[i]`` (KB-relative) had content ``hashes[i]`` and vector ``vectors[i]``.

    ``words`` counts the English words of every text embedded into the table
    (completions of a half-typed word, :class:`~kb_assistant.core.search.fusion.Vocabulary`);
    a deleted article's words keep their counts until the table is made anew.
    """

    paths: list[str]
    hashes: list[str]
    vectors: object  # numpy float16 array (len(paths), dimensions)
    words: Counter = field(default_factory=Counter)

    @classmethod
    def empty(cls, dimensions: int) -> VectorTable:
        import numpy as np

        return cls([], [], np.zeros((0, dimensions), dtype=np.float16))

    @classmethod
    def read(cls, path: Path, dimensions: int) -> VectorTable:
        """The table saved at ``path``; empty when there is none or it cannot be used (logged)."""
        import numpy as np

        try:
            with np.load(path, allow_pickle=False) as data:
                paths, hashes, vectors = list(data["paths"]), list(data["hashes"]), data["vectors"]
                words = Counter(dict(zip(data["words"].tolist(), data["counts"].tolist())))
            if vectors.ndim != 2 or vectors.shape != (len(paths), dimensions) or len(hashes) != len(paths):
                raise ValueError(f"vectors of shape {vectors.shape} for {len(paths)} articles")
            return cls([str(p) for p in paths], [str(h) for h in hashes], vectors.astype(np.float16, copy=False),
                       words)
        except FileNotFoundError:
            return cls.empty(dimensions)
        except Exception as exc:  # noqa: BLE001 - damaged or foreign: embedded again
            log.warning("the article vectors at %s cannot be read (%s: %s); making them again",
                        path, type(exc).__name__, exc)
            return cls.empty(dimensions)

    def write(self, path: Path) -> None:
        """Save the table at ``path`` atomically (a reader sees the old file or the new one)."""
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(3)}.tmp.npz")
        try:
            with open(temporary, "wb") as handle:
                np.savez(handle, paths=np.array(self.paths, dtype=str), hashes=np.array(self.hashes, dtype=str),
                         vectors=self.vectors, words=np.array(list(self.words), dtype=str),
                         counts=np.array(list(self.words.values()), dtype=np.int64))
                handle.flush()
                os.fsync(handle.fileno())
            replace_file(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


@dataclass
class VectorReport:
    """What :func:`update_vectors` did."""

    embedded: int = 0
    """English articles embedded (articles in other languages get a zero row, not counted)."""
    kept: int = 0
    removed: int = 0
    seconds: float = 0.0


def _lock_for(index_dir: Path) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(str(Path(index_dir).resolve()), threading.Lock())


def update_vectors(index_dir: Path, searcher, files: dict, model: SemanticModel) -> VectorReport:
    """Bring the saved vectors in line with an open index.

    Args:
        index_dir: the index folder.
        searcher: a Whoosh searcher of the live generation.
        files: that generation's manifest entries, KB-relative path -> ``[mtime_ns, size, content_hash]``.
        model: embeds what is new.
    """
    import numpy as np

    started = time.perf_counter()
    report = VectorReport()
    target = vectors_file(index_dir)
    with _lock_for(index_dir):
        table = VectorTable.read(target, model.dimensions)
        wanted = {path: str(entry[2]) for path, entry in files.items()
                  if isinstance(entry, list) and len(entry) > 2}
        known = {(path, digest): row for row, (path, digest) in enumerate(zip(table.paths, table.hashes))}
        keep = [row for key, row in known.items() if wanted.get(key[0]) == key[1]]
        kept_paths = {table.paths[row] for row in keep}
        missing = [path for path in wanted if path not in kept_paths]
        report.kept, report.removed = len(keep), len(table.paths) - len(keep)
        texts, new_paths, english = [], [], []
        if missing:
            by_path = docnums_by_path(searcher.reader())
            for path in missing:
                docnum = by_path.get(path)
                if docnum is None:
                    continue  # the manifest is ahead of this reader: the next update embeds it
                stored = searcher.stored_fields(docnum)
                new_paths.append(path)
                # another language keeps a zero row: nothing to embed, and never looked at again
                if (stored.get("lang") or "") == SEMANTIC_LANGUAGE:
                    english.append(len(texts))
                    texts.append(semantic_text(stored.get("title") or "", stored.get("questions") or "",
                                               stored.get("preview") or ""))
                else:
                    texts.append("")
        if not new_paths and not report.removed:
            report.seconds = time.perf_counter() - started
            return report
        vectors = [table.vectors[keep]] if keep else []
        if new_paths:
            made = np.zeros((len(new_paths), model.dimensions), dtype=np.float16)
            if english:
                made[english] = model.embed([texts[row] for row in english]).astype(np.float16)
            vectors.append(made)
        report.embedded = len(english)
        merged = VectorTable(
            [table.paths[row] for row in keep] + new_paths,
            [table.hashes[row] for row in keep] + [wanted[path] for path in new_paths],
            np.concatenate(vectors) if vectors else np.zeros((0, model.dimensions), dtype=np.float16),
            table.words + count_words([texts[row] for row in english]),
        )
        merged.write(target)
    report.seconds = time.perf_counter() - started
    log.info("article vectors: %d embedded, %d kept, %d removed in %.2f s",
             report.embedded, report.kept, report.removed, report.seconds)
    return report


_BY_PATH: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def docnums_by_path(reader) -> dict[str, int]:
    """KB-relative path -> docnum of its live document, in one pass over the path terms (kept per reader)."""
    cached = _BY_PATH.get(reader)
    if cached is not None:
        return cached
    found: dict[str, int] = {}
    for leaf, offset in reader.leaf_readers():
        for term, info in leaf.iter_field("path"):
            docs = [info.min_id()] if info.doc_frequency() == 1 else list(leaf.postings("path", term).all_ids())
            live = [doc for doc in docs if not leaf.is_deleted(doc)]
            if live:
                found[term.decode("utf-8")] = live[0] + offset
    _BY_PATH[reader] = found
    return found


class ArticleVectors:
    """The saved vectors of one searcher's documents: a question's cosine to every article at once.

    Only English articles take part (:data:`SEMANTIC_LANGUAGE`), in one compact
    matrix (a product over the articles that have a vector, nothing else);
    :attr:`docs` says which docnum each row is.
    """

    def __init__(self, matrix, docs, size: int) -> None:
        import numpy as np

        self._matrix = matrix
        self.docs = docs
        self.count = int(len(docs))
        self._rows = np.full(size, -1, dtype=np.int64)  # docnum -> row, -1 without a vector
        self._rows[docs] = np.arange(len(docs))

    @classmethod
    def align(cls, table: VectorTable, searcher, model: SemanticModel) -> ArticleVectors:
        """Lay ``table`` out for ``searcher``'s docnums."""
        import numpy as np
        from whoosh import query as wq

        reader = searcher.reader()
        english = set(searcher.docs_for_query(wq.Term("lang", SEMANTIC_LANGUAGE)))
        by_path = docnums_by_path(reader)
        pairs = sorted((by_path[path], row) for row, path in enumerate(table.paths)
                       if by_path.get(path) in english)
        docs = np.array([doc for doc, _ in pairs], dtype=np.int64)
        rows = [row for _, row in pairs]
        matrix = (table.vectors[rows].astype(np.float32) if rows
                  else np.zeros((0, model.dimensions), dtype=np.float32))
        return cls(np.ascontiguousarray(matrix), docs, reader.doc_count_all())

    def row(self, docnum: int) -> int:
        """The row of a document in :meth:`similarities`, or -1 when it has no vector."""
        return int(self._rows[docnum]) if 0 <= docnum < len(self._rows) else -1

    @staticmethod
    def spread(scores) -> tuple[float, float]:
        """The mean and standard deviation of ``scores`` (:meth:`similarities`)."""
        if not scores.size:
            return 0.0, 1.0
        deviation = float(scores.std())
        return float(scores.mean()), (deviation if deviation > 1e-6 else 1.0)

    def similarities(self, query_vector):
        """Cosine of ``query_vector`` to each article with a vector (in the order of :attr:`docs`)."""
        return self._matrix @ query_vector
