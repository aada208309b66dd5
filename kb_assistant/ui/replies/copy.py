"""Copying a reply: ask for what is missing, refuse what cannot be filled, put it on the clipboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kb_assistant.core.errors import KbError, UnfilledPlaceholderError
from kb_assistant.core.replies.compose import PlaceholderField
from kb_assistant.ui.replies.clipboard import copy_payload, describe_copy
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.replies.fill_form import ask_values
from kb_assistant.ui.system.messages import error_text

AskValues = Callable[[QWidget | None, Sequence[PlaceholderField]], "dict[str, str] | None"]


def copy_reply(controller: ReplyController, index: int, parent: QWidget | None,
               ask: AskValues | None = None) -> str:
    """Copy reply ``index`` of the controller's article in its channel's formats.

    Placeholders without a value are asked for in the fill-in form first; a
    reply that still has an unfilled placeholder is never copied.

    Args:
        controller: the replies' state (article, channel, snippets, values).
        index: the 0-based reply number.
        parent: the window the fill-in form belongs to.
        ask: shows the fill-in form; :func:`ask_values` by default (tests answer without a dialog).

    Returns:
        The status-bar line saying what was copied, or why nothing was.
    """
    missing = controller.missing(index)
    if missing:
        values = (ask or ask_values)(parent, controller.placeholders_needed(index))
        if values is None:
            return QCoreApplication.translate("CopyReply", "Not copied: the reply needs {0}.").format(
                ", ".join(missing))
        controller.set_values(values)
    try:
        payload = controller.payload_for_copy(index)
    except UnfilledPlaceholderError as exc:
        return QCoreApplication.translate("CopyReply", "Not copied: fill in {0} first.").format(", ".join(exc.names))
    except KbError as exc:
        return QCoreApplication.translate("CopyReply", "Not copied: {0}").format(error_text(exc))
    copy_payload(payload)
    names = controller.reply_names()
    return describe_copy(payload, names[index] if 0 <= index < len(names) else "")
