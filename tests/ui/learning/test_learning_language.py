"""The learning window starts on the interface language (issue 12): a Russian new hire gets no English cards."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kb_assistant.core.learning.store import LearningStore
from kb_assistant.ui.learning.controller import LearningController
from tests.ui.learning.helpers import make_window, tree_labels
from tests.ui.learning.test_learning import KB


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


# -- 1. the language filter starts on the interface language ---------------------------------------


def test_a_russian_new_hire_starts_on_russian_articles_and_cards(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="ru")
    assert window.browse.language.currentData() == "ru"
    assert tree_labels(window) == ["returns (1 articles, 0 read)"]
    assert [p.path.title for p in window.controller.progress().paths] == ["Начало"]
    assert all(card.lang == "ru" for card in window.controller.deck().cards)
    assert window.browse.language.findData("") >= 0  # "All languages" is still there


def test_all_languages_stays_chosen_after_a_restart(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="ru")
    window.browse.language.setCurrentIndex(window.browse.language.findData(""))
    assert len(tree_labels(window)) == 3 and window.controller.lang is None
    window.close()
    again = make_window(qtbot, kb_root, tmp_path, ui_language="ru")
    assert again.browse.language.currentData() == "" and len(tree_labels(again)) == 3
    assert len(again.controller.progress().paths) == 2


def test_the_interface_language_comes_from_the_installed_translator(qtbot, kb_root, tmp_path):
    from kb_assistant.ui.system.i18n import install_translators, remove_translators

    app = QApplication.instance()
    install_translators(app, "ru")
    try:
        controller = LearningController(LearningStore(tmp_path / "data", kb_root))
    finally:
        remove_translators(app)
    assert controller.ui_language == "ru" and controller.lang == "ru"


def test_a_kb_without_articles_in_the_interface_language_starts_on_all(qtbot, write_kb, tmp_path):
    root = write_kb({name: text for name, text in KB.items() if not name.endswith(".ru.md")}, tmp_path / "en-kb")
    window = make_window(qtbot, root, tmp_path, ui_language="ru")
    assert window.browse.language.currentData() == "" and len(tree_labels(window)) == 3
