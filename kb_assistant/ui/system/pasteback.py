"""Paste-back, the Espanso way: after a copy, paste into the window the hotkey came from.

Off by default (``Settings.paste_back``). When the hotkey hands over to the
running window (``kb-assistant --show``), :meth:`PasteBack.hand_over` first
remembers the window that was active, then raises the app; the first
successful copy after that (:attr:`ReplyController.copied`) hides the main
window, gives focus back to the remembered window and sends the paste
keystroke. One hand-over, one paste: the window is forgotten after it, and when
the agent leaves the app without copying.

External commands run in a :class:`QProcess` (the event loop keeps serving the
clipboard the other window pastes from); the platform's commands are in
:mod:`kb_assistant.ui.system.paste_keys`. Where paste-back cannot work (Wayland,
offscreen, X11 without ``xdotool``) :meth:`PasteBack.available` says why and
nothing is attempted.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from kb_assistant.ui.system import paste_keys
from kb_assistant.ui.system.paste_keys import MACOS, WINDOWS

log = logging.getLogger("kb_assistant.pasteback")

REMEMBER_TIMEOUT_MS = 500
"""The longest the raise waits for the active window's id (xdotool answers in a few ms)."""
PASTE_TIMEOUT_MS = 3000

Runner = Callable[[list[str], Callable[[bool, str], None]], None]
"""Runs a command off the GUI thread, then calls back with (succeeded, its standard output)."""


def reason_text(reason: str) -> str:
    """Why paste-back cannot work here, in the interface language."""
    texts = {
        paste_keys.NO_XDOTOOL: QCoreApplication.translate(
            "PasteBack", "Needs xdotool, which is not installed (for example: sudo apt install xdotool)."),
        paste_keys.WAYLAND: QCoreApplication.translate(
            "PasteBack", "Not possible under Wayland: it does not let one app type into another."),
        paste_keys.NO_DESKTOP: QCoreApplication.translate(
            "PasteBack", "Not possible here: this system offers no way to type into another window."),
    }
    return texts.get(reason, texts[paste_keys.NO_DESKTOP])


def detect_kind() -> tuple[str, str]:
    """This run's way to paste back, or ``""`` and the reason code (see :func:`paste_keys.platform_kind`)."""
    return paste_keys.platform_kind(QGuiApplication.platformName())


def availability() -> tuple[bool, str]:
    """Whether paste-back can work in this run, and why not in the interface language ("" when it can)."""
    kind, reason = detect_kind()
    return (True, "") if kind else (False, reason_text(reason))


