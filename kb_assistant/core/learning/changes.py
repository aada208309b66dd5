"""What changed in the KB since a user last looked: articles added, changed, deleted.

A snapshot keeps, per article, the hash of its file and a hash of each section
(see :mod:`~kb_assistant.core.learning.sections`), plus two pseudo-sections:
:data:`FRONT_MATTER` (the metadata agents see: tags, questions, product ...) and
:data:`INTRO` (the title heading and the text up to the first ``##``).

Rules:

- Only content counts, never the modification time: a touched file is unchanged.
- A file whose bytes changed but no section did (new line endings, another
  encoding, or only the review bookkeeping ``reviewed:``/``review_every:``) is
  not news and is not reported.
- Articles are matched by id, so a moved file that keeps its id is "changed".
- With no snapshot yet (a first start) nothing counts as changed; the caller
  stores :func:`take_snapshot` as the baseline, so a new hire is not told that
  the whole KB is new.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

from kb_assistant.core.errors import RecordError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning.sections import split_sections
from kb_assistant.core.models import Article

ChangeKind = Literal["added", "changed", "deleted"]

FRONT_MATTER = "[front matter]"
"""Name of the pseudo-section of an article's metadata."""
INTRO = "[intro]"
"""Name of the pseudo-section of the title and the text before the first ``##`` section."""

_NOT_NEWS = frozenset({"reviewed", "review_every", "content_hash", "mtime_ns", "size", "body",
                       "replies", "links", "body_line", "encoding", "newline", "title", "path", "extra"})
"""Article fields left out of the front-matter hash: bookkeeping, file details, or hashed elsewhere."""


@dataclass(frozen=True)
class ArticleSnapshot:
    """One article as a user last saw it.

    Attributes:
        id: the article's id.
        path: its file, relative to the KB root.
        title: its title.
        content_hash: SHA-256 of the file's bytes (``Article.content_hash``).
        sections: ``(name, hash)`` of each section, in order.
    """

    id: str
    path: str
    title: str
    content_hash: str
    sections: tuple[tuple[str, str], ...]

    def to_json(self) -> dict[str, Any]:
        """The snapshot as JSON values (the id is the key it is stored under)."""
        return {"path": self.path, "title": self.title, "hash": self.content_hash,
                "sections": [list(pair) for pair in self.sections]}

    @classmethod
    def from_json(cls, article_id: str, data: object) -> ArticleSnapshot:
        """Read :meth:`to_json`'s output.

        Raises:
            RecordError: (a ValueError) when ``data`` is not such a record.
        """
        if not isinstance(data, dict):
            raise RecordError("json-not-object")
        texts = [data.get(name) for name in ("path", "title", "hash")]
        if not all(isinstance(text, str) for text in texts):
            raise RecordError("json-snapshot-texts")
        sections = data.get("sections")
        if not isinstance(sections, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair) for pair in sections
        ):
            raise RecordError("json-snapshot-sections")
        return cls(article_id, texts[0], texts[1], texts[2], tuple((name, digest) for name, digest in sections))


@dataclass(frozen=True)
class KbSnapshot:
    """Every article of a KB as a user last saw it, by id."""

    articles: tuple[ArticleSnapshot, ...] = ()

    def by_id(self) -> dict[str, ArticleSnapshot]:
        """The article snapshots by id."""
        return {article.id: article for article in self.articles}


@dataclass(frozen=True)
class ArticleChange:
    """One article that changed since the snapshot.

    Attributes:
        kind: ``"added"``, ``"changed"`` or ``"deleted"``.
        article_id: the article's id.
        title: its title (as it was, for a deleted one).
        path: its file (as it was, for a deleted one).
        old_title: its former title, when a changed article was renamed; else "".
        sections_added: names of sections that are new (changed articles only).
        sections_removed: names of sections that are gone.
        sections_changed: names of sections whose text changed.
    """

    kind: ChangeKind
    article_id: str
    title: str
    path: str
    old_title: str = ""
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()
    sections_changed: tuple[str, ...] = ()

    @property
    def sections(self) -> tuple[str, ...]:
        """Every section name the change touches: changed, added, then removed."""
        return self.sections_changed + self.sections_added + self.sections_removed


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _front_matter_text(article: Article) -> str:
    fields = {name: value for name, value in vars(article).items() if name not in _NOT_NEWS}
    fields["extra"] = dict(article.extra)
    return json.dumps(_canonical(fields), ensure_ascii=False)


def _canonical(value: object) -> object:
    """``value`` as JSON values in a stable order (front matter may hold any YAML)."""
    if isinstance(value, dict):
        return sorted(([str(key), _canonical(item)] for key, item in value.items()), key=lambda pair: pair[0])
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(item) for item in value)
    if value is None or isinstance(value, (str, int, float)):
        return value
    return str(value)  # dates and anything else YAML can make


def section_hashes(article: Article) -> tuple[tuple[str, str], ...]:
    """``(name, hash)`` of the article's front matter, intro and sections.

    Two sections with the same heading are told apart as ``NAME (2)``.
    """
    lines = article.body.split("\n")
    sections = split_sections(lines)
    # the intro: the text before any heading and the part under the title heading
    intro = 1 if sections and sections[0].level == 0 else 0
    if len(sections) > intro and sections[intro].level == 1:
        intro += 1
    out = [(FRONT_MATTER, _digest(_front_matter_text(article))),
           (INTRO, _digest("\n".join(lines[:sections[intro - 1].end] if intro else []).strip()))]
    counts: dict[str, int] = {}
    for section in sections[intro:]:
        counts[section.title] = counts.get(section.title, 0) + 1
        name = section.title if counts[section.title] == 1 else f"{section.title} ({counts[section.title]})"
        out.append((name, _digest("\n".join(lines[section.start:section.end]).strip())))
    return tuple(out)


def snapshot_article(article: Article) -> ArticleSnapshot:
    """The snapshot of one article."""
    return ArticleSnapshot(article.id, article.path, article.title, article.content_hash, section_hashes(article))


def take_snapshot(kb: KnowledgeBase) -> KbSnapshot:
    """The snapshot of every article and snippet of ``kb``: what "mark all as seen" stores."""
    return KbSnapshot(tuple(snapshot_article(article) for article in kb.articles.values()))


def changes_since(snapshot: KbSnapshot | None, kb: KnowledgeBase) -> list[ArticleChange]:
    """The articles added, changed and deleted since ``snapshot``, by path.

    With ``snapshot`` None (nothing seen yet) the answer is an empty list: see
    the module notes.
    """
    if snapshot is None:
        return []
    before = snapshot.by_id()
    changes: list[ArticleChange] = []
    for article in kb.articles.values():
        old = before.pop(article.id, None)
        if old is None:
            changes.append(ArticleChange("added", article.id, article.title, article.path))
        elif old.content_hash != article.content_hash:  # the cheap test first: most files are unchanged
            change = _compare(old, article)
            if change is not None:
                changes.append(change)
    changes.extend(ArticleChange("deleted", old.id, old.title, old.path) for old in before.values())
    return sorted(changes, key=lambda change: (change.path, change.article_id))


def _compare(old: ArticleSnapshot, article: Article) -> ArticleChange | None:
    then = dict(old.sections)
    now = dict(section_hashes(article))
    changed = tuple(name for name, digest in now.items() if name in then and then[name] != digest)
    added = tuple(name for name in now if name not in then)
    removed = tuple(name for name in then if name not in now)
    renamed = old.title if old.title != article.title else ""
    if not (changed or added or removed or renamed):
        return None
    return ArticleChange("changed", article.id, article.title, article.path, renamed, added, removed, changed)
