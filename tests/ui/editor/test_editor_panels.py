"""The new-article dialog's language, the review queue and the problems panel, as a new user met them (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QMainWindow, QStyle, QTextBrowser, QTreeWidgetItemIterator

from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.models import Problem
from kb_assistant.core.upkeep.review import NO_OWNER, ReviewItem, TranslationLag
from kb_assistant.ui.editor.new_article_dialog import NewArticleDialog, interface_language
from kb_assistant.ui.editor.problems_panel import ProblemsPanel
from kb_assistant.ui.editor.review_panel import ReviewPanel
from kb_assistant.ui.editor.workbench import EditorWorkbench
from kb_assistant.ui.system.i18n import install_translators, remove_translators

KB = {
    "returns/refund.en.md": "---\nid: refund\nlang: en\n---\n# Refund to a card\n\nRefunds take days.\n",
    "returns/refund.ru.md": "---\nid: refund-ru\nlang: ru\n---\n# Возврат на карту\n\nДеньги вернутся.\n",
}


@pytest.fixture
def russian_ui(qapp):
    assert install_translators(qapp, "ru") == "ru"
    yield
    remove_translators(qapp)


def new_article_dialog(workbench, article, lang=""):
    """The dialog Ctrl+N would show (it is not shown: the test reads it and cancels)."""
    seen = []
    workbench.ask_new_article = lambda dialog: seen.append(dialog.lang.currentData()) or False
    workbench.new_article_beside(article, lang)
    return seen[0]


# -- 4. the new article's language -------------------------------------------------------------

def test_a_new_article_is_in_the_interface_language(qtbot, write_kb, tmp_path, russian_ui):
    root = write_kb(KB)
    workbench = EditorWorkbench(root, AutosaveStore(tmp_path / "autosave"))
    workbench.set_kb(load_kb(root))
    english = workbench.kb.articles["refund"]
    assert interface_language() == "ru"
    assert new_article_dialog(workbench, english) == "ru"  # before: English, the open article's
    assert new_article_dialog(workbench, None) == "ru"
    assert new_article_dialog(workbench, english, lang="en") == "en"  # the language filter is a choice
    dialog = NewArticleDialog(root, [""])
    qtbot.addWidget(dialog)
    assert dialog.lang.currentData() == "ru"


def test_in_the_english_interface_a_new_article_is_english(qtbot, write_kb, tmp_path):
    root = write_kb(KB)
    workbench = EditorWorkbench(root, AutosaveStore(tmp_path / "autosave"))
    workbench.set_kb(load_kb(root))
    assert interface_language() == "en"
    assert new_article_dialog(workbench, workbench.kb.articles["refund-ru"]) == "en"
    told = EditorWorkbench(root, AutosaveStore(tmp_path / "autosave"), ui_language="ru")  # as app.py may pass it
    told.set_kb(workbench.kb)
    assert new_article_dialog(told, None) == "ru"


# -- 6. the review queue -----------------------------------------------------------------------

def review_items():
    long = "Push notifications do not arrive on Android phones after the app update"
    return [
        ReviewItem(article_id="push", title=long, lang="en", path="app/push.en.md", owner="Mobile support team",
                   due=dt.date(2026, 1, 5), days_overdue=326, never_reviewed=False),
        ReviewItem(article_id="refund", title="Refund to a card", lang="en", path="returns/refund.en.md", owner=NO_OWNER,
                   due=None, days_overdue=0, never_reviewed=True),
    ]


def test_the_review_queue_shows_whole_titles_and_closes(qtbot):
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 560)
    panel.set_queue(review_items(), [TranslationLag("refund", "refund-ru", ("en", "ru"), "refund", 40)],
                    {"refund": "Refund to a card", "refund-ru": "Возврат на карту"})
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.tree.header()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    for column in (1, 2, 3):
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents
    metrics = panel.tree.fontMetrics()
    margins = 2 * (panel.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)  # as the delegate pads
    iterator = QTreeWidgetItemIterator(panel.tree)
    while iterator.value():
        item = iterator.value()
        for column in range(4):
            # the whole text is drawn (before: "Push…" beside empty space)
            room = panel.tree.visualRect(panel.tree.indexFromItem(item, column)).width() - margins
            text = item.text(column)
            assert metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) == text, text
        iterator += 1
    assert panel.lags.header().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert panel.close_button.text().replace("&", "") == "Close"
    panel.close_button.click()
    assert not panel.isVisible()
    panel.show()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Escape)
    assert not panel.isVisible()  # before: Esc did nothing


# -- 7. the problems panel ---------------------------------------------------------------------

def test_the_problems_panel_asks_for_a_few_lines_and_leaves_the_article_most_of_the_window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    article = QTextBrowser(window)
    window.setCentralWidget(article)
    panel = ProblemsPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    panel.set_problems([Problem(f"a{i}.md", i, "warning", "no-title") for i in range(1, 40)])
    line = panel.list.fontMetrics().lineSpacing()
    assert 4 * line <= panel.list.sizeHint().height() <= 8 * line  # about six lines
    assert panel.list.minimumSizeHint().height() <= 4 * line
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: panel.height() > 0)
    assert panel.height() <= 8 * line + 40  # six lines and the title bar (before: 208 px of 768)
    assert article.height() >= 0.75 * window.height()
