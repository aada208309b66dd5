"""Which language the learning window shows first.

A new hire learns in the language they work in: the window starts on the
interface language, not on every language mixed. Once the learner picks a
filter (``"all"`` included) that choice is kept and wins from then on.
"""

from __future__ import annotations

from collections.abc import Iterable

from kb_assistant.core.kb.load import KnowledgeBase

ALL = ""
"""The filter value of "all languages"."""


def kb_languages(kb: KnowledgeBase) -> set[str]:
    """The languages of the KB's readable articles (snippets are not read on their own)."""
    return {article.lang for article in kb.articles.values() if article.type != "snippet" and article.lang}


def starting_language(remembered: str | None, ui_language: str, available: Iterable[str] | None = None) -> str:
    """The language filter to start with.

    Args:
        remembered: the learner's last choice (``ALL`` for all languages), None
            when they never chose.
        ui_language: the interface language (``"ru"``, ``"en"``).
        available: the KB's article languages, None while the KB is not loaded.

    Returns:
        ``remembered`` when there is one; else the interface language, unless
        the KB is known to have no article in it (a Russian window on an
        English-only KB would show an empty tree), then ``ALL``.
    """
    if remembered is not None:
        return remembered
    if available is not None and ui_language not in set(available):
        return ALL
    return ui_language or ALL
