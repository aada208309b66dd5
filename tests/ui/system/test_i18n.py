"""Translations: the window speaks Russian under "ru", and every string has its translation."""

from __future__ import annotations

import datetime as dt
import gc
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from kb_assistant.ui.system.i18n import (
    choose_language,
    install_translators,
    language_for,
    remove_translators,
    translations_dir,
    ui_language,
)
from tests.ui.helpers import loaded

ROOT = Path(__file__).resolve().parents[3]
TS_DIR = ROOT / "resources" / "translations"
TOOL = ROOT / "tools" / "update_translations.py"
KB = {
    "account/password.md": (
        "---\nid: password\nlang: en\n---\n# Reset a password\n\nUse the reset link.\n\n"
        "## Reply: Reset link\nHere is the link.\n"
    ),
}
PLACEHOLDERS = re.compile(r"%n|%\d|\{[^{}]*\}")


@pytest.fixture
def translated(qapp):
    """Install translators by language; remove them afterwards so other tests see English."""

    def install(language: str) -> str:
        return install_translators(qapp, language)

    yield install
    remove_translators(qapp)
    assert not [t for t in qapp.findChildren(QTranslator) if t.objectName().startswith("kb_assistant")]


def test_main_window_in_russian(qtbot, translated, write_kb, tmp_path):
    assert translated("ru") == "ru"
    win, thread = build_window(write_kb(KB), tmp_path / "index", Settings(), today_provider=lambda: dt.date(2026, 1, 5))
    try:
        qtbot.addWidget(win)
        assert win.reply_panel.copy_button.text() == "&Копировать ответ"
        assert win.reply_panel.copy_button.accessibleName() == "Копировать ответ"
        assert win.search_box.placeholderText() == "Введите вопрос клиента (Ctrl+L)"
        qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    finally:
        thread.stop()


def test_qt_standard_buttons_in_russian(qtbot, translated):
    translated("ru")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"


def test_english_is_the_source_text(translated):
    assert translated("en") == "en"
    assert QCoreApplication.translate("ReplyPanel", "&Copy reply") == "&Copy reply"


def test_reinstalling_replaces_the_translators(qapp, translated):
    translated("ru")
    translated("en")
    assert QCoreApplication.translate("ReplyPanel", "&Copy reply") == "&Copy reply"
    assert len([t for t in qapp.findChildren(QTranslator) if t.objectName().startswith("kb_assistant")]) == 1


def test_switching_back_and_forth_keeps_the_installed_translators_alive(qapp, translated):
    for language in ("ru", "en", "ru"):
        assert translated(language) == language == ui_language(qapp)
        gc.collect()  # installed translators are held by the application, not by a Python name
    assert QCoreApplication.translate("ReplyPanel", "Co&py reply") == "&Копировать ответ"
    assert len([t for t in qapp.findChildren(QTranslator) if t.objectName().startswith("kb_assistant")]) == 2
    assert language_for("en") == "en" and language_for("system") in ("ru", "en")


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", ["ru-RU", "en-US"], "ru"),
        ("system", ["de-DE", "ru"], "ru"),
        ("system", ["en_GB"], "en"),
        ("system", ["de-DE"], "en"),
        ("system", [], "en"),
        ("ru", ["en-US"], "ru"),
        ("en", ["ru-RU"], "en"),
    ],
)
def test_choose_language_follows_the_system_unless_forced(setting, system, expected):
    assert choose_language(setting, system) == expected


def test_compiled_translations_ship_in_the_package():
    assert {p.name for p in translations_dir().glob("*.qm")} >= {"kb_assistant_ru.qm", "kb_assistant_en.qm"}


def _messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def _problems(path: Path, plural_forms: int) -> list[str]:
    problems = []
    for context, message in _messages(path):
        source = message.findtext("source") or ""
        where = f"[{context}] {source!r}"
        translation = message.find("translation")
        if translation is None or translation.get("type"):
            problems.append(f"{where}: {'missing' if translation is None else translation.get('type')}")
            continue
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.findall("numerusform")]
            if len(texts) != plural_forms:
                problems.append(f"{where}: {len(texts)} plural forms, not {plural_forms}")
        else:
            texts = [translation.text or ""]
        for text in texts:
            if not text.strip():
                problems.append(f"{where}: empty translation")
            elif sorted(set(PLACEHOLDERS.findall(text))) != sorted(set(PLACEHOLDERS.findall(source))):
                problems.append(f"{where}: placeholders differ in {text!r}")
            elif source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                problems.append(f"{where}: keyboard accelerator (&) lost or added in {text!r}")
    return problems


def test_every_russian_message_is_translated():
    path = TS_DIR / "kb_assistant_ru.ts"
    assert len(list(_messages(path))) > 50
    assert _problems(path, plural_forms=3) == []


def test_english_plural_forms_are_written():
    path = TS_DIR / "kb_assistant_en.ts"
    assert all(message.get("numerus") == "yes" for _, message in _messages(path))
    assert _problems(path, plural_forms=2) == []


def test_translations_are_up_to_date_with_the_sources():
    if shutil.which("pyside6-lupdate") is None and not (Path(sys.executable).parent / "pyside6-lupdate").exists():
        pytest.skip("pyside6-lupdate is not installed")
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_removing_the_translators_says_english_again(qapp):
    install_translators(qapp, "ru")
    assert ui_language(qapp) == "ru"
    remove_translators(qapp)
    assert ui_language(qapp) == "en"  # other tests that show labels per language see English
