"""Settings dialog: round trip, snippet choices, the language, appearance, accessibility."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.paths import bundled_kb_dir
from kb_assistant.core.settings import Settings, load_settings, save_settings
from kb_assistant.ui.settings.dialog import SettingsDialog

KB = {
    "snippets/hello.md": "---\nid: hello\ntitle: Hello\nlang: en\ntype: snippet\n---\nHello {{customer_name|there}}!\n",
    "snippets/bye.md": "---\nid: bye\ntitle: Goodbye\nlang: en\ntype: snippet\n---\nHave a nice day.\n",
    "snippets/privet.md": "---\nid: privet\ntitle: Приветствие\nlang: ru\ntype: snippet\n---\nЗдравствуйте!\n",
    "refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\nText.\n",
}

SETTINGS = Settings(
    agent_name="Anna",
    agent_signature="Anna\nSupport team",
    company="Shopwave",
    default_channel="chat",
    greeting_snippet="hello",
    closing_snippet="bye",
    kb_dir="/srv/kb",
    ui_language="ru",
    theme="dark",
    font_size=14,
    extra={"window": {"compact": True}, "future_option": [1, 2]},
)


@pytest.fixture
def kb(write_kb):
    return load_kb(write_kb(KB))


@pytest.fixture
def make_dialog(qtbot, kb):
    def make(settings=SETTINGS, **kwargs):
        dialog = SettingsDialog(settings, kb, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def items(combo: QComboBox) -> list[tuple[str, str]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_unchanged_dialog_returns_equal_settings_with_extra_keys(make_dialog):
    dialog = make_dialog()
    result = dialog.settings()
    assert result == SETTINGS
    assert result is not SETTINGS and result.extra is not SETTINGS.extra
    assert not dialog.language_changed()


def test_round_trip_through_the_dialog_and_the_file_keeps_extra_keys(make_dialog, tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, SETTINGS)
    loaded, error = load_settings(path)
    assert error is None
    dialog = make_dialog(loaded)
    dialog.agent_name.setText("  Boris ")
    dialog.signature.setPlainText("Boris\nSecond line\n")
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
    dialog.greeting.setCurrentIndex(dialog.greeting.findData("privet"))
    dialog.closing.setCurrentIndex(0)
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    dialog.font_size.setValue(20)
    save_settings(path, dialog.settings())
    again, _ = load_settings(path)
    assert again == dataclasses.replace(
        SETTINGS, agent_name="Boris", agent_signature="Boris\nSecond line", default_channel="phone",
        greeting_snippet="privet", closing_snippet="", theme="high-contrast", font_size=20,
    )
    assert again.extra == {"window": {"compact": True}, "future_option": [1, 2]}


def test_snippet_combos_list_titles_and_none(make_dialog):
    dialog = make_dialog()
    assert items(dialog.greeting) == [
        ("(none)", ""), ("Goodbye (en)", "bye"), ("Hello (en)", "hello"), ("Приветствие (ru)", "privet")
    ]
    assert dialog.greeting.currentData() == "hello"
    assert dialog.closing.currentData() == "bye"
    english = make_dialog(snippet_lang="en")
    assert items(english.closing) == [("(none)", ""), ("Goodbye", "bye"), ("Hello", "hello")]


def test_unknown_values_are_kept_not_lost(make_dialog):
    dialog = make_dialog(dataclasses.replace(SETTINGS, greeting_snippet="gone", default_channel="fax"))
    assert dialog.greeting.currentText() == "gone (not in this knowledge base)"
    assert dialog.settings().greeting_snippet == "gone"
    assert dialog.settings().default_channel == "fax"


def test_language_and_theme_values(make_dialog):
    dialog = make_dialog(Settings())
    assert [data for _, data in items(dialog.language)] == ["system", "ru", "en"]
    assert [data for _, data in items(dialog.theme)] == ["system", "light", "dark", "high-contrast"]
    assert [data for _, data in items(dialog.channel)] == ["email", "chat", "messenger", "phone"]
    assert dialog.font_size.text() == "System default"
    assert dialog.settings() == Settings()


def test_a_language_change_is_reported_and_no_restart_is_asked_for(make_dialog):
    dialog = make_dialog()
    assert not [label for label in dialog.findChildren(QLabel) if "restart" in label.text()]
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_changed()


def test_font_size_skips_from_default_to_eight_and_back(qtbot, make_dialog):
    dialog = make_dialog(Settings())
    dialog.font_size.setFocus()
    qtbot.keyClick(dialog.font_size, Qt.Key.Key_Up)
    assert dialog.font_size.value() == 8
    qtbot.keyClick(dialog.font_size, Qt.Key.Key_Down)
    assert dialog.font_size.value() == 0
    assert dialog.settings().font_size == 0


def test_browse_fills_the_kb_folder(make_dialog, monkeypatch, tmp_path):
    asked = []

    def choose(parent, caption, start):
        asked.append(start)
        return str(tmp_path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    dialog = make_dialog()
    dialog.browse_button.click()
    assert asked == ["/srv/kb"]
    assert dialog.settings().kb_dir == str(tmp_path)


def test_cyrillic_name_is_kept(make_dialog):
    dialog = make_dialog(Settings())
    for char in "Анна":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(dialog.agent_name, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    assert dialog.settings().agent_name == "Анна"


def test_every_interactive_widget_has_an_accessible_name_and_a_label(make_dialog):
    dialog = make_dialog()
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractSpinBox)
    unnamed = [
        f"{type(w).__name__}:{w.objectName()}"
        for w in dialog.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(dialog) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
    ]
    assert unnamed == []
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    for field in (dialog.agent_name, dialog.signature, dialog.company, dialog.channel, dialog.greeting,
                  dialog.closing, dialog.kb_dir, dialog.language, dialog.theme, dialog.font_size):
        assert field in buddies




def test_signature_channels_are_checkboxes_with_a_hint_in_step(make_dialog):
    dialog = make_dialog()
    boxes = dialog.signature_channels
    assert list(boxes) == ["email", "chat", "messenger", "phone"]
    assert [box.text() for box in boxes.values()] == ["E-mail", "Chat", "Messenger", "Phone"]
    assert [box.isChecked() for box in boxes.values()] == [True, False, False, False]  # the default: e-mail only
    assert dialog.signature_hint.text() == (
        "Added under the reply, after the closing, when copying for: E-mail. "
        "Left out when the reply or the closing already signs it."
    )
    assert boxes["chat"].accessibleName() == "Add the signature for: Chat"
    assert boxes["chat"].accessibleDescription() == dialog.signature_hint.text()
    boxes["messenger"].setChecked(True)
    assert dialog.signature_hint.text().startswith(
        "Added under the reply, after the closing, when copying for: E-mail, Messenger.")
    assert dialog.settings().signature_channels == ["email", "messenger"]
    boxes["email"].setChecked(False)
    boxes["messenger"].setChecked(False)
    assert dialog.signature_hint.text() == (
        "Not added to any reply. Put {{agent_signature}} in a reply or a closing to place it there."
    )
    assert dialog.settings().signature_channels == []


def test_the_hint_says_nothing_is_added_while_the_signature_is_empty(make_dialog):
    dialog = make_dialog(Settings())
    assert dialog.signature_hint.text().startswith("Nothing is added while the signature is empty.")
    assert dialog.signature_hint.text().endswith("when copying for: E-mail.")
    dialog.signature.setPlainText("Anna")
    assert dialog.signature_hint.text().startswith("Added under the reply")
    assert dialog.signature.placeholderText() == "Several lines allowed"


def test_signature_channels_round_trip_through_the_file(make_dialog, tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, dataclasses.replace(SETTINGS, signature_channels=["chat", "phone"]))
    loaded, error = load_settings(path)
    assert error is None
    dialog = make_dialog(loaded)
    assert [box.isChecked() for box in dialog.signature_channels.values()] == [False, True, False, True]
    dialog.signature_channels["email"].setChecked(True)
    dialog.signature_channels["phone"].setChecked(False)
    save_settings(path, dialog.settings())
    assert load_settings(path)[0].signature_channels == ["email", "chat"]


def test_a_channel_this_version_does_not_know_is_kept(make_dialog):
    dialog = make_dialog(dataclasses.replace(SETTINGS, signature_channels=["email", "sms"]))
    assert dialog.settings().signature_channels == ["email", "sms"]


def test_the_alt_key_moves_to_the_first_signature_box(make_dialog):
    dialog = make_dialog()
    labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.signature_channels["email"]]
    assert [label.text() for label in labels] == ["&Add the signature for:"]


def test_the_customer_idle_time_is_a_spin_box_where_zero_means_never(make_dialog):
    dialog = make_dialog(Settings(customer_idle_minutes=15))
    assert dialog.idle_minutes.value() == 15
    dialog.idle_minutes.setValue(0)
    assert dialog.idle_minutes.text() == "Never"
    assert dialog.settings().customer_idle_minutes == 0
    dialog.idle_minutes.setValue(5000)  # clamped to a day
    assert dialog.settings().customer_idle_minutes == 1440


def test_an_empty_kb_folder_says_which_kb_is_open_when_it_is_not_the_sample(qtbot, make_dialog, kb):
    dialog = make_dialog(dataclasses.replace(SETTINGS, kb_dir=""))
    assert dialog.kb_dir.text() == ""
    # the window was started with --kb (or KB_ASSISTANT_KB): "the bundled sample" would be wrong
    assert dialog.kb_dir.placeholderText() == f"Open now: {kb.root}"
    sample = SettingsDialog(SETTINGS, load_kb(bundled_kb_dir()))
    qtbot.addWidget(sample)
    assert sample.kb_dir.placeholderText() == "The bundled sample knowledge base"
