"""Tray icon, the app icon, and the compact always-on-top mode for calls.

The tray is optional: :class:`TrayIcon` works (menu, actions, signals) whether or not
the desktop has a system tray, and says which through :attr:`TrayIcon.available`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

ICON_FILE = Path("icons") / "kb-assistant.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
COMPACT_MARGIN = 16

_NORMAL_GEOMETRY = "kbCompactNormalGeometry"  # dynamic property on the window
_WAS_SHOWN = "kbCompactWasShown"  # dynamic property on each hidden widget


# -- icon ----------------------------------------------------------------
def icon_path() -> Path | None:
    """The SVG app icon: inside the installed package, else in the source tree's ``resources/``."""
    package = Path(__file__).resolve().parents[2]
    for base in (package / "resources", package.parent / "resources"):
        candidate = base / ICON_FILE
        if candidate.is_file():
            return candidate
    return None


def app_icon(svg_path: Path | None = None) -> QIcon:
    """The app icon: the SVG when Qt can draw it, else the same picture painted in code.

    Needs a QGuiApplication. ``svg_path`` defaults to :func:`icon_path`.
    """
    path = svg_path if svg_path is not None else icon_path()
    if path is not None and Path(path).is_file():
        icon = QIcon(str(path))
        if not icon.isNull() and not icon.pixmap(32, 32).isNull():
            return icon
    return painted_icon()


def painted_icon() -> QIcon:
    """A speech bubble with lines of text, painted at the usual icon sizes."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_paint_icon(size))
    return icon


def _paint_icon(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)  # draw on the SVG's 64x64 grid
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(4, 6, 56, 42), 8, 8)
    tail = QPainterPath()
    tail.addPolygon(QPolygonF([QPointF(16, 46), QPointF(28, 46), QPointF(16, 58)]))
    painter.setPen(QPen(QColor("#1d4e85"), 2))
    painter.setBrush(QColor("#2f6fb3"))
    painter.drawPath(bubble.united(tail))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(14, 15, 17, 24), 2, 2)
    painter.drawRoundedRect(QRectF(33, 15, 17, 24), 2, 2)
    pen = QPen(QColor("#2f6fb3"), 2.5 if size < 32 else 2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for y in (21, 27, 33):
        painter.drawLine(QPointF(18, y), QPointF(28 if y < 33 else 25, y))
        painter.drawLine(QPointF(36, y), QPointF(46 if y < 33 else 43, y))
    painter.end()
    return pixmap


# -- tray ----------------------------------------------------------------
class TrayIcon(QObject):
    """The tray icon and its menu.

    The menu and its actions exist even without a system tray, so the window may put
    them in its own menus too.

    Signals:
        show_requested(): show and raise the window.
        quick_search_requested(): show the window with the search box focused.
        compact_toggled(bool): the compact always-on-top mode was switched on or off.
        quit_requested(): quit the app (not just hide the window).
    """

    show_requested = Signal()
    quick_search_requested = Signal()
    compact_toggled = Signal(bool)
    quit_requested = Signal()

    def __init__(self, icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = icon if icon is not None else app_icon()
        self.menu = QMenu()
        self.menu.setAccessibleName(self.tr("KB Assistant"))
        self.show_action = QAction(self.tr("&Show window"), self)
        self.quick_search_action = QAction(self.tr("&Quick search"), self)
        self.compact_action = QAction(self.tr("&Compact mode"), self)
        self.compact_action.setCheckable(True)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.show_action.triggered.connect(self.show_requested)
        self.quick_search_action.triggered.connect(self.quick_search_requested)
        self.compact_action.toggled.connect(self.compact_toggled)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.quick_search_action)
        self.menu.addAction(self.compact_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if self.available:
            self.tray = QSystemTrayIcon(self.icon, self)
            self.tray.setToolTip(self.tr("KB Assistant"))
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._activated)

    def show(self) -> None:
        """Put the icon in the tray (does nothing without a tray)."""
        if self.tray is not None:
            self.tray.show()

    def hide(self) -> None:
        """Take the icon out of the tray."""
        if self.tray is not None:
            self.tray.hide()

    def set_compact(self, on: bool) -> None:
        """Check or uncheck Compact mode without emitting ``compact_toggled``."""
        blocked = self.compact_action.blockSignals(True)
        self.compact_action.setChecked(on)
        self.compact_action.blockSignals(blocked)

    def notify(self, title: str, message: str, msecs: int = 4000) -> bool:
        """A tray balloon; returns False when there is no tray to show it."""
        if self.tray is None or not self.tray.supportsMessages():
            return False
        self.tray.showMessage(title, message, self.icon, msecs)
        return True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_requested.emit()
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.quick_search_requested.emit()


# -- compact mode ----------------------------------------------------------
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
