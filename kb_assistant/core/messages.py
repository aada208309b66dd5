"""The English text of every error and problem the core reports, by code.

The core never builds a user-visible sentence itself: an error (:class:`~kb_assistant.core.errors.KbError`)
or a problem (:class:`~kb_assistant.core.models.Problem`) carries a stable
``code`` and short ``values``; the sentence is the code's template here,
formatted with those values. The command line prints the English; the window
looks each template up in its Qt translation (``ui.system.messages``) and
formats the translated template with the same values.

Templates use ``{name}`` fields only (no format specs, no literal braces), so a
translation can reorder them freely. Values are short texts or whole numbers;
texts written by someone else (PyYAML's description of a YAML error, the
operating system's reason a file cannot be read) stay untranslated values.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context`` and return it unchanged.

    A pure-Python stand-in for Qt's macro of the same name (the core never
    imports Qt): ``pyside6-lupdate`` extracts every ``QT_TRANSLATE_NOOP("Messages", "...")``
    call of this file into the ``.ts`` files, and the window translates the
    template at display time.
    """
    del context
    return text


CONTEXT = "Messages"
"""The translation context of every template (the first argument of each call below)."""

UNKNOWN_CODE = "unknown-code"

MESSAGES: dict[str, str] = {
    UNKNOWN_CODE: QT_TRANSLATE_NOOP("Messages", "unexpected problem ({code})"),
    "unexpected-error": QT_TRANSLATE_NOOP("Messages", "unexpected error ({type}); the details are in the log"),
}
"""Code -> English template with ``{name}`` fields."""

VALUE_CHARS = 80
"""The longest description of a bad value :func:`short_value` gives."""

_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxdict = 4
_REPR.maxstring = _REPR.maxother = VALUE_CHARS


class _Missing(dict):
    """Format values that leave a field the template names as it is (``{name}``)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def template(code: str) -> str:
    """The English template of ``code`` (a generic one naming the code when it is unknown)."""
    return MESSAGES.get(code) or MESSAGES[UNKNOWN_CODE].replace("{code}", code)


def format_message(text: str, values: Mapping[str, object]) -> str:
    """Fill the ``{name}`` fields of a (possibly translated) template with ``values``.

    Never raises: a field without a value stays as written, and a template that
    is not a valid format string (a broken translation) is returned unformatted.
    """
    try:
        return text.format_map(_Missing(values))
    except (ValueError, IndexError, AttributeError, TypeError, KeyError):
        return text


def english(code: str, values: Mapping[str, object] | None = None) -> str:
    """The English sentence of ``code`` with ``values`` (what ``str()`` of an error gives)."""
    return format_message(template(code), values or {})


def short_value(value: object, limit: int = VALUE_CHARS) -> str:
    """A bounded description of a value someone wrote wrong (for "got ..." in a message).

    At most ``limit`` characters, and bounded work whatever the value: a YAML
    alias bomb (``tags: *j`` standing for millions of items) is described by its
    first few items, never expanded.
    """
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
