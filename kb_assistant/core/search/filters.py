"""Restrictions on search results (language, tag, product, category, type)."""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions on results; empty values mean "any"."""

    lang: str = ""
    tag: str = ""
    product: str = ""
    category: str = ""
    type: str = ""

    def to_query(self) -> wq.Query | None:
        """The Whoosh filter for these restrictions, or None when there are none."""
        parts: list[wq.Query] = []
        if self.lang:
            parts.append(wq.Term("lang", self.lang.lower()))
        if self.tag:
            parts.append(wq.Term("tags", self.tag.lower()))
        if self.product:
            parts.append(wq.Term("product", self.product.lower()))
        if self.category:
            folder = self.category.strip("/")
            parts.append(wq.Or([wq.Term("category", folder), wq.Prefix("category", folder + "/")]))
        if self.type:
            parts.append(wq.Term("type", self.type))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)
