"""Keys of a text browser inside the window: Tab leaves it in one stop, Alt+Down/Alt+Up walk its links.

A QTextBrowser takes Tab to move through its links, so an article with twenty
links holds the Tab key for twenty presses before the replies. Here Tab and
Shift+Tab go to the window's next or previous part at once, and the links keep
keys of their own (Alt+Down, Alt+Up; Enter opens the focused one).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTextBrowser

_LINK_KEYS = {Qt.Key.Key_Down: True, Qt.Key.Key_Up: False}


class _TabLeaves(QObject):
    """The event filter behind :func:`keep_tab_for_the_window`."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self._browser = browser

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab/Shift+Tab: the window's next part; Alt+Down/Alt+Up: the next or previous link."""
        if watched is not self._browser or event.type() != QEvent.Type.KeyPress:
            return False
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
            window = self._browser.window()
            # the window's own chain walk (QWidget's, not QTextBrowser's, which stops at each link)
            window.focusNextPrevChild(forward)
            return True
        if key in _LINK_KEYS and modifiers == Qt.KeyboardModifier.AltModifier:
            self._browser.focusNextPrevChild(_LINK_KEYS[key])
            if self._browser.window().focusWidget() is not self._browser:
                self._browser.setFocus()  # past the last link QTextBrowser moves on: stay in the article
            return True
        return False


def keep_tab_for_the_window(browser: QTextBrowser) -> None:
    """Make Tab leave ``browser`` in one stop; its links are reached with Alt+Down and Alt+Up."""
    browser.installEventFilter(_TabLeaves(browser))
