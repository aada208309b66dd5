"""The marker of translatable English templates in the core, which never imports Qt."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context`` and return it unchanged.

    A pure-Python stand-in for Qt's macro of the same name (the core never
    imports Qt): ``pyside6-lupdate`` extracts every ``QT_TRANSLATE_NOOP("Messages", "...")``
    call of the catalogue modules (``core/messages.py``, ``core/messages_input.py``)
    into the ``.ts`` files, and the window translates the template at display time.
    """
    del context
    return text
