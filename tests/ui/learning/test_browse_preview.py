"""Arrow keys in Browse preview the article in the reader (issue 12); the focus stays in the tree."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.ui.learning.controller import LearningController
from kb_assistant.ui.learning.learning_window import BROWSE
from tests.ui.learning.helpers import make_window
from tests.ui.learning.test_learning import KB, TODAY


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


# -- 3. arrow keys in Browse preview ------------------------------------------------------------


def test_arrow_keys_in_browse_preview_each_article_and_keep_the_focus_in_the_tree(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="en")
    window.activateWindow()
    window.show_tab(BROWSE)
    tree = window.browse.tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    tree.setCurrentItem(tree.topLevelItem(0))  # the first category
    assert tree.currentItem().text(0).startswith("account") and window.article.article is None
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # open it
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.article.article is not None and window.article.article.id == "password"
    assert "Use the reset link" in window.article.toPlainText()
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the next category: nothing to show, the article stays
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.article.article.id in {"cost", "delivery"}
    first = window.article.article.id
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the tree kept its place
    last = window.article.article.id
    assert last != first and last in {"cost", "delivery"}
    assert QApplication.focusWidget() is tree and tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == last
    # the article the learner stays on counts as opened
    qtbot.waitUntil(lambda: window.controller.store.readings.get(last) is not None)


def test_skimming_with_the_arrow_keys_writes_only_where_the_learner_stops(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="en")
    window._preview_timer.setInterval(60_000)  # nobody stays anywhere until the test says so
    tree = window.browse.tree
    delivery = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                    if tree.topLevelItem(i).text(0).startswith("delivery"))
    delivery.setExpanded(True)
    window.open_article("refund")  # being read
    tree.setCurrentItem(delivery.child(0))
    tree.setCurrentItem(delivery.child(1))
    passed = delivery.child(0).data(0, Qt.ItemDataRole.UserRole)
    stopped = delivery.child(1).data(0, Qt.ItemDataRole.UserRole)
    assert window.article.article.id == stopped
    readings = window.controller.store.readings
    assert passed not in readings and stopped not in readings
    window._preview_timer.setInterval(0)
    qtbot.waitUntil(lambda: stopped in readings)
    assert passed not in readings and "refund" in readings


def test_time_of_an_article_set_aside_for_a_preview_is_kept_and_no_more_counts(qtbot, kb_root, tmp_path):
    from tests.ui.learning.test_learning import FakeClock

    clock = FakeClock()
    controller = LearningController(LearningStore(tmp_path / "data", kb_root), today=lambda: TODAY, clock=clock,
                                    ui_language="en")
    controller.set_kb(load_kb(kb_root))
    controller.open_article("refund")
    clock.now += 12
    controller.set_aside()  # the arrow keys moved on
    clock.now += 30
    controller.resume()  # the window came to the front again: the preview is on screen, not refund
    clock.now += 30
    assert controller.store.readings["refund"].seconds == 0  # nothing written while skimming
    controller.open_article("password")  # the learner stays on the previewed one
    assert controller.store.readings["refund"].seconds == 12
    clock.now += 5
    controller.flush_reading()
    assert controller.store.readings["password"].seconds == 5


def test_a_click_on_an_article_opens_it_once(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="en")
    tree = window.browse.tree
    tree.topLevelItem(0).setExpanded(True)
    child = tree.topLevelItem(0).child(0)
    opened = []
    window.controller.progress_changed.connect(lambda: opened.append(1))
    tree.setCurrentItem(child)
    tree.itemClicked.emit(child, 0)  # a click also makes the item current
    assert window.article.article.id == "password" and len(opened) == 1
