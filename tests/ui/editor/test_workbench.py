"""The editor's workbench inside the agent's window: edit, create, drafts, reviews, translations, rename."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from PySide6.QtCore import QMetaObject, Qt

from kb_assistant.app import build_window
from kb_assistant.core.articles.template import SAMPLE_BODIES, SAMPLE_QUESTIONS, SAMPLE_REPLY_NAMES
from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.settings import Settings
from tests.ui.helpers import loaded, shown, type_at_end, type_text

TODAY = dt.date(2026, 11, 27)
KB = {
    "returns/refund.en.md": (
        "---\nid: refund\ntitle: Refund to a card\n# asked by legal\nlang: en\nowner: Olga\nreviewed: 2025-01-01\n"
        "review_every: 90\nsla: 3 days\ntranslations: {ru: refund-ru}\n---\n# Refund to a card\n\nRefunds take days.\n"
    ),
    "returns/refund.ru.md": (
        "---\nid: refund-ru\ntitle: Возврат на карту\nlang: ru\nreviewed: 2026-11-01\nreview_every: 90\n"
        "translations: {en: refund}\n---\n# Возврат на карту\n\nДеньги вернутся. См. [[password]].\n"
    ),
    "account/password.md": (
        "---\nid: password\nlang: en\n---\n# Reset a password\n\nUse the reset link. See [[refund]].\n"
    ),
}


@pytest.fixture
def app_window(qtbot, write_kb, tmp_path):
    root = write_kb(KB)
    win, thread = build_window(root, tmp_path / "index", Settings(agent_name="Anna"), today_provider=lambda: TODAY,
                               data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    yield win
    for editor in list(win.workbench.editors.values()):
        editor.ask_unsaved = lambda: "discard"
        editor.runner.wait()
        editor.close()
    win.workbench.runner.wait()
    thread.stop()


def test_ctrl_e_type_ctrl_s_makes_the_new_words_searchable(qtbot, app_window):
    win = app_window
    type_text(win.search_box, "reset link")
    qtbot.waitUntil(lambda: shown(win, "password"), timeout=5000)
    qtbot.keyClick(win.search_box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = win.workbench.editors["account/password.md"]
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    type_at_end(qtbot, editor, "Ask for the zanzibar code.")
    with qtbot.waitSignal(win.workbench.files_saved):
        qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "zanzibar code" in (win.workbench.kb_root / "account/password.md").read_text(encoding="utf-8")
    win.search_box.clear()
    type_text(win.search_box, "zanzibar")
    qtbot.waitUntil(lambda: shown(win, "password"), timeout=5000)


def test_one_save_is_one_index_update_and_one_reload(qtbot, write_kb, tmp_path, monkeypatch):
    """The editor re-indexes the saved file; the watcher's refresh that follows finds nothing new to do."""
    from kb_assistant.ui.search import worker as worker_module

    calls: list[str] = []  # appended on the loader thread
    for name, label in (("update_index", "update"), ("update_paths", "update_files")):
        original = getattr(worker_module, name)
        monkeypatch.setattr(worker_module, name,
                            lambda *a, _label=label, _original=original, **k: calls.append(_label) or _original(*a, **k))
    original_load = worker_module.load_kb
    monkeypatch.setattr(worker_module, "load_kb", lambda *a, **k: calls.append("load_kb") or original_load(*a, **k))
    win, thread = build_window(write_kb(KB), tmp_path / "index", Settings(agent_name="Anna"),
                               today_provider=lambda: TODAY, data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    unchanged: list[bool] = []
    thread.worker.unchanged.connect(lambda: unchanged.append(True))
    editor = None
    try:
        qtbot.waitUntil(lambda: loaded(win), timeout=10000)
        assert calls == ["update", "load_kb"]
        del calls[:]
        editor = win.workbench.edit_article("password")
        type_at_end(qtbot, editor, "Ask for the zanzibar code.")
        with qtbot.waitSignal(win.workbench.files_saved):
            assert editor.save()
        # what the watcher asks once it sees the write; asked here too, so that a file-system event
        # late on a loaded machine cannot make the test wait for nothing
        QMetaObject.invokeMethod(thread.worker, "refresh", Qt.ConnectionType.QueuedConnection)
        qtbot.waitUntil(lambda: bool(unchanged), timeout=10000)
        assert calls == ["update_files", "load_kb"]
        assert "zanzibar" in win.kb.articles["password"].body
    finally:
        if editor is not None:
            editor.runner.wait()
        win.workbench.runner.wait()
        thread.stop()


def test_ctrl_e_without_an_article_says_what_to_do(qtbot, app_window):
    app_window.request_edit()
    assert "Ctrl+E" in app_window.statusBar().currentMessage()
    assert not app_window.workbench.editors


def test_ctrl_n_creates_an_article_from_the_template_in_the_chosen_folder(qtbot, app_window, monkeypatch):
    win = app_window

    def fill(dialog):
        dialog.title.setText("Подарочные карты")
        dialog.folder.setCurrentText("payments")
        dialog.lang.setCurrentIndex(dialog.lang.findData("ru"))
        assert dialog.where.text().endswith("payments/podarochnye-karty.ru.md")
        return True

    monkeypatch.setattr(win.workbench, "ask_new_article", fill)
    qtbot.keyClick(win.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = win.workbench.editors["payments/podarochnye-karty.ru.md"]
    assert "## Ответ:" in editor.editor.toPlainText() and editor.dirty
    assert editor.form.title.text() == "Подарочные карты"
    # the template's sample question and text, written over (saving them as they are asks first)
    text = editor.editor.toPlainText().replace(SAMPLE_QUESTIONS[0], "Сколько действует карта?")
    editor.editor.setPlainText(text.replace(SAMPLE_BODIES[0], "Карты действуют год.")
                               .replace(SAMPLE_REPLY_NAMES[0], "Срок действия"))
    with qtbot.waitSignal(win.workbench.files_saved):
        assert editor.save()
    qtbot.waitUntil(lambda: loaded(win, "podarochnye-karty-ru"), timeout=5000)
    assert win.kb.articles["podarochnye-karty-ru"].reviewed == TODAY  # written by its author today


def test_new_article_dialog_refuses_an_existing_file_and_an_empty_title(qtbot, app_window):
    from kb_assistant.ui.editor.new_article_dialog import NewArticleDialog

    dialog = NewArticleDialog(app_window.workbench.kb_root, ["", "returns"], lang="en", folder="returns")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "title" in dialog.where.text()
    dialog.title.setText("Refund")
    assert dialog.rel_path() == "returns/refund.en.md"
    assert not ok.isEnabled() and "already exists" in dialog.where.text()
    dialog.folder.setCurrentText("../outside")
    assert not ok.isEnabled()
    dialog.folder.setCurrentText("returns")
    dialog.title.setText("Refund to a gift card")
    assert ok.isEnabled()


def test_drafts_left_by_a_kill_are_offered_back_at_start(qtbot, write_kb, tmp_path, monkeypatch):
    root = write_kb(KB)
    store = AutosaveStore(tmp_path / "data" / "autosave")
    original = (root / "account/password.md").read_text(encoding="utf-8")
    from kb_assistant.core.files.storage import read_text

    store.save_draft(root, "account/password.md", original + "Unsaved words.\n", read_text(root / "account/password.md")[1].content_hash)
    from kb_assistant.ui.editor.workbench import EditorWorkbench

    asked = []
    monkeypatch.setattr(EditorWorkbench, "ask_drafts", lambda self, drafts: asked.append(drafts) or "restore")
    win, thread = build_window(root, tmp_path / "index", Settings(), today_provider=lambda: TODAY,
                               data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: bool(win.workbench.editors), timeout=10000)
        editor = win.workbench.editors["account/password.md"]
        assert asked and editor.dirty and editor.editor.toPlainText().endswith("Unsaved words.\n")
        assert editor.save()
        assert (root / "account/password.md").read_text(encoding="utf-8").endswith("Unsaved words.\n")
        assert store.drafts(root) == []
    finally:
        win.workbench.runner.wait()
        thread.stop()


def test_a_restored_draft_never_overwrites_a_change_made_on_disk_meanwhile(qtbot, app_window, monkeypatch):
    bench = app_window.workbench
    path = bench.kb_root / "account/password.md"
    draft = bench.autosave.save_draft(bench.kb_root, "account/password.md", "---\nid: password\n---\n# Mine\n",
                                      "0" * 64)
    editor = bench.restore(draft)
    # isHidden(), not isVisible(): the editor window itself need not be shown for its notice to be on
    assert not editor.notice.isHidden() and "changed on disk" in editor.notice.text()
    monkeypatch.setattr(editor, "ask_conflict", lambda: "")
    assert editor.save() is False
    assert "Reset a password" in path.read_text(encoding="utf-8")


def test_declining_drafts_discards_or_keeps_them(qtbot, app_window, monkeypatch):
    bench = app_window.workbench
    bench.autosave.save_draft(bench.kb_root, "account/password.md", "draft", None)
    monkeypatch.setattr(bench, "ask_drafts", lambda drafts: "later")
    assert bench.offer_drafts() == [] and len(bench.autosave.drafts(bench.kb_root)) == 1
    monkeypatch.setattr(bench, "ask_drafts", lambda drafts: "discard")
    assert bench.offer_drafts() == [] and bench.autosave.drafts(bench.kb_root) == []


def test_front_matter_form_and_text_stay_in_sync_keeping_unknown_keys_and_comments(qtbot, app_window):
    editor = app_window.workbench.edit_article("refund")
    form = editor.form
    assert form.title.text() == "Refund to a card" and form.owner.text() == "Olga"
    assert form.review_every.value() == 90 and form.translations.text() == "ru: refund-ru"
    form.owner.setFocus()
    form.owner.selectAll()
    type_text(form.owner, "Pavel")
    text = editor.editor.toPlainText()
    assert "owner: Pavel" in text and "# asked by legal" in text and "sla: 3 days" in text
    assert text.index("owner:") < text.index("sla:")  # order kept
    form.tags.setFocus()
    type_text(form.tags, "refund, card")
    assert "tags: [refund, card]" in editor.editor.toPlainText()
    form.questions.setFocus()
    type_text(form.questions, "Where is my money?")
    assert "- Where is my money?" in editor.editor.toPlainText()
    # text -> form
    editor.editor.setFocus()
    cursor = editor.editor.document().find("title: Refund to a card")
    cursor.insertText("title: Card refunds")
    qtbot.waitUntil(lambda: form.title.text() == "Card refunds", timeout=3000)


def test_front_matter_form_reports_a_bad_date_and_broken_yaml(qtbot, app_window):
    editor = app_window.workbench.edit_article("refund")
    form = editor.form
    form.reviewed.setFocus()
    form.reviewed.selectAll()
    type_text(form.reviewed, "someday")
    assert "YYYY-MM-DD" in form.message.text()
    assert "reviewed: 2025-01-01" in editor.editor.toPlainText()  # never written
    editor.editor.setFocus()
    editor.editor.document().find("review_every: 90").insertText("review_every: [90")
    qtbot.waitUntil(lambda: not form.title.isEnabled(), timeout=3000)
    assert "line" in form.message.text()


def test_mark_reviewed_in_the_editor_and_from_the_review_queue(qtbot, app_window):
    bench = app_window.workbench
    panel = bench.show_review_queue()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=5000)
    owners = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert owners[0].startswith("Olga") and owners[-1].startswith("No owner")
    assert "1 never reviewed" in panel.summary.text()
    assert panel.selected_ids() == ["refund"]
    with qtbot.waitSignal(bench.files_saved):
        panel.mark_button.click()
    assert "reviewed: 2026-11-27" in (bench.kb_root / "returns/refund.en.md").read_text(encoding="utf-8")
    editor = bench.edit_article("password")
    editor.mark_reviewed()
    assert "reviewed: 2026-11-27" in editor.editor.toPlainText() and editor.dirty
    panel.close()


def test_an_article_created_from_a_question_asked_in_the_insights(qtbot, app_window, monkeypatch):
    bench = app_window.workbench
    seen = []

    def accept(dialog):
        seen.append((dialog.title.text(), dialog.lang.currentData()))
        return True

    monkeypatch.setattr(bench, "ask_new_article", accept)
    editor = bench.new_article("ru", question="деньги  не пришли")
    assert seen == [("Деньги не пришли", "ru")]  # a title to start from; the editor can retitle
    text = editor.editor.toPlainText()
    assert "questions:\n  - деньги не пришли\n" in text and SAMPLE_QUESTIONS[0] not in text
    bench.new_article("other", question="pay with bitcoin")  # a gap's unknown language: the interface's
    assert seen[-1] == ("Pay with bitcoin", "en")


def test_add_a_question_to_an_article_file_or_its_open_editor(qtbot, app_window):
    bench = app_window.workbench
    messages = []
    bench.message.connect(messages.append)
    path = bench.kb_root / "returns/refund.en.md"
    with qtbot.waitSignal(bench.files_saved) as saved:
        assert bench.add_question("refund", "Where is my money?")
    assert saved.args == [["returns/refund.en.md"]] and "Refund to a card" in messages[-1]
    text = path.read_text(encoding="utf-8")
    assert "questions:\n  - Where is my money?\n" in text and "# asked by legal" in text and "sla: 3 days" in text
    assert bench.add_question("refund", "where is  my money?") and "already" in messages[-1]
    assert path.read_text(encoding="utf-8") == text
    assert not bench.add_question("no-such-article", "q")
    editor = bench.edit_article("password")
    type_at_end(qtbot, editor, "Unsaved words.")
    on_disk = (bench.kb_root / "account/password.md").read_text(encoding="utf-8")
    assert bench.add_question("password", "forgot my password")
    assert "- forgot my password" in editor.editor.toPlainText() and editor.dirty
    assert editor.editor.toPlainText().endswith("Unsaved words.")  # the unsaved edit is kept
    assert (bench.kb_root / "account/password.md").read_text(encoding="utf-8") == on_disk
    broken = bench.kb_root / "returns/refund.ru.md"
    broken.write_text("---\nid: refund-ru\ntitle: [\n---\n# Возврат\n", encoding="utf-8")
    assert not bench.add_question("refund-ru", "где деньги") and messages[-1]
    assert broken.read_text(encoding="utf-8") == "---\nid: refund-ru\ntitle: [\n---\n# Возврат\n"


def test_review_queue_edit_opens_the_editor(qtbot, app_window):
    bench = app_window.workbench
    panel = bench.show_review_queue()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=5000)
    panel.edit_button.click()
    assert "returns/refund.en.md" in bench.editors
    panel.close()


