"""A window's layout kept between runs: geometry, dock state and splitter positions (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def restore_layout(state: QSettings | None, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Put back what :func:`save_layout` kept; anything missing or unreadable is left as built."""
    if state is None:
        return
    parts = {"geometry": window.restoreGeometry, "windowState": window.restoreState}
    parts.update({key: splitter.restoreState for key, splitter in splitters.items()})
    for key, restore in parts.items():
        value = state.value(key)
        if isinstance(value, QByteArray):
            restore(value)


def save_layout(state: QSettings | None, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Keep the window's geometry, its docks and toolbars, and each splitter's sizes."""
    if state is None:
        return
    state.setValue("geometry", window.saveGeometry())
    state.setValue("windowState", window.saveState())
    for key, splitter in splitters.items():
        state.setValue(key, splitter.saveState())