class PasteBack(QObject):
    """Remembers the window the hotkey came from and pastes there after a copy.

    Args:
        enabled: whether the setting is on now (read at each hand-over and copy).
        window: the main window now (it is rebuilt when the interface language changes).
        parent: the Qt parent.
        raise_window: what raises the window after a hand-over (the session's ``hand_over``).
        kind: the platform's way (``paste_keys.X11``, ``WINDOWS``, ``MACOS``, or ``""``); detected by default.
        reason: why not, when ``kind`` is ``""`` (a reason code of :mod:`paste_keys`).
        runner: runs commands (:data:`Runner`); a QProcess by default. Tests pass a fake.
        native: ``(foreground, paste)`` functions for Windows; the ctypes ones by default.
    """

    def __init__(self, enabled: Callable[[], bool], window: Callable[[], object], parent: QObject | None = None, *,
                 raise_window: Callable[[str | None], None] = lambda query: None, kind: str | None = None, reason: str = "", runner: Runner | None = None,
                 native: tuple[Callable[[], str | None], Callable[[str], bool]] | None = None) -> None:
        super().__init__(parent)
        self._enabled, self._window, self._raise = enabled, window, raise_window
        self._kind, self._reason = (kind, reason) if kind is not None else detect_kind()
        self._run = runner or self._run_process
        self._native = native or (paste_keys.windows_foreground, paste_keys.windows_paste)
        self.target: str | None = None
        self._pasting: str | None = None
        self._processes: set[QProcess] = set()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)

    @classmethod
    def for_session(cls, session) -> PasteBack:
        """Paste-back for an :class:`AppSession`: its settings, its window, its copies."""
        paste_back = cls(lambda: session.settings.paste_back, lambda: session.window, session,
                         raise_window=session.hand_over)
        session.services.replies.copied.connect(paste_back.on_copied)
        return paste_back

    def available(self) -> tuple[bool, str]:
        """Whether paste-back can work here, and why not (empty when it can)."""
        return (True, "") if self._kind else (False, reason_text(self._reason))

    def active(self) -> bool:
        """The setting is on and the platform can do it."""
        return bool(self._kind) and bool(self._enabled())

    # -- the hand-over ---------------------------------------------------------------
    def hand_over(self, query: str | None) -> None:
        """The hotkey (``--show``, ``query`` not None): remember the active window, then raise the app.

        A plain launch (``query`` None) raises without remembering, and forgets.
        """
        self.target = None
        if query is None or not self.active():
            self._raise(query)
            return
        self.remember(lambda: self._raise(query))

    def remember(self, then: Callable[[], None] = lambda: None) -> None:
        """Note the active window (not one of the app's own), then call ``then`` (at most 500 ms later)."""
        self.target = None
        done = [False]

        def finish(target: str | None) -> None:
            if done[0]:
                return
            done[0] = True
            self.target = target if target and not self._is_own(target) else None
            log.debug("paste-back target: %s", self.target)
            then()

        if self._kind == WINDOWS:
            finish(self._native[0]())
            return
        QTimer.singleShot(REMEMBER_TIMEOUT_MS, self, lambda: finish(None))
        self._remember_with(paste_keys.remember_commands(self._kind), finish)

    def _remember_with(self, commands: list[list[str]], finish: Callable[[str | None], None]) -> None:
        if not commands:
            finish(None)
            return

        def answered(ok: bool, output: str) -> None:
            target = paste_keys.target_from_output(output) if ok else None
            if target is None and len(commands) > 1:
                self._remember_with(commands[1:], finish)
            else:
                finish(target)

        self._run(commands[0], answered)

    def _is_own(self, target: str) -> bool:
        if self._kind == MACOS:
            return target == str(os.getpid())
        own = {str(int(window.winId())) for window in QGuiApplication.allWindows() if window.isVisible()}
        return target in own

    def _on_state(self, state: Qt.ApplicationState) -> None:
        """The agent left the app without copying: the next copy pastes nowhere."""
        if state == Qt.ApplicationState.ApplicationInactive and self.target is not None and self._pasting is None:
            window = self._window()
            if window is not None and window.isVisible():
                self.target = None

    # -- after a copy ----------------------------------------------------------------
    def on_copied(self, article_id: str = "", reply_name: str = "", channel: str = "") -> None:
        """A reply was copied: hide the window, give focus back to the remembered one and paste there."""
        target, self.target = self.target, None
        if target is None or not self.active():
            return
        window = self._window()
        if window is not None:
            window.hide()
        if self._kind == WINDOWS:
            QTimer.singleShot(0, self, lambda: self._native[1](target))
            return
        self._pasting = target
        self._paste_with(paste_keys.paste_commands(self._kind, target))

    def _paste_with(self, commands: list[list[str]]) -> None:
        if not commands:
            self._pasting = None
            return

        def answered(ok: bool, _output: str) -> None:
            if ok or len(commands) == 1:
                if not ok:
                    log.warning("paste-back failed: %s", " ".join(commands[0]))
                self._pasting = None
            else:
                self._paste_with(commands[1:])

        self._run(commands[0], answered)

    # -- running commands ------------------------------------------------------------
    def _run_process(self, command: list[str], done: Callable[[bool, str], None]) -> None:
        """Start ``command`` in a QProcess; ``done(succeeded, stdout)`` when it ends, fails to start or times out."""
        process = QProcess(self)
        self._processes.add(process)
        answered = [False]

        def finish(ok: bool) -> None:
            if answered[0]:
                return
            answered[0] = True
            output = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
            if process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
            self._processes.discard(process)
            process.deleteLater()
            done(ok, output)

        process.finished.connect(lambda code, status: finish(code == 0 and status == QProcess.ExitStatus.NormalExit))
        process.errorOccurred.connect(lambda error: finish(False))
        QTimer.singleShot(PASTE_TIMEOUT_MS, process, lambda: finish(False))
        process.start(command[0], command[1:])
