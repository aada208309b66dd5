"""Copying a reply: ask for what is missing, refuse what cannot be filled, put it on the clipboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kb_assistant.core.errors import KbError, UnfilledPlaceholderError
from kb_assistant.core.models import SearchResults
from kb_assistant.core.replies.compose import PlaceholderField
from kb_assistant.ui.replies.clipboard import copy_payload, describe_copy
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.replies.fill_form import ask_values, field_label
from kb_assistant.ui.system.messages import error_text

AskValues = Callable[[QWidget | None, Sequence[PlaceholderField]], "dict[str, str] | None"]


def copy_reply(controller: ReplyController, index: int, parent: QWidget | None,
               ask: AskValues | None = None) -> str:
    """Copy reply ``index`` of the controller's article in its channel's formats.

    Placeholders without a value are asked for in the fill-in form first; a
    reply that still has an unfilled placeholder is never copied. Only the
    current conversation's values are used: values that went idle are put aside
    first, and the previous customer's never fill anything.

    Args:
        controller: the replies' state (article, channel, snippets, values).
        index: the 0-based reply number.
        parent: the window the fill-in form belongs to.
        ask: shows the fill-in form; :func:`ask_values` by default (tests answer without a dialog).

    Returns:
        The status-bar line saying what was copied, or why nothing was.
    """
    controller.expire_idle()  # values left from before the idle time are put aside, never reused
    missing = controller.missing(index)
    fields = controller.placeholders_needed(index) if missing else []
    labels = {field.name: field_label(field) for field in fields}
    if missing:
        values = (ask or ask_values)(parent, fields)
        if values is None:
            # the agent reads the form's labels ("Order number"), never the template's names ("order_id")
            return QCoreApplication.translate("CopyReply", "Not copied: the reply needs {0}.").format(
                ", ".join(labels.get(name, name) for name in missing))
        controller.set_values(values)
    try:
        payload = controller.payload_for_copy(index)
    except UnfilledPlaceholderError as exc:
        return QCoreApplication.translate("CopyReply", "Not copied: fill in {0} first.").format(
            ", ".join(labels.get(name, name) for name in exc.names))
    except KbError as exc:
        return QCoreApplication.translate("CopyReply", "Not copied: {0}").format(error_text(exc))
    copy_payload(payload)
    controller.note_copied(index)
    names = controller.reply_names()
    return describe_copy(payload, names[index] if 0 <= index < len(names) else "")


def ask_copy_weak_match(parent: QWidget | None, results: SearchResults) -> bool:
    """Ask whether to copy a reply although the search found no good match (No is the default)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("CopyReply", "No good match"),
        QCoreApplication.translate(
            "CopyReply", "No article matches “{0}” well. Copy the reply of the closest one anyway?"
        ).format(results.query.strip()),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class WeakMatchGuard:
    """Copying from a weak answer asks first, once per answer.

    Ctrl+Enter is fast on purpose; on "No good match" it must not be: the closest
    article may be about something else entirely. Once the agent said yes for an
    answer, copying another reply of it does not ask again.

    Args:
        ask: asks the agent (:func:`ask_copy_weak_match` by default; tests answer without a dialog).
    """

    def __init__(self, ask: Callable[[QWidget | None, SearchResults], bool] | None = None) -> None:
        self._ask = ask
        self._confirmed: SearchResults | None = None

    def allows(self, results: SearchResults | None, parent: QWidget | None) -> bool:
        """Whether a reply may be copied while ``results`` are shown (None: no search)."""
        if results is None or results.confident or not results.hits or results is self._confirmed:
            return True
        if (self._ask or ask_copy_weak_match)(parent, results):
            self._confirmed = results
            return True
        return False
