"""Full-text search over a KB: the only package that imports whoosh."""

from kb_assistant.core.search.indexer import UpdateReport, update_index
from kb_assistant.core.search.service import SearchFilters, SearchService

__all__ = ["SearchFilters", "SearchService", "UpdateReport", "update_index"]
