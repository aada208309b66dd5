"""A window's layout kept between runs: geometry, dock state and splitter positions (QSettings).

The full layout lives under ``geometry``, ``windowState`` and one key per splitter;
the compact mode for calls keeps its own under ``compact/…`` (:class:`CompactState`),
so neither ever overwrites the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

COMPACT_GEOMETRY = "compact/geometry"
COMPACT_SPLITTER = "compact/splitter"
COMPACT_ON = "compact/on"


def layout_snapshot(window: QMainWindow, splitters: dict[str, QSplitter]) -> dict[str, QByteArray]:
    """The window's layout as :func:`save_layout` keeps it: geometry, docks and toolbars, each splitter."""
    snapshot = {"geometry": window.saveGeometry(), "windowState": window.saveState()}
    snapshot.update({key: splitter.saveState() for key, splitter in splitters.items()})
    return snapshot


def apply_snapshot(window: QMainWindow, splitters: dict[str, QSplitter], snapshot: dict[str, object],
                   geometry: bool = True) -> None:
    """Put back a :func:`layout_snapshot` (``geometry=False``: all but the geometry); unreadable parts are skipped."""
    parts = {"windowState": window.restoreState}
    if geometry:
        parts["geometry"] = window.restoreGeometry
    parts.update({key: splitter.restoreState for key, splitter in splitters.items()})
    for key, restore in parts.items():
        value = snapshot.get(key)
        if isinstance(value, QByteArray):
            restore(value)


def restore_layout(state: QSettings | None, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Put back what :func:`save_layout` kept; anything missing or unreadable is left as built."""
    if state is None:
        return
    keys = ("geometry", "windowState", *splitters)
    apply_snapshot(window, splitters, {key: state.value(key) for key in keys})


def save_layout(state: QSettings | None, window: QMainWindow, splitters: dict[str, QSplitter],
                snapshot: dict[str, QByteArray] | None = None) -> None:
    """Keep the window's geometry, its docks and toolbars, and each splitter's sizes.

    ``snapshot``: the full layout to keep instead of the window's present one (in
    compact mode, the layout the window had before it).
    """
    if state is None:
        return
    for key, value in (snapshot or layout_snapshot(window, splitters)).items():
        state.setValue(key, value)


@dataclass
class CompactState:
    """The compact mode's own layout: where the window was, the results/reply split, whether it was on.

    Attributes:
        geometry: the compact window's rectangle (None: bottom-right by default).
        splitter: ``saveState()`` of the results/reply splitter in compact mode (None: default shares).
        on: the app was in compact mode at quit (it starts in it again).
    """

    geometry: QRect | None = None
    splitter: QByteArray | None = None
    on: bool = False


def read_compact(state: QSettings | None) -> CompactState:
    """The compact layout kept by :func:`write_compact`; missing or unreadable values are the defaults."""
    if state is None:
        return CompactState()
    geometry, splitter = state.value(COMPACT_GEOMETRY), state.value(COMPACT_SPLITTER)
    return CompactState(
        geometry=QRect(geometry) if isinstance(geometry, QRect) and geometry.isValid() else None,
        splitter=splitter if isinstance(splitter, QByteArray) else None,
        on=state.value(COMPACT_ON, False, type=bool),
    )


def write_compact(state: QSettings | None, compact: CompactState) -> None:
    """Keep the compact layout under the ``compact/…`` keys (apart from the full layout's)."""
    if state is None:
        return
    if compact.geometry is not None:
        state.setValue(COMPACT_GEOMETRY, compact.geometry)
    if compact.splitter is not None:
        state.setValue(COMPACT_SPLITTER, compact.splitter)
    state.setValue(COMPACT_ON, compact.on)
