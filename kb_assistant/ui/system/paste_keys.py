"""The operating system's side of paste-back, without Qt: which platform can do it, and the commands it takes.

Paste-back (:mod:`kb_assistant.ui.system.pasteback`) gives focus back to the window the
hotkey came from and sends it the paste keystroke:

- X11: ``xdotool`` (when it is on PATH). The window is read with ``getactivewindow``,
  and with ``getwindowfocus`` where no window manager keeps ``_NET_ACTIVE_WINDOW``
  (a bare X server such as Xvfb); it is given back with ``windowactivate --sync``,
  else ``windowfocus --sync``, then ``key --clearmodifiers ctrl+v``.
- Windows: ``GetForegroundWindow``, then ``SetForegroundWindow`` and Ctrl+V through
  ``SendInput`` (ctypes; no process is started).
- macOS: the frontmost application through ``osascript`` (System Events), made
  frontmost again, then Command+V; the app needs the Accessibility permission.

Anything else (Wayland, offscreen, no ``xdotool``) cannot: :func:`platform_kind`
says why with a reason code, which the Qt side words for the user.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable

X11, WINDOWS, MACOS = "x11", "windows", "macos"

NO_XDOTOOL = "no-xdotool"
WAYLAND = "wayland"
NO_DESKTOP = "no-desktop"
"""Reason codes :func:`platform_kind` gives when paste-back cannot work."""

_MAC_FRONTMOST = 'tell application "System Events" to get unix id of first process whose frontmost is true'
_MAC_PASTE = 'tell application "System Events" to keystroke "v" using command down'


def platform_kind(qt_platform: str, system: str = sys.platform,
                  which: Callable[[str], str | None] = shutil.which) -> tuple[str, str]:
    """``(kind, reason)``: the way to paste back on this platform (``X11``, ``WINDOWS``, ``MACOS``), or ``""`` and why not.

    ``qt_platform`` is Qt's platform plugin name (``QGuiApplication.platformName()``).
    """
    name = qt_platform.lower()
    if name == "xcb":
        return (X11, "") if which("xdotool") else ("", NO_XDOTOOL)
    if name.startswith("wayland"):
        return "", WAYLAND
    if name == "windows" and system == "win32":
        return WINDOWS, ""
    if name == "cocoa" and system == "darwin":
        return MACOS, ""
    return "", NO_DESKTOP


def remember_commands(kind: str) -> list[list[str]]:
    """The commands that print the active window's id (or the frontmost app's process id), tried in turn."""
    if kind == X11:
        return [["xdotool", "getactivewindow"], ["xdotool", "getwindowfocus"]]
    if kind == MACOS:
        return [["osascript", "-e", _MAC_FRONTMOST]]
    return []


def paste_commands(kind: str, target: str) -> list[list[str]]:
    """The commands that give focus back to ``target`` and paste there, tried in turn until one succeeds."""
    if kind == X11:
        return [["xdotool", way, "--sync", target, "key", "--clearmodifiers", "ctrl+v"]
                for way in ("windowactivate", "windowfocus")]
    if kind == MACOS:
        frontmost = f'tell application "System Events" to set frontmost of first process whose unix id is {target} to true'
        return [["osascript", "-e", frontmost, "-e", _MAC_PASTE]]
    return []


def target_from_output(output: str) -> str | None:
    """The window or process id a remember command printed (a positive integer), else None."""
    text = output.strip()
    return text if text.isdigit() and int(text) > 1 else None  # XGetInputFocus may answer 1 (PointerRoot)


# -- Windows ------------------------------------------------------------------------------
def windows_foreground() -> str | None:
    """The foreground window's handle, as text (None when there is none or this is not Windows)."""
    try:
        handle = _user32().GetForegroundWindow()
    except (AttributeError, OSError):
        return None
    return str(handle) if handle else None


def windows_paste(target: str) -> bool:
    """Bring window ``target`` to the front and send it Ctrl+V (``SendInput``); False when it could not."""
    import ctypes
    from ctypes import wintypes

    try:
        user32 = _user32()
    except (AttributeError, OSError):
        return False

    class KEYBDINPUT(ctypes.Structure):
        _fields_ = [("wVk", wintypes.WORD), ("wScan", wintypes.WORD), ("dwFlags", wintypes.DWORD),
                    ("time", wintypes.DWORD), ("dwExtraInfo", ctypes.c_size_t)]

    class MOUSEINPUT(ctypes.Structure):  # the largest member of the union: it sets INPUT's size
        _fields_ = [("dx", wintypes.LONG), ("dy", wintypes.LONG), ("mouseData", wintypes.DWORD),
                    ("dwFlags", wintypes.DWORD), ("time", wintypes.DWORD), ("dwExtraInfo", ctypes.c_size_t)]

    class _UNION(ctypes.Union):
        _fields_ = [("ki", KEYBDINPUT), ("mi", MOUSEINPUT)]

    class INPUT(ctypes.Structure):
        _fields_ = [("type", wintypes.DWORD), ("union", _UNION)]

    input_keyboard, key_up, vk_control, vk_v = 1, 0x0002, 0x11, 0x56
    keys = [(vk_control, 0), (vk_v, 0), (vk_v, key_up), (vk_control, key_up)]
    events = (INPUT * len(keys))(*[INPUT(input_keyboard, _UNION(ki=KEYBDINPUT(vk, 0, flags, 0, 0)))
                                   for vk, flags in keys])
    if not user32.SetForegroundWindow(wintypes.HWND(int(target))):
        return False
    return user32.SendInput(len(keys), events, ctypes.sizeof(INPUT)) == len(keys)


def _user32():
    import ctypes

    return ctypes.WinDLL("user32", use_last_error=True)
