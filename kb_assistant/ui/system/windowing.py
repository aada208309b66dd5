"""Top-level window behaviour: raising a window to the front, and the compact always-on-top mode for calls."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

COMPACT_MARGIN = 16

_NORMAL_GEOMETRY = "kbCompactNormalGeometry"  # dynamic property on the window
_WAS_SHOWN = "kbCompactWasShown"  # dynamic property on each hidden widget


def compact_geometry(screen_rect: QRect, width: int = 420, height: int = 320, margin: int = COMPACT_MARGIN) -> QRect:
    """The compact window's place: bottom-right of ``screen_rect`` with a margin.

    ``screen_rect`` is the screen's available geometry. The size shrinks to fit a
    small screen, and the rectangle never leaves it.
    """
    width = max(1, min(width, screen_rect.width() - 2 * margin))
    height = max(1, min(height, screen_rect.height() - 2 * margin))
    left = max(screen_rect.left(), screen_rect.left() + screen_rect.width() - margin - width)
    top = max(screen_rect.top(), screen_rect.top() + screen_rect.height() - margin - height)
    return QRect(left, top, width, height)


def is_compact(window: QWidget) -> bool:
    """Whether :func:`apply_compact` has put ``window`` in compact mode."""
    return isinstance(window.property(_NORMAL_GEOMETRY), QRect)


def apply_compact(window: QWidget, on: bool, hide_widgets: Iterable[QWidget] = ()) -> None:
    """Switch the compact always-on-top mode of a top-level window.

    On: remember the normal geometry, hide ``hide_widgets``, keep the window on top,
    and move it to a small rectangle at the bottom-right of its screen. Off: undo all
    that (widgets hidden before compact mode stay hidden). Calling it twice with the
    same ``on`` does nothing. A visible window is shown again after the flag change.
    """
    if on == is_compact(window):
        return
    was_visible = window.isVisible()
    hide_widgets = list(hide_widgets)
    if on:
        if window.isMaximized() or window.isFullScreen():
            normal = window.normalGeometry()
            window.showNormal()
        else:
            normal = window.geometry()
        window.setProperty(_NORMAL_GEOMETRY, QRect(normal))
        for widget in hide_widgets:
            widget.setProperty(_WAS_SHOWN, not widget.isHidden())
            widget.hide()
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        screen = window.screen() or QGuiApplication.primaryScreen()
        target = compact_geometry(screen.availableGeometry()) if screen is not None else None
    else:
        target = window.property(_NORMAL_GEOMETRY)
        window.setProperty(_NORMAL_GEOMETRY, None)
        for widget in hide_widgets:
            if widget.property(_WAS_SHOWN) is not False:
                widget.show()
            widget.setProperty(_WAS_SHOWN, None)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)
    if target is not None:
        window.setGeometry(target)
    if was_visible:
        bring_to_front(window)


def bring_to_front(window: QWidget) -> None:
    """Show a window (un-minimized), raise it and give it the keyboard focus.

    For the tray's Show window and a hand-over from a second launch. The offscreen
    platform of the tests cannot raise windows (and warns), so raising is skipped there.
    """
    if window.isMinimized():
        window.showNormal()
    window.show()
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
    window.activateWindow()