def test_translation_opens_beside_and_lag_is_warned(qtbot, app_window):
    bench = app_window.workbench
    ru = bench.kb_root / "returns/refund.ru.md"
    old = time.time() - 10 * 86400 - 3600
    os.utime(ru, (old, old))
    editor = bench.edit_article("refund")
    # file times are read on the thread pool, not while the editor opens
    qtbot.waitUntil(lambda: "changed 10 days after its ru version" in editor.notice.text(), timeout=5000)
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    qtbot.keyClick(editor.editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    other = bench.editors["returns/refund.ru.md"]
    qtbot.waitUntil(lambda: "may be out of date" in other.notice.text(), timeout=5000)
    assert other.geometry().left() >= editor.geometry().right()


def test_a_missing_translation_is_created_and_linked_both_ways(qtbot, app_window):
    bench = app_window.workbench
    editor = bench.edit_article("password")
    other = bench.open_translation("account/password.md")
    assert other is bench.editors["account/password.ru.md"]
    text = other.editor.toPlainText()
    assert "id: password-ru" in text and "lang: ru" in text and "en: password" in text
    assert "ru: password-ru" in editor.editor.toPlainText()


def test_rename_updates_links_and_reopens_the_article(qtbot, app_window, monkeypatch):
    bench = app_window.workbench
    bench.edit_article("refund")

    def fill(dialog):
        dialog.new_path.setText("payments/card-refund.en.md")
        dialog.new_id.setText("card-refund")
        dialog.update_plan()
        assert "account/password.md" in dialog.summary.toPlainText()
        return True

    monkeypatch.setattr(bench, "ask_rename", fill)
    with qtbot.waitSignal(bench.kb_changed):
        assert bench.rename("returns/refund.en.md")
    root = bench.kb_root
    assert not (root / "returns/refund.en.md").exists()
    assert "id: card-refund" in (root / "payments/card-refund.en.md").read_text(encoding="utf-8")
    assert "[[card-refund]]" in (root / "account/password.md").read_text(encoding="utf-8")
    assert "en: card-refund" in (root / "returns/refund.ru.md").read_text(encoding="utf-8")
    assert "payments/card-refund.en.md" in bench.editors


def test_rename_dialog_explains_an_unusable_path(qtbot, app_window):
    from kb_assistant.ui.editor.rename_dialog import RenameDialog

    dialog = RenameDialog(app_window.kb, "refund")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.new_path.setText("account/password.md")
    dialog.update_plan()
    assert not ok.isEnabled() and dialog.summary.toPlainText()
    dialog.new_path.setText("../outside.md")
    dialog.update_plan()
    assert not ok.isEnabled()
