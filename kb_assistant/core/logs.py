"""The app's log file and crash file: where they are, how they are written, and what a report takes from them.

The window logs INFO and above to a rotating file in the log folder
(:attr:`~kb_assistant.core.paths.AppPaths.log_dir`) and WARNING and above to
standard error when there is one (``pythonw`` and a Windows GUI entry point have
none). :mod:`faulthandler` writes the Python stacks of a hard crash (a segfault
in Qt) to a crash file in the same folder, kept open for the life of the process.

Every line written to the file is scrubbed of personal data first (e-mails,
phones, card and order numbers: :func:`kb_assistant.core.usage.scrub.scrub`), and
the user's home folder is written ``~``.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

LOG_FILE = "kb-assistant.log"
CRASH_FILE = "crash.log"
LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3
TAIL_LINES = 200
_TAIL_BYTES = 64 * 1024
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger(__name__)


class ScrubbingFormatter(logging.Formatter):
    """A formatter whose lines (messages and tracebacks) carry no personal data and no home folder."""

    def format(self, record: logging.LogRecord) -> str:
        from kb_assistant.core.usage.scrub import scrub

        return scrub(_without_home(super().format(record)))


def _without_home(text: str) -> str:
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


@dataclass
class LogSetup:
    """What :func:`start_logging` installed, so that :meth:`close` can take it away again.

    Attributes:
        log_file: the rotating log file (None when the log folder could not be made).
        crash_file: the file faulthandler writes to (None likewise).
        problem: why there is no log file ("" when there is one): the operating system's reason.
    """

    log_file: Path | None
    crash_file: Path | None
    problem: str = ""
    handlers: list[logging.Handler] = field(default_factory=list)
    crash_handle: IO[str] | None = None
    _old_level: int = logging.WARNING

    def close(self) -> None:
        """Remove the handlers, stop faulthandler and close the files."""
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        self.handlers.clear()
        root.setLevel(self._old_level)
        if self.crash_handle is not None:
            faulthandler.disable()
            self.crash_handle.close()
            self.crash_handle = None


def start_logging(log_dir: Path, stderr: IO[str] | None = None) -> LogSetup:
    """Log INFO to a rotating file in ``log_dir``, WARNING to ``stderr``, and hard crashes to the crash file.

    Args:
        log_dir: the log folder (made when missing).
        stderr: the console stream; ``sys.stderr`` by default (None under ``pythonw``: no console handler).

    Returns:
        The :class:`LogSetup`; without a usable folder only the console handler is
        installed and :attr:`LogSetup.problem` says why.
    """
    root = logging.getLogger()
    setup = LogSetup(None, None, _old_level=root.level)
    stream = sys.stderr if stderr is None else stderr
    if stream is not None:
        console = logging.StreamHandler(stream)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        setup.handlers.append(console)
    try:
        log_dir = Path(log_dir)
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        crash_handle = open(log_dir / CRASH_FILE, "a", encoding="utf-8")  # noqa: SIM115 - open for the process's life
    except OSError as exc:
        setup.problem = exc.strerror or exc.__class__.__name__
    else:
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(ScrubbingFormatter(_FORMAT))
        setup.handlers.append(file_handler)
        setup.log_file, setup.crash_file = log_dir / LOG_FILE, log_dir / CRASH_FILE
        setup.crash_handle = crash_handle
        faulthandler.enable(file=crash_handle, all_threads=True)
    for handler in setup.handlers:
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    log.info("KB Assistant %s started (%s)", _app_version(), platform_line())
    if setup.problem:
        log.warning("no log file in the log folder: %s", setup.problem)
    return setup


def tail(path: Path | None, lines: int = TAIL_LINES) -> str:
    """The last ``lines`` lines of the text file at ``path`` ("" when it is missing or unreadable)."""
    if path is None:
        return ""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - _TAIL_BYTES))
            data = handle.read()
    except OSError:
        return ""
    text = data.decode("utf-8", "replace")
    return "\n".join(text.splitlines()[-lines:])


def platform_line() -> str:
    """The operating system and the Python, on one line."""
    return f"{platform.system()} {platform.release()} ({platform.machine()}), Python {platform.python_version()}"


def _app_version() -> str:
    from kb_assistant import __version__

    return __version__


def diagnostics_report(facts: Sequence[tuple[str, str]], log_tail: str = "", error: str = "") -> str:
    """The plain text copied for developers: the facts, the error (a traceback) and the last log lines.

    Args:
        facts: ``(label, value)`` pairs (versions and folders); empty values are left out.
        log_tail: the last lines of the log file.
        error: the error's traceback, if the report is about one.
    """
    parts = ["KB Assistant diagnostics", *(f"{label}: {value}" for label, value in facts if value)]
    if error:
        from kb_assistant.core.usage.scrub import scrub

        parts += ["", "Error:", scrub(_without_home(error.rstrip()))]
    if log_tail:
        parts += ["", "Last log lines:", log_tail.rstrip()]
    return "\n".join(parts) + "\n"


__all__ = ["CRASH_FILE", "LOG_FILE", "LogSetup", "ScrubbingFormatter", "diagnostics_report", "platform_line",
           "start_logging", "tail"]
