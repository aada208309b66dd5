"""The one exception hierarchy of the core: every error it raises on purpose.

Each error has a stable ``code`` and short ``values``; ``str(exc)`` is the English
sentence of the code's template in :mod:`kb_assistant.core.messages`, which the
command line prints. The window shows the same code translated
(``ui.system.messages.error_text``), never ``str(exc)``.

Raise with a code of the class's family and the template's values::

    raise StorageError("save-failed", path=str(path), reason=os_reason(exc))

A value may be another :class:`KbError` (the reason behind this one): it is kept
as a :class:`~kb_assistant.core.messages.Message`, so it is translated too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kb_assistant.core.messages import Message, english

if TYPE_CHECKING:
    from kb_assistant.core.files.storage import FileSnapshot


class KbError(Exception):
    """Base class of every error the core raises on purpose.

    Args:
        code: the message code; the class's own ``code`` when None.
        **values: the values of the code's template (texts, whole numbers, or a
            :class:`KbError` / :class:`Message` giving the reason).

    Attributes:
        code: stable identifier, e.g. ``"kb-not-found"``.
        values: the values the message is built from.
    """

    code = "kb-error"

    def __init__(self, code: str | None = None, /, **values: object) -> None:
        self.code = code or type(self).code
        self.values: dict[str, object] = {
            name: value.message() if isinstance(value, KbError) else value for name, value in values.items()
        }
        super().__init__(self.code)

    def message(self) -> Message:
        """This error as a message (code and values), e.g. to be the reason of another."""
        return Message(self.code, self.values)

    def __str__(self) -> str:
        return english(self.code, self.values)


class KbNotFoundError(KbError):
    """The knowledge-base folder does not exist or is not a folder (or none was given)."""

    code = "kb-not-found"


class ArticleNotFoundError(KbError):
    """No article with the requested id (or it is not the kind asked for)."""

    code = "article-not-found"


class ReplyNotFoundError(KbError):
    """The article has no reply with the requested name or number."""

    code = "reply-not-found"


class UnfilledPlaceholderError(KbError):
    """A reply still has placeholders without a value and without a fallback.

    Attributes:
        names: the unfilled placeholder names, in order.
    """

    code = "unfilled-placeholder"

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        super().__init__(names=", ".join(self.names))


class ClipboardUnavailableError(KbError):
    """No system clipboard could be reached (no xclip, xsel or wl-clipboard)."""

    code = "clipboard-unavailable"


class SearchIndexError(KbError):
    """The search index could not be opened, built or updated."""

    code = "index-failed"


class SettingsError(KbError):
    """The settings file cannot be read or understood; defaults are used meanwhile."""

    code = "settings-invalid"


class LearningStateError(KbError, ValueError):
    """The learner's state cannot be kept where it was asked to be (inside the shared KB folder)."""

    code = "learning-inside-kb"


class UndecodableError(KbError, ValueError):
    """The bytes are binary or in an encoding we cannot read."""

    code = "binary-file"


class FileReadError(KbError):
    """A file could not be read, or its bytes are not text in a supported encoding."""

    code = "file-unreadable"


class StorageError(KbError):
    """A file could not be written (disk full, no permission, folder missing ...)."""

    code = "save-failed"


class FileAlreadyExistsError(StorageError):
    """A new file was to be created where a file already exists."""

    code = "file-exists"


class EncodingChangeNeeded(StorageError):
    """The text holds a character the file's encoding (cp1251) cannot store.

    Saving again with ``encoding="utf-8"`` converts the file.

    Attributes:
        path: the file.
        encoding: the file's encoding.
        char: the first character that cannot be stored.
        line: its 1-based line.
        column: its 1-based column.
    """

    code = "encoding-change-needed"

    def __init__(self, path: Path, encoding: str, char: str, line: int, column: int) -> None:
        self.path, self.encoding, self.char, self.line, self.column = path, encoding, char, line, column
        super().__init__(path=str(path), encoding=encoding, char=char, codepoint=f"U+{ord(char):04X}",
                         line=line, column=column)


class ExternalChangeError(StorageError):
    """The file changed (or was deleted) on disk since it was opened.

    Attributes:
        path: the file.
        deleted: whether the file is gone.
        disk_text: its current text (``\\n`` newlines), None when deleted or unreadable.
        disk_snapshot: its current snapshot, None when deleted or unreadable.
    """

    code = "external-change"

    def __init__(self, path: Path, disk_text: str | None, disk_snapshot: FileSnapshot | None,
                 *, deleted: bool = False) -> None:
        self.path, self.disk_text, self.disk_snapshot, self.deleted = path, disk_text, disk_snapshot, deleted
        super().__init__("external-delete" if deleted else "external-change", path=str(path))


class FrontMatterBroken(KbError):
    """The front matter is not valid YAML (or cannot be rewritten faithfully), so it is not rewritten."""

    code = "front-matter-broken"


class FrontMatterValueError(KbError, TypeError, ValueError):
    """A value of the wrong type or out of range for a known front matter key.

    A :class:`TypeError` (wrong type) and a :class:`ValueError` (an impossible date,
    a review interval below one day) at once, as the callers of
    ``frontmatter_form.normalise_value`` catch either.
    """

    code = "value-not-text"


class RecordError(KbError, ValueError):
    """A stored record (a learning state entry) is not what this version writes."""

    code = "json-not-object"


class RenameError(KbError):
    """The rename cannot be done as asked (bad new path, id taken ...)."""

    code = "rename-invalid"


class RenameFailedError(KbError):
    """Applying a rename stopped part way.

    Attributes:
        changed: files already changed (paths relative to the KB root).
        pending: files that still needed an edit.
    """

    code = "rename-failed"

    def __init__(self, code: str, changed: Sequence[str], pending: Sequence[str], **values: object) -> None:
        self.changed, self.pending = tuple(changed), tuple(pending)
        super().__init__(code, changed=", ".join(self.changed), pending=", ".join(self.pending), **values)
