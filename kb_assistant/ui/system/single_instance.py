"""One running window per user: a local server that a second launch hands its query to.

A second ``kb-assistant`` (or ``kb-assistant --show "query"``, bound to an OS hotkey)
calls :func:`try_hand_over`; when a running window answers, the second process exits
and the running one raises its window with the query in the box.

A lock file (``QLockFile``, beside the socket in the temporary folder) is held by the
running instance for its whole life. A launch that cannot connect but finds the lock
held (the other instance is still starting, or between its lock and its socket) waits
briefly and tries again instead of opening a second window; a lock left by a crashed
instance (its process is gone) is taken over. On Windows the launch lets the running
instance take the foreground (``AllowSetForegroundWindow``), or the window would only
flash in the taskbar.

Wire format: one UTF-8 JSON object per line, ``{"action": "show", "query": str | null}``.
Anything else (garbage, unknown actions, lines over 64 KiB) is ignored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import sys
import time
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kb_assistant.core.paths import AppPaths

log = logging.getLogger("kb_assistant.ui.system.single_instance")

MAX_MESSAGE_BYTES = 64 * 1024
STARTING_WAIT_MS = 5000
"""How long a launch waits for an instance that holds the lock but does not answer yet."""
_POLL_SECONDS = 0.1
ASFW_ANY = -1
"""``AllowSetForegroundWindow``'s "any process" (the DWORD 0xFFFFFFFF)."""


def lock_path(name: str) -> str:
    """The lock file of the instance called ``name``: in the temporary folder, where Qt puts the socket."""
    return str(Path(QDir.tempPath()) / f"{name}.lock")


def new_lock(name: str) -> QLockFile:
    """A :class:`QLockFile` for ``name`` that counts as stale only when its process is gone (never by age)."""
    lock = QLockFile(lock_path(name))
    lock.setStaleLockTime(0)  # held for the app's life: age says nothing
    return lock


def lock_held(name: str) -> bool:
    """Whether a live process holds the instance lock of ``name`` (a stale one is removed on the way)."""
    probe = new_lock(name)
    if probe.tryLock(0):
        probe.unlock()
        return False
    return probe.error() == QLockFile.LockError.LockFailedError


def allow_foreground_handover() -> bool:
    """On Windows, let the running instance bring its window to the front; elsewhere nothing (False).

    The launch started by the hotkey owns the foreground; ``AllowSetForegroundWindow(ASFW_ANY)``
    passes that right on, so the running window's ``activateWindow()`` raises it.
    """
    if sys.platform != "win32":
        return False
    try:
        return bool(_user32().AllowSetForegroundWindow(ASFW_ANY))
    except (AttributeError, OSError) as exc:
        log.info("AllowSetForegroundWindow is not available: %s", exc)
        return False


def _user32():
    import ctypes

    return ctypes.WinDLL("user32", use_last_error=True)


def _pause(seconds: float) -> None:
    time.sleep(seconds)


