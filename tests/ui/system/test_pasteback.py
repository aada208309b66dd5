"""Paste-back: which commands run on which platform, nothing when off or unavailable, the window hidden after a copy."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QWidget

from kb_assistant.core.settings import Settings
from kb_assistant.ui.settings.pasteback_box import PasteBackBox
from kb_assistant.ui.system import paste_keys
from kb_assistant.ui.system.paste_keys import MACOS, WINDOWS, X11, platform_kind
from kb_assistant.ui.system.pasteback import PasteBack, availability


class FakeRunner:
    """Records commands and answers them from a table: program + first argument -> (ok, output)."""

    def __init__(self, answers=None):
        self.commands, self.answers = [], answers or {}

    def __call__(self, command, done):
        self.commands.append(command)
        ok, output = self.answers.get(tuple(command[:2]), (True, ""))
        done(ok, output)


def make(qtbot, kind, answers=None, enabled=True, native=None):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    raised = []
    runner = FakeRunner(answers)
    paste_back = PasteBack(lambda: enabled, lambda: window, None, kind=kind, reason=paste_keys.NO_XDOTOOL,
                           runner=runner, raise_window=raised.append, native=native)
    return paste_back, runner, window, raised


def test_platform_kind_names_each_platform_and_why_not():
    assert platform_kind("xcb", "linux", lambda name: "/usr/bin/xdotool") == (X11, "")
    assert platform_kind("xcb", "linux", lambda name: None) == ("", paste_keys.NO_XDOTOOL)
    assert platform_kind("wayland", "linux", lambda name: "/usr/bin/xdotool") == ("", paste_keys.WAYLAND)
    assert platform_kind("offscreen", "linux", lambda name: "/usr/bin/xdotool") == ("", paste_keys.NO_DESKTOP)
    assert platform_kind("windows", "win32") == (WINDOWS, "")
    assert platform_kind("cocoa", "darwin") == (MACOS, "")


def test_offscreen_is_unavailable_with_a_reason(qapp):
    can, reason = availability()
    assert not can and reason


def test_x11_remembers_the_active_window_then_raises_and_pastes_there_after_a_copy(qtbot):
    paste_back, runner, window, raised = make(qtbot, X11, {("xdotool", "getactivewindow"): (True, "4242\n")})
    paste_back.hand_over("refund")
    assert runner.commands == [["xdotool", "getactivewindow"]]
    assert raised == ["refund"] and paste_back.target == "4242"
    paste_back.on_copied("refund-card", "Refund started", "chat")
    assert not window.isVisible()
    assert runner.commands[-1] == ["xdotool", "windowactivate", "--sync", "4242", "key", "--clearmodifiers", "ctrl+v"]
    assert paste_back.target is None  # one hand-over, one paste
    count = len(runner.commands)
    paste_back.on_copied("refund-card", "Refund started", "chat")
    assert len(runner.commands) == count


def test_x11_without_a_window_manager_falls_back_to_the_input_focus(qtbot):
    answers = {("xdotool", "getactivewindow"): (False, ""), ("xdotool", "getwindowfocus"): (True, "77\n"),
               ("xdotool", "windowactivate"): (False, "")}
    paste_back, runner, window, raised = make(qtbot, X11, answers)
    paste_back.hand_over("")
    assert paste_back.target == "77" and raised == [""]
    paste_back.on_copied()
    assert [command[1] for command in runner.commands] == [
        "getactivewindow", "getwindowfocus", "windowactivate", "windowfocus"]


def test_macos_uses_system_events(qtbot):
    paste_back, runner, window, raised = make(qtbot, MACOS, {("osascript", "-e"): (True, "31337\n")})
    paste_back.hand_over("x")
    paste_back.on_copied()
    assert runner.commands[0][0] == "osascript" and "frontmost is true" in runner.commands[0][2]
    paste = runner.commands[1]
    assert "unix id is 31337" in paste[2] and 'keystroke "v" using command down' in paste[4]


def test_windows_uses_the_foreground_window_and_send_input(qtbot):
    pasted = []
    paste_back, runner, window, raised = make(qtbot, WINDOWS, native=(lambda: "1234", pasted.append))
    paste_back.hand_over("x")
    paste_back.on_copied()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: pasted == ["1234"])
    assert runner.commands == []


@pytest.mark.parametrize("kind, enabled", [(X11, False), ("", True)])
def test_nothing_is_attempted_when_off_or_unavailable(qtbot, kind, enabled):
    paste_back, runner, window, raised = make(qtbot, kind, {("xdotool", "getactivewindow"): (True, "5\n")},
                                              enabled=enabled)
    paste_back.hand_over("refund")
    assert raised == ["refund"]
    paste_back.on_copied()
    assert runner.commands == [] and window.isVisible()


def test_a_plain_launch_and_the_apps_own_window_are_not_targets(qtbot):
    paste_back, runner, window, raised = make(qtbot, X11)
    runner.answers[("xdotool", "getactivewindow")] = (True, f"{int(window.windowHandle().winId())}\n")
    paste_back.hand_over("")
    assert paste_back.target is None
    runner.answers[("xdotool", "getactivewindow")] = (True, "999\n")
    paste_back.hand_over("")
    paste_back.hand_over(None)  # a plain kb-assistant: raise, forget
    assert paste_back.target is None and raised == ["", "", None]
    paste_back.on_copied()
    assert window.isVisible()


def test_the_box_is_disabled_with_the_reason_where_it_cannot_work(qtbot):
    box = PasteBackBox(None, (False, "Needs xdotool."))
    qtbot.addWidget(box)
    box.set_values(Settings(paste_back=True))
    assert not box.check.isEnabled() and not box.check.isChecked()
    assert box.check.accessibleDescription() == "Needs xdotool." and "Needs xdotool." in box.hint.text()
    assert box.values()["paste_back"] is True  # kept for a machine where it works
    able = PasteBackBox(None, (True, ""))
    qtbot.addWidget(able)
    able.set_values(Settings())
    able.check.setChecked(True)
    assert able.values()["paste_back"] is True


def test_the_dialog_has_the_box_and_keeps_the_setting(qtbot):
    from kb_assistant.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(Settings(paste_back=True))
    qtbot.addWidget(dialog)
    assert isinstance(dialog.paste_back.check, QCheckBox)
    assert dialog.settings().paste_back is True
    assert dialog.team.author_email.nextInFocusChain() is dialog.paste_back.check


def test_paste_back_is_a_true_false_setting(tmp_path):
    from kb_assistant.core.settings import load_settings, save_settings

    path = tmp_path / "settings.json"
    save_settings(path, Settings(paste_back=True))
    assert load_settings(path)[0].paste_back is True
    path.write_text('{"paste_back": 1}', encoding="utf-8")
    settings, error = load_settings(path)
    assert settings.paste_back is False and error is not None


def test_leaving_the_app_without_copying_forgets_the_window(qtbot):
    from PySide6.QtCore import Qt

    paste_back, runner, window, raised = make(qtbot, X11, {("xdotool", "getactivewindow"): (True, "4242\n")})
    paste_back.hand_over("refund")
    assert paste_back.target == "4242"
    paste_back._on_state(Qt.ApplicationState.ApplicationInactive)
    assert paste_back.target is None
    paste_back.on_copied()
    assert window.isVisible() and len(runner.commands) == 1


def test_commands_run_in_a_process_and_answer_with_their_output(qtbot):
    import sys

    paste_back = PasteBack(lambda: True, lambda: None, None, kind=X11)
    answers = []
    paste_back._run_process([sys.executable, "-c", "print(4242)"], lambda ok, out: answers.append((ok, out.strip())))
    paste_back._run_process(["/nonexistent/xdotool"], lambda ok, out: answers.append((ok, out)))
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10000)
    assert sorted(answers) == [(False, ""), (True, "4242")]
