"""The window layout kept between runs: the full layout and, apart, the compact one."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextEdit

from kb_assistant.ui.system.window_state import (
    COMPACT_GEOMETRY,
    CompactState,
    layout_snapshot,
    read_compact,
    restore_layout,
    save_layout,
    write_compact,
)


def test_the_compact_layout_is_kept_under_its_own_keys(tmp_path):
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    assert read_compact(state) == CompactState()
    assert read_compact(None) == CompactState()
    kept = CompactState(QRect(10, 20, 480, 640), QByteArray(b"split"), True)
    write_compact(state, kept)
    state.sync()
    again = read_compact(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    assert again == kept
    assert state.value("geometry") is None  # the full layout's key is not touched


def test_unreadable_compact_values_are_the_defaults(tmp_path):
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    state.setValue(COMPACT_GEOMETRY, "not a rectangle")
    assert read_compact(state).geometry is None


def test_save_layout_keeps_the_snapshot_given_instead_of_the_present_layout(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter(window)
    splitter.addWidget(QTextEdit())
    splitter.addWidget(QTextEdit())
    window.setCentralWidget(splitter)
    window.setGeometry(50, 60, 600, 500)
    splitter.setSizes([200, 400])
    full = layout_snapshot(window, {"splitter": splitter})
    window.setGeometry(100, 100, 300, 300)  # compact, say
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    save_layout(state, window, {"splitter": splitter}, full)
    assert state.value("geometry") == full["geometry"]
    restore_layout(state, window, {"splitter": splitter})
    assert window.geometry().size() == QRect(50, 60, 600, 500).size()
