"""A built-in global hotkey where the platform allows one: X11 (``XGrabKey``) and Windows (``RegisterHotKey``).

Qt has no global shortcut. On X11 the app opens a display connection of its
own (libX11 through ctypes, whatever Qt's platform is), grabs the key on the
root window, with and without Caps Lock and Num Lock, and reads that
connection's events when its socket says there are some (a
``QSocketNotifier``: no thread, no polling). On Windows the key is registered
for the GUI thread and ``WM_HOTKEY`` is read by a native event filter. Wayland
and macOS allow none: the desktop's own shortcut running ``kb-assistant --show``
is the way there (README), and :func:`hotkey_support` says so for the settings.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, QSocketNotifier, Signal

DEFAULT_HOTKEY = "Ctrl+Alt+K"
"""The key offered in the settings; any "Modifier+...+Key" of a letter, digit or F-key works."""
_X11_MODIFIERS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3, "meta": 1 << 6, "super": 1 << 6}
_X11_LOCKS = (0, 1 << 1, 1 << 4, (1 << 1) | (1 << 4))  # none, Caps Lock, Num Lock, both
_WIN_MODIFIERS = {"alt": 0x1, "ctrl": 0x2, "shift": 0x4, "meta": 0x8, "super": 0x8}
_KEY_PRESS = 2
_WM_HOTKEY = 0x0312
_X_ERRORS: list[int] = []
"""X errors since the last grab: another app holding the key answers BadAccess, which Xlib's own
handler would answer by ending the process."""
_X_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_on_x_error = _X_ERROR_HANDLER(lambda _display, _event: _X_ERRORS.append(1) or 0)


def parse_hotkey(text: str) -> tuple[list[str], str] | None:
    """``"Ctrl+Alt+K"`` -> ``(["ctrl", "alt"], "k")``; None when it is not a key with at least one modifier."""
    parts = [part.strip().lower() for part in text.split("+") if part.strip()]
    if len(parts) < 2 or any(part not in _X11_MODIFIERS for part in parts[:-1]):
        return None
    key = parts[-1]
    if not (len(key) == 1 and key.isascii() and key.isalnum()) and not (key[:1] == "f" and key[1:].isdigit()):
        return None
    return parts[:-1], key


def hotkey_support(environ=None) -> tuple[bool, str]:
    """Whether a built-in hotkey can work here, and if not why (said in the settings)."""
    env = os.environ if environ is None else environ
    if sys.platform == "win32":
        return True, ""
    translate = QCoreApplication.translate
    if sys.platform == "darwin":
        return False, translate("Hotkey", "macOS lets no app take a global key: use a shortcut running "
                                          "kb-assistant --show.")
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return False, translate("Hotkey", "Wayland lets no app take a global key: use the desktop's shortcut "
                                          "running kb-assistant --show.")
    if not env.get("DISPLAY") or not ctypes.util.find_library("X11"):
        return False, translate("Hotkey", "No X display here: use the desktop's shortcut running "
                                          "kb-assistant --show.")
    return True, ""


class GlobalHotkey(QObject):
    """One global key; :attr:`activated` is emitted on the GUI thread when it is pressed anywhere.

    Signals:
        activated(): the key was pressed (raise the window for a new question).
    """

    activated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._x11 = None
        self._notifier: QSocketNotifier | None = None
        self._grabbed: list[tuple[int, int]] = []
        self._windows_filter = None

    def register(self, text: str) -> bool:
        """Take the key ``text`` (e.g. "Ctrl+Alt+K"); False when it is unusable, taken, or not possible here."""
        self.unregister()
        parsed = parse_hotkey(text)
        if parsed is None or not hotkey_support()[0]:
            return False
        return self._register_windows(*parsed) if sys.platform == "win32" else self._register_x11(*parsed)

    def unregister(self) -> None:
        """Let the key go."""
        if self._x11 is not None:
            lib, display = self._x11
            root = lib.XDefaultRootWindow(display)
            for keycode, modifiers in self._grabbed:
                lib.XUngrabKey(display, keycode, modifiers, root)
            lib.XCloseDisplay(display)
            self._x11 = None
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self._grabbed = []
        if self._windows_filter is not None:
            ctypes.windll.user32.UnregisterHotKey(None, 1)
            QCoreApplication.instance().removeNativeEventFilter(self._windows_filter)
            self._windows_filter = None

    # -- X11 ------------------------------------------------------------------------------
    def _register_x11(self, modifiers: list[str], key: str) -> bool:
        lib = ctypes.CDLL(ctypes.util.find_library("X11"))
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XStringToKeysym.restype = ctypes.c_ulong
        lib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        for name in ("XGrabKey", "XUngrabKey", "XFlush", "XSync", "XPending", "XNextEvent", "XCloseDisplay",
                     "XConnectionNumber"):
            getattr(lib, name).restype = ctypes.c_int
        lib.XGrabKey.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int,
                                 ctypes.c_int, ctypes.c_int]
        lib.XUngrabKey.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_ulong]
        for name in ("XFlush", "XPending", "XCloseDisplay", "XConnectionNumber"):
            getattr(lib, name).argtypes = [ctypes.c_void_p]
        lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        display = lib.XOpenDisplay(None)
        if not display:
            return False
        keysym = lib.XStringToKeysym(key.upper().encode() if key[:1] == "f" and len(key) > 1 else key.encode())
        keycode = lib.XKeysymToKeycode(display, keysym) if keysym else 0
        if not keycode:
            lib.XCloseDisplay(display)
            return False
        mask = 0
        for modifier in modifiers:
            mask |= _X11_MODIFIERS[modifier]
        root = lib.XDefaultRootWindow(display)
        lib.XSetErrorHandler.restype = ctypes.c_void_p
        previous = lib.XSetErrorHandler(_on_x_error)  # for the grab only: then Xlib's (or Qt's) again
        _X_ERRORS.clear()
        self._x11 = (lib, display)
        self._grabbed = [(keycode, mask | lock) for lock in _X11_LOCKS]
        for code, modifiers_mask in self._grabbed:
            lib.XGrabKey(display, code, modifiers_mask, root, 1, 1, 1)  # owner events, async pointer and keyboard
        lib.XSync(display, 0)
        lib.XSetErrorHandler(ctypes.c_void_p(previous) if previous else None)
        if _X_ERRORS:  # another app has the key
            self.unregister()
            return False
        self._notifier = QSocketNotifier(lib.XConnectionNumber(display), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read_x11)
        return True

    def _read_x11(self) -> None:
        if self._x11 is None:
            return
        lib, display = self._x11
        event = (ctypes.c_long * 24)()  # XEvent is a union of at most 24 longs
        pressed = False
        while lib.XPending(display):
            lib.XNextEvent(display, event)
            pressed = pressed or ctypes.c_int.from_buffer(event).value == _KEY_PRESS
        if pressed:
            self.activated.emit()

    # -- Windows --------------------------------------------------------------------------------
    def _register_windows(self, modifiers: list[str], key: str) -> bool:  # pragma: no cover - Windows only
        mask = 0x4000  # MOD_NOREPEAT
        for modifier in modifiers:
            mask |= _WIN_MODIFIERS[modifier]
        virtual = ord(key.upper()) if len(key) == 1 else 0x70 + int(key[1:]) - 1  # VK_F1 = 0x70
        if not ctypes.windll.user32.RegisterHotKey(None, 1, mask, virtual):
            return False
        self._windows_filter = _WindowsHotkeyFilter(self.activated.emit)
        QCoreApplication.instance().installNativeEventFilter(self._windows_filter)
        return True


class _WindowsHotkeyFilter(QAbstractNativeEventFilter):  # pragma: no cover - Windows only
    def __init__(self, pressed) -> None:
        super().__init__()
        self._pressed = pressed

    def nativeEventFilter(self, event_type, message):  # noqa: N802
        if event_type == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if msg.message == _WM_HOTKEY:
                self._pressed()
                return True, 0
        return False, 0
