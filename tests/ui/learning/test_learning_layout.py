"""The reader gets most of the width, the tab titles still fit, and a Leitner box is «ящик» (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kb_assistant.ui.learning.learning_window import BROWSE, SELF_CHECK
from tests.ui.learning.helpers import make_window
from tests.ui.learning.test_learning import KB


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


# -- 4. the reader gets most of the width -------------------------------------------------------


@pytest.mark.parametrize("width", [1200, 1000])
def test_the_reader_is_wider_than_the_tree(qtbot, kb_root, tmp_path, width):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="en")
    window.resize(width, 700)
    qtbot.waitUntil(lambda: window.splitter.width() > width * 0.9)
    tree, reader = window.splitter.sizes()
    assert 0.2 <= tree / (tree + reader) <= 0.36, (tree, reader)


def test_the_russian_tab_titles_fit_beside_the_wide_reader(qtbot, kb_root, tmp_path):
    from kb_assistant.ui.system.i18n import install_translators, remove_translators

    app = QApplication.instance()
    install_translators(app, "ru")
    try:
        window = make_window(qtbot, kb_root, tmp_path, ui_language="ru")
        qtbot.waitUntil(lambda: window.splitter.width() > 1000)
        assert window.tabs.tabText(BROWSE) != "&Browse"  # the translation is on
        tree, reader = window.splitter.sizes()
        assert window.tabs.tabBar().sizeHint().width() <= window.tabs.width()
        assert reader > 1.5 * tree
    finally:
        remove_translators(app)


# -- 5. a Leitner box is «ящик» in Russian ----------------------------------------------------------


def test_the_russian_window_calls_a_leitner_box_a_box(qtbot, kb_root, tmp_path):
    from kb_assistant.ui.system.i18n import install_translators, remove_translators

    app = QApplication.instance()
    install_translators(app, "ru")
    try:
        window = make_window(qtbot, kb_root, tmp_path, ui_language="ru")
        window.show_tab(SELF_CHECK)
        text = window.stats.text()
    finally:
        remove_translators(app)
    assert "Всего карточек" in text  # the translation is on
    assert "ячейк" not in text and "ящик 1: " in text and "обратно в ящик 1" in text
