"""The Qt item model behind the results list (QtCore only)."""

from __future__ import annotations

import html
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from kb_assistant.core.models import SearchHit, SearchResults
from kb_assistant.core.search.snippets import mark_spans


RICH_TEXT_CACHE = 512
"""Items whose HTML is kept (a hit is frozen: its HTML never changes)."""


class ResultRole(IntEnum):
    """Extra data roles of :class:`ResultsModel`."""

    Hit = Qt.ItemDataRole.UserRole + 1
    RichText = Qt.ItemDataRole.UserRole + 2


def badges(hit: SearchHit, category_labels: dict[str, str] | None = None) -> list[str]:
    """The short labels shown beside a result: category (by its label), language, stale, replies."""
    found = []
    if hit.category:
        found.append((category_labels or {}).get(hit.category) or hit.category)
    if hit.lang:
        found.append(hit.lang.upper())
    if hit.type == "snippet":
        found.append(QCoreApplication.translate("ResultsModel", "snippet"))
    if hit.stale:
        found.append(QCoreApplication.translate("ResultsModel", "stale"))
    if hit.reply_names:
        found.append(QCoreApplication.translate("ResultsModel", "replies: {0}").format(len(hit.reply_names)))
    return found


def marked_snippet_html(hit: SearchHit) -> str:
    """The snippet as HTML, matched words in bold, everything else escaped."""
    return mark_spans(hit.snippet, hit.highlights, lambda word: f"<b>{html.escape(word)}</b>", html.escape)


class ResultsModel(QAbstractListModel):
    """Search results, or the recent and pinned articles when the search box is empty."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()
        self.confident = True
        self.category_labels: dict[str, str] = {}
        """Category -> the label shown for it (see ``SearchBar.set_kb``)."""
        self._rich: dict[tuple, str] = {}
        self._row_html: dict[int, tuple[SearchHit, str, str]] = {}

    def set_results(self, results: SearchResults | None) -> None:
        """Show new results (None: nothing)."""
        self._replace(results.hits if results else (), bool(results and results.confident))

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        """Show a fixed list (recent or pinned articles)."""
        self._replace(tuple(hits), True)

    def _replace(self, hits: tuple[SearchHit, ...], confident: bool) -> None:
        """Update the rows in place: rows that stay are changed, the tail inserted or removed.

        A reset would make the view forget its current row and scroll position and
        lay out every item again on each keystroke; in place, a keystroke that
        changes nothing costs nothing and one that changes a few rows repaints those.
        """
        old, new = self._hits, hits
        if old == new and self.confident == confident:
            return
        common = min(len(old), len(new))
        if len(new) < len(old):
            self.beginRemoveRows(QModelIndex(), len(new), len(old) - 1)
            self._hits = old[:len(new)]
            self.endRemoveRows()
        elif len(new) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._hits = old + new[len(old):]
            self.endInsertRows()
        changed = [row for row in range(common) if old[row] != new[row]] if self.confident == confident else \
            list(range(common))
        self._hits, self.confident = new, confident
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], 0))

    def hit(self, row: int) -> SearchHit | None:
        """The hit in ``row``, if any."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # what a screen reader says: title, badges, then the snippet (weak matches say so first)
            text = f"{hit.title} ({', '.join(badges(hit, self.category_labels))}). {hit.snippet}"
            if not self.confident:
                text = QCoreApplication.translate("ResultsModel", "Weak match: {0}").format(text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.path
        if role == ResultRole.Hit:
            return hit
        if role == ResultRole.RichText:
            return self._rich_text(hit)
        return None

    def rich_text(self, row: int) -> str:
        """The HTML of ``row`` ("" past the end): the delegate's way in, without a data() round trip.

        The view asks for every item's size on each layout and for its text on each
        paint, a dozen times a keystroke; through ``index.data`` each ask converted
        its role to an enum and back.
        """
        if not 0 <= row < len(self._hits):
            return ""
        hit, label = self._hits[row], self.category_labels.get(self._hits[row].category, "")
        kept = self._row_html.get(row)
        if kept is not None and kept[0] is hit and kept[1] == label:
            return kept[2]  # the same hit object: no hashing of the whole hit
        text = self._rich_text(hit)
        self._row_html[row] = (hit, label, text)
        return text

    def _rich_text(self, hit: SearchHit) -> str:
        """The item's HTML, built once per hit (the view asks for it on every layout and paint)."""
        key = (hit, self.category_labels.get(hit.category, ""))  # a reload may relabel its category
        found = self._rich.get(key)
        if found is None:
            tags = " · ".join(html.escape(b) for b in badges(hit, self.category_labels))
            found = (
                f"<b>{html.escape(hit.title)}</b> <span class='meta'>{tags}</span><br>"
                f"<span class='meta'>{marked_snippet_html(hit)}</span>"
            )
            if len(self._rich) > RICH_TEXT_CACHE:
                self._rich.clear()
            self._rich[key] = found
        return found
