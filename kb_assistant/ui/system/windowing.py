"""Top-level window behaviour: raising a window to the front, and the compact always-on-top mode for calls."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

COMPACT_MARGIN = 16
COMPACT_WIDTH, COMPACT_HEIGHT = 480, 640
"""The compact window's size by default: a column for the search, the results, the reply's preview and Copy."""

# dynamic properties on the window while compact: the full layout's saveGeometry() (kept for the next
# run), and its normal rectangle and window state (put back exactly, without restoreGeometry()'s guesses)
_FULL_GEOMETRY = "kbCompactFullGeometry"
_FULL_RECT = "kbCompactFullRect"
_FULL_STATE = "kbCompactFullState"
_WAS_SHOWN = "kbCompactWasShown"  # dynamic property on each hidden widget
_ZOOM_WANTED = "kbZoomWantedSize"  # dynamic properties on the window: the size the agent chose,
_ZOOM_LAST = "kbZoomLastSize"  # and the size given back after the last font change


def compact_geometry(screen_rect: QRect, width: int = COMPACT_WIDTH, height: int = COMPACT_HEIGHT,
                     margin: int = COMPACT_MARGIN) -> QRect:
    """The compact window's place by default: bottom-right of ``screen_rect`` with a margin.

    ``screen_rect`` is the screen's available geometry. The size shrinks to fit a
    small screen, and the rectangle never leaves it.
    """
    width = max(1, min(width, screen_rect.width() - 2 * margin))
    height = max(1, min(height, screen_rect.height() - 2 * margin))
    left = max(screen_rect.left(), screen_rect.left() + screen_rect.width() - margin - width)
    top = max(screen_rect.top(), screen_rect.top() + screen_rect.height() - margin - height)
    return QRect(left, top, width, height)


def fit_on_screen(rect: QRect, screen_rect: QRect, margin: int = COMPACT_MARGIN) -> QRect:
    """``rect`` moved (and shrunk if need be) to lie inside ``screen_rect``, ``margin`` from its edges.

    A remembered compact rectangle may come from a larger screen, or from one no
    longer attached: it is brought back whole onto the screen at hand.
    """
    room = screen_rect.adjusted(margin, margin, -margin, -margin)
    if room.width() < 1 or room.height() < 1:
        room = QRect(screen_rect)
    width, height = min(rect.width(), room.width()), min(rect.height(), room.height())
    left = min(max(rect.left(), room.left()), room.left() + room.width() - width)
    top = min(max(rect.top(), room.top()), room.top() + room.height() - height)
    return QRect(left, top, width, height)


def is_compact(window: QWidget) -> bool:
    """Whether :func:`apply_compact` has put ``window`` in compact mode."""
    return isinstance(window.property(_FULL_GEOMETRY), QByteArray)


def full_geometry(window: QWidget) -> QByteArray | None:
    """The ``saveGeometry()`` of the full layout while ``window`` is compact (None when it is not).

    What is kept for the next run as the full layout: the compact rectangle must
    never overwrite it.
    """
    value = window.property(_FULL_GEOMETRY)
    return QByteArray(value) if isinstance(value, QByteArray) else None


def apply_compact(window: QWidget, on: bool, hide_widgets: Iterable[QWidget] = (),
                  compact_rect: QRect | None = None, arrange: Callable[[bool], None] | None = None) -> None:
    """Switch the compact always-on-top mode of a top-level window.

    On: remember the full geometry (maximized included), hide ``hide_widgets``, let
    ``arrange(True)`` lay the rest out for a small window, keep the window on top and
    put it at ``compact_rect`` (fitted onto its screen), by default a rectangle at the
    bottom-right of its screen (:func:`compact_geometry`). Off: ``arrange(False)``,
    show the widgets again (those hidden before compact mode stay hidden) and
    restore the full geometry. Calling it twice with the same ``on`` does nothing. A
    visible window is shown again after the flag change.
    """
    if on == is_compact(window):
        return
    was_visible = window.isVisible()
    hide_widgets = list(hide_widgets)
    if on:
        window.setProperty(_FULL_GEOMETRY, window.saveGeometry())
        maximized = window.isMaximized() or window.isFullScreen()
        window.setProperty(_FULL_RECT, QRect(window.normalGeometry() if maximized else window.geometry()))
        window.setProperty(_FULL_STATE, int(window.windowState().value))
        if maximized:
            window.showNormal()
        for widget in hide_widgets:
            widget.setProperty(_WAS_SHOWN, not widget.isHidden())
            widget.hide()
        if arrange is not None:
            arrange(True)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        _settle(window)  # the smaller minimum size first: the compact size must not be clamped to the full one
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            valid = compact_rect is not None and compact_rect.isValid()
            window.setGeometry(fit_on_screen(compact_rect, available) if valid else compact_geometry(available))
    else:
        rect, state = window.property(_FULL_RECT), window.property(_FULL_STATE)
        for name in (_FULL_GEOMETRY, _FULL_RECT, _FULL_STATE):
            window.setProperty(name, None)
        if arrange is not None:
            arrange(False)
        for widget in hide_widgets:
            if widget.property(_WAS_SHOWN) is not False:
                widget.show()
            widget.setProperty(_WAS_SHOWN, None)
        window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)
        _settle(window)
        if isinstance(rect, QRect):
            window.setGeometry(rect)
        if isinstance(state, int):
            full_state = Qt.WindowState(state) & ~Qt.WindowState.WindowMinimized
            if full_state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
                window.setWindowState(full_state)
    if was_visible:
        bring_to_front(window)


def _settle(window: QWidget) -> None:
    """Lay the window out now, so its minimum size is the new one before it is moved or resized.

    Hidden widgets and a turned splitter change the minimum of their parents one
    layout request at a time, and a hidden window (the flag change hides it) runs
    none: each widget is told its size changed, then the window is laid out at once.
    """
    for widget in window.findChildren(QWidget):
        widget.updateGeometry()
    layout = window.layout()
    if layout is not None:
        layout.invalidate()
        layout.activate()


def keep_size_through_font_change(window: QWidget) -> None:
    """Call just before the application's font changes (Zoom): the window keeps the size the agent chose.

    A larger font may need a larger minimum size, and Qt then grows the window; a
    smaller font never shrinks it back. The chosen size is remembered (until the
    agent resizes the window) and given back, within the screen, as soon as the
    font allows: zooming in and out leaves the window as it was.
    """
    wanted, last, size = window.property(_ZOOM_WANTED), window.property(_ZOOM_LAST), window.size()
    # any other size than the one given back (or the minimum Qt grew it to): the agent resized it
    if not isinstance(wanted, QSize) or size not in (last, wanted.expandedTo(window.minimumSize())):
        wanted = QSize(size)
        window.setProperty(_ZOOM_WANTED, wanted)
    QTimer.singleShot(0, window, lambda: _give_size_back(window, wanted))


def _give_size_back(window: QWidget, wanted: QSize) -> None:
    if window.isMaximized() or window.isFullScreen():
        return
    # Qt posts the font change to every widget: let them all take the new font, then lay out for it
    for kind in (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange, QEvent.Type.LayoutRequest):
        QCoreApplication.sendPostedEvents(None, kind)
    _settle(window)
    size = wanted.expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    screen = window.screen()
    if size != wanted and screen is not None:
        # grown for the font: kept on the screen (the agent's own size, even a larger one, is left alone)
        frame = window.frameGeometry()
        window.move(fit_on_screen(frame, screen.availableGeometry(), margin=0).topLeft())
    window.setProperty(_ZOOM_LAST, QSize(window.size()))


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
