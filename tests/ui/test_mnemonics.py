"""No two things an agent can reach with the same Alt key, in any window or dialog, in English or Russian.

Qt fires neither of two mnemonics that share a letter in one window (an
ambiguous shortcut), so a clash silently breaks both keys. What counts as one
level is what Qt matches together: every visible label (for its buddy), button,
group box and tab of a window together with the titles of its menu bar; and
the items of each menu among themselves. A window is checked in each state that
shows other widgets (each tab, the find bar open, the quiz card).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from kb_assistant.app import build_window
from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.core.paths import AppPaths
from kb_assistant.core.replies.compose import PlaceholderField
from kb_assistant.core.settings import Settings
from kb_assistant.ui.editor.editor_window import EditorWindow
from kb_assistant.ui.editor.new_article_dialog import NewArticleDialog
from kb_assistant.ui.editor.rename_dialog import RenameDialog
from kb_assistant.ui.editor.review_panel import ReviewPanel
from kb_assistant.ui.help.about import AboutDialog
from kb_assistant.ui.help.palette import CommandPalette
from kb_assistant.ui.learning.controller import LearningController
from kb_assistant.ui.learning.learning_window import LearningWindow
from kb_assistant.ui.menus import shortcuts_sheet
from kb_assistant.ui.replies.fill_form import FillInDialog
from kb_assistant.ui.report.dialog import ReportDialog
from kb_assistant.ui.settings.dialog import SettingsDialog
from kb_assistant.ui.system.i18n import install_translators, remove_translators
from tests.ui.helpers import loaded
from tests.ui.learning.test_learning import KB as LEARNING_KB

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = dt.date(2026, 11, 27)
KB = dict(LEARNING_KB)
KB["returns/refund.md"] = KB["returns/refund.md"] + (
    "\n## Reply: Refund started\nYour refund for order {{order_id}} is on its way.\n"
    "\n## Reply: Refund delayed\nSorry, the refund is delayed.\n"
)
FIELDS = [PlaceholderField("customer_name", "Customer name", "there"),
          PlaceholderField("order_id", "Order number", None)]

def mnemonic(text: str) -> str:
    """The Alt key ``text`` gives (``&Find`` -> ``F``), upper case; "" when it has none."""
    key = QKeySequence.mnemonic(text)
    return key.toString().removeprefix("Alt+").upper() if not key.isEmpty() else ""


def window_level(top: QWidget) -> list[tuple[str, str]]:
    """(key, what) for every mnemonic reachable in ``top`` itself: widgets, tabs and menu bar titles."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or (widget.window() is not top):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((mnemonic(widget.text()), f"label {widget.text()!r}"))
        elif isinstance(widget, QAbstractButton):
            found.append((mnemonic(widget.text()), f"button {widget.text()!r}"))
        elif isinstance(widget, QGroupBox):
            found.append((mnemonic(widget.title()), f"group {widget.title()!r}"))
        elif isinstance(widget, QTabBar):
            found += [(mnemonic(widget.tabText(i)), f"tab {widget.tabText(i)!r}") for i in range(widget.count())
                      if widget.isTabVisible(i)]
        elif isinstance(widget, QMenuBar):
            found += [(mnemonic(a.text()), f"menu {a.text()!r}") for a in widget.actions() if a.isVisible()]
    return [(key, what) for key, what in found if key]


def menus_of(top: QWidget) -> Iterable[QMenu]:
    """Every menu of ``top``'s menu bars, submenus included."""
    pending = [a.menu() for bar in top.findChildren(QMenuBar) for a in bar.actions() if a.menu()]
    while pending:
        menu = pending.pop()
        yield menu
        pending += [a.menu() for a in menu.actions() if a.menu()]


