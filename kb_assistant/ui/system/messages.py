"""Errors and problems as the user reads them: the core's codes in the interface language.

The core gives a code and values (``KbError.code`` / ``.values``, ``Problem.code`` /
``.values``); the English template of each code lives in ``core.messages``,
marked for ``pyside6-lupdate`` in the "Messages" context. Here the template is
looked up in the installed translation and formatted with the same values, so
a Russian agent never reads an English sentence, and nothing user-visible is
built from an exception's English text.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from kb_assistant.core import messages
from kb_assistant.core.errors import KbError
from kb_assistant.core.messages import Message
from kb_assistant.core.models import Problem

# A name, not a literal: the translation tool's check of tr() calls skips calls whose
# context it cannot know, and these texts are extracted from core/messages.py instead.
_CONTEXT = messages.CONTEXT


def message_text(code: str | Message, values: Mapping[str, object] | None = None) -> str:
    """The translated sentence of ``code`` with ``values`` filled in (nested messages translated too).

    ``code`` may also be a whole :class:`~kb_assistant.core.messages.Message`
    (``FrontMatterDocument.error``, for example).
    """
    if isinstance(code, Message):
        code, values = code.code, code.values
    return messages.render(code, values or {}, _translate)


def _translate(template: str) -> str:
    return QCoreApplication.translate(_CONTEXT, template)


def error_text(exc: BaseException) -> str:
    """What to tell the user about ``exc``.

    A :class:`KbError` reads as its code's translated template with its values;
    anything else (a bug) as a translated generic text naming the exception's
    type, never its English message.
    """
    if isinstance(exc, KbError):
        return message_text(exc.code, exc.values)
    return message_text("unexpected-error", {"type": type(exc).__name__})


def problem_text(problem: Problem) -> str:
    """The translated sentence of one problem (no path, line or severity)."""
    return message_text(problem.code, problem.values)


def severity_text(severity: str) -> str:
    """ "error" or "warning" in the interface language."""
    if severity == "error":
        return QCoreApplication.translate("Messages", "error")
    if severity == "warning":
        return QCoreApplication.translate("Messages", "warning")
    return severity


def problem_line(problem: Problem, *, with_path: bool = True) -> str:
    """One line of a problem list: where, the translated severity, then the text.

    Args:
        problem: the problem.
        with_path: ``path:line: severity: text`` as ``kb-assistant check`` prints it;
            False for a list about one file: ``line N: severity: text``.
    """
    if with_path:
        where = problem.path or QCoreApplication.translate("Messages", "<knowledge base>")
        if problem.line is not None:
            where += f":{problem.line}"
    elif problem.line:
        where = QCoreApplication.translate("Messages", "line {0}").format(problem.line)
    else:
        where = ""
    text = f"{severity_text(problem.severity)}: {problem_text(problem)}"
    return f"{where}: {text}" if where else text
