"""A plain SQLite FTS5 / BM25 search over the same articles, as a baseline for the benchmarks.

This is the "plain baseline": what anyone gets from SQLite's full-text search out
of the box. It does no stemming, no typo tolerance, no keyboard-layout repair, no
synonyms and has no notion of confidence. The only things it does:

* one FTS5 table ``(id UNINDEXED, title, body)`` with the ``unicode61`` tokenizer
  (case folding, diacritics removed);
* ``body`` is the article body, its example questions and its replies joined;
* the user text is split into words (``\\w+``, lowercased); each word is quoted as
  an FTS5 string, so any text is safe, and the words are OR-ed together;
* in live (as-you-type) mode an unfinished last word of 3+ characters becomes a
  prefix query (``"word"*``);
* results are ranked by ``bm25()`` with the title weighted 5x.

Shared by ``benchmarks/quality.py`` and ``benchmarks/speed.py``; it only needs the
standard library (and the project's :class:`~kb_assistant.core.models.Article`
shape, duck-typed).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: the baseline works on any object with these fields
    from kb_assistant.core.models import Article

TABLE = "articles"
TOKENIZE = "unicode61 remove_diacritics 2"
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
MIN_PREFIX_CHARS = 3
"""A live last word shorter than this is searched as a whole word, not as a prefix."""

_WORD = re.compile(r"\w+")


class Fts5UnavailableError(RuntimeError):
    """The Python build's SQLite library was compiled without FTS5."""


def check_fts5(conn: sqlite3.Connection) -> None:
    """Raise :class:`Fts5UnavailableError` with a clear message when FTS5 is missing."""
    try:
        conn.execute(f"CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x, tokenize='{TOKENIZE}')")
        conn.execute("DROP TABLE temp._fts5_probe")
    except sqlite3.OperationalError as exc:
        raise Fts5UnavailableError(
            f"SQLite {sqlite3.sqlite_version} used by this Python has no usable FTS5 "
            f"({exc}); the FTS5 baseline needs a Python whose sqlite3 is built with FTS5 "
            "(the python.org and most Linux distribution builds are)."
        ) from exc


def article_body(article: Article) -> str:
    """The text indexed as ``body``: body, example questions and reply templates, joined."""
    parts = [article.body or ""]
    parts.extend(article.questions or ())
    parts.extend(reply.template for reply in (article.replies or ()))
    return "\n\n".join(part for part in parts if part)


def fts5_string(word: str) -> str:
    """Quote ``word`` as an FTS5 string literal (inner double quotes doubled)."""
    return '"' + word.replace('"', '""') + '"'


def build_match(text: str, *, live: bool = False) -> str | None:
    """Turn user text into an FTS5 MATCH expression, or None when it has no words.

    Words are OR-ed. In live mode the last word is a prefix query when the user is
    still typing it (the text ends in a word character, not in a space or
    punctuation) and it has at least :data:`MIN_PREFIX_CHARS` characters.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return None
    terms = [fts5_string(word) for word in words]
    unfinished = live and bool(_WORD.fullmatch(text[-1:]))
    if unfinished and len(words[-1]) >= MIN_PREFIX_CHARS:
        terms[-1] += "*"
    return " OR ".join(terms)


class Fts5Baseline:
    """An FTS5 full-text index of articles, searched with BM25.

    Args:
        db_path: the SQLite database file (created when missing); ``":memory:"`` works too.

    Raises:
        Fts5UnavailableError: when SQLite has no FTS5.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = str(db_path)
        self._conn = sqlite3.connect(self.db_path)
        try:
            check_fts5(self._conn)
        except Fts5UnavailableError:
            self._conn.close()
            raise
        self._create_table()

    def _create_table(self) -> None:
        with self._conn:
            self._conn.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} "
                f"USING fts5(id UNINDEXED, title, body, tokenize='{TOKENIZE}')"
            )

    # -- writing ---------------------------------------------------------
    def build(self, articles: Iterable[Article]) -> None:
        """Replace the whole index with ``articles``, in one transaction."""
        rows = ((a.id, a.title or "", article_body(a)) for a in articles)
        with self._conn:
            self._conn.execute(f"DELETE FROM {TABLE}")
            self._conn.executemany(f"INSERT INTO {TABLE}(id, title, body) VALUES (?, ?, ?)", rows)

    def upsert(self, article: Article) -> None:
        """Add ``article`` or replace the stored version with the same id, and commit."""
        with self._conn:
            self._conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (article.id,))
            self._conn.execute(
                f"INSERT INTO {TABLE}(id, title, body) VALUES (?, ?, ?)",
                (article.id, article.title or "", article_body(article)),
            )

    # -- reading ---------------------------------------------------------
    def search(self, text: str, *, live: bool = False, limit: int = 10) -> list[str]:
        """Return the ids of the best ``limit`` articles for ``text``, best first.

        Never raises for any user text: no words, or an SQLite error, give ``[]``.
        """
        match = build_match(text, live=live)
        if match is None:
            return []
        try:
            rows = self._conn.execute(
                f"SELECT id FROM {TABLE} WHERE {TABLE} MATCH ? "
                f"ORDER BY bm25({TABLE}, 0, {TITLE_WEIGHT}, {BODY_WEIGHT}) LIMIT ?",
                (match, max(1, limit)),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return [row[0] for row in rows]

    def count(self) -> int:
        """How many articles the index holds."""
        return self._conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def __enter__(self) -> Fts5Baseline:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


__all__ = ["Fts5Baseline", "Fts5UnavailableError", "build_match", "check_fts5", "article_body"]
