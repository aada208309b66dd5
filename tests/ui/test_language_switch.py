"""A new interface language applies at once: the main window is rebuilt on the same services, nothing is lost."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kb_assistant.app import build_session, settings_applier
from kb_assistant.core.settings import Settings
from kb_assistant.ui.mainwindow import MainWindow
from kb_assistant.ui.session import receivers
from kb_assistant.ui.settings.dialog import SettingsDialog
from kb_assistant.ui.system.i18n import install_translators, remove_translators, ui_language
from kb_assistant.ui.system.tray import TrayIcon
from kb_assistant.ui.system.windowing import is_compact
from tests.ui.helpers import loaded, shown, type_at_end, type_text

TODAY = dt.date(2026, 11, 27)
KB = {
    "_kb.yml": "placeholders:\n  order_id: {en: Order number, ru: Номер заказа}\n",
    "returns/refund.md": (
        "---\nid: refund\nlang: en\nreviewed: 2025-01-01\nreview_every: 30\n---\n# Refund to a bank card\n\n"
        "Refunds take 3-10 business days. See [[password]].\n\n"
        + "More about refunds.\n\n" * 60
        + "## Reply: Refund started\nYour refund for order {{order_id}} is on its way.\n\n"
        "## Reply: Refund delayed\nSorry, the refund for order {{order_id|your order}} is delayed.\n"
    ),
    "account/password.md": (
        "---\nid: password\nlang: en\n---\n# Reset a password\n\nUse the reset link after a refund.\n\n"
        "## Quiz\n\n**Q:** Where is the reset link?\n\n- [x] On the sign-in page\n- [ ] In the refund form\n"
    ),
}


@pytest.fixture
def english(qapp):
    """The app starts in English; other tests see no translator afterwards."""
    install_translators(qapp, "en")
    yield
    remove_translators(qapp)


def start(qtbot, write_kb, tmp_path, watch=False, wait=True):
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    session = build_session(write_kb(KB), tmp_path / "index", Settings(agent_name="Anna", ui_language="en"),
                            today_provider=lambda: TODAY, state=state, watch=watch, data_dir=tmp_path / "data")
    session.window.show()
    if wait:
        qtbot.waitUntil(lambda: loaded(session.window), timeout=10000)
    return session


def stop(session):
    services = session.services
    for editor in list(services.workbench.editors.values()):
        editor.ask_unsaved = lambda: "discard"
        editor.runner.wait()
        editor.close()
    services.workbench.runner.wait()
    services.learning.close()
    session.window.prepare_to_quit()
    session.window.close()
    session.window.deleteLater()
    services.thread.stop()


@pytest.fixture
def session(qtbot, english, write_kb, tmp_path):
    session = start(qtbot, write_kb, tmp_path)
    yield session
    stop(session)


def deleted_later():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main_windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def tray_icons():
    return [t for w in QApplication.topLevelWidgets() for t in w.findChildren(TrayIcon)]


def connection_counts(session):
    """Receivers of every signal of the shared services (a window leaving listeners behind would grow them)."""
    services = session.services
    senders = {"worker": services.worker, "search": services.search, "replies": services.replies,
               "workbench": services.workbench, "learning": services.learning,
               "learning.controller": services.learning.controller}
    counts = {}
    for owner, sender in senders.items():
        meta = sender.metaObject()
        for index in range(meta.methodOffset(), meta.methodCount()):
            method = meta.method(index)
            if method.methodType() == method.MethodType.Signal:
                name = bytes(method.name()).decode()
                counts[f"{owner}.{name}"] = receivers(sender, name)
    return counts


def switch(qtbot, session, language):
    old = session.window
    assert session.switch_language(language)
    assert session.window is not old
    deleted_later()
    return session.window


def test_saving_a_new_language_switches_at_once_and_keeps_the_agents_work(qtbot, session, tmp_path, monkeypatch):
    win, services = session.window, session.services
    type_text(win.search_box, "refund")
    qtbot.waitUntil(lambda: shown(win, "refund"), timeout=5000)
    win.search_bar.language.setCurrentIndex(win.search_bar.language.findData("en"))
    qtbot.waitUntil(lambda: shown(win, "refund"), timeout=5000)
    win.reply_panel.channel.setCurrentIndex(win.reply_panel.channel.findData("chat"))
    services.replies.set_values({"order_id": "A-17"})
    win.reply_panel.replies.setCurrentRow(1)
    qtbot.waitUntil(lambda: win.article.verticalScrollBar().maximum() > 100, timeout=5000)
    win.article.verticalScrollBar().setValue(100)
    win.find_bar.open_bar()
    type_text(win.find_bar.field, "days")
    win.search_box.setFocus()
    worker, ready = services.worker, []
    worker.ready.connect(lambda *args: ready.append(args))
    before = connection_counts(session)
    win.setGeometry(40, 50, 1000, 700)
    geometry = win.geometry()

    monkeypatch.setattr(SettingsDialog, "edit", classmethod(
        lambda cls, settings, kb, parent, **_usage: (dataclasses.replace(settings, ui_language="ru"), True)))
    session.settings_changed.connect(settings_applier(QApplication.instance(), session, tmp_path / "settings.json"))
    win.open_settings()  # as OK in the dialog does: the switch follows once the window's slot returned
    assert session.window is win
    qtbot.waitUntil(lambda: session.window is not win, timeout=3000)
    new = session.window
    deleted_later()

    assert ui_language() == "ru" and session.settings.ui_language == "ru"
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["ui_language"] == "ru"
    assert new.menuBar().actions()[0].text() == "&Файл"
    assert new.reply_panel.copy_button.text() == "&Копировать ответ"
    assert new.search_box.placeholderText() == "Введите вопрос клиента (Ctrl+L)"
    assert main_windows() == [new] and len(tray_icons()) == 1
    assert new.isVisible() and new.geometry() == geometry
    qtbot.wait(400)  # the search asked again answers, the results pane's follow timer runs out
    assert new.search_box.text() == "refund" and services.search.text == "refund"
    assert new.search_bar.filters().lang == "en" == services.search._filters.lang
    assert shown(new, "refund") and new.preview.current.id == "refund"
    assert new.reply_panel.replies.currentRow() == 1 and services.replies.reply_index == 1
    assert services.replies.channel == "chat" and new.reply_panel.channel.currentData() == "chat"
    assert services.replies.values == {"order_id": "A-17"}
    assert "A-17" in new.reply_panel.preview.toPlainText()
    assert new.article.verticalScrollBar().value() == 100
    assert new.find_bar.isVisible() and new.find_bar.field.text() == "days"
    assert new.focusWidget() is new.search_box
    assert services.worker is worker and ready == []  # no second load, no reindex
    assert connection_counts(session) == before

    back = switch(qtbot, session, "en")
    assert back.menuBar().actions()[0].text() == "&File"
    qtbot.wait(400)
    assert shown(back, "refund") and services.replies.reply_index == 1
    assert main_windows() == [back] and len(tray_icons()) == 1 and ready == []
    assert connection_counts(session) == before


def test_the_open_article_stays_when_it_is_not_the_selected_result(qtbot, session):
    win = session.window
    type_text(win.search_box, "refund")
    qtbot.waitUntil(lambda: shown(win, "refund"), timeout=5000)
    win.preview.show("password")  # a link followed: the selection stays on the result
    assert win.current_hit_id() == "refund"
    new = switch(qtbot, session, "ru")
    qtbot.wait(400)
    assert new.current_hit_id() == "refund" and new.preview.current.id == "password"
    assert new.article.article is not None and new.article.article.id == "password"


def test_editors_translate_in_place_and_keep_unsaved_edits(qtbot, session):
    bench = session.services.workbench
    editor = bench.edit_article("refund")
    type_at_end(qtbot, editor, "An edit not saved yet.")
    editor.form.reviewed.setFocus()
    editor.form.reviewed.selectAll()
    type_text(editor.form.reviewed, "2026-1")  # half-typed: not in the text yet
    assert "YYYY-MM-DD" in editor.form.message.text()
    text = editor.editor.toPlainText()
    switch(qtbot, session, "ru")
    assert bench.editors["returns/refund.md"] is editor  # the same window, never closed
    qtbot.waitUntil(lambda: editor.menuBar().actions()[0].text() == "&Файл", timeout=3000)
    assert editor.editor.toPlainText() == text and editor.dirty and editor.editor.document().isUndoAvailable()
    assert editor.editor.accessibleName() == "Текст статьи"
    assert editor.form.reviewed.text() == "2026-1" and editor.form.review_every.value() == 30
    said = QCoreApplication.translate("FrontMatterForm", "Reviewed: write the date as YYYY-MM-DD.")
    assert editor.form.message.text() == said != "Reviewed: write the date as YYYY-MM-DD."
    assert editor.focusWidget() is editor.form.reviewed
    deleted_later()
    assert len([a for a in editor.findChildren(QAction) if a.shortcut().toString() == "Ctrl+S"]) == 1
    type_text(editor.form.owner, "Olga")  # the new form writes into the text
    assert "owner: Olga" in editor.editor.toPlainText()
    switch(qtbot, session, "en")
    qtbot.waitUntil(lambda: editor.menuBar().actions()[0].text() == "&File", timeout=3000)
    assert "An edit not saved yet." in editor.editor.toPlainText() and editor.dirty


def test_learning_window_and_review_queue_are_built_again_in_the_new_language(qtbot, session):
    learning, bench = session.services.learning, session.services.workbench
    window = learning.show(1)
    window.open_article("password")
    panel = bench.show_review_queue()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=5000)
    switch(qtbot, session, "ru")
    new = learning.window
    assert new is not window and new.isVisible()
    assert new.windowTitle() == "KB Assistant — обучение"
    assert new.tabs.currentIndex() == 1 and new.article.article.id == "password"
    queue = bench.review_panel
    assert queue is not panel and queue.isVisible() and queue.windowTitle() == "Очередь проверки"
    assert queue.parent() is session.window
    qtbot.waitUntil(lambda: queue.tree.topLevelItemCount() > 0, timeout=5000)


def test_compact_mode_is_kept(qtbot, session):
    session.window.set_compact(True)
    new = switch(qtbot, session, "ru")
    assert is_compact(new) and new.tray.compact_action.isChecked()
    new.set_compact(False)
    assert not is_compact(new)


def test_the_same_language_shown_rebuilds_nothing(qtbot, session):
    win = session.window
    assert not session.switch_language("en")
    assert session.window is win


def test_a_switch_while_the_kb_loads_leaves_the_load_to_the_new_window(qtbot, english, write_kb, tmp_path):
    session = start(qtbot, write_kb, tmp_path, watch=True, wait=False)
    try:
        session.switch_language("ru")
        deleted_later()
        new = session.window
        qtbot.waitUntil(lambda: loaded(new), timeout=10000)
        assert new.menuBar().actions()[0].text() == "&Файл"
        # the KB watcher outlives the window it was built with
        path = session.services.workbench.kb_root / "account/password.md"
        path.write_text(path.read_text(encoding="utf-8").replace("reset link", "magic link"), encoding="utf-8")
        qtbot.waitUntil(lambda: "magic link" in new.kb.articles["password"].body, timeout=10000)
    finally:
        stop(session)
