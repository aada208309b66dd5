"""Before Qt starts on a Linux desktop: are the system libraries its xcb plugin needs there?

Without them Qt aborts with a misleading message about the platform plugin. This
module names the missing libraries and the one command that installs them
(Debian/Ubuntu and Fedora). No Qt here: it runs before Qt is imported.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# soname, Debian/Ubuntu package, Fedora package (the list .ci/run installs)
XCB_LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-xinerama.so.0", "libxcb-xinerama0", "libxcb"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)


@dataclass(frozen=True)
class MissingLibraries:
    """The libraries Qt's xcb plugin needs that this system lacks."""

    sonames: tuple[str, ...]
    debian: tuple[str, ...]
    fedora: tuple[str, ...]

    def commands(self) -> tuple[str, str]:
        """The Debian/Ubuntu and the Fedora install command."""
        return (f"sudo apt install {' '.join(self.debian)}", f"sudo dnf install {' '.join(self.fedora)}")

    def message(self) -> str:
        """What to tell the user, in English (Qt, and so its translations, cannot start)."""
        apt, dnf = self.commands()
        return ("KB Assistant cannot open its window: this system lacks libraries Qt needs "
                f"({', '.join(self.sonames)}).\n\nInstall them, then start KB Assistant again:\n"
                f"  Debian/Ubuntu: {apt}\n  Fedora: {dnf}")


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> bool:
    """Whether Qt will start its xcb plugin: Linux, and ``QT_QPA_PLATFORM`` unset or ``xcb``.

    Wayland sessions still load xcb when ``QT_QPA_PLATFORM`` is unset and the
    wayland plugin is not chosen, so they are checked too.
    """
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    return chosen in ("", "xcb")


def missing_qt_libraries(loadable: Callable[[str], bool] | None = None, platform: str = sys.platform,
                         environ: Mapping[str, str] | None = None) -> MissingLibraries | None:
    """The missing libraries of Qt's xcb plugin, or None when all are there (or xcb is not used)."""
    if not uses_xcb(platform, environ):
        return None
    loadable = loadable or _loadable
    missing = [entry for entry in XCB_LIBRARIES if not loadable(entry[0])]
    if not missing:
        return None
    unique = lambda names: tuple(dict.fromkeys(names))  # noqa: E731 - order kept, duplicates dropped
    return MissingLibraries(tuple(m[0] for m in missing), unique(m[1] for m in missing), unique(m[2] for m in missing))


def tell_without_qt(text: str, title: str = "KB Assistant", which: Callable[[str], str | None] = shutil.which,
                    run: Callable[..., object] = subprocess.run, stderr=None) -> str:
    """Say ``text`` without Qt: on standard error, and in a zenity or kdialog box when one is installed.

    Returns:
        The tool that showed the box ("zenity", "kdialog"), or "stderr".
    """
    print(f"kb-assistant: {text}", file=stderr or sys.stderr)
    for tool, args in (("zenity", ["--error", "--no-wrap", f"--title={title}", f"--text={text}"]),
                       ("kdialog", ["--title", title, "--error", text])):
        path = which(tool)
        if path:
            try:
                run([path, *args], check=False, timeout=600)
            except (OSError, subprocess.SubprocessError):
                continue
            return tool
    return "stderr"


NO_DISPLAY = ("KB Assistant cannot open its window: there is no display (DISPLAY and WAYLAND_DISPLAY are not set). "
              "Start it from the desktop session, or set QT_QPA_PLATFORM=offscreen to run it without a screen.")


def no_display(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> bool:
    """Whether xcb would start with no X or Wayland display to talk to (Qt then blames libxcb-cursor0)."""
    env = os.environ if environ is None else environ
    return uses_xcb(platform, env) and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")


def check_qt_can_start(environ: Mapping[str, str] | None = None) -> bool:
    """Before QApplication: True when Qt can start; else what is missing is told and False."""
    missing = missing_qt_libraries(environ=environ)
    if missing is not None:
        tell_without_qt(missing.message())
        return False
    if no_display(environ=environ):
        print(f"kb-assistant: {NO_DISPLAY}", file=sys.stderr)
        return False
    return True
