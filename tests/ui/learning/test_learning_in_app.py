"""Learning mode inside the app: opened from the agent's window, and "what changed" told at start."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from tests.ui.learning.test_learning import KB
from tests.ui.helpers import loaded

TODAY = dt.date(2026, 11, 27)


def start(qtbot, root, tmp_path):
    win, thread = build_window(root, tmp_path / "index", Settings(), today_provider=lambda: TODAY,
                               data_dir=tmp_path / "data", watch=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    return win, thread


def stop(win, thread):
    win.learning.close()
    thread.stop()


def test_agents_are_told_at_start_what_changed_since_last_time(qtbot, write_kb, tmp_path):
    root = write_kb(KB)
    win, thread = start(qtbot, root, tmp_path)
    assert win.changes_notice.isHidden()  # the first start is the baseline
    stop(win, thread)
    path = root / "returns/refund.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Banks are slow.", "Banks are fast."), encoding="utf-8")
    win, thread = start(qtbot, root, tmp_path)
    try:
        assert not win.changes_notice.isHidden() and win.changes_notice.text().startswith("1 articles changed")
        qtbot.keyClick(win.search_box, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        learning = win.learning.window
        assert learning.isVisible() and learning.tabs.currentIndex() == 3
        assert "changed: Timing" in learning.changes.tree.topLevelItem(0).text(1)
        assert win.changes_notice.isHidden()
    finally:
        stop(win, thread)


def test_ctrl_shift_l_opens_learning_mode_and_progress_survives_a_restart(qtbot, write_kb, tmp_path):
    root = write_kb(KB)
    win, thread = start(qtbot, root, tmp_path)
    try:
        qtbot.keyClick(win.search_box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        learning = win.learning.window
        assert learning.isVisible()
        learning.open_article("password")
        learning.learned_button.click()
        learning.start_quiz()
        card = learning.quiz.current()
        learning.quiz.grade(True) if card.kind == "open" else (learning.quiz.choose(min(card.correct_indexes())),
                                                               learning.quiz.check())
    finally:
        stop(win, thread)
    win, thread = start(qtbot, root, tmp_path)
    try:
        controller = win.learning.controller
        assert controller.is_read("password")
        assert controller.store.cards[card.id].box == 2
    finally:
        stop(win, thread)


def test_a_data_folder_inside_the_kb_never_gets_learning_state(write_kb, tmp_path, monkeypatch):
    from kb_assistant.app import open_learning_store

    (tmp_path / "tmp").mkdir()  # gettempdir() skips a TMPDIR that does not exist
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    root = write_kb(KB)
    store, warning = open_learning_store(root / "data", root)
    assert warning.code == "learning-kept-elsewhere" and "outside the knowledge base" in str(warning)
    assert root not in store.progress_path.parents
    from kb_assistant.ui.system.messages import error_text

    assert str(tmp_path / "tmp") in error_text(warning)  # the window says where, in its own language