def menu_level(menu: QMenu) -> list[tuple[str, str]]:
    """(key, what) for the items of one menu."""
    found = [(mnemonic(a.text()), f"item {a.text()!r}") for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    return [(key, what) for key, what in found if key]


def clashes(name: str, pairs: list[tuple[str, str]]) -> list[str]:
    """``name: Alt+K: what, what`` for every key given twice."""
    by_key: dict[str, list[str]] = {}
    for key, what in pairs:
        by_key.setdefault(key, []).append(what)
    return [f"{name}: Alt+{key}: {', '.join(whats)}" for key, whats in sorted(by_key.items()) if len(whats) > 1]


def check(top: QWidget, name: str, states: Iterable[Callable[[], object]] = ()) -> list[str]:
    """Every clash of ``top`` in its first state, in each of ``states`` and on each of its tabs."""
    found = []

    def look(state: str) -> None:
        for clash in clashes(f"{name} ({state})", window_level(top)):
            if clash not in found:
                found.append(clash)

    look("as opened")
    for number, state in enumerate(states, 1):
        state()
        look(f"state {number}")
    for tabs in top.findChildren(QTabBar):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            look(f"tab {tabs.tabText(index)!r}")
    for menu in menus_of(top):
        found += clashes(f"{name} menu {menu.title()!r}", menu_level(menu))
    return found


def assert_no_clashes(found: list[str]) -> None:
    """Fail with one line per clash."""
    assert not found, "shared Alt keys:\n" + "\n".join(found)


def _in_language(qapp, language: str):
    assert install_translators(qapp, language) == language
    yield language
    remove_translators(qapp)
    assert not [t for t in qapp.findChildren(QTranslator) if t.objectName().startswith("kb_assistant")]


@pytest.fixture(params=["en", "ru"])
def language(request, qapp):
    """Build the windows in this interface language, as the app does (translators installed first)."""
    yield from _in_language(qapp, request.param)


@pytest.fixture(params=["en", "ru"])
def language_pending(request, qapp):
    """The same, for the windows whose Russian fixes wait for the merged translation."""
    yield from _in_language(qapp, request.param)


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


def test_main_window_and_its_menus(qtbot, language_pending, kb_root, tmp_path):
    win, thread = build_window(kb_root, tmp_path / "index", Settings(agent_name="Anna"), today_provider=lambda: TODAY,
                               data_dir=tmp_path / "data", watch=False)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: loaded(win), timeout=10000)
        win.preview.show("refund")

        def everything_shown():
            win.find_bar.open_bar()
            win.replies.set_values({"customer_name": "Anna"})
            win.replies.new_customer()  # the previous customer's values put aside: "Use them" shows
            win.problems.show()

        assert_no_clashes(check(win, "main window", [everything_shown]))
    finally:
        thread.stop()


def test_help_windows(qtbot, language, kb_root, tmp_path):
    win, thread = build_window(kb_root, tmp_path / "index", Settings(), data_dir=tmp_path / "data", watch=False)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: loaded(win), timeout=10000)
        sheet, palette = shortcuts_sheet(win), CommandPalette(win)
        assert_no_clashes(check(sheet, "shortcuts") + check(palette, "command palette"))
    finally:
        thread.stop()


def test_settings(qtbot, language_pending, kb_root):
    dialog = SettingsDialog(Settings(), load_kb(kb_root))
    qtbot.addWidget(dialog)
    assert_no_clashes(check(dialog, "settings"))


def test_editor_window(qtbot, language_pending, kb_root, tmp_path):
    editor = EditorWindow(kb_root, load_kb(kb_root), AutosaveStore(tmp_path / "autosave"), today=lambda: TODAY)
    qtbot.addWidget(editor)
    editor.open_file("returns/refund.md")
    try:
        assert_no_clashes(check(editor, "editor", [lambda: editor.set_notice("A notice")]))
    finally:
        editor.runner.wait()
        editor.ask_unsaved = lambda: "discard"


def test_learning_window(qtbot, language_pending, kb_root, tmp_path):
    controller = LearningController(LearningStore(tmp_path / "data", kb_root), today=lambda: TODAY)
    controller.set_kb(load_kb(kb_root))
    window = LearningWindow(controller)
    qtbot.addWidget(window)
    assert_no_clashes(check(window, "learning", [lambda: window.open_article("refund"), window.start_quiz]))


def test_dialogs(qtbot, language, kb_root):
    kb = load_kb(kb_root)
    found = []
    for name, widget in (
        ("fill-in form", FillInDialog(FIELDS)),
        ("report", ReportDialog(article_id="refund", article_title="Refund", agent_name="Anna", today=TODAY)),
        ("new article", NewArticleDialog(kb_root, ["", "returns"])),
        ("rename", RenameDialog(kb, "refund")),
        ("review queue", ReviewPanel()),
        ("about", AboutDialog(AppPaths.from_environment(), kb_root)),
    ):
        qtbot.addWidget(widget)
        found += check(widget, name)
    assert_no_clashes(found)
