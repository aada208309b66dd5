"""The tray icon and its menu.

The tray is optional: :class:`TrayIcon` works (menu, actions, signals) whether or not
the desktop has a system tray, and says which through :attr:`TrayIcon.available`.
Where the window goes when the agent puts it away depends on it: to the tray
(said once, so nobody hunts for a vanished window) or, without a tray (stock
GNOME), to the task bar: a hidden window without a tray icon would be an
invisible process nobody can bring back or quit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from kb_assistant.ui.system.icon import app_icon


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

    TOLD_KEY = "trayHintShown"
    """The QSettings key remembering that the agent was told where the app went."""

    def __init__(self, icon: QIcon | None = None, parent: QObject | None = None,
                 available: bool | None = None) -> None:
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
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self._told = False
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

    def put_away(self, window: QWidget, state: QSettings | None = None) -> None:
        """Esc Esc: hide ``window`` to the tray (telling once where it went), or minimize it without a tray."""
        if not self.available:
            window.showMinimized()
            return
        window.hide()
        self.tell_where_once(state)

    def tell_where_once(self, state: QSettings | None = None) -> None:
        """The first time the window goes to the tray, say so (remembered in ``state``)."""
        if self._told or (state is not None and state.value(self.TOLD_KEY, False, type=bool)):
            return
        if self.notify(self.tr("KB Assistant is still running"),
                       self.tr("It is in the tray: click its icon to bring it back. Quit is in the icon's menu "
                               "and in File → Quit (Ctrl+Q).")):
            self._told = True
            if state is not None:
                state.setValue(self.TOLD_KEY, True)

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
