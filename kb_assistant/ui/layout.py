"""How the agent's window lays itself out: shares on a first run, minimums that follow the font,
and the compact mode for calls.

Kept apart from the window, which only builds and wires (``ui/mainwindow.py``).

Compact mode (Ctrl+Shift+M, also in the tray's menu) turns the window into a
column for a call, usable at 480×640: the search box, the results above the
chosen reply's preview, the reply list, the channel and Copy. The article, its
find bar, the filters, the customer strip, the greeting and closing choices and
the Problems panel hide. The window stays on top, at the bottom-right of its
screen by default, never off it. Its geometry and its results/reply split are
kept apart from the full layout (``compact/…`` keys of the window state), across
switches and runs; leaving it puts the full layout back as it was. An app quit
in compact mode starts in it again: an agent who quits mid-shift and starts the
app again finds it as they left it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QSplitter, QWidget

from kb_assistant.ui.system.window_state import (
    CompactState,
    apply_snapshot,
    layout_snapshot,
    read_compact,
    restore_layout,
    save_layout,
    write_compact,
)
from kb_assistant.ui.system.windowing import apply_compact

RESULTS_SHARE = 0.32
"""The results column's share of the width on a first run (before: 160-250 px, four results)."""

COMPACT_RESULTS_SHARE = 0.42
"""In compact mode, the results' share of the height; the reply and its preview take the rest."""

ARTICLE_MIN_LINES = 8
"""The article keeps at least this many lines of its font whatever the Problems panel or the replies take."""

FILTER_CHARS = 10
"""The category, tag and language filters are as wide as this many "X" (room for "All categories");
their popups show whole labels."""


def set_first_run_shares(window) -> None:
    """Give the results :data:`RESULTS_SHARE` of the width.

    For a first run only: a saved layout (``restore_layout``) replaces it. Sizes set
    before the window is shown are shares; the splitter keeps them on resize, as
    both its parts stretch.
    """
    window.splitter.setSizes([round(RESULTS_SHARE * 1000), round((1 - RESULTS_SHARE) * 1000)])


def bound_filters(bar) -> None:
    """Size the search bar's filters by :data:`FILTER_CHARS` characters, not by their longest label.

    Sized to their contents (Qt's default, done again on every font change), a
    long tag or category label took the search box's room, more so with each
    Zoom in, and could widen the window for good.
    """
    for combo in (bar.category, bar.tag, bar.language):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(FILTER_CHARS)


class FontMinimums(QObject):
    """Keeps the minimums that must follow the font (the article's height) in step with it.

    The application's font changes with View → Zoom in and the settings; every
    widget then gets a FontChange event, the window included.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
        self.update()

    def update(self) -> None:
        """Set the minimums for the window's present font."""
        self.window.article_pane.setMinimumHeight(ARTICLE_MIN_LINES * self.window.fontMetrics().lineSpacing())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.FontChange:
            self.update()
        return False


class WindowLayout:
    """The agent's window's layout: kept between runs, and switched to compact mode and back.

    Built before the saved layout is restored: it sets the first-run shares and the
    minimums that follow the font (see the module's description).

    Args:
        window: the :class:`~kb_assistant.ui.mainwindow.MainWindow`.
        splitters: the window's splitters by their state key.
    """

    def __init__(self, window, splitters: dict[str, QSplitter]) -> None:
        self.window, self.splitters = window, splitters
        self.kept = CompactState()
        self._full: dict | None = None  # the full layout, while compact
        set_first_run_shares(window)
        bound_filters(window.search_bar)
        self.font_minimums = FontMinimums(window)

    @property
    def compact(self) -> bool:
        """Whether the window is in compact mode."""
        return self._full is not None

    def set_compact(self, on: bool) -> None:
        """Switch compact mode on or off; the tray's and the View menu's check mark follow."""
        window = self.window
        if on != self.compact:
            if on:
                self._full = layout_snapshot(window, self.splitters)
                apply_compact(window, True, self._hidden(), self.kept.geometry, self._arrange)
            else:
                self._remember()
                full, self._full = self._full, None
                apply_compact(window, False, self._hidden(), arrange=self._arrange)
                apply_snapshot(window, self.splitters, full, geometry=False)  # the docks and splits as they were
        window.tray.set_compact(on)

    def restore(self, state: QSettings | None) -> None:
        """Put back the full layout and the compact one kept in ``state``; compact at quit: compact again."""
        restore_layout(state, self.window, self.splitters)
        self.kept = read_compact(state)
        if self.kept.on:
            self.set_compact(True)

    def save(self, state: QSettings | None) -> None:
        """Keep the full layout (the one left, while compact) and, apart, the compact one in ``state``."""
        save_layout(state, self.window, self.splitters, self._full)
        if self.compact:
            self._remember()
        self.kept.on = self.compact
        write_compact(state, self.kept)

    def _remember(self) -> None:
        window = self.window
        geometry = window.normalGeometry() if window.isMaximized() else window.geometry()
        self.kept.geometry = QRect(geometry)
        self.kept.splitter = window.splitter.saveState()

    def _hidden(self) -> list[QWidget]:
        window, bar = self.window, self.window.search_bar
        return [window.article_pane, window.customer_strip, bar.category, bar.tag, bar.language, window.problems]

    def _arrange(self, on: bool) -> None:
        """Results above the reply in compact mode (as kept, else by share), beside it in the full layout."""
        window = self.window
        window.reply_panel.set_compact(on)
        splitter = window.splitter
        if not on:
            splitter.setOrientation(Qt.Orientation.Horizontal)  # the full sizes come back with the snapshot
            return
        kept = self.kept.splitter
        if kept is None or not splitter.restoreState(kept) or splitter.orientation() != Qt.Orientation.Vertical:
            splitter.setOrientation(Qt.Orientation.Vertical)
            splitter.setSizes([round(COMPACT_RESULTS_SHARE * 1000), round((1 - COMPACT_RESULTS_SHARE) * 1000)])