def server_name(paths: AppPaths) -> str:
    """The local server name for this user's config folder.

    Keyed by the config folder (not the KB), so one window per user whatever KB it
    shows, and tests on temporary config folders never reach a real running app.
    """
    folder = str(Path(paths.config_dir).expanduser().resolve())
    digest = hashlib.sha256(folder.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"kb-assistant-{digest}"


def encode_message(query: str | None) -> bytes:
    """The newline-terminated message that asks a running window to show ``query``."""
    return json.dumps({"action": "show", "query": query}, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_message(line: bytes) -> tuple[bool, str | None]:
    """Parse one message line.

    Returns:
        ``(True, query)`` for a valid show request, ``(False, None)`` for anything else.
    """
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False, None
    if not isinstance(message, dict) or message.get("action") != "show":
        return False, None
    query = message.get("query")
    if query is not None and not isinstance(query, str):
        return False, None
    return True, query


def try_hand_over(name: str, query: str | None, timeout_ms: int = 500, starting_wait_ms: int = STARTING_WAIT_MS) -> bool:
    """Ask a running instance to show its window (with ``query``, if given).

    Args:
        name: the server name, from :func:`server_name`.
        query: None to just raise the window, "" to raise it with an empty box,
            any other text to put it in the search box.
        timeout_ms: how long to wait for the connection and for the write.
        starting_wait_ms: how long to keep trying while the instance lock is held but nobody answers.

    Returns:
        True when a running instance took the message (the caller should exit 0),
        False when no instance answers.
    """
    allow_foreground_handover()
    deadline = time.monotonic() + starting_wait_ms / 1000
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(timeout_ms):
            break
        socket.abort()
        if time.monotonic() >= deadline or not lock_held(name):
            return False
        log.info("another instance holds the lock but does not answer yet: trying again")
        _pause(_POLL_SECONDS)
    socket.write(encode_message(query))
    while socket.bytesToWrite() > 0:
        if not socket.waitForBytesWritten(timeout_ms):
            socket.abort()
            return False
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return True


class _Connection(QObject):
    """One client connection: buffers bytes and splits them into message lines."""

    message = Signal(bytes)
    finished = Signal(object)

    def __init__(self, socket: QLocalSocket, parent: QObject) -> None:
        super().__init__(parent)
        self.socket = socket
        socket.setParent(self)
        self._buffer = bytearray()
        self._discarding = False  # inside an oversize line: drop bytes until its newline
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._finish)

    def _read(self) -> None:
        self._buffer += bytes(self.socket.readAll().data())
        while True:
            end = self._buffer.find(b"\n")
            if end < 0:
                break
            line = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            if self._discarding:
                self._discarding = False
            elif len(line) > MAX_MESSAGE_BYTES:
                log.info("ignored an oversize message (%d bytes)", len(line))
            else:
                self.message.emit(line)
        if len(self._buffer) > MAX_MESSAGE_BYTES:
            if not self._discarding:
                log.info("ignored an oversize message (over %d bytes)", MAX_MESSAGE_BYTES)
            self._discarding = True
            self._buffer.clear()

    def _finish(self) -> None:
        self._read()
        rest = bytes(self._buffer).strip()
        self._buffer.clear()
        if rest and not self._discarding:
            self.message.emit(rest)  # a last message without its newline
        self.finished.emit(self)
        self.deleteLater()

    def abort(self) -> None:
        """Close the connection without reading what is left."""
        self.socket.readyRead.disconnect(self._read)
        self.socket.disconnected.disconnect(self._finish)
        self.socket.abort()
        self.deleteLater()


class InstanceServer(QObject):
    """The running window's end of the hand-over.

    Create it on the GUI thread; messages are read and signalled there.

    Signals:
        show_requested(object): a second launch asked to show the window. The value is
            None (just raise), "" (raise with an empty box) or the query to put in the box.
    """

    show_requested = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        # No socket options on purpose: with them Qt binds in a temporary folder and renames
        # over the name, replacing a live server; a plain bind fails instead, so two launches
        # at once cannot both win. The socket file is made user-only after binding.
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)
        self._connections: list[_Connection] = []
        self._lock = new_lock(name)

    @property
    def is_listening(self) -> bool:
        """Whether the server is accepting hand-overs."""
        return self._server.isListening()

    def listen(self) -> bool:
        """Start listening; clear a socket left by a crashed instance and retry once.

        Returns:
            True when listening. False when another live instance owns the name (the
            caller may hand over to it instead) or the socket cannot be created.
        """
        if self._server.isListening():
            return True
        if not self._lock.isLocked() and not self._lock.tryLock(0):
            # a live instance holds it (a stale lock of a crashed one was taken over by tryLock)
            log.info("another instance holds %s", lock_path(self.name))
            return False
        if self._listen():
            return True
        if _server_answers(self.name):
            log.info("another instance is already listening on %s", self.name)
            return False
        QLocalServer.removeServer(self.name)
        if self._listen():
            return True
        log.warning("single-instance server not started: %s", self._server.errorString())
        return False

    def _listen(self) -> bool:
        if not self._server.listen(self.name):
            return False
        if os.name == "posix":
            try:
                os.chmod(self._server.fullServerName(), stat.S_IRUSR | stat.S_IWUSR)
            except OSError as exc:
                log.info("could not restrict the single-instance socket: %s", exc)
        return True

    def close(self) -> None:
        """Stop listening, drop open connections and let the lock go."""
        self._server.close()
        if self._lock.isLocked():
            self._lock.unlock()
        for connection in self._connections:
            connection.abort()
        self._connections.clear()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            connection = _Connection(socket, self)
            connection.message.connect(self._on_message)
            connection.finished.connect(self._forget)
            self._connections.append(connection)
            connection._read()  # bytes that arrived before we connected readyRead

    def _forget(self, connection: _Connection) -> None:
        if connection in self._connections:
            self._connections.remove(connection)

    def _on_message(self, line: bytes) -> None:
        ok, query = decode_message(line)
        if not ok:
            log.info("ignored a malformed single-instance message (%d bytes)", len(line))
            return
        self.show_requested.emit(query)


def _server_answers(name: str, timeout_ms: int = 200) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    answered = socket.waitForConnected(timeout_ms)
    socket.abort()
    return answered
