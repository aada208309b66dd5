"""Exception hierarchy of the core. Each error carries a stable code the UI translates."""

from __future__ import annotations


class KbError(Exception):
    """Base class of every error the core raises on purpose.

    Attributes:
        code: stable identifier, e.g. ``"kb-not-found"``.
        values: the values the message is built from (for translated messages).
    """

    code = "kb-error"

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.values = values


class KbNotFoundError(KbError):
    """The knowledge-base folder does not exist or is not a folder."""

    code = "kb-not-found"


class ArticleNotFoundError(KbError):
    """No article with the requested id."""

    code = "article-not-found"


class ReplyNotFoundError(KbError):
    """The article has no reply with the requested name or number."""

    code = "reply-not-found"


class UnfilledPlaceholderError(KbError):
    """A reply still has placeholders without a value and without a fallback."""

    code = "unfilled-placeholder"

    def __init__(self, names: list[str] | tuple[str, ...]) -> None:
        self.names = tuple(names)
        super().__init__("unfilled placeholders: " + ", ".join(self.names), names=self.names)


class ClipboardUnavailableError(KbError):
    """No system clipboard could be reached (no xclip, xsel or wl-clipboard)."""

    code = "clipboard-unavailable"


class SearchIndexError(KbError):
    """The search index could not be opened, built or updated."""

    code = "index"
