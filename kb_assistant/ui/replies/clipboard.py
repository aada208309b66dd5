"""The one clipboard seam of the window (STYLE habit 6).

:func:`mime_data_for` builds the clipboard content of a rendered reply (pure,
testable); :func:`copy_payload` is the second line that puts it on the
clipboard. The formats follow DESIGN.md section 5: ``text/html`` and
``text/plain`` for e-mail, ``text/plain`` only for chat, messenger and phone.

Every payload is made by :func:`kb_assistant.ui.system.mime.new_mime_data`
(see there why a ``QMimeData()`` from Python is never used).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from kb_assistant.core.replies.templates import ClipboardPayload
from kb_assistant.ui.system.mime import new_mime_data


def channel_label(channel: str) -> str:
    """The translated, human name of a channel ("e-mail", "chat" ...) for messages."""
    labels = {
        "email": QCoreApplication.translate("Clipboard", "e-mail"),
        "chat": QCoreApplication.translate("Clipboard", "chat"),
        "messenger": QCoreApplication.translate("Clipboard", "messenger"),
        "phone": QCoreApplication.translate("Clipboard", "phone"),
    }
    return labels.get(channel, channel)


def mime_data_for(payload: ClipboardPayload) -> QMimeData:
    """Build the clipboard content of a rendered reply.

    Args:
        payload: the reply shaped for its channel (:func:`core.templates.render_reply`).

    Returns:
        ``text/html`` (the sanitized HTML) and ``text/plain`` for ``email``;
        ``text/plain`` only for every other channel. An e-mail payload without
        HTML gets the plain text, escaped, as its HTML part.
    """
    mime = new_mime_data()
    mime.setText(payload.plain)
    if payload.channel == "email":
        body = payload.html
        if body is None:
            body = html.escape(payload.plain, quote=False).replace("\n", "<br>\n")
        mime.setHtml(body)
    return mime


def copy_payload(payload: ClipboardPayload, clipboard: QClipboard | None = None) -> None:
    """Put a rendered reply on the clipboard in its channel's formats.

    Args:
        payload: the reply shaped for its channel.
        clipboard: the clipboard to use; the application's by default.
    """
    (clipboard or QGuiApplication.clipboard()).setMimeData(mime_data_for(payload))


def describe_copy(payload: ClipboardPayload, reply_name: str) -> str:
    """Status-bar text that says what was copied, for whom, and how much.

    Example: ``Copied “Refund started” for e-mail (HTML and plain text, characters: 312)``.
    """
    # "characters: N" instead of "N characters" needs no plural forms in Russian
    if payload.channel == "email":
        text = QCoreApplication.translate(
            "Clipboard", "Copied “{name}” for {channel} (HTML and plain text, characters: {count})"
        )
    else:
        text = QCoreApplication.translate("Clipboard", "Copied “{name}” for {channel} (plain text, characters: {count})")
    name = reply_name or QCoreApplication.translate("Clipboard", "reply")
    return text.format(name=name, channel=channel_label(payload.channel), count=len(payload.plain))
