"""Keeping the knowledge base true: review dates, the review queue, stale translations.

An article is *stale* when ``reviewed`` plus ``review_every`` days lies in the
past, and *never reviewed* when it has no ``reviewed`` date. A translation *may be
out of date* when one language's file was changed well after the other's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import Article
from kb_assistant.core.files.storage import FileSnapshot, read_text, save_text

NO_OWNER = "No owner"
"""The owner shown for articles without ``owner`` (the UI may translate it)."""

ModifiedTime = Callable[[str], dt.datetime]
"""``modified(rel_path) -> datetime``: when the file at a KB-relative path last changed."""


@dataclass(frozen=True)
class ReviewItem:
    """One article waiting for a review.

    Attributes:
        article_id: the article's id.
        title: its title.
        path: its file, relative to the KB root.
        owner: its ``owner``, or :data:`NO_OWNER`.
        due: the date the review fell due; None when it was never reviewed.
        days_overdue: days since ``due`` (0 when never reviewed).
        never_reviewed: True when the article has no ``reviewed`` date.
        lang: the article's language.
    """

    article_id: str
    title: str
    path: str
    owner: str
    due: dt.date | None
    days_overdue: int
    never_reviewed: bool
    lang: str


@dataclass(frozen=True)
class TranslationLag:
    """A pair of linked translations changed at clearly different times.

    Attributes:
        article_id: the article that links to the translation.
        translation_id: the linked translation.
        langs: the languages of ``(article_id, translation_id)``.
        newer_id: whichever of the two was changed later.
        days_apart: whole days between the two changes.
    """

    article_id: str
    translation_id: str
    langs: tuple[str, str]
    newer_id: str
    days_apart: int

    @property
    def outdated_id(self) -> str:
        """The one changed earlier: it may be out of date."""
        return self.translation_id if self.newer_id == self.article_id else self.article_id


def mark_reviewed(text: str, today: dt.date) -> str:
    """Return the article ``text`` with ``reviewed: today``; everything else is kept.

    Raises:
        FrontMatterBroken: when the front matter is not valid YAML.
    """
    doc = FrontMatterDocument.parse(text)
    doc.set("reviewed", today)
    return doc.to_text()


def mark_reviewed_file(path: Path, today: dt.date, *, root: Path | None = None) -> FileSnapshot:
    """Set ``reviewed: today`` in the article file at ``path`` and save it atomically.

    The file's encoding, line endings, other keys and comments are kept. With
    ``root`` (the KB folder), a file that leads out of the KB through a link is
    neither read nor written.

    Raises:
        FileReadError: when the file cannot be read.
        FrontMatterBroken: when its front matter is not valid YAML (the file is left alone).
        StorageError: when it cannot be written (the old file is then left whole),
            or leads out of ``root``.
    """
    text, snapshot = read_text(path, root=root)
    return save_text(path, mark_reviewed(text, today), snapshot, root=root)


def review_queue(kb: KnowledgeBase, today: dt.date) -> list[ReviewItem]:
    """Articles and snippets that need a review on ``today``.

    Stale ones (``reviewed`` + ``review_every`` days before ``today``) and never
    reviewed ones (no ``reviewed``). An article reviewed once but without
    ``review_every`` has no schedule and is not listed.

    Returns:
        Items sorted by owner (:data:`NO_OWNER` last), then the most overdue
        first, then the never reviewed ones, then by path.
    """
    items = []
    for article in kb.articles.values():
        item = _review_item(article, today)
        if item is not None:
            items.append(item)
    items.sort(key=lambda i: (
        i.owner == NO_OWNER, i.owner.casefold(), i.owner, i.never_reviewed, -i.days_overdue, i.path,
    ))
    return items


def _review_item(article: Article, today: dt.date) -> ReviewItem | None:
    if article.reviewed is None:
        due, overdue = None, 0
    elif article.is_stale(today):
        due = article.review_due()
        overdue = (today - due).days
    else:
        return None
    return ReviewItem(
        article_id=article.id,
        title=article.title,
        path=article.path,
        owner=article.owner.strip() or NO_OWNER,
        due=due,
        days_overdue=overdue,
        never_reviewed=article.reviewed is None,
        lang=article.lang,
    )


def by_owner(items: Iterable[ReviewItem]) -> dict[str, list[ReviewItem]]:
    """Group ``items`` by owner, keeping their order (owners in order of first appearance)."""
    groups: dict[str, list[ReviewItem]] = {}
    for item in items:
        groups.setdefault(item.owner, []).append(item)
    return groups


def file_modified(kb_root: Path) -> ModifiedTime:
    """The default clock of :func:`translation_lag`: file modification times under ``kb_root``."""
    root = Path(kb_root)

    def modified(rel_path: str) -> dt.datetime:
        return dt.datetime.fromtimestamp((root / rel_path).stat().st_mtime, tz=dt.timezone.utc)

    return modified


def translation_lag(
    kb: KnowledgeBase,
    kb_root: Path,
    *,
    threshold_days: float = 1,
    modified: ModifiedTime | None = None,
) -> list[TranslationLag]:
    """Linked translations where one was changed more than ``threshold_days`` after the other.

    A pair is considered once, whichever side declares ``translations`` (or both).
    Links to missing articles and files whose time cannot be read are skipped:
    ``kb-assistant check`` reports those.

    Args:
        kb: the loaded knowledge base.
        kb_root: its folder, for the default clock.
        threshold_days: how much later a change must be to count.
        modified: ``modified(rel_path) -> datetime``; file modification times by default.

    Returns:
        The lagging pairs, the widest gap first.
    """
    modified = modified or file_modified(kb_root)
    threshold = dt.timedelta(days=threshold_days)
    seen: set[frozenset[str]] = set()
    lags = []
    for article in kb.articles.values():
        for _lang, other_id in article.translations:
            other = kb.articles.get(other_id)
            pair = frozenset((article.id, other_id))
            if other is None or other.id == article.id or pair in seen:
                continue
            seen.add(pair)
            try:
                mine, theirs = modified(article.path), modified(other.path)
            except OSError:
                continue
            gap = abs(mine - theirs)
            if gap > threshold:
                lags.append(TranslationLag(
                    article_id=article.id,
                    translation_id=other.id,
                    langs=(article.lang, other.lang),
                    newer_id=article.id if mine > theirs else other.id,
                    days_apart=gap.days,
                ))
    lags.sort(key=lambda lag: (-lag.days_apart, lag.article_id, lag.translation_id))
    return lags
