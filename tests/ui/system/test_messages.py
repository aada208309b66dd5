"""Errors and problems in the interface language: Russian agents never read an English sentence."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kb_assistant.app import build_window
from kb_assistant.core.errors import FileReadError, RenameFailedError, StorageError
from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.messages import MESSAGES, Message
from kb_assistant.core.models import Problem
from kb_assistant.core.settings import Settings
from kb_assistant.ui.editor.editor_window import EditorWindow
from kb_assistant.ui.system.i18n import install_translators, remove_translators
from kb_assistant.ui.system.messages import error_text, message_text, problem_line, problem_text
from tests.ui.helpers import loaded

TS = Path(__file__).resolve().parents[3] / "resources" / "translations" / "kb_assistant_ru.ts"
BROKEN = (
    "---\nid: broken\nlang: en\n---\n# Broken\n\nSee [[ghost-article]].\n\n"
    "## Reply: Refund\nHello {{Customer Name}}!\n"
)
CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


@pytest.fixture
def russian(qapp):
    """The Russian translators, removed afterwards so other tests see English."""
    assert install_translators(qapp, "ru") == "ru"
    yield
    remove_translators(qapp)
    assert not [t for t in qapp.findChildren(QTranslator) if t.objectName().startswith("kb_assistant")]


def _russian(text: str) -> bool:
    return bool(CYRILLIC & set(text.lower()))


def test_every_template_has_a_finished_russian_translation():
    messages = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "Messages":
            for message in context.iter("message"):
                translation = message.find("translation")
                finished = translation is not None and not translation.get("type") and (translation.text or "").strip()
                messages[message.findtext("source")] = finished
    assert {code: text for code, text in MESSAGES.items() if not messages.get(text)} == {}


def test_errors_read_in_english_without_a_translation(qapp):
    exc = FileReadError("file-unreadable", path="a.md", reason="Permission denied")
    assert error_text(exc) == "a.md: cannot read: Permission denied"
    assert error_text(ZeroDivisionError("division by zero")) == (
        "unexpected error (ZeroDivisionError); the details are in the log")


def test_errors_and_their_reasons_read_in_russian(russian):
    inner = StorageError("save-failed", path="b.md", reason="Disk full")
    outer = RenameFailedError("rename-update-failed", ["a.md"], ["b.md"], path="x.md", new_path="a.md",
                              file="b.md", reason=inner)
    text = error_text(outer)
    assert text == ("x.md перемещён в a.md, но обновить b.md не удалось: b.md: не удаётся сохранить: Disk full. "
                    "Изменены: a.md. Не обновлены: b.md")
    # anything that is not a core error: a generic sentence naming its type, never its English message
    assert error_text(ValueError("some English detail")) == (
        "непредвиденная ошибка (ValueError); подробности в журнале")
    assert message_text(Message("front-matter-unclosed")).startswith("метаданные начинаются с «---»")


def test_a_problem_line_in_russian(russian):
    problem = Problem("a.md", 7, "error", "broken-link", {"target": "ghost"})
    assert problem_text(problem) == "ссылка [[ghost]] не ведёт ни на одну статью"
    assert problem_line(problem) == "a.md:7: ошибка: ссылка [[ghost]] не ведёт ни на одну статью"
    assert problem_line(problem, with_path=False) == "строка 7: ошибка: ссылка [[ghost]] не ведёт ни на одну статью"
    kb_wide = Problem("", None, "warning", "kb-config-paths")
    assert problem_line(kb_wide) == "<база знаний>: предупреждение: «paths» должен быть списком маршрутов обучения"


def test_the_main_windows_problems_panel_speaks_russian(qtbot, russian, write_kb, tmp_path):
    root = write_kb({"broken.md": BROKEN, "ok.md": "---\nid: ok\n---\n# OK\n"})
    win, thread = build_window(root, tmp_path / "index", Settings(), today_provider=lambda: dt.date(2026, 1, 5),
                               watch=False, data_dir=tmp_path / "data")
    try:
        qtbot.addWidget(win)
        qtbot.waitUntil(lambda: loaded(win) and win.problems.list.count() >= 2, timeout=10000)
        lines = [win.problems.list.item(row).text() for row in range(win.problems.list.count())]
        assert "broken.md:7: ошибка: ссылка [[ghost-article]] не ведёт ни на одну статью" in lines
        assert ("broken.md:10: ошибка: ответ «Refund»: недопустимое имя поля «Customer Name»: используйте "
                "a-z, 0-9 и _ (например, {{customer_name}})") in lines
        assert all(_russian(line) for line in lines), lines
    finally:
        thread.stop()


def test_the_editors_problem_list_speaks_russian(qtbot, russian, write_kb, tmp_path):
    root = write_kb({"broken.md": BROKEN})
    editor = EditorWindow(root, load_kb(root), AutosaveStore(tmp_path / "autosave"), today=lambda: dt.date(2026, 1, 5))
    qtbot.addWidget(editor)
    editor.open_file("broken.md")
    qtbot.waitUntil(lambda: editor.problem_list.count() >= 2, timeout=5000)
    lines = [editor.problem_list.item(row).text() for row in range(editor.problem_list.count())]
    assert "строка 7: ошибка: ссылка [[ghost-article]] не ведёт ни на одну статью" in lines
    assert any(line.startswith("строка 10: ошибка: ответ «Refund»: недопустимое имя поля") for line in lines)
    editor.runner.wait()
